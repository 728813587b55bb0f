#include "app/AppSession.h"

#include "db/Database.h"
#include "store/EmployeeStore.h"
#include "store/ProfileAutoCreator.h"

#include <QThreadPool>
#include <atomic>

namespace {
// Sessions open on several threads (the window's import runs on a worker).
std::atomic<int> sessionCounter{0};
}

AppSession::AppSession() : m_connectionName(QStringLiteral("employee-records-%1").arg(++sessionCounter)) { }

AppSession::~AppSession()
{
    close();
}

bool AppSession::open(const DatabaseLocation &location, QString *error, Database::Missing missing, Backfill backfill)
{
    close();
    const Database::OpenResult opened = Database::open(location, m_connectionName, missing);
    if (!opened.ok()) {
        *error = opened.error;
        return false;
    }
    m_location = location;
    m_store = std::make_unique<EmployeeStore>(opened.db);
    m_profileCreator = std::make_unique<ProfileAutoCreator>(m_store.get());
    // The one place the receiver is wired. Direct: it must run inside the
    // creation's open transaction, on the store's thread.
    QObject::connect(m_store.get(), &EmployeeStore::employeeCreated, m_profileCreator.get(),
                     &ProfileAutoCreator::onEmployeeCreated, Qt::DirectConnection);

    if (backfill == Backfill::InBackground && location.kind() == DatabaseLocation::Kind::Postgres) {
        // The worker's session backfills in its own open() and closes again.
        QThreadPool::globalInstance()->start([opener = openerFor(location)] {
            QString ignored;   // a failure here is the same as at the next open: it is tried again then
            opener(&ignored);
        });
        m_backfilled = 0;
        return true;
    }
    QString backfillError;
    m_backfilled = m_profileCreator->backfill(&backfillError);
    if (m_backfilled < 0) {
        *error = tr("Some employees have no profile and creating them failed: %1").arg(backfillError);
        close();
        return false;
    }
    return true;
}

void AppSession::close()
{
    if (!m_store)
        return;
    m_profileCreator.reset();
    m_store.reset();
    Database::close(m_connectionName);
}

StoreSessionOpener AppSession::openerFor(const DatabaseLocation &location)
{
    return [location](QString *error) -> std::unique_ptr<StoreSession> {
        auto session = std::make_unique<AppSession>();
        // The window's database exists: a worker never creates one.
        if (!session->open(location, error, Database::Missing::Refuse))
            return nullptr;
        return session;
    };
}

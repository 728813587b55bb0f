#include "AppSession.h"

#include "Database.h"
#include "EmployeeStore.h"
#include "ProfileAutoCreator.h"

namespace {
int sessionCounter = 0;
}

AppSession::AppSession() : m_connectionName(QStringLiteral("employee-records-%1").arg(++sessionCounter)) { }

AppSession::~AppSession()
{
    close();
}

bool AppSession::open(const DatabaseLocation &location, QString *error, Database::Missing missing)
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
    m_profileCreator->connectTo(m_store.get());

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

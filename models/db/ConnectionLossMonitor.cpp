#include "db/ConnectionLossMonitor.h"

#include "db/ServerProbe.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QSqlDriver>
#include <QThreadPool>
#include <QVariant>
#include <libpq-fe.h>

namespace {
PGconn *nativeConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    // Qt's driver registers the handle under libpq's struct name.
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}
}

ConnectionLossMonitor::ConnectionLossMonitor(const QSqlDatabase &db, const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_db(db), m_location(location)
{
    m_retry.setInterval(RetryIntervalMs);
    connect(&m_retry, &QTimer::timeout, this, &ConnectionLossMonitor::retry);
    PGconn *connection = nativeConnection(m_db);
    if (!connection || PQsocket(connection) < 0)
        return;
    m_notifier = new QSocketNotifier(PQsocket(connection), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ConnectionLossMonitor::onSocketActivity);
}

ConnectionLossMonitor::~ConnectionLossMonitor() = default;

// Between queries nothing is owed to us on this socket: what arrives is the
// server saying goodbye (or a notice, which libpq keeps for the next query).
void ConnectionLossMonitor::onSocketActivity()
{
    PGconn *connection = nativeConnection(m_db);
    if (!connection) {
        markLost(tr("The connection was closed."));
        return;
    }
    if (PQconsumeInput(connection) == 0 || PQstatus(connection) == CONNECTION_BAD)
        markLost(QString::fromLocal8Bit(PQerrorMessage(connection)).trimmed());
}

void ConnectionLossMonitor::markLost(const QString &reason)
{
    if (m_lost)
        return;
    m_lost = true;
    m_notifier->setEnabled(false);   // a dead socket stays readable
    emit connectionLost(reason);
    m_retry.start();
}

void ConnectionLossMonitor::retry()
{
    if (m_probing)
        return;
    m_probing = true;
    QPointer<ConnectionLossMonitor> self(this);
    QThreadPool::globalInstance()->start([self, location = m_location] {
        const bool answers = ServerProbe::run(location).ok();
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, answers] {
            if (!self)
                return;
            self->m_probing = false;
            if (answers && self->m_lost) {
                self->m_retry.stop();
                emit self->serverAnswers();
            }
        });
    });
}

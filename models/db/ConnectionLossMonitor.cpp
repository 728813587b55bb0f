#include "db/ConnectionLossMonitor.h"

#include "db/PostgresHandle.h"
#include "db/ServerProbe.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThreadPool>
#include <libpq-fe.h>

ConnectionLossMonitor::ConnectionLossMonitor(const QSqlDatabase &db, const DatabaseLocation &location, QObject *parent)
    : QObject(parent), m_db(db), m_location(location)
{
    m_retry.setInterval(RetryIntervalMs);
    connect(&m_retry, &QTimer::timeout, this, &ConnectionLossMonitor::retry);
    PGconn *connection = postgresHandle(m_db);
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
    PGconn *connection = postgresHandle(m_db);
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

#pragma once

#include "db/DatabaseLocation.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QTimer>

class QSocketNotifier;

// Notices when the server ends a PostgreSQL connection (a restart, a DBA's
// pg_terminate_backend, a network that TCP keepalives find dead) and when the
// server answers again. QGIS keeps its PostgreSQL listener in a class of its
// own; this is the same for the connection's life.
//
// Costs nothing while all is well: no polling query. The server writes to
// the connection's socket when it ends the session (or the kernel closes it),
// so a notifier on that socket wakes, and libpq says whether the connection
// is still good (PQconsumeInput, PQstatus). Once lost, a worker thread tries
// the server every RetryIntervalMs on a connection of its own (ServerProbe:
// the GUI thread never waits for a server that does not answer) and
// serverAnswers() is emitted when it does: the composition root then opens
// the database again. SQLite connections are never lost; for them this does
// nothing.
class ConnectionLossMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int RetryIntervalMs = 2000;

    ConnectionLossMonitor(const QSqlDatabase &db, const DatabaseLocation &location, QObject *parent = nullptr);
    ~ConnectionLossMonitor() override;

    bool isLost() const { return m_lost; }
    // After serverAnswers() the monitor waits; when opening again failed
    // after all, this tries the server again.
    void keepTrying() { m_retry.start(); }

signals:
    // libpq's reason ("terminating connection due to administrator command").
    void connectionLost(const QString &reason);
    void serverAnswers();

private:
    void onSocketActivity();
    void markLost(const QString &reason);
    void retry();

    QSqlDatabase m_db;
    DatabaseLocation m_location;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_retry;
    bool m_lost = false;
    bool m_probing = false;
};

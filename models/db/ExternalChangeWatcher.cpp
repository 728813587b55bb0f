#include "db/ExternalChangeWatcher.h"

#include <QSqlQuery>
#include <atomic>

namespace {
QString listenerName(const QString &watched)
{
    static std::atomic<quint64> counter{0};
    return watched + QStringLiteral("-listener-%1").arg(++counter);
}
}

ExternalChangeWatcher::ExternalChangeWatcher(const QSqlDatabase &db, QObject *parent) : QObject(parent), m_db(db)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(PollIntervalMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ExternalChangeWatcher::reportPostgres);
    if (m_db.driverName().startsWith(QLatin1String("QPSQL")))
        listen();
    else if (m_db.driverName() == QLatin1String("QSQLITE"))
        startPolling();
}

ExternalChangeWatcher::~ExternalChangeWatcher()
{
    if (m_listenerName.isEmpty())
        return;
    {
        QSqlDatabase listener = QSqlDatabase::database(m_listenerName, false);
        if (listener.isOpen())
            listener.driver()->unsubscribeFromNotification(QString::fromLatin1(Channel));
        listener.close();
    }
    QSqlDatabase::removeDatabase(m_listenerName);
}

// A connection of its own that runs no query: the driver hears a notification
// when its socket becomes readable, and a query on a busy connection would
// read the notification off the socket first and leave it unheard.
void ExternalChangeWatcher::listen()
{
    QSqlQuery pid(m_db);
    if (pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next())
        m_ownBackend = pid.value(0).toString();
    m_listenerName = listenerName(m_db.connectionName());
    QSqlDatabase listener = QSqlDatabase::cloneDatabase(m_db, m_listenerName);
    if (!listener.open() || !listener.driver()->hasFeature(QSqlDriver::EventNotifications)) {
        qWarning("ExternalChangeWatcher: cannot open a connection to listen for other clients' changes");
        return;
    }
    connect(listener.driver(), &QSqlDriver::notification, this, &ExternalChangeWatcher::onNotification);
    m_listening = listener.driver()->subscribeToNotification(QString::fromLatin1(Channel));
    if (!m_listening)
        qWarning("ExternalChangeWatcher: cannot listen for other clients' changes");
}

void ExternalChangeWatcher::startPolling()
{
    m_dataVersion = readDataVersion();
    if (m_dataVersion < 0)
        return;
    m_polling.setInterval(PollIntervalMs);
    connect(&m_polling, &QTimer::timeout, this, &ExternalChangeWatcher::poll);
    m_polling.start();
}

qint64 ExternalChangeWatcher::readDataVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void ExternalChangeWatcher::poll()
{
    const qint64 version = readDataVersion();
    if (version < 0 || version == m_dataVersion)
        return;
    m_dataVersion = version;
    emit changedElsewhere();
}

// The payload is "<table> <backend pid of the writer>" (schema step 3); the
// watched connection's own writes are announced by the store already.
void ExternalChangeWatcher::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                           const QVariant &payload)
{
    if (name != QLatin1String(Channel))
        return;
    const QString writer = payload.toString().section(QLatin1Char(' '), 1, 1);
    if (!m_ownBackend.isEmpty() && writer == m_ownBackend)
        return;
    if (!m_pendingWriters.contains(writer))
        m_pendingWriters << writer;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

// Who wrote, asked on the watched connection (the listener runs no query),
// once per burst: pids are numbers from our own triggers' payloads.
void ExternalChangeWatcher::reportPostgres()
{
    QStringList pids;
    for (const QString &pid : std::as_const(m_pendingWriters)) {
        bool number = false;
        pid.toLongLong(&number);
        if (number)
            pids << pid;
    }
    m_pendingWriters.clear();
    QStringList names;
    if (!pids.isEmpty()) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT DISTINCT usename FROM pg_stat_activity WHERE pid = ANY(CAST(? AS int[])) "
                                 "ORDER BY usename"));
        q.addBindValue(QLatin1Char('{') + pids.join(QLatin1Char(',')) + QLatin1Char('}'));
        if (q.exec()) {
            while (q.next())
                names << q.value(0).toString();
        }
    }
    m_lastWriters = names.join(QStringLiteral(", "));
    emit changedElsewhere();
}

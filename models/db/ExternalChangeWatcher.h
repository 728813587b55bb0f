#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

// Tells when another connection committed a change to the open database,
// so that the views can re-read what they show: a colleague's edit, a
// second window's import, a change made with psql. QGIS's PostgreSQL
// provider keeps a class of its own for this; so do we.
//
//   - PostgreSQL: LISTEN, on a connection of its own, on the channel the
//     schema's triggers notify (step 3 of SchemaMigrator: every statement
//     changing employee, employee_profile or team, from any client).
//   - SQLite: polls PRAGMA data_version, which changes exactly when another
//     connection committed (a few times a second; the pragma reads no page).
//
// This connection's own writes are not reported: the store announces those
// itself. Reports are coalesced to at most one per PollIntervalMs, so a burst
// of commits elsewhere costs the views one re-read, not one each. Lives on
// the thread of `db`'s connection (the GUI thread for the window's store).
class ExternalChangeWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 250;
    static constexpr const char *Channel = "employee_records_changed";

    explicit ExternalChangeWatcher(const QSqlDatabase &db, QObject *parent = nullptr);
    ~ExternalChangeWatcher() override;

    // False when the database offers neither way (then nothing is reported).
    bool isWatching() const { return m_listening || m_polling.isActive(); }
    // PostgreSQL: the database roles that wrote the changes of the last
    // report ("anna", "anna, ben"), as the server still knows them
    // (pg_stat_activity); empty on SQLite or when the writers have gone.
    QString lastWriters() const { return m_lastWriters; }

signals:
    void changedElsewhere();

private:
    void listen();
    void startPolling();
    void poll();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    qint64 readDataVersion() const;
    void reportPostgres();

    QSqlDatabase m_db;
    QTimer m_polling;    // SQLite: data_version
    QTimer m_coalesce;   // PostgreSQL: one report per burst
    qint64 m_dataVersion = -1;
    QString m_listenerName;   // PostgreSQL: the listening connection
    QString m_ownBackend;     // PostgreSQL: the watched connection's backend pid
    bool m_listening = false;
    QStringList m_pendingWriters;   // backend pids of the burst being coalesced
    QString m_lastWriters;
};

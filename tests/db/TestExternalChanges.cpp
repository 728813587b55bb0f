// ExternalChangeWatcher: what another connection commits is reported within
// a second (PostgreSQL: the schema's triggers and LISTEN; SQLite: PRAGMA
// data_version), the connection's own writes are not, and a burst of commits
// elsewhere is one report, not one each. Also run against PostgreSQL.
#include "db/Database.h"
#include "db/ExternalChangeWatcher.h"
#include "TestDatabase.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class TestExternalChanges : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reportsWhatAnotherConnectionCommitted();
    void staysQuietAboutItsOwnWrites();
    void coalescesABurstOfCommits();
    void reportsChangesToEveryWatchedTable();
    void hearsAnImportByAnotherProcess();

private:
    QSqlDatabase other();

    std::unique_ptr<TestDatabase> m_tdb;
};

void TestExternalChanges::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
}

void TestExternalChanges::cleanup()
{
    m_tdb.reset();
    Database::close(QStringLiteral("colleague"));
}

QSqlDatabase TestExternalChanges::other()
{
    const Database::OpenResult opened = Database::open(m_tdb->location(), QStringLiteral("colleague"));
    if (!opened.ok())
        qWarning("%s", qPrintable(opened.error));
    return opened.db;
}

void TestExternalChanges::reportsWhatAnotherConnectionCommitted()
{
    ExternalChangeWatcher watcher(m_tdb->db());
    QVERIFY(watcher.isWatching());
    QSignalSpy changed(&watcher, &ExternalChangeWatcher::changedElsewhere);
    QSqlDatabase colleague = other();
    QVERIFY(colleague.isOpen());
    QVERIFY(TestDatabase::exec(colleague, QStringLiteral("INSERT INTO team (name) VALUES ('Operations')")));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, 1000);
}

void TestExternalChanges::staysQuietAboutItsOwnWrites()
{
    ExternalChangeWatcher watcher(m_tdb->db());
    QSignalSpy changed(&watcher, &ExternalChangeWatcher::changedElsewhere);
    QVERIFY(TestDatabase::exec(m_tdb->db(), QStringLiteral("INSERT INTO team (name) VALUES ('Operations')")));
    QTest::qWait(3 * ExternalChangeWatcher::PollIntervalMs);
    QCOMPARE(changed.count(), 0);
    // ...and still hears a colleague afterwards.
    QSqlDatabase colleague = other();
    QVERIFY(TestDatabase::exec(colleague, QStringLiteral("DELETE FROM team WHERE name = 'Operations'")));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, 1000);
}

void TestExternalChanges::coalescesABurstOfCommits()
{
    ExternalChangeWatcher watcher(m_tdb->db());
    QSignalSpy changed(&watcher, &ExternalChangeWatcher::changedElsewhere);
    QSqlDatabase colleague = other();
    for (int i = 0; i < 30; ++i)   // 30 transactions, as a colleague's row-by-row tool would commit
        QVERIFY(TestDatabase::exec(colleague, QStringLiteral("INSERT INTO team (name) VALUES ('Team %1')").arg(i)));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 1000);
    QTest::qWait(2 * ExternalChangeWatcher::PollIntervalMs);
    QVERIFY2(changed.count() <= 2, qPrintable(QString::number(changed.count())));
}

void TestExternalChanges::reportsChangesToEveryWatchedTable()
{
    ExternalChangeWatcher watcher(m_tdb->db());
    QSignalSpy changed(&watcher, &ExternalChangeWatcher::changedElsewhere);
    QSqlDatabase colleague = other();
    const QString now = QStringLiteral("'2026-12-03T12:00:00Z'");
    const QStringList statements = {
        QStringLiteral("INSERT INTO employee (first_name, last_name, email, email_normalized, created_at, updated_at) "
                       "VALUES ('Ada', 'Lovelace', 'ada@example.com', 'ada@example.com', %1, %1)").arg(now),
        QStringLiteral("UPDATE employee_profile SET address = 'Elsewhere'"),   // no rows: still a change statement
        QStringLiteral("UPDATE employee SET last_name = 'Byron'"),
        QStringLiteral("DELETE FROM employee"),
    };
    for (const QString &sql : statements) {
        const int before = changed.count();
        QVERIFY(TestDatabase::exec(colleague, sql));
        if (sql.startsWith(QLatin1String("UPDATE employee_profile")) && !m_tdb->isPostgres())
            continue;   // SQLite commits nothing for an UPDATE of no rows
        QTRY_VERIFY2_WITH_TIMEOUT(changed.count() == before + 1, qPrintable(sql), 1000);
        QTest::qWait(ExternalChangeWatcher::PollIntervalMs + 50);   // past the coalescing
    }
}

// A second program on the same database (here the command line importing a
// CSV file, as a colleague's window would): heard like a second connection.
void TestExternalChanges::hearsAnImportByAnotherProcess()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("people.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first_name,last_name,email\nAda,Lovelace,ada@example.com\nGrace,Hopper,grace@example.com\n");
    file.close();
    const DatabaseLocation location = m_tdb->location();
    const QStringList target = m_tdb->isPostgres()
        ? QStringList{QStringLiteral("--database-url"),
                      QStringLiteral("postgresql://%1@%2:%3/%4")
                          .arg(location.userName(), location.host())
                          .arg(location.port())
                          .arg(location.databaseName())}
        : QStringList{QStringLiteral("--database"), location.sqlitePath()};

    ExternalChangeWatcher watcher(m_tdb->db());
    QSignalSpy changed(&watcher, &ExternalChangeWatcher::changedElsewhere);
    QProcess other;
    other.setProcessChannelMode(QProcess::MergedChannels);
    other.start(QStringLiteral(ER_BINARY), target + QStringList{QStringLiteral("--import"), csv});
    QVERIFY(other.waitForFinished(30000));
    QVERIFY2(other.exitCode() == 0, other.readAll().constData());
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 1000);
}

QTEST_GUILESS_MAIN(TestExternalChanges)
#include "TestExternalChanges.moc"

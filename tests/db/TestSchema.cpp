// Schema and migrations: the contract's tables and columns, seeded teams,
// SQLite pragmas, and every way opening can be refused without a change.
#include "app/AppSession.h"
#include "db/Database.h"
#include "store/EmployeeStore.h"
#include "db/SchemaMigrator.h"
#include "TestDatabase.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void tablesHaveContractColumns_data();
    void tablesHaveContractColumns();
    void teamsAreSeeded();
    void versionIsRecordedAndReopenIsNoOp();
    void sqliteRunsWithForeignKeysAndWal();
    void profileEmployeeIdIsUniqueAndCascades();
    void newerVersionIsRefusedUntouched();
    void foreignDatabaseIsRefusedUntouched();
    void corruptFileIsRefusedUntouched();
    void lockedDatabaseGetsMessage();
    void aServersBackfillDoesNotHoldUpTheWindow();

private:
    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void TestSchema::tablesHaveContractColumns_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("columns");
    QTest::newRow("employee") << "employee"
                              << QStringList{"id", "first_name", "last_name", "email", "phone", "created_at",
                                             "updated_at", "version"};
    QTest::newRow("team") << "team" << QStringList{"id", "name"};
    QTest::newRow("employee_profile")
        << "employee_profile"
        << QStringList{"id", "employee_id", "date_of_birth", "team_id", "address", "gender", "bio", "photo",
                       "created_at", "updated_at", "version"};
}

void TestSchema::tablesHaveContractColumns()
{
    QFETCH(QString, table);
    QFETCH(QStringList, columns);
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    const QSqlRecord record = tdb.db().record(table);
    for (const QString &column : columns)
        QVERIFY2(record.indexOf(column) >= 0, qPrintable(table + "." + column + " is missing"));
}

void TestSchema::teamsAreSeeded()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QSqlQuery q(tdb.db());
    QVERIFY(q.exec("SELECT name FROM team ORDER BY name"));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    QCOMPARE(names, (QStringList{"Engineering", "Marketing", "Product"}));
}

void TestSchema::versionIsRecordedAndReopenIsNoOp()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QCOMPARE(SchemaMigrator::currentVersion(tdb.db()), SchemaMigrator::latestVersion());
    QVERIFY(TestDatabase::exec(tdb.db(), "INSERT INTO team (name) VALUES ('Sales')"));
    QVERIFY2(tdb.reopen(), qPrintable(tdb.error()));
    QSqlQuery q(tdb.db());
    QVERIFY(q.exec("SELECT COUNT(*) FROM team"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 4);   // reopening neither re-seeds nor drops anything
    QVERIFY(q.exec("SELECT COUNT(*) FROM schema_migrations"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), SchemaMigrator::latestVersion());
}

void TestSchema::sqliteRunsWithForeignKeysAndWal()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QSqlQuery q(tdb.db());
    // Both: a profile naming a team that does not exist is refused.
    QVERIFY(TestDatabase::exec(tdb.db(), "INSERT INTO employee (id, first_name, last_name, email, email_normalized, "
                                         "created_at, updated_at) VALUES (9, 'Fk', 'Check', 'fk@example.com', "
                                         "'fk@example.com', 'now', 'now')"));
    QVERIFY(!q.exec("INSERT INTO employee_profile (employee_id, team_id, created_at, updated_at) "
                    "VALUES (9, 999999, 'now', 'now')"));
    if (tdb.isPostgres())
        return;   // the pragmas below are SQLite's
    QVERIFY(q.exec("PRAGMA foreign_keys"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec("PRAGMA journal_mode"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
}

void TestSchema::profileEmployeeIdIsUniqueAndCascades()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    const QSqlDatabase db = tdb.db();
    QVERIFY(TestDatabase::exec(db, "INSERT INTO employee (id, first_name, last_name, email, email_normalized, "
                                   "created_at, updated_at) VALUES (7, 'Ada', 'Lovelace', 'ada@example.com', "
                                   "'ada@example.com', 'now', 'now')"));
    QVERIFY(TestDatabase::exec(db, "INSERT INTO employee_profile (employee_id, created_at, updated_at) "
                                   "VALUES (7, 'now', 'now')"));
    QSqlQuery q(db);
    QVERIFY2(!q.exec("INSERT INTO employee_profile (employee_id, created_at, updated_at) VALUES (7, 'now', 'now')"),
             "a second profile for one employee must be refused by the schema");
    QVERIFY2(!q.exec("INSERT INTO employee_profile (employee_id, created_at, updated_at) VALUES (8, 'now', 'now')"),
             "a profile for no employee must be refused by the schema");
    QVERIFY(TestDatabase::exec(db, "DELETE FROM employee WHERE id = 7"));
    QVERIFY(q.exec("SELECT COUNT(*) FROM employee_profile"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestSchema::newerVersionIsRefusedUntouched()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    const int newer = SchemaMigrator::latestVersion() + 1;
    QVERIFY(TestDatabase::exec(tdb.db(), QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                                        "VALUES (%1, 'future')").arg(newer)));
    QVERIFY(TestDatabase::exec(tdb.db(), "CREATE TABLE from_the_future (x INTEGER)"));
    QVERIFY(!tdb.reopen());
    QVERIFY2(tdb.error().contains("newer version"), qPrintable(tdb.error()));
    QVERIFY2(tdb.error().contains("not modified"), qPrintable(tdb.error()));

    // Look with a plain connection: nothing was dropped or rolled back.
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(tdb.isPostgres() ? "QPSQL" : "QSQLITE", "raw");
        const DatabaseLocation l = tdb.location();
        raw.setDatabaseName(tdb.isPostgres() ? l.databaseName() : l.sqlitePath());
        raw.setHostName(l.host());
        raw.setPort(l.port());
        raw.setUserName(l.userName());
        QVERIFY(raw.open());
        QVERIFY(raw.tables().contains("from_the_future"));
        QCOMPARE(SchemaMigrator::currentVersion(raw), newer);
    }
    Database::close("raw");
}

void TestSchema::foreignDatabaseIsRefusedUntouched()
{
    if (TestDatabase::postgresRequested())
        QSKIP("an SQLite file's header: tested by TestSchema's SQLite run");
    QTemporaryDir dir;
    const QString path = dir.filePath("other.sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "foreign");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(TestDatabase::exec(db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)"));
        db.close();
    }
    QSqlDatabase::removeDatabase("foreign");
    const QByteArray before = fileBytes(path);
    const Database::OpenResult result = Database::open(DatabaseLocation::sqlite(path), "foreign");
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains("not created by Employee Records"), qPrintable(result.error));
    QCOMPARE(fileBytes(path), before);
}

void TestSchema::corruptFileIsRefusedUntouched()
{
    if (TestDatabase::postgresRequested())
        QSKIP("an SQLite file's pages: tested by TestSchema's SQLite run");
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.sqlite");
    QByteArray garbage(8192, 'x');
    garbage.prepend("This is not a database at all. ");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    const Database::OpenResult result = Database::open(DatabaseLocation::sqlite(path), "corrupt");
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains("damaged"), qPrintable(result.error));
    QCOMPARE(fileBytes(path), garbage);
    QVERIFY(!QSqlDatabase::contains("corrupt"));
}

void TestSchema::lockedDatabaseGetsMessage()
{
    if (TestDatabase::postgresRequested())
        QSKIP("SQLite's file lock at open; PostgreSQL's row locks: TestWriteLocks_postgres");
    TestDatabase tdb("holder");
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QVERIFY(TestDatabase::exec(tdb.db(), "BEGIN EXCLUSIVE"));
    const Database::OpenResult result = Database::open(tdb.location(), "second");
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains("locked"), qPrintable(result.error));
    QVERIFY(TestDatabase::exec(tdb.db(), "ROLLBACK"));
}

// A read-only database: TestCli::readOnlyDatabaseGetsMessage (as another user
// when run as root, whom file permissions do not stop).

// The window's session (Backfill::InBackground) on a server returns before
// the profiles another tool left missing are created; a worker's session
// creates them a moment later. SQLite creates them before returning.
void TestSchema::aServersBackfillDoesNotHoldUpTheWindow()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QString error;
    qint64 orphan = 0;
    {
        std::unique_ptr<AppSession> writer = tdb.openSession(&error);
        QVERIFY2(writer, qPrintable(error));
        Employee e;
        e.firstName = QStringLiteral("Ada");
        e.lastName = QStringLiteral("Lovelace");
        e.email = QStringLiteral("ada@example.com");
        orphan = writer->store()->createEmployee(e).id();
        QVERIFY(orphan > 0);
    }
    // Another tool removed the profile.
    QVERIFY(TestDatabase::exec(tdb.db(), QStringLiteral("DELETE FROM employee_profile WHERE employee_id = %1").arg(orphan)));
    const auto profiles = [&tdb, orphan] {
        QSqlQuery q(tdb.db());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM employee_profile WHERE employee_id = %1").arg(orphan)) && q.next()
            ? q.value(0).toInt()
            : -1;
    };
    const DatabaseLocation location = tdb.location();
    tdb.close();   // SQLite: the session's backfill must not wait for this connection's lock
    QVERIFY(tdb.reopen());
    AppSession session;
    QVERIFY2(session.open(location, &error, Database::Missing::Refuse, AppSession::Backfill::InBackground),
             qPrintable(error));
    if (!tdb.isPostgres()) {
        QCOMPARE(session.backfilled(), 1);
        QCOMPARE(profiles(), 1);
        return;
    }
    QCOMPARE(session.backfilled(), 0);   // not waited for
    QTRY_COMPARE_WITH_TIMEOUT(profiles(), 1, 10000);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "TestSchema.moc"

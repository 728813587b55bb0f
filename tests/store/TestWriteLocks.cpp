// Writes take the lock up front and wait only briefly for another program's
// (issue 9, part 4). Another connection holds a write lock (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: the employee's row locked FOR UPDATE): a save waits
// about Database::BusyTimeoutMs, then says the database is busy and writes
// nothing; a lock released sooner is simply waited for. An import whose first
// read precedes another program's commit still writes every row (a deferred
// BEGIN lost them all to "database is locked"). Two clients opening an old
// database at once migrate it once, without an error.
#include "db/Database.h"
#include "store/EmployeeStore.h"
#include "db/SchemaMigrator.h"
#include "TestDatabase.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <atomic>
#include <memory>
#include <thread>

namespace {
Employee person(const QString &first, const QString &email)
{
    Employee e;
    e.firstName = first;
    e.lastName = QStringLiteral("Locke");
    e.email = email;
    return e;
}

bool exec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    bool ok;
    if (binds.isEmpty()) {   // PostgreSQL prepares no DDL
        ok = q.exec(sql);
    } else {
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (ok)
        return true;
    qWarning() << sql << q.lastError().text();
    return false;
}

// A second program's connection to the same database, on the calling thread.
QSqlDatabase otherConnection(const DatabaseLocation &location, const QString &name)
{
    const Database::OpenResult opened = Database::open(location, name);
    if (!opened.ok())
        qWarning() << opened.error;
    return opened.db;
}

// Takes the write lock (on `employeeId`'s row for PostgreSQL) in an open transaction.
bool holdWriteLock(QSqlDatabase &db, bool postgres, qint64 employeeId)
{
    if (!postgres)
        return exec(db, QStringLiteral("BEGIN IMMEDIATE"));
    return db.transaction()
        && exec(db, QStringLiteral("SELECT id FROM employee WHERE id = ? FOR UPDATE"), {employeeId});
}
}

class TestWriteLocks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void saveWaitsBrieflyThenSaysTheDatabaseIsBusy();
    void saveWaitsForALockReleasedSoon();
    void importAfterAnotherProgramsCommitWritesEveryRow();
    void twoClientsOpeningAnOldDatabaseMigrateItOnce();

private:
    std::unique_ptr<TestDatabase> m_tdb;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
};

void TestWriteLocks::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString sessionError;
    m_session = m_tdb->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestWriteLocks::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_tdb.reset();
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("other")))
            Database::close(name);
    }
}

void TestWriteLocks::saveWaitsBrieflyThenSaysTheDatabaseIsBusy()
{
    const qint64 id = m_store->createEmployee(person("Ada", "ada@example.com")).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.profile.address = QStringLiteral("Somewhere");

    QSqlDatabase other = otherConnection(m_tdb->location(), QStringLiteral("other"));
    QVERIFY(holdWriteLock(other, m_tdb->isPostgres(), id));
    QElapsedTimer clock;
    clock.start();
    const StoreResult result = m_store->saveChanges(base, edited, {RecordField::Address});
    const qint64 waited = clock.elapsed();
    other.rollback();

    QVERIFY(!result.ok());
    QVERIFY2(result.errorText().contains(QStringLiteral("locked by another program")), qPrintable(result.errorText()));
    // It waited for the other program, but not for long.
    QVERIFY2(waited >= Database::BusyTimeoutMs * 8 / 10, qPrintable(QString::number(waited)));
    QVERIFY2(waited < Database::BusyTimeoutMs + 3000, qPrintable(QString::number(waited)));
    QVERIFY(m_store->record(id)->profile.address.isEmpty());   // nothing written
    QCOMPARE(m_store->record(id)->profile.version, 1);
}

void TestWriteLocks::saveWaitsForALockReleasedSoon()
{
    const qint64 id = m_store->createEmployee(person("Ada", "ada@example.com")).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.firstName = QStringLiteral("Augusta");

    // The other program, on a thread of its own: locks, works 300 ms, commits.
    std::atomic<int> state{0};   // 1 = holding the lock, 2 = done, -1 = failed
    const DatabaseLocation location = m_tdb->location();
    const bool postgres = m_tdb->isPostgres();
    std::thread otherProgram([&] {
        {
            QSqlDatabase db = otherConnection(location, QStringLiteral("other-thread"));
            if (!db.isOpen() || !holdWriteLock(db, postgres, id)) {
                state = -1;
            } else {
                state = 1;
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                db.commit();
                state = 2;
            }
        }
        Database::close(QStringLiteral("other-thread"));
    });
    while (state == 0)
        std::this_thread::yield();
    QElapsedTimer clock;
    clock.start();
    const StoreResult result = m_store->saveChanges(base, edited, {RecordField::FirstName});
    const qint64 waited = clock.elapsed();
    otherProgram.join();
    QCOMPARE(state.load(), 2);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY2(waited >= 200, qPrintable(QString::number(waited)));   // it did wait for the lock
    QCOMPARE(m_store->record(id)->employee.firstName, QStringLiteral("Augusta"));
}

void TestWriteLocks::importAfterAnotherProgramsCommitWritesEveryRow()
{
    QSqlDatabase other = otherConnection(m_tdb->location(), QStringLiteral("other"));
    QVERIFY(other.isOpen());
    QVERIFY(m_store->beginBulk());
    QCOMPARE(m_store->employeeCount(), 0);   // the import's first read
    // Another program writes now. Against our immediate transaction it
    // waits and gives up (SQLite) or goes ahead on rows of its own
    // (PostgreSQL); after a deferred BEGIN it committed, and every write of
    // ours then failed at once with "database is locked".
    {
        QSqlQuery q(other);
        q.exec(QStringLiteral("INSERT INTO team (name) VALUES ('Written meanwhile')"));
    }
    QList<NewEmployee> rows;
    QList<Employee> people;
    QList<EmployeeProfile> profiles;
    for (int i = 0; i < 5; ++i) {
        people << person(QStringLiteral("Row%1").arg(i), QStringLiteral("row%1@example.com").arg(i));
        profiles << EmployeeProfile{};
    }
    for (int i = 0; i < 5; ++i)
        rows << NewEmployee{&people[i], &profiles[i]};
    const QList<StoreResult> results = m_store->createEmployees(rows);
    for (const StoreResult &r : results)
        QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));
    QCOMPARE(m_store->employeeCount(), 5);
    QCOMPARE(m_store->profileCount(), 5);
}

void TestWriteLocks::twoClientsOpeningAnOldDatabaseMigrateItOnce()
{
    // An old database: SQLite a new empty file, PostgreSQL an emptied schema.
    DatabaseLocation location = m_tdb->location();
    if (m_tdb->isPostgres()) {
        QSqlDatabase db = m_tdb->db();
        QVERIFY(exec(db, QStringLiteral("DROP SCHEMA public CASCADE")));
        QVERIFY(exec(db, QStringLiteral("CREATE SCHEMA public")));
    } else {
        location = DatabaseLocation::sqlite(m_tdb->location().sqlitePath() + QStringLiteral(".old.sqlite"));
    }
    m_store = nullptr;
    m_session.reset();
    m_tdb->close();

    std::atomic<int> ready{0};
    QString errors[2];
    auto client = [&](int n) {
        const QString name = QStringLiteral("other-migrator-%1").arg(n);
        ++ready;
        while (ready < 2)
            std::this_thread::yield();
        {
            const Database::OpenResult opened = Database::open(location, name);
            errors[n] = opened.error;
        }
        Database::close(name);
    };
    std::thread first(client, 0);
    std::thread second(client, 1);
    first.join();
    second.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));

    const Database::OpenResult check = Database::open(location, QStringLiteral("other-check"));
    QVERIFY2(check.ok(), qPrintable(check.error));
    QSqlQuery q(check.db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations")) && q.next());
    QCOMPARE(q.value(0).toInt(), SchemaMigrator::latestVersion());
    QCOMPARE(q.value(1).toInt(), SchemaMigrator::latestVersion());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM team")) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);   // the seeded teams, once
}

QTEST_GUILESS_MAIN(TestWriteLocks)
#include "TestWriteLocks.moc"

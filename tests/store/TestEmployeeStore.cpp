// The store and its signals: profile auto-creation through employeeCreated,
// atomicity, idempotence, cascade, backfill, bulk, optimistic locking, teams.
#include "store/EmployeeStore.h"
#include "store/EmployeeCreation.h"
#include "store/ProfileAutoCreator.h"
#include "TestDatabase.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

namespace {

Employee person(const QString &first, const QString &last, const QString &email, const QString &phone = {})
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = email;
    e.phone = phone;
    return e;
}

qint64 count(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec("SELECT COUNT(*) FROM " + table) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestEmployeeStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createGivesEveryEmployeeItsProfile();
    void employeeCreatedFiresInsideTheOpenTransaction();
    void seedProfileReachesTheCreatedProfile();
    void creatorIsIdempotent();
    void failingReceiverRollsBackTheEmployee();
    void failingProfileWriteRollsBackTheEmployee();
    void noReceiverMeansNoEmployee();
    void emailIsUniqueIgnoringCase();
    void phoneIsUniqueWhenPresent();
    void deleteCascadesToTheProfile();
    void reverseRelationWorksBothWays();
    void backfillCreatesMissingProfiles();
    void bulkCreatesRefusesOnlyBadRowsAndSignalsOnce();
    void rolledBackBulkLeavesNothing();
    void bulkUndoesOnlyTheRowWhoseProfileFailed();
    void bulkWritesTheSameRowsAsSingleCreates();
    void deferredIndexesComeBackOnCommitAndRollback();
    void createEmployeesAnswersEveryRowAsSingleCreatesWould();
    void createEmployeesStoresEveryCharacterAndByte();
    void createEmployeesHonoursVetoAndIdempotentReceivers();
    void updateUsesOptimisticLocking();
    void saveChangesIsAllOrNothing();
    void teamsAreUniqueAndInUseTeamsStay();

private:
    std::unique_ptr<TestDatabase> m_tdb;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
};

void TestEmployeeStore::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString sessionError;
    m_session = m_tdb->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestEmployeeStore::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_tdb.reset();
}

void TestEmployeeStore::createGivesEveryEmployeeItsProfile()
{
    QList<qint64> created;
    connect(m_store, &EmployeeStore::employeeCreated, this,
            [&](EmployeeCreation *creation) { created << creation->employeeId(); });
    QSignalSpy added(m_store, &EmployeeStore::employeeAdded);
    const StoreResult result = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com", "+442071234567"));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.id() > 0);
    QCOMPARE(created, QList<qint64>{result.id()});
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toLongLong(), result.id());
    QCOMPARE(count(m_tdb->db(), "employee"), 1);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
    const auto profile = m_store->profileOf(result.id());
    QVERIFY(profile);
    QCOMPARE(profile->employeeId, result.id());
    QCOMPARE(profile->version, 1);
    const auto stored = m_store->employee(result.id());
    QVERIFY(stored);
    QCOMPARE(stored->email, QStringLiteral("ada@example.com"));
    QCOMPARE(stored->phone, QStringLiteral("+442071234567"));
    QVERIFY(stored->createdAt.isValid());
    QCOMPARE(stored->createdAt.timeSpec(), Qt::UTC);
}

void TestEmployeeStore::employeeCreatedFiresInsideTheOpenTransaction()
{
    // The receiver sees the new row on the store's connection; when creation
    // is then vetoed, the row is gone: so the receiver ran inside the transaction.
    qint64 seenInside = -1;
    connect(m_store, &EmployeeStore::employeeCreated, this, [&](EmployeeCreation *creation) {
        seenInside = count(m_store->database(), "employee");
        creation->refuse("test veto");
    });
    const StoreResult result = m_store->createEmployee(person("Grace", "Hopper", "grace@example.com"));
    QVERIFY(!result.ok());
    QCOMPARE(seenInside, 1);
    QCOMPARE(count(m_tdb->db(), "employee"), 0);
}

void TestEmployeeStore::seedProfileReachesTheCreatedProfile()
{
    const QList<Team> teams = m_store->teams();
    QVERIFY(!teams.isEmpty());
    EmployeeProfile seed;
    seed.dateOfBirth = QDate(1990, 5, 17);
    seed.teamId = teams.first().id;
    seed.address = "1 Main Street\nSpringfield";
    seed.gender = Gender::Female;
    seed.bio = "Likes \"quotes\", commas";
    const StoreResult result = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com"), seed);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const auto profile = m_store->profileOf(result.id());
    QVERIFY(profile);
    QCOMPARE(profile->dateOfBirth, seed.dateOfBirth);
    QCOMPARE(profile->teamId, seed.teamId);
    QCOMPARE(profile->address, seed.address);
    QCOMPARE(profile->gender, Gender::Female);
    QCOMPARE(profile->bio, seed.bio);
}

void TestEmployeeStore::creatorIsIdempotent()
{
    // The session's creator, a second one on top, and a third receiver that
    // creates the profile too: still exactly one profile.
    ProfileAutoCreator second(m_store);
    connect(m_store, &EmployeeStore::employeeCreated, &second, &ProfileAutoCreator::onEmployeeCreated,
            Qt::DirectConnection);
    QList<StoreResult> answers;
    connect(m_store, &EmployeeStore::employeeCreated, this,
            [&](EmployeeCreation *creation) { answers << creation->createProfile(); });
    const StoreResult result = m_store->createEmployee(person("Alan", "Turing", "alan@example.com"));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().id(), m_store->profileOf(result.id())->id);   // the first answer, again

    // Delivered again later (a second connection, a retry): nothing new.
    const StoreResult again = m_store->ensureProfile(result.id());
    QVERIFY2(again.ok(), qPrintable(again.errorText()));
    QCOMPARE(again.id(), m_store->profileOf(result.id())->id);
    const EmployeeCreation::ProfileWriter write = [this](qint64 id, const EmployeeProfile &seed) {
        return m_store->ensureProfile(id, seed);
    };
    const EmployeeProfile none;
    EmployeeCreation redelivered(result.id(), none, write);
    second.onEmployeeCreated(&redelivered);
    QVERIFY(redelivered.profileCreated());
    QVERIFY(!redelivered.isRefused());
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
}

void TestEmployeeStore::failingReceiverRollsBackTheEmployee()
{
    QSignalSpy added(m_store, &EmployeeStore::employeeAdded);
    connect(m_store, &EmployeeStore::employeeCreated, this,
            [&](EmployeeCreation *creation) { creation->refuse("the audit log is full"); });
    const StoreResult result = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com"));
    QVERIFY(!result.ok());
    QVERIFY2(result.errorText().contains("the audit log is full"), qPrintable(result.errorText()));
    QCOMPARE(count(m_tdb->db(), "employee"), 0);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 0);
    QCOMPARE(added.count(), 0);
}

void TestEmployeeStore::failingProfileWriteRollsBackTheEmployee()
{
    EmployeeProfile seed;
    seed.teamId = 999999;   // no such team: the receiver's INSERT fails on the foreign key
    const StoreResult result = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com"), seed);
    QVERIFY(!result.ok());
    QCOMPARE(count(m_tdb->db(), "employee"), 0);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 0);
    // The store is usable afterwards (no transaction left open or aborted).
    QVERIFY(m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).ok());
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
}

void TestEmployeeStore::noReceiverMeansNoEmployee()
{
    // The session's receiver disconnected: nobody creates the profile.
    QVERIFY(disconnect(m_store, &EmployeeStore::employeeCreated, nullptr, nullptr));
    const StoreResult result = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com"));
    QVERIFY(!result.ok());
    QVERIFY2(result.errorText().contains("no profile"), qPrintable(result.errorText()));
    QCOMPARE(count(m_tdb->db(), "employee"), 0);
}

void TestEmployeeStore::emailIsUniqueIgnoringCase()
{
    QVERIFY(m_store->createEmployee(person("Ada", "Lovelace", "Ada@Example.com")).ok());
    const StoreResult dup = m_store->createEmployee(person("Ada", "King", "ada@EXAMPLE.COM"));
    QVERIFY(!dup.ok());
    QVERIFY(!dup.errorFor("email").isEmpty());
    QCOMPARE(count(m_tdb->db(), "employee"), 1);
    QCOMPARE(m_store->employee(1) ? m_store->employee(1)->email : QString(), QStringLiteral("Ada@Example.com"));
}

void TestEmployeeStore::phoneIsUniqueWhenPresent()
{
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com", "+4930123456")).ok());
    QVERIFY(m_store->createEmployee(person("B", "Two", "b@example.com")).ok());
    QVERIFY(m_store->createEmployee(person("C", "Three", "c@example.com")).ok());   // two without phone are fine
    const StoreResult dup = m_store->createEmployee(person("D", "Four", "d@example.com", "+4930123456"));
    QVERIFY(!dup.ok());
    QVERIFY(!dup.errorFor("phone").isEmpty());
    QCOMPARE(count(m_tdb->db(), "employee"), 3);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 3);
}

void TestEmployeeStore::deleteCascadesToTheProfile()
{
    const qint64 keep = m_store->createEmployee(person("A", "One", "a@example.com")).id();
    const qint64 gone = m_store->createEmployee(person("B", "Two", "b@example.com")).id();
    QSignalSpy removed(m_store, &EmployeeStore::employeeRemoved);
    QVERIFY(m_store->deleteEmployee(gone).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(count(m_tdb->db(), "employee"), 1);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
    QVERIFY(m_store->profileOf(keep));
    QVERIFY(!m_store->profileOf(gone));
    QVERIFY(!m_store->deleteEmployee(gone).ok());
}

void TestEmployeeStore::reverseRelationWorksBothWays()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    const auto profile = m_store->profileOf(id);
    QVERIFY(profile);
    const auto owner = m_store->employeeOf(*profile);
    QVERIFY(owner);
    QCOMPARE(owner->id, id);
    QCOMPARE(owner->displayName(), QStringLiteral("Ada Lovelace"));
    QVERIFY(!m_store->profileOf(id + 100));
}

void TestEmployeeStore::backfillCreatesMissingProfiles()
{
    const qint64 a = m_store->createEmployee(person("A", "One", "a@example.com")).id();
    const qint64 b = m_store->createEmployee(person("B", "Two", "b@example.com")).id();
    // Rows written behind the store's back, as another tool would.
    QVERIFY(TestDatabase::exec(m_tdb->db(), QStringLiteral("DELETE FROM employee_profile WHERE employee_id = %1").arg(a)));
    QVERIFY(TestDatabase::exec(m_tdb->db(), "INSERT INTO employee (first_name, last_name, email, email_normalized, "
                                            "created_at, updated_at) VALUES ('C', 'Three', 'c@example.com', "
                                            "'c@example.com', 'now', 'now')"));
    QCOMPARE(m_store->employeesWithoutProfile().size(), 2);
    QString error;
    ProfileAutoCreator creator(m_store);
    QCOMPARE(creator.backfill(&error), 2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_store->employeesWithoutProfile().isEmpty());
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 3);
    QVERIFY(m_store->profileOf(b));
    QCOMPARE(creator.backfill(&error), 0);
}

void TestEmployeeStore::bulkCreatesRefusesOnlyBadRowsAndSignalsOnce()
{
    int created = 0;
    connect(m_store, &EmployeeStore::employeeCreated, this, [&] { ++created; });
    QSignalSpy added(m_store, &EmployeeStore::employeeAdded);
    QSignalSpy imported(m_store, &EmployeeStore::employeesImported);
    QVERIFY(m_store->beginBulk());
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com")).ok());
    QVERIFY(!m_store->createEmployee(person("A", "Again", "A@example.com")).ok());
    QVERIFY(m_store->createEmployee(person("B", "Two", "b@example.com")).ok());
    QVERIFY(m_store->commitBulk());
    QCOMPARE(created, 2);   // the refused row never got as far as being created
    QCOMPARE(added.count(), 0);
    QCOMPARE(imported.count(), 1);
    QCOMPARE(imported.first().first().toInt(), 2);
    QCOMPARE(count(m_tdb->db(), "employee"), 2);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 2);
}

void TestEmployeeStore::rolledBackBulkLeavesNothing()
{
    QVERIFY(m_store->createEmployee(person("Z", "Before", "z@example.com")).ok());
    QVERIFY(m_store->beginBulk());
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com")).ok());
    QVERIFY(m_store->createEmployee(person("B", "Two", "b@example.com")).ok());
    m_store->rollbackBulk();
    QCOMPARE(count(m_tdb->db(), "employee"), 1);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1);
}

void TestEmployeeStore::bulkUndoesOnlyTheRowWhoseProfileFailed()
{
    EmployeeProfile badSeed;
    badSeed.teamId = 999999;   // the receiver's profile INSERT fails on the foreign key
    QVERIFY(m_store->beginBulk());
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com")).ok());
    QVERIFY(!m_store->createEmployee(person("B", "Two", "b@example.com"), badSeed).ok());
    QVERIFY(m_store->createEmployee(person("C", "Three", "c@example.com")).ok());
    QVERIFY(m_store->createEmployee(person("B", "Again", "b@example.com")).ok());   // its email is free again
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));
    QCOMPARE(count(m_tdb->db(), "employee"), 3);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 3);
    QVERIFY(m_store->employeesWithoutProfile().isEmpty());
}

namespace {
// Every column but ids and timestamps, of both tables, in id order.
QList<QStringList> storedRows(const QSqlDatabase &db)
{
    QList<QStringList> rows;
    QSqlQuery q(db);
    if (!q.exec("SELECT e.first_name, e.last_name, e.email, e.email_normalized, e.phone, e.version, "
                "p.date_of_birth, p.team_id, p.address, p.gender, p.bio, p.photo, p.version, "
                "CASE WHEN e.created_at = e.updated_at THEN 1 ELSE 0 END, CASE WHEN p.created_at = p.updated_at THEN 1 ELSE 0 END, "
                "CASE WHEN e.phone IS NULL THEN 1 ELSE 0 END, CASE WHEN p.address IS NULL THEN 1 ELSE 0 END, "
                "CASE WHEN p.photo IS NULL THEN 1 ELSE 0 END, CASE WHEN p.team_id IS NULL THEN 1 ELSE 0 END FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                "ORDER BY e.id"))
        return {{q.lastError().text()}};
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 19; ++i)
            row << (i == 11 ? QString::fromLatin1(q.value(i).toByteArray().toHex()) : q.value(i).toString());
        rows << row;
    }
    return rows;
}

QStringList secondaryIndexes(const QSqlDatabase &db)
{
    QStringList indexes;
    QSqlQuery q(db);
    if (q.exec("SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")) {
        while (q.next())
            indexes << q.value(0).toString();
    }
    return indexes;
}
} // namespace

// The bulk path (native statements on SQLite) stores exactly what a single
// create stores: text in every script, NULLs for empty optional fields, photos.
void TestEmployeeStore::bulkWritesTheSameRowsAsSingleCreates()
{
    const qint64 team = m_store->createTeam("Kernel").id();
    QVERIFY(team > 0);
    EmployeeProfile full;
    full.dateOfBirth = QDate(1990, 2, 28);
    full.teamId = team;
    full.address = QString::fromUtf8("Stra\u00dfe 1, \u6771\u4eac \U0001F600");
    full.gender = Gender::Female;
    full.bio = QString::fromUtf8("Line one\nline \"two\", \u00e9t\u00e9");
    full.photo = QByteArray("\x89PNG\0\x01\xff", 8);
    const QList<QPair<Employee, EmployeeProfile>> input = {
        {person(QString::fromUtf8("J\u00fcrgen"), QString::fromUtf8("\u00d8stergaard"), "Jurgen@Example.com",
                "+4930123456"), full},
        {person("Bare", "Minimum", "bare@example.com"), EmployeeProfile{}},
    };
    for (const auto &[employee, profile] : input)
        QVERIFY(m_store->createEmployee(employee, profile).ok());
    const QList<QStringList> single = storedRows(m_tdb->db());
    QSqlQuery wipe(m_tdb->db());
    QVERIFY(wipe.exec("DELETE FROM employee"));

    QVERIFY(m_store->beginBulk());
    for (const auto &[employee, profile] : input)
        QVERIFY(m_store->createEmployee(employee, profile).ok());
    // Idempotence inside a bulk too: the existing profile's id comes back.
    const qint64 last = m_store->createEmployee(person("Late", "Comer", "late@example.com")).id();
    const StoreResult again = m_store->ensureProfile(last);
    QVERIFY2(again.ok(), qPrintable(again.errorText()));
    QCOMPARE(again.id(), m_store->profileOf(last)->id);
    // No such employee (PostgreSQL: a failed statement outside a creation's
    // savepoint aborts the whole bulk, so only SQLite tries it here).
    if (!m_tdb->isPostgres())
        QVERIFY(m_store->ensureProfile(987654).errorText().contains("does not exist"));
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));
    QList<QStringList> bulk = storedRows(m_tdb->db());
    QCOMPARE(bulk.size(), 3);
    bulk.removeLast();
    QCOMPARE(bulk, single);
    QCOMPARE(single.at(0).at(3), QStringLiteral("jurgen@example.com"));
    QCOMPARE(single.at(1).at(15), QStringLiteral("1"));   // phone NULL
    QCOMPARE(single.at(1).at(18), QStringLiteral("1"));   // team NULL
}

void TestEmployeeStore::deferredIndexesComeBackOnCommitAndRollback()
{
    QVERIFY(!m_store->deferSecondaryIndexes());   // only inside a bulk
    const QStringList before = secondaryIndexes(m_tdb->db());
    QVERIFY(m_store->createEmployee(person("Z", "Before", "z@example.com", "+4930111111")).ok());

    QVERIFY(m_store->beginBulk());
    if (m_tdb->isPostgres()) {
        QVERIFY(!m_store->deferSecondaryIndexes());   // SQLite only
        m_store->rollbackBulk();
        return;
    }
    QVERIFY(before.join('\n').contains("employee_last_name_ci_idx"));
    QVERIFY(m_store->deferSecondaryIndexes());
    QVERIFY(!m_store->deferSecondaryIndexes());   // once per bulk
    // The store's own connection: only it sees the uncommitted DROP INDEX.
    const QStringList during = secondaryIndexes(m_store->database());
    QVERIFY(!during.join('\n').contains("employee_last_name_ci_idx"));
    QVERIFY(!during.join('\n').contains("employee_profile_dob_idx"));
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com")).ok());
    // Unique indexes stay: duplicates are still refused row by row.
    QVERIFY(!m_store->createEmployee(person("A", "Again", "Z@EXAMPLE.com")).ok());
    QVERIFY(!m_store->createEmployee(person("A", "Phone", "p@example.com", "+4930111111")).ok());
    m_store->rollbackBulk();
    QCOMPARE(secondaryIndexes(m_tdb->db()), before);
    QCOMPARE(count(m_tdb->db(), "employee"), 1);

    QVERIFY(m_store->beginBulk());
    QVERIFY(m_store->deferSecondaryIndexes());
    QVERIFY(m_store->createEmployee(person("B", "Two", "b@example.com")).ok());
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));
    QCOMPARE(secondaryIndexes(m_tdb->db()), before);
    QSqlQuery check(m_tdb->db());
    QVERIFY(check.exec("PRAGMA integrity_check") && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(check.exec("SELECT first_name FROM employee INDEXED BY employee_last_name_ci_idx "
                       "WHERE lower(last_name) = 'two'") && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("B"));
}

// createEmployees() writes chunks as multi-row INSERTs on SQLite; a chunk
// with a refused row is undone and replayed row by row. Every row must get
// the answer a single create gives it, in order, whatever chunk it is in.
void TestEmployeeStore::createEmployeesAnswersEveryRowAsSingleCreatesWould()
{
    QVERIFY(m_store->createEmployee(person("Z", "Before", "z@example.com", "+4930111111")).ok());
    const int total = 150;   // three chunks of at most 64 rows
    std::vector<Employee> employees;
    std::vector<EmployeeProfile> profiles(total);
    for (int i = 0; i < total; ++i)
        employees.push_back(person(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i),
                                   QStringLiteral("p%1@example.com").arg(i), QStringLiteral("+49301%1").arg(100000 + i)));
    employees[10].email = "Z@EXAMPLE.COM";              // taken before the bulk
    employees[70].phone = employees[69].phone;          // taken earlier in the same chunk
    profiles[100].teamId = 999999;                      // the profile INSERT fails on the foreign key
    profiles[140].address = "Hauptstra\u00dfe 1";
    profiles[140].dateOfBirth = QDate(1980, 1, 31);
    QList<NewEmployee> rows;
    for (int i = 0; i < total; ++i)
        rows.append({&employees[i], &profiles[i]});

    QVERIFY(m_store->beginBulk());
    const QList<StoreResult> results = m_store->createEmployees(rows);
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));

    QCOMPARE(results.size(), total);
    for (int i = 0; i < total; ++i) {
        const bool refused = i == 10 || i == 70 || i == 100;
        QVERIFY2(results.at(i).ok() != refused, qPrintable(QStringLiteral("row %1: %2").arg(i).arg(results.at(i).errorText())));
    }
    QVERIFY(!results.at(10).errorFor("email").isEmpty());
    QVERIFY(!results.at(70).errorFor("phone").isEmpty());
    QVERIFY(!results.at(100).errorText().isEmpty());
    QCOMPARE(count(m_tdb->db(), "employee"), 1 + total - 3);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 1 + total - 3);
    QVERIFY(m_store->employeesWithoutProfile().isEmpty());
    // The ids answered are the rows written, in file order.
    const auto stored = m_store->employee(results.at(71).id());
    QVERIFY(stored);
    QCOMPARE(stored->email, QStringLiteral("p71@example.com"));
    const auto seeded = m_store->profileOf(results.at(140).id());
    QVERIFY(seeded);
    QCOMPARE(seeded->address, QString::fromUtf8("Hauptstra\u00dfe 1"));
    QCOMPARE(seeded->dateOfBirth, QDate(1980, 1, 31));
    QVERIFY(results.at(0).id() < results.at(64).id() && results.at(64).id() < results.at(149).id());
}

// The chunked path (a multi-row INSERT on SQLite, COPY's text format on
// PostgreSQL) must store exactly what a single create stores: the characters
// COPY escapes (backslash, tab, newline, carriage return), a text that reads
// as COPY's NULL marker, every byte of a photo, and NULL for what is empty.
void TestEmployeeStore::createEmployeesStoresEveryCharacterAndByte()
{
    const qint64 team = m_store->createTeam("Kernel").id();
    QVERIFY(team > 0);
    QByteArray everyByte;
    for (int b = 0; b < 256; ++b)
        everyByte.append(char(b));
    EmployeeProfile full;
    full.dateOfBirth = QDate(1961, 12, 31);
    full.teamId = team;
    full.address = QString::fromUtf8("C:\\Users\\N\tTab\r\nStra\u00dfe \U0001F600");
    full.gender = Gender::Other;
    full.bio = QStringLiteral("\\N");
    full.photo = everyByte;
    std::vector<Employee> employees = {
        person(QStringLiteral("Back\\slash"), QString::fromUtf8("\u00d8ster\tgaard"), "Back@Example.com", "+4930123456"),
        person("Bare", "Minimum", "bare@example.com"),
    };
    const std::vector<EmployeeProfile> profiles = {full, EmployeeProfile{}};
    for (size_t i = 0; i < employees.size(); ++i)
        QVERIFY(m_store->createEmployee(employees[i], profiles[i]).ok());
    const QList<QStringList> single = storedRows(m_tdb->db());
    QSqlQuery wipe(m_tdb->db());
    QVERIFY(wipe.exec("DELETE FROM employee"));

    QList<NewEmployee> rows;
    for (size_t i = 0; i < employees.size(); ++i)
        rows.append({&employees[i], &profiles[i]});
    QVERIFY(m_store->beginBulk());
    const QList<StoreResult> results = m_store->createEmployees(rows);
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));
    QCOMPARE(results.size(), 2);
    QVERIFY(results.at(0).ok() && results.at(1).ok());
    const QList<QStringList> chunked = storedRows(m_tdb->db());
    QCOMPARE(chunked, single);
    QCOMPARE(m_store->profileOf(results.at(0).id())->photo, everyByte);
    QCOMPARE(m_store->profileOf(results.at(0).id())->bio, QStringLiteral("\\N"));
    QCOMPARE(single.at(1).at(16), QStringLiteral("1"));   // address NULL
    QCOMPARE(single.at(1).at(17), QStringLiteral("1"));   // photo NULL
}

void TestEmployeeStore::createEmployeesHonoursVetoAndIdempotentReceivers()
{
    // A second receiver asks for the profile again (must not make two) and
    // vetoes one employee (only that one may be refused).
    connect(m_store, &EmployeeStore::employeeCreated, this, [this](EmployeeCreation *creation) {
        QVERIFY(creation->createProfile().ok());
        const qint64 id = creation->employeeId();
        const auto employee = m_store->employee(id);
        if (employee && employee->firstName == QLatin1String("Veto"))
            creation->refuse(QStringLiteral("not this one"));
    }, Qt::DirectConnection);
    std::vector<Employee> employees;
    for (int i = 0; i < 40; ++i)
        employees.push_back(person(i == 7 ? QStringLiteral("Veto") : QStringLiteral("Ok%1").arg(i), "Person",
                                   QStringLiteral("v%1@example.com").arg(i)));
    const EmployeeProfile none;
    QList<NewEmployee> rows;
    for (const Employee &e : employees)
        rows.append({&e, &none});

    QVERIFY(m_store->beginBulk());
    const QList<StoreResult> results = m_store->createEmployees(rows);
    QString error;
    QVERIFY2(m_store->commitBulk(&error), qPrintable(error));

    QCOMPARE(results.size(), 40);
    QVERIFY(!results.at(7).ok());
    QVERIFY2(results.at(7).errorText().contains("not this one"), qPrintable(results.at(7).errorText()));
    for (int i = 0; i < 40; ++i) {
        if (i != 7)
            QVERIFY2(results.at(i).ok(), qPrintable(results.at(i).errorText()));
    }
    QCOMPARE(count(m_tdb->db(), "employee"), 39);
    QCOMPARE(count(m_tdb->db(), "employee_profile"), 39);
    QVERIFY(m_store->employeesWithoutProfile().isEmpty());
}

void TestEmployeeStore::updateUsesOptimisticLocking()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    Employee mine = *m_store->employee(id);
    Employee theirs = mine;
    QSignalSpy updated(m_store, &EmployeeStore::employeeUpdated);
    theirs.lastName = "King";
    QVERIFY(m_store->updateEmployee(theirs).ok());
    QCOMPARE(updated.count(), 1);
    mine.firstName = "Augusta";
    const StoreResult stale = m_store->updateEmployee(mine);
    QVERIFY(!stale.ok());
    QVERIFY2(stale.errorText().contains("changed by someone else"), qPrintable(stale.errorText()));
    const Employee now = *m_store->employee(id);
    QCOMPARE(now.firstName, QStringLiteral("Ada"));
    QCOMPARE(now.lastName, QStringLiteral("King"));
    QCOMPARE(now.version, 2);
}

void TestEmployeeStore::saveChangesIsAllOrNothing()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = "King";
    edited.profile.teamId = 999999;   // refused by the foreign key
    const StoreResult bad = m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Team});
    QVERIFY(!bad.ok());
    QVERIFY(!bad.isConflict());
    QVERIFY(!bad.errorFor("team").isEmpty());
    QCOMPARE(m_store->employee(id)->lastName, QStringLiteral("Lovelace"));   // employee half rolled back too
    QCOMPARE(m_store->employee(id)->version, 1);

    QSignalSpy profileUpdated(m_store, &EmployeeStore::profileUpdated);
    QSignalSpy employeeUpdated(m_store, &EmployeeStore::employeeUpdated);
    edited.profile.teamId = m_store->teams().first().id;
    edited.profile.address = "Somewhere 1";
    edited.profile.bio = "Not edited, so not written";
    const StoreResult good =
        m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Team, RecordField::Address});
    QVERIFY2(good.ok(), qPrintable(good.errorText()));
    QCOMPARE(profileUpdated.count(), 1);
    QCOMPARE(employeeUpdated.count(), 1);
    const EmployeeRecord now = *m_store->record(id);
    QCOMPARE(now.employee.lastName, QStringLiteral("King"));
    QCOMPARE(now.profile.address, QStringLiteral("Somewhere 1"));
    QVERIFY(now.profile.bio.isNull());   // still NULL
    QCOMPARE(now.profile.version, 2);

    // Against the old versions again: a conflict, nothing written.
    edited.employee.firstName = "Augusta";
    const StoreResult stale = m_store->saveChanges(base, edited, {RecordField::FirstName});
    QVERIFY(stale.isConflict());
    QCOMPARE(m_store->employee(id)->firstName, QStringLiteral("Ada"));
    // Nothing edited: nothing written, no signal.
    QVERIFY(m_store->saveChanges(now, now, {}).ok());
    QCOMPARE(m_store->record(id)->employee.version, 2);
    QCOMPARE(employeeUpdated.count(), 1);
}

void TestEmployeeStore::teamsAreUniqueAndInUseTeamsStay()
{
    QSignalSpy changed(m_store, &EmployeeStore::teamsChanged);
    const StoreResult sales = m_store->createTeam("  Sales ");
    QVERIFY2(sales.ok(), qPrintable(sales.errorText()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_store->createTeam("sales").errorFor("name").isEmpty());
    QVERIFY(!m_store->createTeam("   ").errorFor("name").isEmpty());
    QVERIFY(!m_store->renameTeam(sales.id(), "Engineering").ok());
    QVERIFY(m_store->renameTeam(sales.id(), "Sales & Support").ok());

    EmployeeProfile seed;
    seed.teamId = sales.id();
    QVERIFY(m_store->createEmployee(person("A", "One", "a@example.com"), seed).ok());
    const StoreResult inUse = m_store->deleteTeam(sales.id());
    QVERIFY(!inUse.ok());
    QVERIFY2(inUse.errorText().contains("1 employee"), qPrintable(inUse.errorText()));
    const qint64 marketing = m_store->teams().at(1).id;
    QVERIFY(m_store->deleteTeam(marketing).ok());
    QCOMPARE(m_store->teams().size(), 3);
}

QTEST_GUILESS_MAIN(TestEmployeeStore)
#include "TestEmployeeStore.moc"

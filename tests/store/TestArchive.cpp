// Archive instead of delete (issue 12, part 2): an employee who left moves,
// with its profile, to the archive, keeping id, email and phone; restoring
// brings back the same employee; both are recorded; the views and counts
// forget the archived; --check is content.
#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "db/IntegrityChecker.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "validation/EmployeeValidator.h"
#include "views/EmployeeTableModel.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

namespace {
Employee person(const char *first, const char *last, const char *email, const char *phone = "")
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    e.phone = QString::fromUtf8(phone);
    return e;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QStringList actions(const QList<HistoryEntry> &entries)
{
    QStringList out;
    for (const HistoryEntry &e : entries)
        out << e.action;
    return out;
}
} // namespace

class TestArchive : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void archivingMovesTheEmployeeAndItsProfileOutOfTheViews();
    void archivedEmailsAndPhonesStayTaken();
    void restoringBringsBackTheSameEmployee();
    void aStaleVersionIsNotArchived();
    void newIdsNeverTakeAnArchivedOne();
    void purgeLeavesNoPersonalDataOfThePurged();
    void aDryRunPurgesNothing();
    void checkFindsABrokenArchive();

private:
    qint64 addAda();
    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
};

void TestArchive::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString error;
    m_session = m_tdb->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestArchive::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_tdb.reset();
}

qint64 TestArchive::addAda()
{
    EmployeeProfile seed;
    seed.address = QStringLiteral("St James's Square");
    seed.teamId = m_store->teams().first().id;
    return m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com", "+442071234567"), seed).id();
}

void TestArchive::archivingMovesTheEmployeeAndItsProfileOutOfTheViews()
{
    const qint64 ada = addAda();
    QVERIFY(m_store->createEmployee(person("Alan", "Turing", "alan@example.com")).ok());
    EmployeeTableModel model(m_store->database());
    QCOMPARE(model.rowCount(), 2);
    const StoreResult archived = m_store->archiveEmployee(*m_store->record(ada), QDate(2026, 11, 30),
                                                          QStringLiteral("Moved to Paris"));
    QVERIFY2(archived.ok(), qPrintable(archived.errorText()));
    QVERIFY(!m_store->record(ada));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(m_store->employeeCount(), 1);
    QCOMPARE(m_store->profileCount(), 1);
    const QList<ArchivedEmployee> list = m_store->archivedEmployees();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().id, ada);
    QCOMPARE(list.first().leftOn, QDate(2026, 11, 30));
    QCOMPARE(list.first().reason, QStringLiteral("Moved to Paris"));
    const QSqlDatabase db = m_store->database();
    QCOMPARE(count(db,
                   QStringLiteral("SELECT COUNT(*) FROM archived_profile WHERE employee_id = %1 AND "
                                  "address = 'St James''s Square' AND team_id IS NOT NULL")
                       .arg(ada)),
             1);
    // Recorded as archived, not as deleted; --check is content.
    QCOMPARE(actions(HistoryReader(db).employeeHistory(ada)), (QStringList{"archived", "created"}));
    QVERIFY(IntegrityChecker::check(db).isEmpty());
}

void TestArchive::archivedEmailsAndPhonesStayTaken()
{
    const qint64 ada = addAda();
    QVERIFY(m_store->archiveEmployee(*m_store->record(ada), QDate(2026, 11, 30)).ok());
    // A new employee may not take them: a re-hire is a restore.
    QVERIFY(!m_store->createEmployee(person("Ada", "King", "ADA@example.com")).ok());
    QVERIFY(!m_store->createEmployee(person("Other", "Person", "other@example.com", "+442071234567")).ok());
    // Nor may an edit of another employee, nor an imported row.
    const qint64 alan = m_store->createEmployee(person("Alan", "Turing", "alan@example.com")).id();
    EmployeeRecord base = *m_store->record(alan);
    EmployeeRecord edited = base;
    edited.employee.email = QStringLiteral("ada@example.com");
    QVERIFY(!m_store->saveChanges(base, edited, {RecordField::Email}).ok());
    QByteArray csv("first_name,last_name,email\nAda,Again,ada@example.com\nGrace,Hopper,grace@example.com\n");
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvImporter importer(m_store, EmployeeValidator(QStringLiteral("DE")));
    const ImportReport report = importer.importDevice(&buffer, csv.size());
    QCOMPARE(report.accepted, 1);
    QCOMPARE(report.rejected, 1);
    QVERIFY2(report.problems.join(' ').contains(QStringLiteral("line 2")),
             qPrintable(report.problems.join(' ')));
    QCOMPARE(m_store->archivedEmployees().size(), 1);
}

void TestArchive::restoringBringsBackTheSameEmployee()
{
    const qint64 ada = addAda();
    const EmployeeRecord before = *m_store->record(ada);
    QVERIFY(m_store->archiveEmployee(before, QDate(2026, 11, 30)).ok());
    const StoreResult restored = m_store->restoreEmployee(ada);
    QVERIFY2(restored.ok(), qPrintable(restored.errorText()));
    const EmployeeRecord after = *m_store->record(ada);
    QCOMPARE(after.employee.email, before.employee.email);
    QCOMPARE(after.employee.phone, before.employee.phone);
    QCOMPARE(after.employee.version, before.employee.version);
    QCOMPARE(after.profile.address, before.profile.address);
    QCOMPARE(after.profile.teamId, before.profile.teamId);
    QVERIFY(m_store->archivedEmployees().isEmpty());
    QCOMPARE(actions(HistoryReader(m_store->database()).employeeHistory(ada)),
             (QStringList{"restored", "archived", "created"}));
    QVERIFY(!m_store->restoreEmployee(ada).ok()); // not in the archive any more
    QVERIFY(IntegrityChecker::check(m_store->database()).isEmpty());
    // And it can be edited as before.
    EmployeeRecord edited = after;
    edited.employee.lastName = QStringLiteral("King");
    QVERIFY(m_store->saveChanges(after, edited, {RecordField::LastName}).ok());
}

void TestArchive::aStaleVersionIsNotArchived()
{
    const qint64 ada = addAda();
    const EmployeeRecord shown = *m_store->record(ada);
    EmployeeRecord edited = shown;
    edited.employee.lastName = QStringLiteral("King");
    QVERIFY(m_store->saveChanges(shown, edited, {RecordField::LastName}).ok());
    const StoreResult stale = m_store->archiveEmployee(shown, QDate(2026, 11, 30));
    QVERIFY(stale.isConflict());
    QVERIFY(m_store->record(ada));
    QVERIFY(m_store->archivedEmployees().isEmpty());
    QVERIFY(!m_store->archiveEmployee(*m_store->record(ada), QDate()).ok()); // a leaving date is required
}

void TestArchive::newIdsNeverTakeAnArchivedOne()
{
    QVERIFY(m_store->createEmployee(person("Alan", "Turing", "alan@example.com")).ok());
    const qint64 ada = addAda(); // the largest id
    QVERIFY(m_store->archiveEmployee(*m_store->record(ada), QDate(2026, 11, 30)).ok());
    const qint64 grace = m_store->createEmployee(person("Grace", "Hopper", "grace@example.com")).id();
    QVERIFY(grace > ada);
    QByteArray csv("first_name,last_name,email\nBo,Bell,bo@example.com\n");
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    CsvImporter importer(m_store, EmployeeValidator(QStringLiteral("DE")));
    QCOMPARE(importer.importDevice(&buffer, csv.size()).accepted, 1);
    QVERIFY(count(m_store->database(),
                  QStringLiteral("SELECT MIN(id) FROM employee WHERE email_normalized IN "
                                 "('grace@example.com', 'bo@example.com')"))
            > ada);
    const StoreResult restored = m_store->restoreEmployee(ada);
    QVERIFY2(restored.ok(), qPrintable(restored.errorText()));
}

// Zebulon Quixote, edited once (so the history holds old values too), left
// in 2019; Grace left last month and stays.
static qint64 addLeavers(EmployeeStore *store)
{
    EmployeeProfile seed;
    seed.address = QStringLiteral("Calle Quixotesca 7");
    seed.bio = QStringLiteral("Tilted at windmills");
    const qint64 id =
        store->createEmployee(person("Zebulon", "Quixotic", "zq@example.com", "+4930999888"), seed).id();
    const EmployeeRecord base = *store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = QStringLiteral("Quixote");
    edited.profile.address = QStringLiteral("La Mancha 1");
    store->saveChanges(base, edited, {RecordField::LastName, RecordField::Address});
    const StoreResult first =
        store->archiveEmployee(*store->record(id), QDate(2019, 6, 30), QStringLiteral("Rode off"));
    if (!first.ok())
        qWarning("archive failed: %s", qPrintable(first.errorText()));
    const qint64 grace = store->createEmployee(person("Grace", "Hopper", "grace@example.com")).id();
    const StoreResult second = store->archiveEmployee(*store->record(grace), QDate(2026, 11, 1));
    if (!second.ok())
        qWarning("archive failed: %s", qPrintable(second.errorText()));
    return id;
}

void TestArchive::purgeLeavesNoPersonalDataOfThePurged()
{
    const qint64 zeb = addLeavers(m_store);
    QCOMPARE(m_store->archivedEmployees().size(), 2);
    if (!m_tdb->isPostgres()) {
        // As an SQLite built without SECURE_DELETE (Debian's has it) would run.
        QVERIFY(TestDatabase::exec(m_store->database(), QStringLiteral("PRAGMA secure_delete = OFF")));
    }
    const PurgeReport report = m_store->purgeArchivedBefore(QDate(2020, 1, 1), false);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.purged.size(), 1);
    QCOMPARE(report.purged.first().id, zeb);
    QCOMPARE(m_store->archivedEmployees().size(), 1); // Grace stays
    const QSqlDatabase db = m_store->database();
    // What is left of him: that something changed, and that he was purged; no value.
    QCOMPARE(actions(HistoryReader(db).employeeHistory(zeb)).first(), QStringLiteral("purged"));
    QCOMPARE(count(db,
                   QStringLiteral("SELECT COUNT(*) FROM change_entry WHERE employee_id = %1 AND "
                                  "(old_value IS NOT NULL OR new_value IS NOT NULL)")
                       .arg(zeb)),
             0);
    // The purge itself: who and when and how many, nothing about whom.
    QCOMPARE(
        count(db, QStringLiteral("SELECT COUNT(*) FROM change_set WHERE source = 'purge' AND row_count = 1")),
        1);

    const QStringList traces{QStringLiteral("Zebulon"),    QStringLiteral("Quixot"),
                             QStringLiteral("zq@example"), QStringLiteral("4930999888"),
                             QStringLiteral("windmills"),  QStringLiteral("Mancha"),
                             QStringLiteral("Rode off")};
    if (m_tdb->isPostgres()) {
        // Every row of every table, as text.
        for (const char *table : {"employee", "employee_profile", "archived_employee", "archived_profile",
                                  "change_entry", "change_set", "team"}) {
            for (const QString &trace : traces) {
                QCOMPARE(count(db,
                               QStringLiteral("SELECT COUNT(*) FROM %1 t WHERE t::text LIKE '%%2%'")
                                   .arg(QLatin1String(table), trace)),
                         0);
            }
        }
        return;
    }
    // SQLite: the bytes of the database file and its WAL, free pages included.
    QByteArray bytes;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(db.databaseName() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(bytes.size() > 4096);
    for (const QString &trace : traces)
        QVERIFY2(!bytes.contains(trace.toUtf8()), qPrintable(trace));
    QVERIFY(bytes.contains("grace@example.com")); // the search does see data that stays
    QSqlQuery mode(db); // and the connection is as it was
    QVERIFY(mode.exec(QStringLiteral("PRAGMA secure_delete")) && mode.next());
    QCOMPARE(mode.value(0).toInt(), 0);
}

void TestArchive::aDryRunPurgesNothing()
{
    const qint64 zeb = addLeavers(m_store);
    const qint64 entries = count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_entry"));
    const qint64 sets = count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set"));
    const PurgeReport report = m_store->purgeArchivedBefore(QDate(2020, 1, 1), true);
    QVERIFY(report.ok());
    QCOMPARE(report.purged.size(), 1);
    QCOMPARE(report.purged.first().id, zeb);
    QCOMPARE(m_store->archivedEmployees().size(), 2);
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_entry")), entries);
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set")), sets);
    QCOMPARE(m_store->purgeArchivedBefore(QDate(2019, 1, 1), false).purged.size(),
             0); // nobody left that early
    // Confirmed: exactly those, or no one (someone else was archived or
    // restored since the user saw the list).
    const QSet<qint64> seen{zeb + 1000};
    const PurgeReport changed = m_store->purgeArchivedBefore(QDate(2020, 1, 1), false, &seen);
    QVERIFY(changed.archiveChanged);
    QVERIFY(!changed.ok());
    QCOMPARE(m_store->archivedEmployees().size(), 2);
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set")), sets);
    const QSet<qint64> right{zeb};
    const PurgeReport purged = m_store->purgeArchivedBefore(QDate(2020, 1, 1), false, &right);
    QVERIFY2(purged.ok(), qPrintable(purged.error));
    QCOMPARE(purged.purged.size(), 1);
    QCOMPARE(m_store->archivedEmployees().size(), 1);
}

// --check looks at the archive too: an archived employee keeps its one
// profile, and is not also a current employee.
void TestArchive::checkFindsABrokenArchive()
{
    const qint64 ada = addAda();
    QVERIFY(m_store->archiveEmployee(*m_store->record(ada), QDate(2026, 11, 30)).ok());
    const QSqlDatabase db = m_store->database();
    QVERIFY(IntegrityChecker::check(db).isEmpty());
    QVERIFY(TestDatabase::exec(
        db, QStringLiteral("DELETE FROM archived_profile WHERE employee_id = %1").arg(ada)));
    QVERIFY(TestDatabase::exec(db,
                               QStringLiteral("INSERT INTO employee (id, first_name, last_name, email, "
                                              "email_normalized, created_at, updated_at, created_change_set) "
                                              "VALUES (%1, 'Ada', 'Again', 'again@example.com', "
                                              "'again@example.com', 'x', 'x', 1)")
                                   .arg(ada)));
    QVERIFY(TestDatabase::exec(
        db,
        QStringLiteral("INSERT INTO employee_profile (employee_id, created_at, updated_at) "
                       "VALUES (%1, 'x', 'x')")
            .arg(ada)));
    const QStringList problems = IntegrityChecker::check(db);
    QVERIFY2(problems.contains(QStringLiteral("Archived employee %1 has no profile.").arg(ada)),
             qPrintable(problems.join('\n')));
    QVERIFY2(problems.contains(QStringLiteral("Employee %1 is both archived and current.").arg(ada)),
             qPrintable(problems.join('\n')));
}

QTEST_GUILESS_MAIN(TestArchive)
#include "TestArchive.moc"

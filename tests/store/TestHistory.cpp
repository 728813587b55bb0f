// The change history (issue 12): every save, import and edit by another tool
// is recorded by the database in the same transaction, with who, from where,
// and each field's old and new value; what is rolled back leaves nothing.
#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "domain/HistoryFormat.h"
#include "store/ChangeLog.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "validation/EmployeeValidator.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
Employee person(const char *first, const char *last, const char *email)
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    return e;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// "field: old -> new" of every change entry, in the reader's order.
QStringList changes(const QList<HistoryEntry> &entries)
{
    QStringList out;
    for (const HistoryEntry &e : entries) {
        if (e.action == QLatin1String("changed"))
            out << QStringLiteral("%1: %2 -> %3")
                       .arg(e.field, HistoryFormat::value(e.oldValue), HistoryFormat::value(e.newValue));
        else
            out << e.action;
    }
    return out;
}
} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aSaveIsRecordedFieldByFieldWithWhoAndWhere();
    void aSaveThatFailsOrChangesNothingLeavesNoHistory();
    void anImportIsOneChangeSetThatItsRowsName();
    void anotherToolsEditIsRecordedToo();
    void photosAreRecordedWithoutTheirBytes();
    void deletionsAndTeamsAreRecorded();

private:
    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
};

void TestHistory::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString error;
    m_session = m_tdb->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestHistory::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_tdb.reset();
}

void TestHistory::aSaveIsRecordedFieldByFieldWithWhoAndWhere()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    QVERIFY(id > 0);
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = QStringLiteral("King");
    edited.employee.phone = QStringLiteral("+4930123456");
    edited.profile.teamId = m_store->teams().first().id;
    edited.profile.bio = QStringLiteral("Not in the saved fields");
    QVERIFY(m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Phone, RecordField::Team})
                .ok());

    const QList<HistoryEntry> history = HistoryReader(m_store->database()).employeeHistory(id);
    // Newest first, the creation last.
    QCOMPARE(changes(history),
             (QStringList{QStringLiteral("team: (none) -> %1").arg(m_store->teams().first().name),
                          QStringLiteral("phone: (none) -> +4930123456"),
                          QStringLiteral("last_name: Lovelace -> King"), QStringLiteral("created")}));
    for (const HistoryEntry &e : history) {
        QVERIFY(e.changeSetId > 0);
        QCOMPARE(e.source, QStringLiteral("window"));
        QCOMPARE(e.osUser, ChangeLog::osUser());
        QVERIFY(!e.at.isEmpty());
        if (m_tdb->isPostgres())
            QCOMPARE(e.dbUser, QStringLiteral("er_test"));
    }
    QCOMPARE(history.at(0).changeSetId, history.at(1).changeSetId); // one save: employee and profile
    QVERIFY(history.at(3).changeSetId != history.at(0).changeSetId); // the creation was its own
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set WHERE open <> 0")),
             0);
}

void TestHistory::aSaveThatFailsOrChangesNothingLeavesNoHistory()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    const qint64 sets = count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set"));
    const qint64 entries = count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_entry"));
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = QStringLiteral("King");
    edited.profile.teamId = 999999; // refused by the foreign key: the whole save rolls back
    QVERIFY(!m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Team}).ok());
    QVERIFY(m_store->saveChanges(base, base, {}).ok()); // nothing edited
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set")), sets);
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_entry")), entries);
    // The next save still gets a set of its own.
    edited.profile.teamId = 0;
    QVERIFY(m_store->saveChanges(base, edited, {RecordField::LastName}).ok());
    QCOMPARE(count(m_store->database(), QStringLiteral("SELECT COUNT(*) FROM change_set")), sets + 1);
    QCOMPARE(changes(HistoryReader(m_store->database()).employeeHistory(id)).first(),
             QStringLiteral("last_name: Lovelace -> King"));
}

void TestHistory::anImportIsOneChangeSetThatItsRowsName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("staff.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("first_name,last_name,email\nAda,Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n"
                   "Bad,Row,not-an-email\n");
    }
    CsvImporter importer(m_store, EmployeeValidator(QStringLiteral("DE")));
    QCOMPARE(importer.importFile(path).accepted, 2);
    const QSqlDatabase db = m_store->database();
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, source, detail, row_count, os_user, open FROM change_set")));
    QVERIFY(q.next());
    const qint64 set = q.value(0).toLongLong();
    QCOMPARE(q.value(1).toString(), QStringLiteral("import"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("staff.csv"));
    QCOMPARE(q.value(3).toInt(), 2);
    QCOMPARE(q.value(4).toString(), ChangeLog::osUser());
    QCOMPARE(q.value(5).toInt(), 0);
    QVERIFY(!q.next()); // one set for the whole import
    QCOMPARE(
        count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE created_change_set = %1").arg(set)), 2);
    // No row per created employee: one entry for the whole import, with how many it added.
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_entry")), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_entry WHERE employee_id IS NULL AND subject = "
                                      "'import' AND action = 'imported' AND new_value = '2' AND change_set_id = %1")
                           .arg(set)),
             1);
    const HistoryReader reader(db);
    const QList<HistoryEntry> history =
        reader.employeeHistory(reader.employeeIdByEmail(QStringLiteral("ALAN@example.com")));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().action, QStringLiteral("created"));
    QCOMPARE(
        HistoryFormat::who(history.first()),
        QStringLiteral("%1 (import of staff.csv%2)")
            .arg(ChangeLog::osUser(), m_tdb->isPostgres() ? QStringLiteral(", role er_test") : QString()));
}

void TestHistory::anotherToolsEditIsRecordedToo()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    // As sqlite3 or psql would: plain statements, no change set.
    QVERIFY(TestDatabase::exec(m_store->database(),
                               QStringLiteral("UPDATE employee SET email = 'ada@lovelace.org', "
                                              "email_normalized = 'ada@lovelace.org', version = version + 1 "
                                              "WHERE id = %1")
                                   .arg(id)));
    QVERIFY(TestDatabase::exec(
        m_store->database(),
        QStringLiteral("UPDATE employee_profile SET gender = 'female' WHERE employee_id = %1").arg(id)));
    QVERIFY(TestDatabase::exec(
        m_store->database(),
        QStringLiteral("INSERT INTO employee (first_name, last_name, email, email_normalized, "
                       "created_at, updated_at) VALUES ('Bo', 'Bell', 'bo@example.com', "
                       "'bo@example.com', '2026-01-01T00:00:00.000Z', "
                       "'2026-01-01T00:00:00.000Z')")));
    const HistoryReader reader(m_store->database());
    const QList<HistoryEntry> history = reader.employeeHistory(id);
    QCOMPARE(changes(history),
             (QStringList{QStringLiteral("gender: (none) -> female"),
                          QStringLiteral("email: ada@example.com -> ada@lovelace.org"),
                          QStringLiteral("created")}));
    QCOMPARE(history.at(0).changeSetId, 0);
    QVERIFY(HistoryFormat::who(history.at(0)).startsWith(QStringLiteral("another tool")));
    if (m_tdb->isPostgres())
        QCOMPARE(history.at(0).dbUser, QStringLiteral("er_test"));
    const QList<HistoryEntry> bo =
        reader.employeeHistory(reader.employeeIdByEmail(QStringLiteral("bo@example.com")));
    QCOMPARE(changes(bo), QStringList{QStringLiteral("created")});
    QCOMPARE(bo.first().changeSetId, 0);
    QVERIFY(bo.first().id > 0); // written by the trigger, not read from the row
}

void TestHistory::photosAreRecordedWithoutTheirBytes()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.profile.photo = QByteArray("\x89PNG-secret-bytes-A", 19);
    QVERIFY(m_store->saveChanges(base, edited, {RecordField::Photo}).ok());
    const EmployeeRecord second = *m_store->record(id);
    edited = second;
    edited.profile.photo = QByteArray("\x89PNG-secret-bytes-B", 19); // same size, other bytes
    QVERIFY(m_store->saveChanges(second, edited, {RecordField::Photo}).ok());
    QCOMPARE(changes(HistoryReader(m_store->database()).employeeHistory(id)),
             (QStringList{QStringLiteral("photo: photo 19 bytes -> photo 19 bytes"),
                          QStringLiteral("photo: (none) -> photo 19 bytes"), QStringLiteral("created")}));
    QCOMPARE(count(m_store->database(),
                   QStringLiteral("SELECT COUNT(*) FROM change_entry WHERE old_value LIKE '%secret%' "
                                  "OR new_value LIKE '%secret%'")),
             0);
}

void TestHistory::deletionsAndTeamsAreRecorded()
{
    const qint64 id = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    QVERIFY(m_store->deleteEmployee(id).ok());
    const QList<HistoryEntry> history = HistoryReader(m_store->database()).employeeHistory(id);
    // The row is gone; its creation's entry stays, without personal data.
    QCOMPARE(changes(history), (QStringList{QStringLiteral("deleted"), QStringLiteral("created")}));
    QVERIFY(history.first().changeSetId > 0);
    // Nothing personal is left behind.
    QCOMPARE(count(m_store->database(),
                   QStringLiteral("SELECT COUNT(*) FROM change_entry WHERE old_value LIKE "
                                  "'%Lovelace%' OR new_value LIKE '%Lovelace%'")),
             0);

    const StoreResult team = m_store->createTeam(QStringLiteral("Research"));
    QVERIFY(team.ok());
    QVERIFY(m_store->renameTeam(team.id(), QStringLiteral("Research & Development")).ok());
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT action, old_value, new_value, change_set_id FROM change_entry "
                                  "WHERE team_id = %1 ORDER BY id")
                       .arg(team.id())));
    QStringList teamHistory;
    while (q.next()) {
        teamHistory << QStringLiteral("%1 %2 %3")
                           .arg(q.value(0).toString(), HistoryFormat::value(q.value(1)),
                                HistoryFormat::value(q.value(2)));
        QVERIFY(!q.value(3).isNull());
    }
    QCOMPARE(teamHistory,
             (QStringList{QStringLiteral("created (none) Research"),
                          QStringLiteral("changed Research Research & Development")}));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"

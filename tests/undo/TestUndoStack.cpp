// Undo and redo (issue 12, part 3), below the window: each undo and redo is a
// new, version-checked and recorded write through the store; a colleague's
// change to other fields stays, one to the same field is shown before it is
// overwritten; steps hold ids (a redone creation's new id is followed); an
// import is taken back except for the rows someone changed since, on a
// worker thread's own session. Runs on SQLite and on PostgreSQL.
#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "undo/ImportStep.h"
#include "undo/UndoStack.h"
#include "validation/EmployeeValidator.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
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
} // namespace

class TestUndoStack : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void undoAndRedoASaveAreNewRecordedWrites();
    void aColleaguesChangeToAnotherFieldStays();
    void aColleaguesChangeToTheSameFieldIsShownFirst();
    void aRedoneCreationGetsANewIdThatLaterStepsFollow();
    void archiveAndRestoreUndoEachOther();
    void teamChangesAreUndone();
    void aStepThatCanNeverWorkIsDropped();
    void anImportIsTakenBackExceptWhatWasChangedSince();
    void aNewChangeEmptiesTheRedoList();

private:
    qint64 addAda();
    // The user's save through the store: `change` on the record read now.
    void save(qint64 id, const std::function<void(EmployeeRecord &)> &change, const RecordFields &fields,
              EmployeeStore *store = nullptr);
    UndoOutcome undo(bool redo = false);

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<AppSession> m_theirSession;   // a colleague on a connection of their own
    EmployeeStore *m_store = nullptr;
    EmployeeStore *m_theirs = nullptr;
    std::unique_ptr<UndoStack> m_stack;
    QList<UndoConflict> m_asked;
    bool m_answer = false;
};

void TestUndoStack::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString error;
    m_session = m_tdb->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_theirSession = m_tdb->openSession(&error);
    QVERIFY2(m_theirSession, qPrintable(error));
    m_store = m_session->store();
    m_theirs = m_theirSession->store();
    m_stack = std::make_unique<UndoStack>();
    m_stack->setStore(m_store);
    m_stack->setSessionOpener(AppSession::openerFor(m_tdb->location()));
    m_asked.clear();
    m_answer = false;
    m_stack->setConflictResolver([this](const UndoConflict &conflict) {
        m_asked << conflict;
        return m_answer;
    });
    connect(m_store, &EmployeeStore::editCommitted, m_stack.get(), &UndoStack::record);
}

void TestUndoStack::cleanup()
{
    m_stack.reset();
    m_store = m_theirs = nullptr;
    m_theirSession.reset();
    m_session.reset();
    m_tdb.reset();
}

qint64 TestUndoStack::addAda()
{
    EmployeeProfile seed;
    seed.address = QStringLiteral("St James's Square");
    return m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com", "+442071234567"), seed).id();
}

void TestUndoStack::save(qint64 id, const std::function<void(EmployeeRecord &)> &change, const RecordFields &fields,
                         EmployeeStore *store)
{
    store = store ? store : m_store;
    const EmployeeRecord base = *store->record(id);
    EmployeeRecord edited = base;
    change(edited);
    const StoreResult result = store->saveChanges(base, edited, fields);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
}

UndoOutcome TestUndoStack::undo(bool redo)
{
    QSignalSpy finished(m_stack.get(), &UndoStack::finished);
    redo ? m_stack->redo() : m_stack->undo();
    if (finished.isEmpty() && !finished.wait(60000))
        return UndoOutcome::failed(QStringLiteral("no answer within a minute"));
    return finished.first().at(0).value<UndoOutcome>();
}

void TestUndoStack::undoAndRedoASaveAreNewRecordedWrites()
{
    const qint64 id = addAda();
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); r.profile.bio = QStringLiteral("Analyst"); },
         {RecordField::LastName, RecordField::Bio});
    const int savedVersion = m_store->record(id)->employee.version;
    QCOMPARE(m_stack->undoText(), QStringLiteral("Save of Ada King"));

    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    auto now = m_store->record(id);
    QCOMPARE(now->employee.lastName, QStringLiteral("Lovelace"));
    QVERIFY(now->profile.bio.isEmpty());
    QVERIFY(now->employee.version > savedVersion);   // a new write, not a rewind
    QCOMPARE(m_stack->undoText(), QStringLiteral("Adding Ada Lovelace"));
    QVERIFY(m_stack->canRedo());
    // The history has the undo as a change of its own: King -> Lovelace.
    const QList<HistoryEntry> history = HistoryReader(m_store->database()).employeeHistory(id);
    QVERIFY(!history.isEmpty());
    const qint64 undoSet = history.first().changeSetId;
    QVERIFY(undoSet != 0);
    bool recorded = false;
    for (const HistoryEntry &entry : history) {
        if (entry.changeSetId == undoSet && entry.field == QLatin1String("last_name")) {
            QCOMPARE(entry.oldValue.toString(), QStringLiteral("King"));
            QCOMPARE(entry.newValue.toString(), QStringLiteral("Lovelace"));
            recorded = true;
        }
    }
    QVERIFY(recorded);

    QCOMPARE(undo(true).status, UndoOutcome::Status::Done);
    now = m_store->record(id);
    QCOMPARE(now->employee.lastName, QStringLiteral("King"));
    QCOMPARE(now->profile.bio, QStringLiteral("Analyst"));
    QVERIFY(m_stack->canUndo());
    QVERIFY(m_asked.isEmpty());
}

void TestUndoStack::aColleaguesChangeToAnotherFieldStays()
{
    const qint64 id = addAda();
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); }, {RecordField::LastName});
    save(id, [](EmployeeRecord &r) { r.employee.phone = QStringLiteral("+442079460000"); }, {RecordField::Phone},
         m_theirs);

    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    const auto now = m_store->record(id);
    QCOMPARE(now->employee.lastName, QStringLiteral("Lovelace"));
    QCOMPARE(now->employee.phone, QStringLiteral("+442079460000"));   // theirs stays
    QVERIFY(m_asked.isEmpty());
}

void TestUndoStack::aColleaguesChangeToTheSameFieldIsShownFirst()
{
    const qint64 id = addAda();
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); }, {RecordField::LastName});
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("Byron"); }, {RecordField::LastName},
         m_theirs);

    m_answer = false;   // keep theirs
    QCOMPARE(undo().status, UndoOutcome::Status::Cancelled);
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.first().fields, RecordFields{RecordField::LastName});
    QCOMPARE(m_asked.first().now.employee.lastName, QStringLiteral("Byron"));        // their value
    QCOMPARE(m_asked.first().restore.employee.lastName, QStringLiteral("Lovelace")); // what undo puts back
    QCOMPARE(m_store->record(id)->employee.lastName, QStringLiteral("Byron"));
    QVERIFY(m_stack->canUndo());   // still there

    m_answer = true;
    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    QCOMPARE(m_store->record(id)->employee.lastName, QStringLiteral("Lovelace"));
}

void TestUndoStack::aRedoneCreationGetsANewIdThatLaterStepsFollow()
{
    const qint64 id = addAda();
    QCOMPARE(m_stack->undoText(), QStringLiteral("Adding Ada Lovelace"));
    save(id, [](EmployeeRecord &r) { r.profile.bio = QStringLiteral("Analyst"); }, {RecordField::Bio});
    // A colleague adds someone, so Ada's id is not the highest (SQLite would give it out again).
    QVERIFY(m_theirs->createEmployee(person("Alan", "Turing", "alan@example.com")).ok());

    QCOMPARE(undo().status, UndoOutcome::Status::Done);   // the bio
    QCOMPARE(undo().status, UndoOutcome::Status::Done);   // the creation
    QVERIFY(!m_store->record(id));
    QCOMPARE(m_store->employeeCount(), 1);

    const UndoOutcome recreated = undo(true);
    QCOMPARE(recreated.status, UndoOutcome::Status::Done);
    QVERIFY(recreated.employeeId != 0);
    QVERIFY(recreated.employeeId != id);
    auto again = m_store->record(recreated.employeeId);
    QVERIFY(again);
    QCOMPARE(again->employee.email, QStringLiteral("ada@example.com"));
    QCOMPARE(again->profile.address, QStringLiteral("St James's Square"));

    QCOMPARE(undo(true).status, UndoOutcome::Status::Done);   // the bio, on the new id
    QCOMPARE(m_store->record(recreated.employeeId)->profile.bio, QStringLiteral("Analyst"));
}

void TestUndoStack::archiveAndRestoreUndoEachOther()
{
    const qint64 id = addAda();
    const EmployeeRecord shown = *m_store->record(id);
    QVERIFY(m_store->archiveEmployee(shown, QDate(2026, 6, 30), QStringLiteral("moved")).ok());
    QVERIFY(!m_store->record(id));

    const UndoOutcome restored = undo();
    QCOMPARE(restored.status, UndoOutcome::Status::Done);
    QCOMPARE(restored.employeeId, id);
    QVERIFY(m_store->record(id));
    QVERIFY(m_store->archivedEmployees().isEmpty());

    QCOMPARE(undo(true).status, UndoOutcome::Status::Done);   // archived again, same date and reason
    const QList<ArchivedEmployee> archived = m_store->archivedEmployees();
    QCOMPARE(archived.size(), 1);
    QCOMPARE(archived.first().leftOn, QDate(2026, 6, 30));
    QCOMPARE(archived.first().reason, QStringLiteral("moved"));

    // A restore from the archive is a step too: its undo archives again.
    QVERIFY(m_store->restoreEmployee(id).ok());
    QCOMPARE(m_stack->undoText(), QStringLiteral("Restoring Ada Lovelace"));
    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    QCOMPARE(m_store->archivedEmployees().size(), 1);
    QCOMPARE(m_store->archivedEmployees().first().reason, QStringLiteral("moved"));
}

void TestUndoStack::teamChangesAreUndone()
{
    const StoreResult created = m_store->createTeam(QStringLiteral("Research"));
    QVERIFY(created.ok());
    QVERIFY(m_store->renameTeam(created.id(), QStringLiteral("R&D")).ok());
    auto names = [this] {
        QStringList out;
        for (const Team &team : m_store->teams())
            out << team.name;
        return out;
    };
    QVERIFY(names().contains(QStringLiteral("R&D")));
    QCOMPARE(undo().status, UndoOutcome::Status::Done);   // the rename
    QVERIFY(names().contains(QStringLiteral("Research")));
    QVERIFY(!names().contains(QStringLiteral("R&D")));
    QCOMPARE(undo().status, UndoOutcome::Status::Done);   // the creation
    QVERIFY(!names().contains(QStringLiteral("Research")));
    for (int i = 0; i < 2; ++i) {
        const UndoOutcome redone = undo(true);
        QVERIFY2(redone.status == UndoOutcome::Status::Done, qPrintable(redone.message));
    }
    QVERIFY(names().contains(QStringLiteral("R&D")));

    // A colleague renamed it since: asked, and kept when the user says so.
    const qint64 teamId = [this] {
        for (const Team &team : m_store->teams())
            if (team.name == QLatin1String("R&D"))
                return team.id;
        return qint64(0);
    }();
    QVERIFY(m_store->deleteTeam(teamId).ok());
    QCOMPARE(undo().status, UndoOutcome::Status::Done);   // deleted -> back
    QVERIFY(names().contains(QStringLiteral("R&D")));

    // A rename that expects another name than the team has now renames nothing.
    qint64 back = 0;
    for (const Team &team : m_store->teams())
        if (team.name == QLatin1String("R&D"))
            back = team.id;
    QVERIFY(m_store->renameTeam(back, QStringLiteral("Labs"), QStringLiteral("Research")).isConflict());
    QVERIFY(names().contains(QStringLiteral("R&D")));
    QVERIFY(m_store->renameTeam(back, QStringLiteral("Labs"), QStringLiteral("R&D")).ok());
    QVERIFY(names().contains(QStringLiteral("Labs")));
}

void TestUndoStack::aStepThatCanNeverWorkIsDropped()
{
    const qint64 id = addAda();
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); }, {RecordField::LastName});
    // A colleague archives her meanwhile.
    QVERIFY(m_theirs->archiveEmployee(*m_theirs->record(id), QDate(2026, 1, 31)).ok());
    const UndoOutcome outcome = undo();
    QCOMPARE(outcome.status, UndoOutcome::Status::Failed);
    QVERIFY2(outcome.message.contains(QStringLiteral("Ada King")), qPrintable(outcome.message));
    QVERIFY(!m_stack->canRedo());
    QVERIFY(m_stack->canUndo());   // the creation below it is still there
    QCOMPARE(m_stack->undoText(), QStringLiteral("Adding Ada Lovelace"));
}

void TestUndoStack::anImportIsTakenBackExceptWhatWasChangedSince()
{
    const qint64 before = addAda();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first_name,last_name,email,phone,address\n"
               "Grace,Hopper,grace@example.com,,Arlington\n"
               "Alan,Turing,alan@example.com,,Wilmslow\n"
               "Edsger,Dijkstra,edsger@example.com,,Nuenen\n");
    file.close();
    const ImportReport report = CsvImporter(m_store, EmployeeValidator(QStringLiteral("GB"))).importFile(path);
    QCOMPARE(report.accepted, 3);
    QVERIFY(report.changeSetId != 0);
    m_stack->push(std::make_unique<ImportStep>(report.changeSetId, QStringLiteral("people.csv"), 3));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Import of people.csv"));

    // A colleague edits Alan since; another tool edits Edsger's address without a version.
    QSqlQuery q(m_theirs->database());
    q.prepare(QStringLiteral("SELECT id FROM employee WHERE email = ?"));
    q.addBindValue(QStringLiteral("alan@example.com"));
    QVERIFY(q.exec() && q.next());
    const qint64 alan = q.value(0).toLongLong();
    save(alan, [](EmployeeRecord &r) { r.profile.bio = QStringLiteral("Bletchley"); }, {RecordField::Bio}, m_theirs);
    QVERIFY(TestDatabase::exec(m_theirs->database(),
                               QStringLiteral("UPDATE employee_profile SET address = 'Amsterdam' WHERE employee_id ="
                                              " (SELECT id FROM employee WHERE email = 'edsger@example.com')")));

    const UndoOutcome undone = undo();   // on a worker thread's own session
    QCOMPARE(undone.status, UndoOutcome::Status::Done);
    QVERIFY2(undone.message.contains(QStringLiteral("Alan Turing")), qPrintable(undone.message));
    QVERIFY2(undone.message.contains(QStringLiteral("Edsger Dijkstra")), qPrintable(undone.message));
    const QSqlDatabase db = m_store->database();
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE email = 'grace@example.com'")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE email = 'alan@example.com'")), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE email = 'edsger@example.com'")), 1);
    QVERIFY(m_store->record(before));   // not the import's
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile")), 3);

    const UndoOutcome redone = undo(true);
    QCOMPARE(redone.status, UndoOutcome::Status::Done);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE email = 'grace@example.com'")), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile p JOIN employee e ON e.id = p.employee_id"
                                      " WHERE e.email = 'grace@example.com' AND p.address = 'Arlington'")),
             1);
    QCOMPARE(m_store->employeeCount(), 4);
    // The redo is a new import of the same file, and can be taken back again.
    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE email = 'grace@example.com'")), 0);

    // Lists emptied while the step runs (another database): it does not come back into them.
    QCOMPARE(undo(true).status, UndoOutcome::Status::Done);
    QSignalSpy finished(m_stack.get(), &UndoStack::finished);
    m_stack->undo();
    QVERIFY(m_stack->isBusy());
    m_stack->clear();
    QVERIFY(finished.wait(60000));
    QVERIFY(!m_stack->canUndo());
    QVERIFY(!m_stack->canRedo());
}

void TestUndoStack::aNewChangeEmptiesTheRedoList()
{
    const qint64 id = addAda();
    save(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); }, {RecordField::LastName});
    QCOMPARE(undo().status, UndoOutcome::Status::Done);
    QVERIFY(m_stack->canRedo());
    save(id, [](EmployeeRecord &r) { r.profile.bio = QStringLiteral("Analyst"); }, {RecordField::Bio});
    QVERIFY(!m_stack->canRedo());
    QCOMPARE(m_stack->undoText(), QStringLiteral("Save of Ada Lovelace"));
}

QTEST_GUILESS_MAIN(TestUndoStack)
#include "TestUndoStack.moc"

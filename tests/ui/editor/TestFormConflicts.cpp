// A conflict never costs the user what they typed (issue 9, part 2). A second
// connection, as a colleague's application would, saves or deletes the
// employee while the form is open; the form's Save then offers Keep My
// Changes / Take Theirs / Back, or Save as New / Discard, and each choice does
// what it says. Deleting from the window checks the version it showed.
#include "editor/ConflictDialog.h"
#include "db/Database.h"
#include "mainwindow/DeleteConfirmation.h"
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "TestDatabase.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace {
// Waits (at most 5 s) for the next modal message box named `name`, runs
// `before` and clicks the button named `button`. Returns false from
// answered() when no such box appeared, so a test fails instead of passing.
class BoxAnswer
{
public:
    BoxAnswer(const QString &name, const QString &button, std::function<void(QMessageBox *)> before = {})
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this, name, button, before] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != name)
                return;
            m_timer.stop();
            m_text = box->text() + QLatin1Char('\n') + box->informativeText();
            if (before)
                before(box);
            if (auto *b = box->findChild<QAbstractButton *>(button))
                b->click();
            m_answered = true;
        });
        m_timer.start();
    }
    bool answered() const { return m_answered; }
    QString text() const { return m_text; }

private:
    QTimer m_timer;
    bool m_answered = false;
    QString m_text;
};
}

class TestFormConflicts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void keepMineSavesMyFieldsOnTopOfTheirs();
    void fieldEditedOnBothSidesIsMineToChoose();
    void fieldEditedOnBothSidesCanTakeTheirs();
    void takeTheirsReloadsTheForm();
    void backKeepsWhatWasTypedAndAsksAgain();
    void deletedElsewhereCanBeSavedAsNew();
    void deletedElsewhereCanBeDiscarded();
    void deleteAsksAgainWhenTheViewWasStale();
    void deleteAsksAgainWhenChangedWhileAsking();

private:
    qint64 addEmployee();
    // The colleague's save: `change` on a record read from their connection.
    void theyChange(qint64 id, const std::function<void(EmployeeRecord &)> &change, const RecordFields &fields);
    std::unique_ptr<EmployeeEditDialog> open(qint64 id);
    ConflictDialog *waitForConflictDialog(EmployeeEditDialog *dialog);
    void type(EmployeeEditDialog *dialog, const char *name, const QString &text);

    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
    EmployeeStore *m_theirs = nullptr;   // the colleague, on a connection of their own
    std::unique_ptr<AppSession> m_theirSession;
};

void TestFormConflicts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFormConflicts::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
    m_theirSession = m_db->openSession(&sessionError);
    QVERIFY2(m_theirSession, qPrintable(sessionError));
    m_theirs = m_theirSession->store();
}

void TestFormConflicts::cleanup()
{
    m_theirs = nullptr;
    m_theirSession.reset();
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

qint64 TestFormConflicts::addEmployee()
{
    Employee e;
    e.firstName = QStringLiteral("Ada");
    e.lastName = QStringLiteral("Lovelace");
    e.email = QStringLiteral("ada@example.com");
    EmployeeProfile p;
    p.address = QStringLiteral("St James's Square");
    p.bio = QStringLiteral("Wrote the first program.");
    const StoreResult r = m_store->createEmployee(e, p);
    return r.id();
}

void TestFormConflicts::theyChange(qint64 id, const std::function<void(EmployeeRecord &)> &change,
                                   const RecordFields &fields)
{
    const auto base = m_theirs->record(id);
    QVERIFY(base);
    EmployeeRecord edited = *base;
    change(edited);
    const StoreResult saved = m_theirs->saveChanges(*base, edited, fields);
    QVERIFY2(saved.ok(), qPrintable(saved.errorText()));
}

std::unique_ptr<EmployeeEditDialog> TestFormConflicts::open(qint64 id)
{
    auto dialog = std::make_unique<EmployeeEditDialog>(m_store, id);
    dialog->show();
    return dialog;
}

ConflictDialog *TestFormConflicts::waitForConflictDialog(EmployeeEditDialog *dialog)
{
    ConflictDialog *conflict = nullptr;
    for (int i = 0; i < 100 && !conflict; ++i) {
        conflict = dialog->findChild<ConflictDialog *>();
        if (!conflict || !conflict->isVisible()) {
            conflict = nullptr;
            QTest::qWait(20);
        }
    }
    return conflict;
}

void TestFormConflicts::type(EmployeeEditDialog *dialog, const char *name, const QString &text)
{
    QWidget *w = dialog->findChild<QWidget *>(QLatin1String(name));
    if (auto *line = qobject_cast<QLineEdit *>(w)) {
        line->selectAll();
        QTest::keyClicks(line, text);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
        plain->selectAll();
        QTest::keyClicks(plain, text);
    }
}

void TestFormConflicts::keepMineSavesMyFieldsOnTopOfTheirs()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "addressEdit", QStringLiteral("Marylebone, London"));
    theyChange(id, [](EmployeeRecord &r) { r.employee.email = QStringLiteral("countess@example.com"); },
               {RecordField::Email});

    QVERIFY(!dialog->save());   // not yet: the user decides first
    ConflictDialog *conflict = waitForConflictDialog(dialog.get());
    QVERIFY2(conflict, "no conflict dialog");
    QCOMPARE(conflict->theirFields(), RecordFields{RecordField::Email});
    QVERIFY(!conflict->findChild<QRadioButton *>());   // nothing edited on both sides: nothing to choose
    conflict->findChild<QAbstractButton *>(QStringLiteral("keepMineButton"))->click();

    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    const auto saved = m_store->record(id);
    QCOMPARE(saved->employee.email, QStringLiteral("countess@example.com"));   // theirs stays
    QCOMPARE(saved->profile.address, QStringLiteral("Marylebone, London"));   // mine goes on top
    QCOMPARE(saved->employee.version, 2);
    QCOMPARE(saved->profile.version, 2);
}

void TestFormConflicts::fieldEditedOnBothSidesIsMineToChoose()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "bioEdit", QStringLiteral("Mine."));
    type(dialog.get(), "firstNameEdit", QStringLiteral("Augusta"));
    theyChange(id, [](EmployeeRecord &r) { r.profile.bio = QStringLiteral("Theirs."); }, {RecordField::Bio});

    QVERIFY(!dialog->save());
    ConflictDialog *conflict = waitForConflictDialog(dialog.get());
    QVERIFY(conflict);
    auto *mine = conflict->findChild<QRadioButton *>(QStringLiteral("mine_bio"));
    auto *theirs = conflict->findChild<QRadioButton *>(QStringLiteral("theirs_bio"));
    QVERIFY(mine && theirs);
    QVERIFY(mine->isChecked());
    QCOMPARE(mine->accessibleDescription(), QStringLiteral("Mine."));
    QCOMPARE(theirs->accessibleDescription(), QStringLiteral("Theirs."));
    conflict->findChild<QAbstractButton *>(QStringLiteral("keepMineButton"))->click();
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    const auto saved = m_store->record(id);
    QCOMPARE(saved->profile.bio, QStringLiteral("Mine."));
    QCOMPARE(saved->employee.firstName, QStringLiteral("Augusta"));
}

void TestFormConflicts::fieldEditedOnBothSidesCanTakeTheirs()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "bioEdit", QStringLiteral("Mine."));
    type(dialog.get(), "firstNameEdit", QStringLiteral("Augusta"));
    theyChange(id, [](EmployeeRecord &r) { r.profile.bio = QStringLiteral("Theirs."); }, {RecordField::Bio});

    QVERIFY(!dialog->save());
    ConflictDialog *conflict = waitForConflictDialog(dialog.get());
    QVERIFY(conflict);
    conflict->findChild<QRadioButton *>(QStringLiteral("theirs_bio"))->click();
    conflict->findChild<QAbstractButton *>(QStringLiteral("keepMineButton"))->click();
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    const auto saved = m_store->record(id);
    QCOMPARE(saved->profile.bio, QStringLiteral("Theirs."));            // their value, as chosen
    QCOMPARE(saved->employee.firstName, QStringLiteral("Augusta"));     // my other edit kept
}

void TestFormConflicts::takeTheirsReloadsTheForm()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "addressEdit", QStringLiteral("Mine"));
    theyChange(id, [](EmployeeRecord &r) { r.employee.lastName = QStringLiteral("King"); }, {RecordField::LastName});
    QVERIFY(!dialog->save());
    ConflictDialog *conflict = waitForConflictDialog(dialog.get());
    QVERIFY(conflict);
    conflict->findChild<QAbstractButton *>(QStringLiteral("takeTheirsButton"))->click();

    QTRY_COMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(), QStringLiteral("King"));
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"))->toPlainText(),
             QStringLiteral("St James's Square"));
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isWindowModified());
    // Their version is now the form's: saving writes nothing and conflicts with nothing.
    const int version = m_store->record(id)->employee.version;
    QVERIFY(dialog->save());
    QCOMPARE(m_store->record(id)->employee.version, version);
    QCOMPARE(m_store->record(id)->profile.address, QStringLiteral("St James's Square"));
}

void TestFormConflicts::backKeepsWhatWasTypedAndAsksAgain()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "addressEdit", QStringLiteral("Typed with care"));
    theyChange(id, [](EmployeeRecord &r) { r.employee.email = QStringLiteral("other@example.com"); },
               {RecordField::Email});
    QVERIFY(!dialog->save());
    ConflictDialog *conflict = waitForConflictDialog(dialog.get());
    QVERIFY(conflict);
    conflict->findChild<QAbstractButton *>(QStringLiteral("backButton"))->click();
    QTRY_VERIFY(!dialog->findChild<ConflictDialog *>() || !dialog->findChild<ConflictDialog *>()->isVisible());
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"))->toPlainText(),
             QStringLiteral("Typed with care"));
    QVERIFY(dialog->isWindowModified());
    QCOMPARE(m_store->record(id)->profile.address, QStringLiteral("St James's Square"));

    QTest::qWait(50);   // the first dialog is deleted later
    QVERIFY(!dialog->save());
    conflict = waitForConflictDialog(dialog.get());
    QVERIFY2(conflict, "the second Save did not ask again");
    conflict->findChild<QAbstractButton *>(QStringLiteral("keepMineButton"))->click();
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_store->record(id)->profile.address, QStringLiteral("Typed with care"));
    QCOMPARE(m_store->record(id)->employee.email, QStringLiteral("other@example.com"));
}

void TestFormConflicts::deletedElsewhereCanBeSavedAsNew()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "bioEdit", QStringLiteral("Still here."));
    QVERIFY(m_theirs->deleteEmployee(id).ok());
    QVERIFY(!dialog->save());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("deletedElsewhereBox"))) && box->isVisible());
    box->findChild<QAbstractButton *>(QStringLiteral("saveAsNewButton"))->click();
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(dialog->isNewEmployee());
    const auto saved = m_store->record(dialog->employeeId());
    QVERIFY(saved);
    QVERIFY(!dialog->findChild<QMessageBox *>(QStringLiteral("deletedElsewhereBox"))
            || !dialog->findChild<QMessageBox *>(QStringLiteral("deletedElsewhereBox"))->isVisible());
    QCOMPARE(saved->employee.email, QStringLiteral("ada@example.com"));
    QCOMPARE(saved->profile.bio, QStringLiteral("Still here."));
    QCOMPARE(saved->profile.address, QStringLiteral("St James's Square"));
    QCOMPARE(m_store->employeeCount(), 1);
}

void TestFormConflicts::deletedElsewhereCanBeDiscarded()
{
    const qint64 id = addEmployee();
    auto dialog = open(id);
    type(dialog.get(), "bioEdit", QStringLiteral("Gone anyway."));
    QVERIFY(m_theirs->deleteEmployee(id).ok());
    QVERIFY(!dialog->save());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("deletedElsewhereBox"))) && box->isVisible());
    box->findChild<QAbstractButton *>(QStringLiteral("discardButton"))->click();
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(m_store->employeeCount(), 0);
}

void TestFormConflicts::deleteAsksAgainWhenTheViewWasStale()
{
    const qint64 id = addEmployee();
    const EmployeeRecord shown = *m_store->record(id);   // what the view showed
    theyChange(id, [](EmployeeRecord &r) { r.employee.email = QStringLiteral("renamed@example.com"); },
               {RecordField::Email});
    BoxAnswer answer(QStringLiteral("confirmDeleteBox"), QStringLiteral("confirmDeleteButton"));
    DeleteConfirmation deletion(m_store, nullptr);
    QCOMPARE(deletion.run(shown), DeleteConfirmation::Outcome::Deleted);
    QVERIFY(answer.answered());
    QVERIFY2(answer.text().contains(QStringLiteral("changed by someone else")), qPrintable(answer.text()));
    QVERIFY2(answer.text().contains(QStringLiteral("renamed@example.com")), qPrintable(answer.text()));
    QVERIFY(!m_store->record(id));
}

void TestFormConflicts::deleteAsksAgainWhenChangedWhileAsking()
{
    const qint64 id = addEmployee();
    const EmployeeRecord shown = *m_store->record(id);
    // While the first question is open, the colleague saves the employee.
    std::unique_ptr<BoxAnswer> second;
    BoxAnswer first(QStringLiteral("confirmDeleteBox"), QStringLiteral("confirmDeleteButton"), [&](QMessageBox *) {
        theyChange(id, [](EmployeeRecord &r) { r.profile.address = QStringLiteral("Moved"); }, {RecordField::Address});
        // The second question: answered with Cancel once the first is gone.
        second = std::make_unique<BoxAnswer>(QStringLiteral("confirmDeleteBox"), QStringLiteral("cancelDeleteButton"));
    });
    DeleteConfirmation deletion(m_store, nullptr);
    const DeleteConfirmation::Outcome outcome = deletion.run(shown);
    QVERIFY(first.answered());
    QVERIFY2(second && second->answered(), "the delete did not ask again after the employee changed");
    QVERIFY2(second->text().contains(QStringLiteral("Moved")), qPrintable(second->text()));
    QCOMPARE(outcome, DeleteConfirmation::Outcome::Cancelled);
    QVERIFY(m_store->record(id));   // not deleted
}

QTEST_MAIN(TestFormConflicts)
#include "TestFormConflicts.moc"

// Edit > Undo / Redo in the window (issue 12, part 3): the user's save in
// the form is taken back and done again by the standard shortcuts, after
// the view was re-sorted and searched (the step holds the employee's id,
// the selection follows it), around a colleague's change to another field;
// a colleague's change to the same field is shown, both values, before it
// is overwritten; an import is taken back on a worker thread while the
// window keeps answering. SQLite and PostgreSQL.
#include "FormParts.h"
#include "MessageBoxAnswerer.h"
#include "ShownWindow.h"
#include "TestDatabase.h"
#include "WindowParts.h"
#include "editor/EmployeeEditDialog.h"
#include "employees/EmployeeView.h"
#include "mainwindow/MainWindow.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {
qint64 add(EmployeeStore *store, const char *first, const char *last, const char *email)
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    return store->createEmployee(e).id();
}

QAction *action(const QWidget &window, const char *name)
{
    auto *a = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!a)
        qFatal("no %s", name);
    return a;
}
} // namespace

class TestWindowUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void undoAndRedoASaveAcrossAResortAndAColleaguesChange();
    void aColleaguesValueIsShownBeforeItIsReplaced();
    void anImportIsTakenBackInTheBackground();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Opens the form on `id`, types `lastName`, saves.
    void saveLastName(MainWindow &window, qint64 id, const QString &lastName);
    void theyChangeLastName(qint64 id, const QString &lastName);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<AppSession> m_theirSession;
    EmployeeStore *m_store = nullptr;
};

void TestWindowUndo::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestWindowUndo"));
}

void TestWindowUndo::init()
{
    QSettings().clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_theirSession = m_db->openSession(&error);
    QVERIFY2(m_theirSession, qPrintable(error));
    m_store = m_session->store();
}

void TestWindowUndo::cleanup()
{
    const int unanswered = pendingMessageBoxAnswers();
    m_store = nullptr;
    m_theirSession.reset();
    m_session.reset();
    m_db.reset();
    QCOMPARE(unanswered, 0);
}

std::unique_ptr<MainWindow> TestWindowUndo::makeWindow()
{
    return showMainWindow(m_store, QSize(900, 600), AppSession::openerFor(m_db->location()));
}

void TestWindowUndo::saveLastName(MainWindow &window, qint64 id, const QString &lastName)
{
    EmployeeEditDialog *dialog = window.openEditor(id);
    QVERIFY(dialog);
    auto *edit = qobject_cast<QLineEdit *>(FormParts::input(*dialog, QStringLiteral("last_name")));
    edit->selectAll();
    QTest::keyClicks(edit, lastName);
    dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
    QTRY_VERIFY(!window.findChild<EmployeeEditDialog *>() || !window.findChild<EmployeeEditDialog *>()->isVisible());
    QCOMPARE(m_store->employee(id)->lastName, lastName);
}

void TestWindowUndo::theyChangeLastName(qint64 id, const QString &lastName)
{
    EmployeeStore *theirs = m_theirSession->store();
    const EmployeeRecord base = *theirs->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = lastName;
    QVERIFY(theirs->saveChanges(base, edited, {RecordField::LastName}).ok());
}

void TestWindowUndo::undoAndRedoASaveAcrossAResortAndAColleaguesChange()
{
    add(m_store, "Alan", "Turing", "alan@example.com");
    const qint64 ada = add(m_store, "Ada", "Lovelace", "ada@example.com");
    add(m_store, "Grace", "Hopper", "grace@example.com");
    auto window = makeWindow();
    QAction *undo = action(*window, "actionUndo");
    QAction *redo = action(*window, "actionRedo");
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(redo->shortcut(), QKeySequence(QKeySequence::Redo));

    saveLastName(*window, ada, QStringLiteral("Zweig"));
    QTRY_VERIFY(undo->isEnabled());
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Save of Ada Zweig"));

    // The rows move: sorted the other way, and another employee selected.
    EmployeeView *view = WindowParts::employeeView(*window);
    view->sortByColumn(1, Qt::DescendingOrder);
    window->flushRefresh();
    view->setFocus();
    view->selectRow(2);
    QVERIFY(window->currentEmployeeId() != ada);
    // A colleague changes another field of hers meanwhile.
    {
        EmployeeStore *theirs = m_theirSession->store();
        const EmployeeRecord base = *theirs->record(ada);
        EmployeeRecord edited = base;
        edited.employee.phone = QStringLiteral("+442071234567");
        QVERIFY(theirs->saveChanges(base, edited, {RecordField::Phone}).ok());
    }

    QTest::keySequence(window.get(), QKeySequence::Undo);
    QTRY_COMPARE(m_store->employee(ada)->lastName, QStringLiteral("Lovelace"));
    QCOMPARE(m_store->employee(ada)->phone, QStringLiteral("+442071234567"));   // theirs stays
    QCOMPARE(window->currentEmployeeId(), ada);   // the selection follows her, not the row
    QVERIFY(redo->isEnabled());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("Undone")));

    // Searched down to someone else: redo still finds her by id.
    QLineEdit *search = WindowParts::searchField(*window);
    search->setText(QStringLiteral("Grace"));
    window->flushRefresh();
    view->setFocus();
    QTest::keySequence(window.get(), QKeySequence::Redo);
    QTRY_COMPARE(m_store->employee(ada)->lastName, QStringLiteral("Zweig"));
    QCOMPARE(m_store->employee(ada)->phone, QStringLiteral("+442071234567"));
}

void TestWindowUndo::aColleaguesValueIsShownBeforeItIsReplaced()
{
    const qint64 ada = add(m_store, "Ada", "Lovelace", "ada@example.com");
    auto window = makeWindow();
    saveLastName(*window, ada, QStringLiteral("King"));
    theyChangeLastName(ada, QStringLiteral("Byron"));

    QString seen;
    answerNextMessageBox(QStringLiteral("Keep Their Values"), &seen);
    action(*window, "actionUndo")->trigger();
    QVERIFY2(seen.contains(QStringLiteral("Byron")) && seen.contains(QStringLiteral("Lovelace")), qPrintable(seen));
    QCOMPARE(m_store->employee(ada)->lastName, QStringLiteral("Byron"));
    QVERIFY(action(*window, "actionUndo")->isEnabled());   // still there to try again

    answerNextMessageBox(QStringLiteral("Replace Their Values"));
    action(*window, "actionUndo")->trigger();
    QCOMPARE(m_store->employee(ada)->lastName, QStringLiteral("Lovelace"));
}

void TestWindowUndo::anImportIsTakenBackInTheBackground()
{
    add(m_store, "Ada", "Lovelace", "ada@example.com");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hires.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray csv = "first_name,last_name,email\n";
    for (int i = 0; i < 2000; ++i)
        csv += QStringLiteral("Person,Number %1,p%1@example.com\n").arg(i).toUtf8();
    file.write(csv);
    file.close();
    auto window = makeWindow();
    QSignalSpy imported(window.get(), &MainWindow::importFinished);
    QVERIFY(window->importCsvFile(path));
    QVERIFY(imported.wait(60000));
    QTRY_COMPARE(WindowParts::employeeModel(*window)->rowCount(), 2001);
    QAction *undo = action(*window, "actionUndo");
    QCOMPARE(undo->text().remove(QLatin1Char('&')), QStringLiteral("Undo Import of hires.csv"));

    undo->trigger();
    // Off the GUI thread: the call returned at once, and writes wait for it.
    QVERIFY(!action(*window, "actionNewEmployee")->isEnabled());
    QVERIFY(!undo->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(WindowParts::employeeModel(*window)->rowCount(), 1, 60000);
    QTRY_VERIFY(action(*window, "actionRedo")->isEnabled());
    QCOMPARE(m_store->employeeCount(), 1);
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("2000")));
    QVERIFY(action(*window, "actionNewEmployee")->isEnabled());
}

QTEST_MAIN(TestWindowUndo)
#include "TestWindowUndo.moc"

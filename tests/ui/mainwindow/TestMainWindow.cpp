// The main window driven as a person would: keyboard shortcuts, the form,
// confirmation boxes, the search field, both views; and what must survive a
// change (sort, scroll, selection) or a restart (QSettings).
#include "app/AppSession.h"
#include "app/DatabaseSwitcher.h"
#include "db/Database.h"
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"
#include "employees/EmployeeView.h"
#include "editor/FormWidgets.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/WindowSettings.h"
#include "views/ProfileTableModel.h"
#include "teams/TeamsDialog.h"
#include "FormParts.h"
#include "MessageBoxAnswerer.h"
#include "WindowParts.h"
#include "TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QStatusBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <memory>

namespace {

int count(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

QAction *action(MainWindow *window, const char *name)
{
    return window->findChild<QAction *>(QString::fromLatin1(name));
}
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyModelPassesTheModelTester();
    void newEmployeeByKeyboardAppearsInBothViewsSelected();
    void editingTheProfileFromTheProfilesViewChangesTheRow();
    void invalidEmailInTheFormKeepsTheInput();
    void deleteAsksNamingTheEmployeeAndRemovesBothRows();
    void deleteCancelledKeepsBothRows();
    void searchTreatsQuotesAndInjectionAsPlainText();
    void statusBarShowsDatabaseAndCounts();
    void actionsHaveNamesAndStandardShortcuts();
    void changesKeepSortScrollAndSelection();
    void aColleaguesChangesAppearByThemselves();
    void anOpenFormFollowsAColleaguesSaveUnlessEdited();
    void aReadingRoleGetsAReadOnlyWindow();
    void settingsRestoreSortAndColumnWidths();
    void teamsDialogAddsRenamesAndRefusesDeletingATeamInUse();
    void switchingToAnotherDatabaseKeepsTheViewSettings();

private:
    qint64 addEmployee(const QString &first, const QString &last, const QString &email, const QString &phone = {});
    std::unique_ptr<MainWindow> makeWindow();
    static bool activate(QWidget *window);

    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestMainWindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestMainWindow::cleanup()
{
    // An expected question that never came is a failure, not a pass.
    const int unanswered = pendingMessageBoxAnswers();
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
    QCOMPARE(unanswered, 0);
}

qint64 TestMainWindow::addEmployee(const QString &first, const QString &last, const QString &email,
                                   const QString &phone)
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = email;
    e.phone = phone;
    const StoreResult r = m_store->createEmployee(e);
    if (!r.ok())
        qWarning() << r.errorText();
    return r.id();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(m_store, QStringLiteral("/tmp/test.sqlite"));
    window->resize(900, 500);
    window->show();
    if (!activate(window.get()))
        qWarning("main window not active");
    return window;
}

bool TestMainWindow::activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

void TestMainWindow::everyModelPassesTheModelTester()
{
    for (int i = 0; i < 30; ++i)
        addEmployee(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(29 - i),
                    QStringLiteral("p%1@example.com").arg(i));
    auto window = makeWindow();
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    QAbstractItemModelTester employees(WindowParts::employeeModel(*window), Mode::QtTest);
    QAbstractItemModelTester profiles(WindowParts::profileModel(*window), Mode::QtTest);
    // Exercise them the way the GUI does: sort, search, refresh after changes.
    WindowParts::employeeView(*window)->sortByColumn(EmployeeTableModel::LastName, Qt::DescendingOrder);
    WindowParts::profileView(*window)->sortByColumn(ProfileTableModel::Team, Qt::AscendingOrder);
    QTest::keyClicks(WindowParts::searchField(*window), QStringLiteral("First1"));
    QTRY_COMPARE(WindowParts::employeeModel(*window)->matchCount(), 11);
    WindowParts::searchField(*window)->clear();
    QTRY_COMPARE(WindowParts::employeeModel(*window)->matchCount(), 30);
    addEmployee(QStringLiteral("Late"), QStringLiteral("Comer"), QStringLiteral("late@example.com"));
    window->flushRefresh();
    QVERIFY(m_store->deleteEmployee(WindowParts::employeeModel(*window)->employeeIdAt(3)).ok());
    window->flushRefresh();
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 30);
    QCOMPARE(WindowParts::profileModel(*window)->rowCount(), 30);
    // The form's models are checked in TestEmployeeEditDialog.
}

void TestMainWindow::newEmployeeByKeyboardAppearsInBothViewsSelected()
{
    addEmployee(QStringLiteral("Existing"), QStringLiteral("Person"), QStringLiteral("existing@example.com"));
    auto window = makeWindow();
    QTest::keyClick(window->windowHandle(), Qt::Key_N, Qt::ControlModifier);   // QKeySequence::New
    auto *dialog = window->findChild<EmployeeEditDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->isNewEmployee());
    QVERIFY(activate(dialog));
    QTRY_COMPARE(QApplication::focusWidget(), FormParts::input(*dialog, QStringLiteral("first_name")));

    // Type field after field, moving with Tab as a keyboard user does.
    auto type = [&](const QString &text) {
        QTest::keyClicks(QApplication::focusWidget(), text);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    };
    type(QStringLiteral("Zoe"));
    type(QStringLiteral("Zimmermann"));
    type(QStringLiteral("zoe.zimmermann@example.com"));
    type(QStringLiteral("+1 202 555 0199"));
    QVERIFY(FormParts::input(*dialog, QStringLiteral("date_of_birth"))->isAncestorOf(QApplication::focusWidget())
            || QApplication::focusWidget() == FormParts::input(*dialog, QStringLiteral("date_of_birth")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1990"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // -> Clear
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);   // -> Team
    QCOMPARE(QApplication::focusWidget(), FormParts::input(*dialog, QStringLiteral("team")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_E);      // Engineering
    QCOMPARE(qobject_cast<QComboBox *>(FormParts::input(*dialog, QStringLiteral("team")))->currentText(),
             QStringLiteral("Engineering"));
    QCOMPARE(qobject_cast<DateOfBirthEdit *>(FormParts::input(*dialog, QStringLiteral("date_of_birth")))->dateOfBirth().year(),
             1990);
    // Save with the keyboard: back to a line edit, Enter presses the default button.
    FormParts::input(*dialog, QStringLiteral("email"))->setFocus();
    QTest::keyClick(FormParts::input(*dialog, QStringLiteral("email")), Qt::Key_Return);

    QTRY_VERIFY(!dialog || !dialog->isVisible());
    window->flushRefresh();
    const qint64 id = m_store->employeeCount() == 2 ? window->currentEmployeeId() : 0;
    QVERIFY(id > 0);
    const auto employee = m_store->employee(id);
    QVERIFY(employee);
    QCOMPARE(employee->firstName, QStringLiteral("Zoe"));

    // The profile row exists at once, with what was typed.
    const QSqlDatabase db = m_db->db();
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile WHERE employee_id = ?"), {id}), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile p JOIN team t ON t.id = p.team_id "
                                      "WHERE p.employee_id = ? AND t.name = 'Engineering'"),
                   {id}),
             1);

    // Both views show it, selected.
    const int row = WindowParts::employeeModel(*window)->rowOfEmployee(id);
    QVERIFY(row >= 0);
    QCOMPARE(WindowParts::employeeView(*window)->currentIndex().row(), row);
    QVERIFY(WindowParts::employeeView(*window)->selectionModel()->isRowSelected(row, {}));
    QCOMPARE(WindowParts::employeeModel(*window)->index(row, EmployeeTableModel::LastName).data().toString(),
             QStringLiteral("Zimmermann"));
    const int profileRow = WindowParts::profileModel(*window)->rowOfEmployee(id);
    QVERIFY(profileRow >= 0);
    QCOMPARE(WindowParts::profileView(*window)->currentIndex().row(), profileRow);
    QCOMPARE(WindowParts::profileModel(*window)->index(profileRow, ProfileTableModel::Employee).data().toString(),
             QStringLiteral("Zoe Zimmermann"));
    QCOMPARE(WindowParts::profileModel(*window)->index(profileRow, ProfileTableModel::Team).data().toString(),
             QStringLiteral("Engineering"));
    QVERIFY(WindowParts::statusText(*window).startsWith(QStringLiteral("2 ")));
}

void TestMainWindow::editingTheProfileFromTheProfilesViewChangesTheRow()
{
    const qint64 a = addEmployee(QStringLiteral("Ann"), QStringLiteral("Archer"), QStringLiteral("ann@example.com"));
    const qint64 b = addEmployee(QStringLiteral("Bob"), QStringLiteral("Baker"), QStringLiteral("bob@example.com"));
    QVERIFY(a && b);
    auto window = makeWindow();
    QTest::keyClick(window->windowHandle(), Qt::Key_2, Qt::AltModifier);   // View > Profiles
    QCOMPARE(WindowParts::tabs(*window)->currentIndex(), 1);
    EmployeeView *view = WindowParts::profileView(*window);
    QCOMPARE(QApplication::focusWidget(), view);
    view->selectRow(WindowParts::profileModel(*window)->rowOfEmployee(b));
    QTest::keyClick(view, Qt::Key_Return);   // Enter opens the form
    auto *dialog = window->findChild<EmployeeEditDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->employeeId(), b);

    auto *team = qobject_cast<QComboBox *>(FormParts::input(*dialog, QStringLiteral("team")));
    auto *dob = qobject_cast<DateOfBirthEdit *>(FormParts::input(*dialog, QStringLiteral("date_of_birth")));
    auto *address = qobject_cast<QPlainTextEdit *>(FormParts::input(*dialog, QStringLiteral("address")));
    team->setCurrentIndex(team->findText(QStringLiteral("Marketing")));
    dob->setDate(QDate(1984, 2, 29));
    address->setFocus();
    QTest::keyClicks(address, QStringLiteral("7 Rue de Rivoli, Paris"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT t.name, p.date_of_birth, p.address FROM employee_profile p "
                             "LEFT JOIN team t ON t.id = p.team_id WHERE p.employee_id = ?"));
    q.addBindValue(b);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Marketing"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("1984-02-29"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("7 Rue de Rivoli, Paris"));

    window->flushRefresh();
    const int row = WindowParts::profileModel(*window)->rowOfEmployee(b);
    QCOMPARE(view->currentIndex().row(), row);
    QCOMPARE(WindowParts::profileModel(*window)->index(row, ProfileTableModel::Team).data().toString(), QStringLiteral("Marketing"));
    QCOMPARE(WindowParts::profileModel(*window)->index(row, ProfileTableModel::Address).data().toString(),
             QStringLiteral("7 Rue de Rivoli, Paris"));
}

void TestMainWindow::invalidEmailInTheFormKeepsTheInput()
{
    const qint64 id = addEmployee(QStringLiteral("Eve"), QStringLiteral("Evans"), QStringLiteral("eve@example.com"));
    auto window = makeWindow();
    window->selectEmployee(id);
    window->findChild<QAction *>(QStringLiteral("actionEditEmployee"))->trigger();
    auto *dialog = window->findChild<EmployeeEditDialog *>();
    QVERIFY(dialog);
    auto *email = qobject_cast<QLineEdit *>(FormParts::input(*dialog, QStringLiteral("email")));
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("eve at example"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(!FormParts::errorFor(*dialog, QStringLiteral("email")).isEmpty());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("emailError"))->isVisible());
    QCOMPARE(email->text(), QStringLiteral("eve at example"));
    QCOMPARE(m_store->employee(id)->email, QStringLiteral("eve@example.com"));

    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("eve.evans@example.com"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(m_store->employee(id)->email, QStringLiteral("eve.evans@example.com"));
}

void TestMainWindow::deleteAsksNamingTheEmployeeAndRemovesBothRows()
{
    addEmployee(QStringLiteral("Amy"), QStringLiteral("Adams"), QStringLiteral("amy@example.com"));
    const qint64 id = addEmployee(QStringLiteral("Brendan"), QStringLiteral("O'Brien"), QStringLiteral("brendan@example.com"));
    const qint64 next = addEmployee(QStringLiteral("Cara"), QStringLiteral("Cole"), QStringLiteral("cara@example.com"));
    auto window = makeWindow();
    window->selectEmployee(id);
    WindowParts::employeeView(*window)->setFocus();
    QString question;
    answerNextMessageBox(QStringLiteral("Delete"), &question);
    QTest::keyClick(window->windowHandle(), Qt::Key_Delete, Qt::ShiftModifier);   // Delete Permanently
    QVERIFY2(question.contains(QStringLiteral("Brendan O'Brien")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("profile")), qPrintable(question));

    const QSqlDatabase db = m_db->db();
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee WHERE id = ?"), {id}), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile WHERE employee_id = ?"), {id}), 0);
    QCOMPARE(WindowParts::employeeModel(*window)->rowOfEmployee(id), -1);
    QCOMPARE(WindowParts::profileModel(*window)->rowOfEmployee(id), -1);
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 2);
    QCOMPARE(WindowParts::profileModel(*window)->rowCount(), 2);
    // The next employee takes its place in the selection.
    QCOMPARE(window->currentEmployeeId(), next);
}

void TestMainWindow::deleteCancelledKeepsBothRows()
{
    const qint64 id = addEmployee(QStringLiteral("Stay"), QStringLiteral("Here"), QStringLiteral("stay@example.com"));
    auto window = makeWindow();
    window->selectEmployee(id);
    answerNextMessageBox(QStringLiteral("Cancel"));
    window->findChild<QAction *>(QStringLiteral("actionDeleteEmployee"))->trigger();
    QVERIFY(m_store->employee(id));
    QVERIFY(m_store->profileOf(id));
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 1);
}

void TestMainWindow::searchTreatsQuotesAndInjectionAsPlainText()
{
    const qint64 obrien = addEmployee(QStringLiteral("Siobhan"), QStringLiteral("O'Brien"),
                                      QStringLiteral("siobhan@example.com"));
    addEmployee(QStringLiteral("Brian"), QStringLiteral("Obrien"), QStringLiteral("brian@example.com"));
    addEmployee(QStringLiteral("Carl"), QStringLiteral("Other"), QStringLiteral("carl@example.com"));
    auto window = makeWindow();
    QTest::keyClick(window->windowHandle(), Qt::Key_F, Qt::ControlModifier);   // QKeySequence::Find
    QCOMPARE(QApplication::focusWidget(), WindowParts::searchField(*window));

    QTest::keyClicks(WindowParts::searchField(*window), QStringLiteral("O'Brien"));
    QTRY_COMPARE(WindowParts::employeeModel(*window)->matchCount(), 1);
    QCOMPARE(WindowParts::employeeModel(*window)->employeeIdAt(0), obrien);
    QVERIFY(WindowParts::statusText(*window).contains(QStringLiteral("1 match")));

    WindowParts::searchField(*window)->clear();
    QTest::keyClicks(WindowParts::searchField(*window), QStringLiteral("' OR 1=1 --"));
    QTRY_COMPARE(WindowParts::employeeModel(*window)->searchText(), QStringLiteral("' OR 1=1 --"));
    QCOMPARE(WindowParts::employeeModel(*window)->matchCount(), 0);
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 0);
    QCOMPARE(WindowParts::employeeModel(*window)->totalCount(), 3);
    QCOMPARE(count(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM employee")), 3);   // nothing happened to the table

    WindowParts::searchField(*window)->clear();
    QTRY_COMPARE(WindowParts::employeeModel(*window)->matchCount(), 3);
}

void TestMainWindow::statusBarShowsDatabaseAndCounts()
{
    for (int i = 0; i < 5; ++i)
        addEmployee(QStringLiteral("Name%1").arg(i), QStringLiteral("Same"), QStringLiteral("n%1@example.com").arg(i));
    auto window = makeWindow();
    QCOMPARE(WindowParts::statusText(*window), QStringLiteral("5 employee(s), 5 match(es)"));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("databaseLabel"))->text().contains(QStringLiteral("test.sqlite")));
    QTest::keyClicks(WindowParts::searchField(*window), QStringLiteral("Name3"));
    QTRY_COMPARE(WindowParts::statusText(*window), QStringLiteral("5 employee(s), 1 match(es)"));
}

void TestMainWindow::actionsHaveNamesAndStandardShortcuts()
{
    auto window = makeWindow();
    struct Expect
    {
        const char *object;
        QString name;
        QKeySequence shortcut;
    };
    const Expect expected[] = {
        {"actionNewEmployee", QStringLiteral("New Employee"), QKeySequence(QKeySequence::New)},
        {"actionEditEmployee", QStringLiteral("Edit Employee"), QKeySequence()},
        {"actionArchiveEmployee", QStringLiteral("Archive Employee…"), QKeySequence(QKeySequence::Delete)},
        {"actionDeleteEmployee", QStringLiteral("Delete Permanently…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete)},
        {"actionOpenDatabase", QStringLiteral("Open Database…"), QKeySequence(QKeySequence::Open)},
        {"actionFind", QStringLiteral("Find…"), QKeySequence(QKeySequence::Find)},
        {"actionQuit", QStringLiteral("Quit"), QKeySequence(QKeySequence::Quit)},
    };
    auto *toolBar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    for (const Expect &e : expected) {
        QAction *a = action(window.get(), e.object);
        QVERIFY2(a, e.object);
        QCOMPARE(a->text().remove(QLatin1Char('&')), e.name);
        if (!e.shortcut.isEmpty())
            QCOMPARE(a->shortcut(), e.shortcut);
        if (QWidget *button = toolBar->widgetForAction(a))
            QCOMPARE(button->accessibleName(), e.name);
    }
    QVERIFY(toolBar->widgetForAction(action(window.get(), "actionNewEmployee")));
    for (const char *name : {"actionNewDatabase", "actionImportCsv", "actionExport", "actionTeams", "actionAbout"})
        QVERIFY2(action(window.get(), name), name);
    // Edit and Delete need a selection.
    QVERIFY(!action(window.get(), "actionEditEmployee")->isEnabled());
    QVERIFY(!action(window.get(), "actionDeleteEmployee")->isEnabled());
}

void TestMainWindow::changesKeepSortScrollAndSelection()
{
    QList<qint64> ids;
    for (int i = 0; i < 80; ++i)
        ids << addEmployee(QStringLiteral("Person%1").arg(i, 2, 10, QLatin1Char('0')),
                           QStringLiteral("Family%1").arg(i, 2, 10, QLatin1Char('0')),
                           QStringLiteral("person%1@example.com").arg(i));
    auto window = makeWindow();
    EmployeeView *view = WindowParts::employeeView(*window);
    view->sortByColumn(EmployeeTableModel::LastName, Qt::DescendingOrder);
    const qint64 chosen = ids[20];   // Family20: row 59 in descending order
    window->selectEmployee(chosen);
    view->scrollTo(view->currentIndex(), QAbstractItemView::PositionAtTop);
    const int scroll = view->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // Another employee is edited (through the store, as the form does), one is
    // added and one deleted far below: the user's place stays.
    Employee other = *m_store->employee(ids[70]);
    other.firstName = QStringLiteral("Renamed");
    QVERIFY(m_store->updateEmployee(other).ok());
    addEmployee(QStringLiteral("Aaron"), QStringLiteral("Aardvark"), QStringLiteral("aaron@example.com"));
    QVERIFY(m_store->deleteEmployee(ids[2]).ok());
    window->flushRefresh();

    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(EmployeeTableModel::LastName));
    QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(window->currentEmployeeId(), chosen);
    QCOMPARE(view->verticalScrollBar()->value(), scroll);
    QCOMPARE(WindowParts::employeeModel(*window)->index(WindowParts::employeeModel(*window)->rowOfEmployee(ids[70]),
                                            EmployeeTableModel::FirstName).data().toString(),
             QStringLiteral("Renamed"));
}

// Another client (a colleague's window: its own session and connection)
// renames one employee, adds one and deletes one: within a second this window
// shows all three without any action, and its selection stays put.
void TestMainWindow::aColleaguesChangesAppearByThemselves()
{
    const qint64 ada = addEmployee(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
    const qint64 grace = addEmployee(QStringLiteral("Grace"), QStringLiteral("Hopper"), QStringLiteral("grace@example.com"));
    const qint64 alan = addEmployee(QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("alan@example.com"));
    auto window = makeWindow();
    window->selectEmployee(grace);
    EmployeeTableModel *model = WindowParts::employeeModel(*window);
    QCOMPARE(model->rowCount(), 3);

    QString error;
    std::unique_ptr<AppSession> colleague = m_db->openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    Employee renamed = *colleague->store()->employee(ada);
    renamed.lastName = QStringLiteral("Byron");
    QVERIFY(colleague->store()->updateEmployee(renamed).ok());
    Employee added;
    added.firstName = QStringLiteral("Katherine");
    added.lastName = QStringLiteral("Johnson");
    added.email = QStringLiteral("katherine@example.com");
    QVERIFY(colleague->store()->createEmployee(added).ok());
    QVERIFY(colleague->store()->deleteEmployee(alan).ok());

    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 1000);   // +1 -1
    QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOfEmployee(ada), EmployeeTableModel::LastName).data().toString(),
                              QStringLiteral("Byron"), 1000);
    QCOMPARE(model->rowOfEmployee(alan), -1);
    QTRY_COMPARE_WITH_TIMEOUT(WindowParts::profileModel(*window)->rowCount(), 3, 1000);
    QCOMPARE(window->currentEmployeeId(), grace);
    QTRY_VERIFY_WITH_TIMEOUT(WindowParts::statusText(*window).startsWith(QStringLiteral("3 ")), 1000);
}

// An unedited form shows a colleague's save by itself; an edited one keeps
// what the user typed and says that someone else saved.
void TestMainWindow::anOpenFormFollowsAColleaguesSaveUnlessEdited()
{
    const qint64 ada = addEmployee(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
    auto window = makeWindow();
    EmployeeEditDialog *dialog = window->openEditor(ada);
    QVERIFY(dialog);
    auto *lastName = qobject_cast<QLineEdit *>(FormParts::input(*dialog, QStringLiteral("last_name")));
    auto *firstName = qobject_cast<QLineEdit *>(FormParts::input(*dialog, QStringLiteral("first_name")));

    QString error;
    std::unique_ptr<AppSession> colleague = m_db->openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    Employee theirs = *colleague->store()->employee(ada);
    theirs.lastName = QStringLiteral("Byron");
    QVERIFY(colleague->store()->updateEmployee(theirs).ok());
    QTRY_COMPARE_WITH_TIMEOUT(lastName->text(), QStringLiteral("Byron"), 1000);
    QVERIFY(!dialog->isWindowModified());
    // PostgreSQL names the colleague's role (both run as the test's one); SQLite cannot know who.
    const QString who = m_db->isPostgres() ? QStringLiteral("Changed by %1 at").arg(m_db->location().userName())
                                           : QStringLiteral("Someone else saved");
    QVERIFY2(FormParts::errorFor(*dialog, QString()).contains(who), qPrintable(FormParts::errorFor(*dialog, QString())));
    auto *reload = dialog->findChild<QPushButton *>(QStringLiteral("reloadButton"));
    QVERIFY(reload && !reload->isVisible());   // nothing of the user's to replace

    firstName->setText(QStringLiteral("Augusta"));   // now the user edits
    theirs = *colleague->store()->employee(ada);
    theirs.lastName = QStringLiteral("King");
    QVERIFY(colleague->store()->updateEmployee(theirs).ok());
    QTRY_VERIFY_WITH_TIMEOUT(FormParts::errorFor(*dialog, QString()).contains(QStringLiteral("Your changes are kept")),
                             1000);
    QCOMPARE(firstName->text(), QStringLiteral("Augusta"));
    QCOMPARE(lastName->text(), QStringLiteral("Byron"));   // not replaced under the user's hands
    QVERIFY(dialog->isWindowModified());
    // Reload, when the user asks for it (and confirms), shows their version.
    QVERIFY(reload->isVisible());
    answerNextMessageBox(QStringLiteral("Cancel"));
    QTest::mouseClick(reload, Qt::LeftButton);
    QCOMPARE(firstName->text(), QStringLiteral("Augusta"));   // Cancel kept the input
    answerNextMessageBox(QStringLiteral("Discard"));
    QTest::mouseClick(reload, Qt::LeftButton);
    QCOMPARE(lastName->text(), QStringLiteral("King"));
    QCOMPARE(firstName->text(), QStringLiteral("Ada"));
    QVERIFY(!dialog->isWindowModified());
    QVERIFY(!reload->isVisible());
    dialog->reject();
}

// PostgreSQL: a person whose role may only read gets a window that says so:
// nothing that writes is enabled (each says why), and the form opens for viewing.
void TestMainWindow::aReadingRoleGetsAReadOnlyWindow()
{
    if (!m_db->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    const qint64 ada = addEmployee(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
    const QString reader = QStringLiteral("er_test_window_reader_%1").arg(QCoreApplication::applicationPid());
    const QSqlDatabase admin = m_db->db();
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(reader)));
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("CREATE ROLE %1 LOGIN").arg(reader)));
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(reader)));
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("GRANT SELECT ON employee, employee_profile, team, "
                                                     "schema_migrations TO %1").arg(reader)));
    const DatabaseLocation here = m_db->location();
    const auto location = DatabaseLocation::fromUrl(
        QStringLiteral("postgresql://%1@%2:%3/%4").arg(reader, here.host()).arg(here.port()).arg(here.databaseName()),
        nullptr);
    QVERIFY(location);
    {
        AppSession session;
        QString error;
        QVERIFY2(session.open(*location, &error, Database::Missing::Refuse), qPrintable(error));
        MainWindow window(session.store(), QStringLiteral("hr"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectEmployee(ada);
        for (const char *name : {"actionNewEmployee", "actionDeleteEmployee", "actionImportCsv", "actionTeams"}) {
            QAction *writing = action(&window, name);
            QVERIFY2(!writing->isEnabled(), name);
            QVERIFY2(writing->toolTip().contains(QStringLiteral("role may")), qPrintable(writing->toolTip()));
        }
        QVERIFY(action(&window, "actionEditEmployee")->isEnabled());   // for viewing
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("databaseLabel"))->text().contains(QStringLiteral("read-only")));
        EmployeeEditDialog *dialog = window.openEditor(ada);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->isVisible());
        QVERIFY(qobject_cast<QLineEdit *>(FormParts::input(*dialog, QStringLiteral("last_name")))->isReadOnly());
        QVERIFY(!dialog->save());
        dialog->reject();
    }
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("DROP OWNED BY %1").arg(reader)));
    QVERIFY(TestDatabase::exec(admin, QStringLiteral("DROP ROLE %1").arg(reader)));
}

void TestMainWindow::settingsRestoreSortAndColumnWidths()
{
    addEmployee(QStringLiteral("One"), QStringLiteral("Only"), QStringLiteral("one@example.com"));
    {
        auto window = makeWindow();
        WindowParts::employeeView(*window)->sortByColumn(EmployeeTableModel::Email, Qt::DescendingOrder);
        WindowParts::employeeView(*window)->horizontalHeader()->resizeSection(EmployeeTableModel::FirstName, 222);
        WindowParts::tabs(*window)->setCurrentIndex(1);
        window->close();
    }
    auto window = makeWindow();
    QHeaderView *header = WindowParts::employeeView(*window)->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(EmployeeTableModel::Email));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(WindowParts::employeeModel(*window)->sortColumn(), int(EmployeeTableModel::Email));
    QCOMPARE(WindowParts::employeeModel(*window)->sortOrder(), Qt::DescendingOrder);
    QCOMPARE(header->sectionSize(EmployeeTableModel::FirstName), 222);
    QCOMPARE(WindowParts::tabs(*window)->currentIndex(), 1);
    QVERIFY(!WindowSettings::lastDatabasePath().isEmpty() || m_db->isPostgres());
}

void TestMainWindow::teamsDialogAddsRenamesAndRefusesDeletingATeamInUse()
{
    const qint64 id = addEmployee(QStringLiteral("Team"), QStringLiteral("Player"), QStringLiteral("tp@example.com"));
    TeamsDialog dialog(m_store);
    QCOMPARE(dialog.list()->count(), 3);   // the seeded teams
    QCOMPARE(dialog.addTeam(QStringLiteral("Research")), QString());
    QCOMPARE(dialog.list()->count(), 4);
    QVERIFY(!dialog.addTeam(QStringLiteral("Research")).isEmpty());   // names are unique
    QCOMPARE(dialog.list()->count(), 4);

    qint64 research = 0;
    for (const Team &t : m_store->teams()) {
        if (t.name == QLatin1String("Research"))
            research = t.id;
    }
    QVERIFY(research);
    QCOMPARE(dialog.renameTeam(research, QStringLiteral("R&D")), QString());
    QVERIFY(!dialog.list()->findItems(QStringLiteral("R&D"), Qt::MatchExactly).isEmpty());
    QVERIFY(!dialog.renameTeam(research, QStringLiteral("Product")).isEmpty());   // names are unique

    EmployeeProfile profile = *m_store->profileOf(id);
    profile.teamId = research;
    QVERIFY(m_store->updateProfile(profile).ok());
    const QString refused = dialog.deleteTeam(research);
    QVERIFY(!refused.isEmpty());   // in use: the store's reason
    QCOMPARE(dialog.list()->count(), 4);
    profile = *m_store->profileOf(id);
    profile.teamId = 0;
    QVERIFY(m_store->updateProfile(profile).ok());
    QCOMPARE(dialog.deleteTeam(research), QString());
    QCOMPARE(dialog.list()->count(), 3);
}

void TestMainWindow::switchingToAnotherDatabaseKeepsTheViewSettings()
{
    addEmployee(QStringLiteral("First"), QStringLiteral("Database"), QStringLiteral("first@example.com"));
    auto window = makeWindow();
    QSignalSpy requested(window.get(), &MainWindow::openDatabaseRequested);
    WindowParts::employeeView(*window)->sortByColumn(EmployeeTableModel::Email, Qt::DescendingOrder);
    WindowParts::employeeView(*window)->horizontalHeader()->resizeSection(EmployeeTableModel::LastName, 201);

    // The composition root's own handler of openDatabaseRequested, on a
    // second database (an SQLite file, in the PostgreSQL run too: switching
    // from a server to a file is one of the things users do).
    auto first = std::make_unique<AppSession>();
    QString error;
    QVERIFY2(first->open(m_db->location(), &error), qPrintable(error));
    window->setStore(first->store(), first->location().displayName());
    DatabaseSwitcher switcher(window.get(), std::move(first));
    QTemporaryDir dir;
    const DatabaseLocation otherLocation = DatabaseLocation::sqlite(dir.filePath(QStringLiteral("other.sqlite")));
    {
        AppSession seed;
        QVERIFY2(seed.open(otherLocation, &error), qPrintable(error));
        for (const char *name : {"second", "third"}) {
            Employee e;
            e.firstName = QString::fromLatin1(name);
            e.lastName = QStringLiteral("Database");
            e.email = QString::fromLatin1(name) + QStringLiteral("@example.com");
            QVERIFY(seed.store()->createEmployee(e).ok());
        }
    }
    emit window->openDatabaseRequested(otherLocation);   // as File > Open Database does
    QCOMPARE(window->store(), switcher.session()->store());
    QCOMPARE(switcher.session()->location().sqlitePath(), otherLocation.sqlitePath());
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 2);
    QCOMPARE(WindowParts::profileModel(*window)->rowCount(), 2);
    QVERIFY(WindowParts::statusText(*window).startsWith(QStringLiteral("2 ")));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("databaseLabel"))->text().contains(otherLocation.displayName()));
    QHeaderView *header = WindowParts::employeeView(*window)->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(EmployeeTableModel::Email));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(WindowParts::employeeModel(*window)->sortColumn(), int(EmployeeTableModel::Email));
    QCOMPARE(header->sectionSize(EmployeeTableModel::LastName), 201);
    // Changes in the old database are no longer heard.
    addEmployee(QStringLiteral("Old"), QStringLiteral("Store"), QStringLiteral("old@example.com"));
    window->flushRefresh();
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 2);
    // A database that cannot be opened leaves the window where it was.
    EmployeeStore *current = window->store();
    QString why;
    answerNextMessageBox(QStringLiteral("OK"), &why);
    QVERIFY(!switcher.switchTo(DatabaseLocation::sqlite(dir.path())));   // a folder, not a database
    QVERIFY2(why.contains(QStringLiteral("is not a file")), qPrintable(why));
    QCOMPARE(window->store(), current);
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 2);
    window->setStore(m_store, QStringLiteral("back"));   // before `other` goes away
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

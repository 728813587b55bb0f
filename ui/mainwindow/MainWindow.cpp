#include "mainwindow/MainWindow.h"

#include "mainwindow/AboutDialog.h"
#include "csv/CsvExporter.h"
#include "csv/CsvImporter.h"
#include "mainwindow/DeleteConfirmation.h"
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"
#include "employees/EmployeeView.h"
#include "common/IconProvider.h"
#include "mainwindow/ImportController.h"
#include "views/ProfileTableModel.h"
#include "teams/TeamsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
const QString kGeometry = QStringLiteral("MainWindow/geometry");
const QString kState = QStringLiteral("MainWindow/state");
const QString kCurrentTab = QStringLiteral("MainWindow/currentTab");
const QString kEmployeesHeader = QStringLiteral("MainWindow/employeesHeader");
const QString kProfilesHeader = QStringLiteral("MainWindow/profilesHeader");
const QString kLastDatabase = QStringLiteral("Database/lastSqlitePath");
const QString kLastDirectory = QStringLiteral("Database/lastDirectory");
const QString kLastCsvDirectory = QStringLiteral("Csv/lastDirectory");
constexpr int SearchDelayMs = 150;

QString sqliteFilter()
{
    return MainWindow::tr("Employee Records databases (*.sqlite *.sqlite3 *.db)") + QStringLiteral(";;")
        + MainWindow::tr("All files (*)");
}

QString csvFilter()
{
    return MainWindow::tr("CSV files (*.csv)") + QStringLiteral(";;") + MainWindow::tr("All files (*)");
}

QString startDirectory(const QString &key)
{
    const QString dir = QSettings().value(key).toString();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : dir;
}
}

MainWindow::MainWindow(EmployeeStore *store, const QString &databaseName, QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(IconProvider::applicationIcon());
    m_importer = new ImportController(this);
    connect(m_importer, &ImportController::started, this, [this] { setImportRunning(true); });
    connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_importer, &ImportController::reportClosed, this, &MainWindow::returnFocusToView);
    createActions();
    createCentralWidget();
    createMenus();
    createToolBar();
    createStatusBar();
    readSettings();
    setStore(store, databaseName);
    // Start in the table: Enter edits, Ctrl+F searches, Ctrl+N adds.
    currentView()->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::setSessionOpener(StoreSessionOpener opener)
{
    m_importer->setSessionOpener(std::move(opener));
}

// --- construction ----------------------------------------------------------------

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &icon, const QString &objectName) {
        auto *action = new QAction(IconProvider::icon(icon), text, this);
        action->setObjectName(objectName);
        return action;
    };

    m_newDatabaseAction = make(tr("&New Database…"), QStringLiteral("document-new"), QStringLiteral("actionNewDatabase"));
    m_newDatabaseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newDatabaseAction->setStatusTip(tr("Create an empty employee database file and open it"));
    connect(m_newDatabaseAction, &QAction::triggered, this, &MainWindow::newDatabase);

    m_openDatabaseAction = make(tr("&Open Database…"), QStringLiteral("document-open"), QStringLiteral("actionOpenDatabase"));
    m_openDatabaseAction->setShortcut(QKeySequence::Open);
    m_openDatabaseAction->setStatusTip(tr("Open an existing employee database file"));
    connect(m_openDatabaseAction, &QAction::triggered, this, &MainWindow::openDatabase);

    m_importAction = make(tr("&Import CSV…"), QStringLiteral("document-import"), QStringLiteral("actionImportCsv"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Add employees from a CSV file"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importCsv);

    m_exportAction = make(tr("&Export CSV…"), QStringLiteral("document-export"), QStringLiteral("actionExportCsv"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Write every employee and profile to a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCsv);

    m_quitAction = make(tr("&Quit"), QStringLiteral("application-exit"), QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_newEmployeeAction = make(tr("&New Employee"), QStringLiteral("contact-new"), QStringLiteral("actionNewEmployee"));
    m_newEmployeeAction->setShortcut(QKeySequence::New);
    m_newEmployeeAction->setStatusTip(tr("Add an employee (their profile is created with them)"));
    m_newEmployeeAction->setToolTip(tr("New Employee (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newEmployeeAction, &QAction::triggered, this, &MainWindow::newEmployee);

    m_editEmployeeAction = make(tr("&Edit Employee"), QStringLiteral("document-edit"), QStringLiteral("actionEditEmployee"));
    m_editEmployeeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editEmployeeAction->setStatusTip(tr("Edit the selected employee and their profile (Enter or double-click)"));
    connect(m_editEmployeeAction, &QAction::triggered, this, &MainWindow::editEmployee);

    m_deleteEmployeeAction = make(tr("&Delete Employee"), QStringLiteral("edit-delete"), QStringLiteral("actionDeleteEmployee"));
    m_deleteEmployeeAction->setShortcut(QKeySequence::Delete);
    m_deleteEmployeeAction->setStatusTip(tr("Delete the selected employee and their profile"));
    connect(m_deleteEmployeeAction, &QAction::triggered, this, &MainWindow::deleteEmployee);

    m_teamsAction = make(tr("&Teams…"), QStringLiteral("system-users"), QStringLiteral("actionTeams"));
    m_teamsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_teamsAction->setStatusTip(tr("Add, rename and delete teams"));
    connect(m_teamsAction, &QAction::triggered, this, &MainWindow::manageTeams);

    m_findAction = make(tr("&Find…"), QStringLiteral("edit-find"), QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search employees by name, email or phone"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);

    m_showEmployeesAction = new QAction(tr("&Employees"), this);
    m_showEmployeesAction->setObjectName(QStringLiteral("actionShowEmployees"));
    m_showEmployeesAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    connect(m_showEmployeesAction, &QAction::triggered, this, [this] { m_tabs->setCurrentIndex(0); m_employeeView->setFocus(); });
    m_showProfilesAction = new QAction(tr("&Profiles"), this);
    m_showProfilesAction->setObjectName(QStringLiteral("actionShowProfiles"));
    m_showProfilesAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    connect(m_showProfilesAction, &QAction::triggered, this, [this] { m_tabs->setCurrentIndex(1); m_profileView->setFocus(); });

    m_aboutAction = make(tr("&About Employee Records"), QStringLiteral("help-about"), QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newDatabaseAction);
    file->addAction(m_openDatabaseAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_newEmployeeAction);
    edit->addAction(m_editEmployeeAction);
    edit->addAction(m_deleteEmployeeAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_teamsAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_showEmployeesAction);
    m_viewMenu->addAction(m_showProfilesAction);
    m_viewMenu->addSeparator();
    // (The toolbar's and status bar's toggles are added in their create*().)
    // Issue 4: the language override goes at the end of this menu.

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_newEmployeeAction);
    m_toolBar->addAction(m_editEmployeeAction);
    m_toolBar->addAction(m_deleteEmployeeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_importAction);
    m_toolBar->addAction(m_exportAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_teamsAction);
    // Accessible names: the English labels without mnemonics (menus strip the
    // '&' themselves).
    m_toolBar->widgetForAction(m_newEmployeeAction)->setAccessibleName(tr("New Employee"));
    m_toolBar->widgetForAction(m_editEmployeeAction)->setAccessibleName(tr("Edit Employee"));
    m_toolBar->widgetForAction(m_deleteEmployeeAction)->setAccessibleName(tr("Delete Employee"));

    QAction *toggle = m_toolBar->toggleViewAction();
    toggle->setText(tr("Show &Toolbar"));
    toggle->setObjectName(QStringLiteral("actionShowToolbar"));
    m_viewMenu->addAction(toggle);
}

void MainWindow::createCentralWidget()
{
    auto *employeesPage = new QWidget(this);
    auto *searchLabel = new QLabel(tr("&Search:"), employeesPage);
    m_search = new QLineEdit(employeesPage);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Name, email or phone"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applySearch);
    // Enter in the search field goes to the results.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applySearch();
        m_employeeView->setFocus();
        if (m_employeeView->currentRow() < 0)
            m_employeeView->selectRow(0);
    });

    m_employeeView = new EmployeeView(employeesPage);
    m_employeeView->setObjectName(QStringLiteral("employeeView"));
    m_employeeView->setAccessibleName(tr("Employees"));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *employeesLayout = new QVBoxLayout(employeesPage);
    employeesLayout->setContentsMargins(6, 6, 6, 6);
    employeesLayout->addLayout(searchRow);
    employeesLayout->addWidget(m_employeeView, 1);

    auto *profilesPage = new QWidget(this);
    m_profileView = new EmployeeView(profilesPage);
    m_profileView->setObjectName(QStringLiteral("profileView"));
    m_profileView->setAccessibleName(tr("Profiles"));
    auto *profilesLayout = new QVBoxLayout(profilesPage);
    profilesLayout->setContentsMargins(6, 6, 6, 6);
    profilesLayout->addWidget(m_profileView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(employeesPage, tr("Employees"));
    m_tabs->addTab(profilesPage, tr("Profiles"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    setCentralWidget(m_tabs);
    setTabOrder(m_search, m_employeeView);

    for (EmployeeView *view : {m_employeeView, m_profileView}) {
        connect(view, &EmployeeView::editRequested, this, [this, view](int row) {
            if (const qint64 id = employeeIdInView(view, row))
                openEditor(id);
        });
    }
}

void MainWindow::createStatusBar()
{
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    auto *toggle = new QAction(tr("Show &Status Bar"), this);
    toggle->setObjectName(QStringLiteral("actionShowStatusBar"));
    toggle->setCheckable(true);
    toggle->setChecked(true);
    connect(toggle, &QAction::toggled, statusBar(), &QWidget::setVisible);
    m_viewMenu->addAction(toggle);
}

// --- the open database ---------------------------------------------------------------

void MainWindow::setStore(EmployeeStore *store, const QString &databaseName)
{
    if (m_editor)
        m_editor->done(QDialog::Rejected);
    if (m_employeeModel)
        saveViewSettings();
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);

    m_store = store;
    m_databaseName = databaseName;
    createModels();
    connectStore();

    const QSqlDatabase db = m_store->database();
    if (db.driverName() == QLatin1String("QSQLITE")) {
        QSettings settings;
        settings.setValue(kLastDatabase, QFileInfo(db.databaseName()).absoluteFilePath());
    }
    m_databaseLabel->setText(tr("Database: %1").arg(databaseName));
    m_databaseLabel->setToolTip(databaseName);
    updateTitle();
    updateStatus();
    updateActions();
}

void MainWindow::createModels()
{
    EmployeeTableModel *oldEmployees = m_employeeModel;
    ProfileTableModel *oldProfiles = m_profileModel;
    const QSqlDatabase db = m_store->database();

    m_employeeModel = new EmployeeTableModel(db, this);
    m_employeeModel->setObjectName(QStringLiteral("employeeModel"));
    m_profileModel = new ProfileTableModel(db, this);
    m_profileModel->setObjectName(QStringLiteral("profileModel"));
    m_employeeModel->setSearchText(m_search->text());

    const QSettings settings;
    const struct
    {
        EmployeeView *view;
        QAbstractItemModel *model;
        QString key;
    } pairs[] = {{m_employeeView, m_employeeModel, kEmployeesHeader}, {m_profileView, m_profileModel, kProfilesHeader}};
    for (const auto &p : pairs) {
        // Another database keeps the user's widths and sort.
        const QByteArray state = m_headersRestored ? p.view->saveHeaderState() : settings.value(p.key).toByteArray();
        p.view->setSortingEnabled(false);
        p.view->setModel(p.model);
        if (state.isEmpty())
            applyDefaultColumnWidths(p.view);
        else
            p.view->restoreHeaderState(state);
        // Enabling sorting sorts by the (restored) indicator.
        p.view->setSortingEnabled(true);
        connect(p.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateActions);
        if (p.model->rowCount() > 0)
            p.view->selectRow(0);
    }
    m_headersRestored = true;
    connect(m_employeeModel, &EmployeeTableModel::countsChanged, this, &MainWindow::updateStatus);
    connect(m_profileModel, &ProfileTableModel::countsChanged, this, &MainWindow::updateStatus);

    delete oldEmployees;
    delete oldProfiles;
}

void MainWindow::applyDefaultColumnWidths(EmployeeView *view)
{
    const int em = view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QHeaderView *header = view->horizontalHeader();
    if (view == m_employeeView) {
        header->resizeSection(EmployeeTableModel::FirstName, 12 * em);
        header->resizeSection(EmployeeTableModel::LastName, 13 * em);
        header->resizeSection(EmployeeTableModel::Email, 24 * em);
    } else {
        header->resizeSection(ProfileTableModel::Employee, 18 * em);
        header->resizeSection(ProfileTableModel::DateOfBirth, 9 * em);
        header->resizeSection(ProfileTableModel::Team, 10 * em);
        header->resizeSection(ProfileTableModel::Gender, 9 * em);
    }
}

void MainWindow::connectStore()
{
    connect(m_store, &EmployeeStore::employeeAdded, this, &MainWindow::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeeUpdated, this, &MainWindow::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeeRemoved, this, &MainWindow::scheduleRefresh);
    connect(m_store, &EmployeeStore::profileUpdated, this, &MainWindow::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeesImported, this, &MainWindow::scheduleRefresh);
    connect(m_store, &EmployeeStore::teamsChanged, this, &MainWindow::scheduleRefresh);
}

void MainWindow::showDatabaseError(const QString &message)
{
    QMessageBox::warning(this, tr("Cannot Open Database"), message);
}

QString MainWindow::lastDatabasePath()
{
    return QSettings().value(kLastDatabase).toString();
}

// --- refreshing without losing the user's place ---------------------------------------

void MainWindow::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &MainWindow::flushRefresh);
}

void MainWindow::flushRefresh()
{
    if (!m_refreshPending)
        return;
    m_refreshPending = false;
    // The models announce inserted and removed rows, so selections follow
    // their rows; the ids are remembered anyway in case a row moved.
    const qint64 employeeId = employeeIdInView(m_employeeView, m_employeeView->currentRow());
    const qint64 profileId = employeeIdInView(m_profileView, m_profileView->currentRow());
    m_employeeModel->refresh();
    m_profileModel->refresh();
    for (auto [view, id] : {std::pair{m_employeeView, employeeId}, std::pair{m_profileView, profileId}}) {
        if (!id)
            continue;
        const int row = rowInView(view, id);
        if (row >= 0 && row != view->currentRow())
            view->selectRow(row);
    }
    updateStatus();
    updateActions();
}

void MainWindow::applySearch()
{
    m_searchTimer->stop();
    if (m_employeeModel->searchText() == m_search->text())
        return;
    const qint64 id = employeeIdInView(m_employeeView, m_employeeView->currentRow());
    m_employeeModel->setSearchText(m_search->text());
    const int row = id ? m_employeeModel->rowOfEmployee(id) : -1;
    if (row >= 0)
        m_employeeView->selectRow(row);
    else if (m_employeeModel->rowCount() > 0)
        m_employeeView->selectRow(0);
    updateStatus();
    updateActions();
}

void MainWindow::selectEmployee(qint64 employeeId)
{
    flushRefresh();
    int row = m_employeeModel->rowOfEmployee(employeeId);
    if (row < 0 && !m_search->text().isEmpty()) {
        // Filtered out by the search: clear it so the employee can be shown.
        m_search->clear();
        applySearch();
        row = m_employeeModel->rowOfEmployee(employeeId);
    }
    m_employeeView->selectRow(row);
    m_profileView->selectRow(m_profileModel->rowOfEmployee(employeeId));
    updateActions();
}

// --- status, title, actions ------------------------------------------------------------

QString MainWindow::statusText() const
{
    return m_countLabel->text();
}

void MainWindow::updateStatus()
{
    if (!m_employeeModel)
        return;
    const int total = int(qMin<qint64>(m_employeeModel->totalCount(), INT_MAX));
    const int matches = int(qMin<qint64>(m_employeeModel->matchCount(), INT_MAX));
    m_countLabel->setText(tr("%n employee(s)", nullptr, total) + QStringLiteral(", ")
                          + tr("%n match(es)", nullptr, matches));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1 – Employee Records").arg(QFileInfo(m_databaseName).fileName().isEmpty()
                                                       ? m_databaseName
                                                       : QFileInfo(m_databaseName).fileName()));
}

void MainWindow::updateActions()
{
    const bool hasCurrent = currentEmployeeId() != 0 && !isImporting();
    m_editEmployeeAction->setEnabled(hasCurrent);
    m_deleteEmployeeAction->setEnabled(hasCurrent);
}

EmployeeView *MainWindow::currentView() const
{
    return m_tabs->currentIndex() == 1 ? m_profileView : m_employeeView;
}

qint64 MainWindow::employeeIdInView(const EmployeeView *view, int row) const
{
    if (row < 0)
        return 0;
    if (view == m_employeeView)
        return m_employeeModel ? m_employeeModel->employeeIdAt(row) : 0;
    return m_profileModel ? m_profileModel->employeeIdAt(row) : 0;
}

int MainWindow::rowInView(const EmployeeView *view, qint64 employeeId) const
{
    if (view == m_employeeView)
        return m_employeeModel->rowOfEmployee(employeeId);
    return m_profileModel->rowOfEmployee(employeeId);
}

qint64 MainWindow::currentEmployeeId() const
{
    const EmployeeView *view = currentView();
    return employeeIdInView(view, view->currentRow());
}

// --- employees -----------------------------------------------------------------------

EmployeeEditDialog *MainWindow::openEditor(qint64 employeeId)
{
    if (refusedDuringImport())
        return nullptr;
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return m_editor;
    }
    auto *dialog = new EmployeeEditDialog(m_store, employeeId, this);
    dialog->setValidator(validator());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // "Save as New" (the employee was deleted elsewhere) turns an edit into a creation.
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onEditorAccepted(dialog, dialog->isNewEmployee()); });
    connect(dialog, &QDialog::finished, this, &MainWindow::returnFocusToView);
    m_editor = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::onEditorAccepted(EmployeeEditDialog *dialog, bool created)
{
    const qint64 id = dialog->employeeId();
    selectEmployee(id);
    statusBar()->showMessage(created ? tr("Added %1.").arg(m_store->employee(id).value_or(Employee{}).displayName())
                                     : tr("Saved %1.").arg(m_store->employee(id).value_or(Employee{}).displayName()),
                             4000);
    currentView()->setFocus();
}

void MainWindow::returnFocusToView()
{
    // Back to where the user was (some window managers, and none at all,
    // leave the main window inactive when a modal dialog closes).
    activateWindow();
    currentView()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::newEmployee()
{
    if (refusedDuringImport())
        return;
    openEditor(0);
}

void MainWindow::editEmployee()
{
    if (refusedDuringImport())
        return;
    if (const qint64 id = currentEmployeeId())
        openEditor(id);
}

void MainWindow::deleteEmployee()
{
    if (refusedDuringImport())
        return;
    const qint64 id = currentEmployeeId();
    if (!id)
        return;
    EmployeeView *view = currentView();
    const int row = view->currentRow();
    const auto current = m_store->record(id);
    if (!current) {
        flushRefresh();
        statusBar()->showMessage(tr("This employee no longer exists."), 4000);
        return;
    }
    DeleteConfirmation deletion(m_store, this);
    const DeleteConfirmation::Outcome outcome = deletion.run(shownInView(view, row, *current));
    returnFocusToView();
    if (outcome == DeleteConfirmation::Outcome::Cancelled)
        return;
    if (outcome == DeleteConfirmation::Outcome::Failed) {
        QMessageBox::warning(this, tr("Delete Employee"),
                             tr("%1 could not be deleted: %2").arg(deletion.name(), deletion.errorText()));
        flushRefresh();
        return;
    }
    flushRefresh();
    // Stay where the user was: the next employee takes the deleted one's place.
    const int count = view->model()->rowCount();
    if (count > 0)
        view->selectRow(qMin(row, count - 1));
    updateActions();
    statusBar()->showMessage(tr("Deleted %1 and their profile.").arg(deletion.name()), 4000);
}

// The record as the Employees view shows it (its cells may predate a
// colleague's save); the Profiles view shows no employee fields to compare.
EmployeeRecord MainWindow::shownInView(const EmployeeView *view, int row, const EmployeeRecord &current) const
{
    EmployeeRecord shown = current;
    if (view != m_employeeView || !m_employeeModel || row < 0)
        return shown;
    auto cell = [&](int column) { return m_employeeModel->index(row, column).data(Qt::EditRole).toString(); };
    shown.employee.firstName = cell(EmployeeTableModel::FirstName);
    shown.employee.lastName = cell(EmployeeTableModel::LastName);
    shown.employee.email = cell(EmployeeTableModel::Email);
    shown.employee.phone = cell(EmployeeTableModel::Phone);
    return shown;
}

void MainWindow::manageTeams()
{
    if (refusedDuringImport())
        return;
    TeamsDialog dialog(m_store, this);
    dialog.exec();
    returnFocusToView();
}

void MainWindow::focusSearch()
{
    m_tabs->setCurrentIndex(0);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

// --- databases and files ---------------------------------------------------------------

void MainWindow::newDatabase()
{
    if (refusedDuringImport())
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("New Database"),
                                                startDirectory(kLastDirectory) + QStringLiteral("/employees.sqlite"),
                                                sqliteFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    QSettings().setValue(kLastDirectory, QFileInfo(path).absolutePath());
    const QSqlDatabase db = m_store->database();
    if (db.driverName() == QLatin1String("QSQLITE")
        && QFileInfo(db.databaseName()).absoluteFilePath() == QFileInfo(path).absoluteFilePath()) {
        showDatabaseError(tr("“%1” is the database that is open now; choose another name.").arg(path));
        return;
    }
    if (QFileInfo::exists(path)) {
        // The file dialog has asked whether to replace it.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFileInfo::exists(path + suffix) && !QFile::remove(path + suffix)) {
                showDatabaseError(tr("“%1” cannot be replaced.").arg(path));
                return;
            }
        }
    }
    emit openDatabaseRequested(DatabaseLocation::sqlite(path));
}

void MainWindow::openDatabase()
{
    if (refusedDuringImport())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"), startDirectory(kLastDirectory),
                                                      sqliteFilter());
    if (path.isEmpty())
        return;
    QSettings().setValue(kLastDirectory, QFileInfo(path).absolutePath());
    emit openDatabaseRequested(DatabaseLocation::sqlite(path));
}

void MainWindow::importCsv()
{
    if (refusedDuringImport())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), startDirectory(kLastCsvDirectory),
                                                      csvFilter());
    if (path.isEmpty())
        return;
    QSettings().setValue(kLastCsvDirectory, QFileInfo(path).absolutePath());
    importCsvFile(path);
}

EmployeeValidator MainWindow::validator() const
{
    return m_phoneRegion.isEmpty() ? EmployeeValidator() : EmployeeValidator(m_phoneRegion);
}

bool MainWindow::importCsvFile(const QString &path)
{
    return m_importer->start(path, validator());
}

bool MainWindow::isImporting() const
{
    return m_importer->isRunning();
}

void MainWindow::setImportRunning(bool running)
{
    for (QAction *action : {m_newDatabaseAction, m_openDatabaseAction, m_importAction, m_newEmployeeAction,
                            m_teamsAction})
        action->setEnabled(!running);
    updateActions();
    if (running)
        statusBar()->showMessage(tr("Importing “%1”: adding, editing and deleting employees, teams and databases "
                                    "wait until it ends.")
                                     .arg(m_importer->fileName()));
    else
        statusBar()->clearMessage();
}

bool MainWindow::refusedDuringImport()
{
    if (!isImporting())
        return false;
    statusBar()->showMessage(tr("An import is running; try again when it has ended."), 4000);
    return true;
}

void MainWindow::onImportFinished(const ImportReport &report, const QString &fileName)
{
    setImportRunning(false);
    // The import wrote through a connection of its own: this store heard
    // nothing, so the views read again now (a cancelled import left nothing).
    scheduleRefresh();
    flushRefresh();
    emit importFinished(report);
    if (m_closeAfterImport) {
        close();
        return;
    }
    if (report.cancelled)
        statusBar()->showMessage(tr("Import cancelled; nothing was imported."), 6000);
    else
        m_importer->showReport(report, fileName);
}

void MainWindow::exportCsv()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"),
                                                startDirectory(kLastCsvDirectory) + QStringLiteral("/employees.csv"),
                                                csvFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    QSettings().setValue(kLastCsvDirectory, QFileInfo(path).absolutePath());
    exportCsvFile(path);
}

bool MainWindow::exportCsvFile(const QString &path)
{
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const ExportReport report = CsvExporter::exportFile(m_store->database(), path);
    QApplication::restoreOverrideCursor();
    if (!report.ok()) {
        QMessageBox::warning(this, tr("Export CSV"), tr("“%1” was not written: %2").arg(path, report.error));
        return false;
    }
    statusBar()->showMessage(tr("Exported %n employee(s) to %1.", nullptr, int(report.rows)).arg(path), 8000);
    return true;
}

void MainWindow::about()
{
    AboutDialog::show(this);
}

// --- settings --------------------------------------------------------------------------

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometry).toByteArray()))
        resize(1000, 640);
    restoreState(settings.value(kState).toByteArray());
    m_tabs->setCurrentIndex(qBound(0, settings.value(kCurrentTab, 0).toInt(), 1));
}

void MainWindow::saveViewSettings() const
{
    QSettings settings;
    settings.setValue(kEmployeesHeader, m_employeeView->saveHeaderState());
    settings.setValue(kProfilesHeader, m_profileView->saveHeaderState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        event->ignore();
        if (m_closeAfterImport)
            return;   // already cancelling
        QMessageBox box(QMessageBox::Question, tr("Import Running"),
                        tr("An import is still running. Cancel it and close? Nothing of it will be kept."),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("importRunningBox"));
        QPushButton *cancelImport = box.addButton(tr("Cancel Import and &Close"), QMessageBox::DestructiveRole);
        cancelImport->setObjectName(QStringLiteral("cancelImportButton"));
        QPushButton *keep = box.addButton(tr("&Keep Importing"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() == cancelImport && isImporting()) {
            m_closeAfterImport = true;   // onImportFinished() closes once it rolled back
            m_importer->cancel();
        }
        return;
    }
    if (m_editor) {
        m_editor->reject();   // asks about unsaved changes
        if (m_editor && m_editor->isVisible()) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    settings.setValue(kCurrentTab, m_tabs->currentIndex());
    saveViewSettings();
    QMainWindow::closeEvent(event);
}

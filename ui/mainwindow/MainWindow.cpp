#include "mainwindow/MainWindow.h"

// Why this file is over 400 lines: it is where the window's flows meet (new,
// edit, delete, import, export, switching databases, closing) and what each
// may do while an import runs. The pieces are elsewhere: the views and the
// user's place in them (EmployeeTabs), the actions (MainWindowActions),
// settings (WindowSettings), import (ImportController), export
// (ExportController), database files (DatabaseFileChooser), servers
// (ServerConnector), the status bar's database label (DatabaseStatusLabel)
// and deletion (DeleteConfirmation).

#include "common/IconProvider.h"
#include "connection/ServerConnector.h"
#include "db/ExternalChangeWatcher.h"
#include "db/ServerRoles.h"
#include "editor/EmployeeEditDialog.h"
#include "employees/EmployeeTabs.h"
#include "employees/EmployeeView.h"
#include "mainwindow/AboutDialog.h"
#include "mainwindow/ExportController.h"
#include "mainwindow/DatabaseStatusLabel.h"
#include "mainwindow/DatabaseFileChooser.h"
#include "mainwindow/ArchiveController.h"
#include "mainwindow/HistoryController.h"
#include "mainwindow/PurgeController.h"
#include "mainwindow/DeleteConfirmation.h"
#include "mainwindow/ImportController.h"
#include "mainwindow/MainWindowActions.h"
#include "mainwindow/UndoController.h"
#include "mainwindow/WindowSettings.h"
#include "store/EmployeeStore.h"
#include "undo/UndoStack.h"
#include "teams/TeamsDialog.h"
#include "views/EmployeeTableModel.h"
#include "views/ProfileTableModel.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

MainWindow::MainWindow(EmployeeStore *store, const QString &databaseName, QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(IconProvider::applicationIcon());
    m_importer = new ImportController(this);
    m_exporter = new ExportController(this);
    connect(m_exporter, &ExportController::finished, this, &MainWindow::exportFinished);
    m_undo = new UndoController(this);
    connect(m_undo, &UndoController::changed, this, &MainWindow::updateActions);
    connect(m_undo, &UndoController::finished, this, &MainWindow::onUndoFinished);
    connect(m_importer, &ImportController::started, this, [this] { setImportRunning(true); });
    connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_importer, &ImportController::reportClosed, this, &MainWindow::returnFocusToView);
    createActions();
    createCentralWidget();
    createMenus();
    createToolBar();
    createStatusBar();
    WindowSettings::restoreWindow(this, m_tabs);
    setStore(store, databaseName);
    // Start in the table: Enter edits, Ctrl+F searches, Ctrl+N adds.
    m_tabs->currentView()->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::setSessionOpener(StoreSessionOpener opener)
{
    m_undo->setSessionOpener(opener);
    m_exporter->setSessionOpener(opener);
    m_importer->setSessionOpener(std::move(opener));
}

// --- construction ----------------------------------------------------------------

void MainWindow::createActions()
{
    m_actions = std::make_unique<MainWindowActions>(this);
    const MainWindowActions &a = *m_actions;
    connect(a.newDatabase, &QAction::triggered, this, &MainWindow::newDatabase);
    connect(a.openDatabase, &QAction::triggered, this, &MainWindow::openDatabase);
    connect(a.connectServer, &QAction::triggered, this, &MainWindow::connectToServer);
    connect(a.importCsv, &QAction::triggered, this, &MainWindow::importCsv);
    connect(a.exportEmployees, &QAction::triggered, this, &MainWindow::exportEmployees);
    connect(m_exporter, &ExportController::runningChanged, a.exportEmployees, &QAction::setDisabled);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.undo, &QAction::triggered, this, &MainWindow::undo);
    connect(a.redo, &QAction::triggered, this, &MainWindow::redo);
    connect(a.newEmployee, &QAction::triggered, this, &MainWindow::newEmployee);
    connect(a.editEmployee, &QAction::triggered, this, &MainWindow::editEmployee);
    connect(a.archiveEmployee, &QAction::triggered, this, &MainWindow::archiveEmployee);
    connect(a.deleteEmployee, &QAction::triggered, this, &MainWindow::deleteEmployee);
    connect(a.teams, &QAction::triggered, this, &MainWindow::manageTeams);
    connect(a.find, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a.showEmployees, &QAction::triggered, this, [this] { m_tabs->showTab(EmployeeTabs::EmployeesTab); });
    connect(a.showProfiles, &QAction::triggered, this, [this] { m_tabs->showTab(EmployeeTabs::ProfilesTab); });
    connect(a.about, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    m_viewMenu = m_actions->addMenus(menuBar());
    m_connector = new ServerConnector(this, m_actions->recentServers);
    connect(m_connector, &ServerConnector::connectRequested, this, [this](const DatabaseLocation &server) {
        if (!refusedDuringImport())
            emit openDatabaseRequested(server);
    });
    // (The toolbar's and status bar's toggles are added in their create*();
    // the composition root adds the language menu at the end.)
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_actions->addToToolBar(m_toolBar);

    m_archive = new ArchiveController(this);
    connect(m_archive, &ArchiveController::statusMessage, this, [this](const QString &text) {
        flushRefresh();
        statusBar()->showMessage(text, 4000);
    });
    m_viewMenu->addAction(m_archive->showArchivedAction());
    m_history = new HistoryController(this);
    m_viewMenu->addAction(m_history->showHistoryAction());
    m_purge = new PurgeController(this);
    connect(m_purge, &PurgeController::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 4000);
    });
    // Edit, after Delete Permanently: the other way employees leave for good.
    const QList<QAction *> edit = m_actions->editMenu->actions();
    m_actions->editMenu->insertAction(edit.value(edit.indexOf(m_actions->deleteEmployee) + 1), m_purge->purgeAction());
    QAction *toggle = m_toolBar->toggleViewAction();
    toggle->setText(tr("Show &Toolbar"));
    toggle->setObjectName(QStringLiteral("actionShowToolbar"));
    m_viewMenu->addAction(toggle);
}

void MainWindow::createCentralWidget()
{
    m_tabs = new EmployeeTabs(this);
    m_tabs->setInitialHeaderStates(WindowSettings::headerState(WindowSettings::View::Employees),
                                   WindowSettings::headerState(WindowSettings::View::Profiles));
    connect(m_tabs, &EmployeeTabs::editRequested, this, &MainWindow::openEditor);
    connect(m_tabs, &EmployeeTabs::currentEmployeeChanged, this, &MainWindow::updateActions);
    connect(m_tabs, &EmployeeTabs::countsChanged, this, &MainWindow::updateStatus);
    setCentralWidget(m_tabs);
}

void MainWindow::createStatusBar()
{
    m_databaseLabel = new DatabaseStatusLabel(this);
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
    // Back on the same database after a lost connection, an open form goes
    // on with what the user typed; another database closes it.
    const bool reconnecting = m_connectionLost && databaseName == m_databaseName;
    m_connectionLost = false;
    if (m_editor && reconnecting)
        m_editor->setStore(store);
    else if (m_editor)
        m_editor->done(QDialog::Rejected);
    if (m_store)
        saveViewSettings();
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);

    m_changesElsewhere.reset();   // it listens on the old store's connection

    m_store = store;
    m_databaseName = databaseName;
    // Only the same database, reconnected, keeps its undo steps: a name can
    // come back as another database (a file replaced, a server database made anew).
    m_undo->setStore(store, reconnecting);
    m_tabs->setDatabase(store->database());
    connectStore();
    // What colleagues (other clients, other windows, psql) change appears by itself.
    m_changesElsewhere = std::make_unique<ExternalChangeWatcher>(store->database());
    connect(m_changesElsewhere.get(), &ExternalChangeWatcher::changedElsewhere, this, [this] {
        if (m_connectionLost)
            return;   // the views keep what they show until the connection is back
        m_tabs->scheduleRefresh();
        m_history->scheduleRefresh();
        if (m_editor)
            m_editor->recordChangedElsewhere(m_changesElsewhere->lastWriters());
    });

    m_history->setStore(store);
    m_purge->setStore(store);
    WindowSettings::rememberDatabase(m_store->database());
    m_privileges = ServerRoles::privileges(m_store->database());
    m_archive->setStore(store, !m_privileges.readOnly(), m_privileges.deleteForGood);
    m_actions->explain(m_privileges);
    m_databaseLabel->showDatabase(m_databaseName, m_store->database(), m_privileges.readOnly());
    updateTitle();
    updateStatus();
    updateActions();
}

void MainWindow::connectStore()
{
    connect(m_store, &EmployeeStore::employeeAdded, m_tabs, &EmployeeTabs::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeeUpdated, m_tabs, &EmployeeTabs::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeeRemoved, m_tabs, &EmployeeTabs::scheduleRefresh);
    connect(m_store, &EmployeeStore::profileUpdated, m_tabs, &EmployeeTabs::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeesImported, m_tabs, &EmployeeTabs::scheduleRefresh);
    connect(m_store, &EmployeeStore::teamsChanged, m_tabs, &EmployeeTabs::scheduleRefresh);
}

void MainWindow::showConnectionLost(const QString &reason)
{
    m_connectionLost = true;
    m_databaseLabel->showConnectionLost(m_databaseName, reason);
    statusBar()->showMessage(tr("The server ended the connection (%1). What you see stays; nothing can be saved "
                                "until it is back.")
                                 .arg(reason),
                             8000);
    updateActions();
}

void MainWindow::showDatabaseError(const QString &message)
{
    QMessageBox::warning(this, tr("Cannot Open Database"), message);
}

void MainWindow::flushRefresh()
{
    m_tabs->flushRefresh();
}

void MainWindow::selectEmployee(qint64 employeeId)
{
    m_tabs->selectEmployee(employeeId);
}

// --- status, title, actions ------------------------------------------------------------

void MainWindow::updateStatus()
{
    const int total = int(qMin<qint64>(m_tabs->totalCount(), INT_MAX));
    const int matches = int(qMin<qint64>(m_tabs->matchCount(), INT_MAX));
    m_countLabel->setText(tr("%n employee(s)", nullptr, total) + QStringLiteral(", ")
                          + tr("%n match(es)", nullptr, matches));
}

void MainWindow::updateTitle()
{
    // A file by its name; a server's database as "hr on db.example".
    const QUrl server(m_databaseName);
    QString name = QFileInfo(m_databaseName).fileName().isEmpty() ? m_databaseName : QFileInfo(m_databaseName).fileName();
    if (server.scheme() == QLatin1String("postgresql") && !server.host().isEmpty())
        name = tr("%1 on %2").arg(server.path().mid(1), server.host());
    setWindowTitle(tr("%1 – Employee Records").arg(name));
}

void MainWindow::updateActions()
{
    // Without a connection nothing writes: as for a reading role (Edit opens the form).
    ServerRoles::Privileges allowed = m_privileges;
    if (m_connectionLost)
        allowed = ServerRoles::Privileges{false, false, false, false};
    m_actions->update(writesHeld(), currentEmployeeId() != 0, allowed);
    const UndoStack *steps = m_undo->stack();
    const bool mayUndo = !writesHeld() && !allowed.readOnly();
    m_actions->setUndoSteps(steps->undoText(), mayUndo && steps->canUndo(), steps->redoText(),
                            mayUndo && steps->canRedo());
    m_purge->update(writesHeld(), allowed);
    if (m_archive)
        m_archive->setWritesHeld(writesHeld() || m_connectionLost);
}

qint64 MainWindow::currentEmployeeId() const
{
    return m_tabs->currentEmployeeId();
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
    dialog->setReadOnly(m_privileges.readOnly());
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
    m_tabs->currentView()->setFocus();
}

void MainWindow::returnFocusToView()
{
    // Back to where the user was (some window managers, and none at all,
    // leave the main window inactive when a modal dialog closes).
    activateWindow();
    m_tabs->currentView()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::newEmployee()
{
    if (refusedDuringImport() || m_privileges.readOnly())
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

// The current employee as the view showed it, and its row; nullopt when there
// is none, an import holds the writes, or it is gone (the status bar says so).
std::optional<EmployeeRecord> MainWindow::currentAsShown(int *row)
{
    if (refusedDuringImport())
        return std::nullopt;
    const qint64 id = currentEmployeeId();
    if (!id)
        return std::nullopt;
    *row = m_tabs->currentRow();
    const auto current = m_store->record(id);
    if (!current) {
        flushRefresh();
        statusBar()->showMessage(tr("This employee no longer exists."), 4000);
        return std::nullopt;
    }
    return m_tabs->shownInView(*row, *current);
}

void MainWindow::deleteEmployee()
{
    int row = 0;
    const auto shown = currentAsShown(&row);
    if (!shown)
        return;
    DeleteConfirmation deletion(m_store, this);
    const DeleteConfirmation::Outcome outcome = deletion.run(*shown);
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
    m_tabs->selectNear(row);
    statusBar()->showMessage(tr("Deleted %1 and their profile.").arg(deletion.name()), 4000);
}

void MainWindow::archiveEmployee()
{
    int row = 0;
    const auto shown = currentAsShown(&row);
    if (!shown)
        return;
    // Only the version the view showed is archived (a newer one is refused).
    const bool archived = m_archive->archive(*shown);
    returnFocusToView();
    flushRefresh();
    if (archived)
        m_tabs->selectNear(row);
}

void MainWindow::manageTeams()
{
    if (refusedDuringImport())
        return;
    TeamsDialog dialog(m_store, this);
    dialog.exec();
    returnFocusToView();
}

void MainWindow::undo()
{
    if (!refusedDuringImport() && !m_privileges.readOnly() && !m_connectionLost)
        m_undo->undo();
}

void MainWindow::redo()
{
    if (!refusedDuringImport() && !m_privileges.readOnly() && !m_connectionLost)
        m_undo->redo();
}

void MainWindow::onUndoFinished(qint64 employeeId, const QString &message)
{
    // A background step wrote through a connection of its own: read again.
    m_tabs->scheduleRefresh();
    flushRefresh();
    if (employeeId)
        selectEmployee(employeeId);
    if (!message.isEmpty())
        statusBar()->showMessage(message, 8000);
    updateActions();
}

void MainWindow::focusSearch()
{
    m_tabs->focusSearch();
}

// --- databases and files ---------------------------------------------------------------

void MainWindow::newDatabase()
{
    if (refusedDuringImport())
        return;
    QString error;
    if (const auto location = DatabaseFileChooser::chooseNew(this, m_store->database(), &error))
        emit openDatabaseRequested(*location);
    else if (!error.isEmpty())
        showDatabaseError(error);
}

void MainWindow::openDatabase()
{
    if (refusedDuringImport())
        return;
    if (const auto location = DatabaseFileChooser::chooseExisting(this))
        emit openDatabaseRequested(*location);
}

void MainWindow::connectToServer()
{
    if (!refusedDuringImport())
        m_connector->showDialog();
}

void MainWindow::importCsv()
{
    if (refusedDuringImport())
        return;
    const QString path = m_importer->chooseFile();
    if (!path.isEmpty())
        openImportDialog(path);
}

void MainWindow::openImportDialog(const QString &path)
{
    if (!refusedDuringImport())
        m_importer->openDialog(path, validator());
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
    updateActions();
    if (running)
        statusBar()->showMessage(tr("Importing “%1”: adding, editing and deleting employees, teams and databases "
                                    "wait until it ends.")
                                     .arg(m_importer->fileName()));
    else
        statusBar()->clearMessage();
}

bool MainWindow::writesHeld() const
{
    return isImporting() || m_undo->isBusy();
}

bool MainWindow::refusedDuringImport()
{
    if (!writesHeld())
        return false;
    if (!isImporting()) {
        statusBar()->showMessage(tr("An undo is running; try again when it has ended."), 4000);
        return true;
    }
    statusBar()->showMessage(tr("An import is running; try again when it has ended."), 4000);
    return true;
}

void MainWindow::onImportFinished(const ImportReport &report, const QString &fileName)
{
    setImportRunning(false);
    // The import wrote through a connection of its own: this store heard
    // nothing, so the views read again now (a cancelled import left nothing).
    m_tabs->scheduleRefresh();
    flushRefresh();
    emit importFinished(report);
    if (m_closeAfterImport) {
        close();
        return;
    }
    m_undo->importCommitted(report, QFileInfo(fileName).fileName());
    if (report.cancelled)
        statusBar()->showMessage(tr("Import cancelled; nothing was imported."), 6000);
    else
        m_importer->showReport(report, fileName);
}

void MainWindow::exportEmployees()
{
    m_exporter->exportWithDialog();
}

bool MainWindow::exportFile(const QString &path, ExportFormat format)
{
    return m_exporter->startExport(path, format);
}

void MainWindow::about()
{
    AboutDialog::show(this);
}

// --- settings --------------------------------------------------------------------------

void MainWindow::saveViewSettings() const
{
    WindowSettings::saveHeaderState(WindowSettings::View::Employees, m_tabs->employeesHeaderState());
    WindowSettings::saveHeaderState(WindowSettings::View::Profiles, m_tabs->profilesHeaderState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        event->ignore();
        if (m_closeAfterImport)
            return;   // already cancelling
        if (m_importer->askToCancelForClosing() && isImporting()) {
            m_closeAfterImport = true;   // onImportFinished() closes once it rolled back
            m_importer->cancel();
        }
        return;
    }
    if (m_undo->isBusy()) {
        // Its transaction cannot be left half done: the window stays until it ends.
        event->ignore();
        statusBar()->showMessage(tr("An undo is running; close the window when it has ended."), 6000);
        return;
    }
    if (m_editor) {
        m_editor->reject();   // asks about unsaved changes
        if (m_editor && m_editor->isVisible()) {
            event->ignore();
            return;
        }
    }
    WindowSettings::saveWindow(this, m_tabs);
    saveViewSettings();
    QMainWindow::closeEvent(event);
}

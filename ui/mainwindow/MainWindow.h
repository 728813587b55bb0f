#pragma once

#include "csv/CsvImporter.h"
#include "csv/ExportFormat.h"
#include "csv/ExportReport.h"
#include "db/DatabaseLocation.h"
#include "db/ServerRoles.h"
#include "domain/EmployeeRecord.h"
#include "store/StoreSession.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>

class ArchiveController;
class ExportController;
class DatabaseStatusLabel;
class EmployeeEditDialog;
class EmployeeStore;
class EmployeeTabs;
class ExternalChangeWatcher;
class HistoryController;
class ImportController;
class MainWindowActions;
class PurgeController;
class QLabel;
class ServerConnector;
class UndoController;
class QMenu;
class QToolBar;

// The application window: the Employees and Profiles views over the windowed
// Qt SQL models, the search field, the form editor, teams, CSV import and
// export. It never opens a database itself: the composition root gives it
// the EmployeeStore of the open database, hears openDatabaseRequested() when
// the user picks another one, and answers with setStore() (or
// showDatabaseError()).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EmployeeStore *store, const QString &databaseName, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The region phone numbers without a country code belong to, for the
    // form and CSV import ("" = the system locale's).
    void setPhoneRegion(const QString &region) { m_phoneRegion = region; }

    // Switches to another open database. The old store must stay alive until
    // this returns (the models still hold queries on its connection); delete
    // it afterwards.
    void setStore(EmployeeStore *store, const QString &databaseName);
    EmployeeStore *store() const { return m_store; }
    // Tells the user why the database they picked could not be opened.
    void showDatabaseError(const QString &message);
    // The server ended the connection: the views keep what they show,
    // nothing writes, an open form keeps its input; the status bar says it
    // is reconnecting. The composition root then hands the window the
    // reopened database through setStore() (same name: the form stays).
    void showConnectionLost(const QString &reason);
    bool isConnectionLost() const { return m_connectionLost; }

    // View > …: the composition root adds the language menu at its end.
    QMenu *viewMenu() const { return m_viewMenu; }

    // --- the window's commands without their dialogs (also what tests drive) ---
    // The id of the employee selected in the visible view, 0 if none.
    qint64 currentEmployeeId() const;
    // Opens the form (non-modal to the event loop: window-modal, returns at
    // once); 0 = a new employee. Returns the dialog, deleted when closed.
    EmployeeEditDialog *openEditor(qint64 employeeId);
    // Selects the employee in both views (scrolls if needed).
    void selectEmployee(qint64 employeeId);
    // Applies pending store changes to the views now (they are otherwise
    // coalesced to the next event loop turn).
    void flushRefresh();
    // How the window opens a session of its own for an import (the
    // composition root's wiring, on the import's worker thread). Without
    // one, Import CSV says it cannot import.
    void setSessionOpener(StoreSessionOpener opener);

    // File > Import CSV… and Export… without the file dialogs. Both run on
    // a worker thread and return at once (false if they could not start).
    // The import shows progress with Cancel while it runs, importFinished()
    // and a report when it ends; the export emits exportFinished() and writes
    // a status message (a message box if it failed).
    bool importCsvFile(const QString &path);
    // File > Import CSV… after the file dialog: the import dialog for `path`
    // (preview, mapping, Test); its Import runs importCsvFile's flow with its options.
    void openImportDialog(const QString &path);
    bool isImporting() const;
    bool exportFile(const QString &path, ExportFormat format);

public slots:
    void newEmployee();
    void editEmployee();
    void archiveEmployee();
    std::optional<EmployeeRecord> currentAsShown(int *row);
    void deleteEmployee();
    void manageTeams();
    void newDatabase();
    void openDatabase();
    void connectToServer();
    void importCsv();
    void exportEmployees();
    void about();
    void focusSearch();
    void undo();
    void redo();

signals:
    // The user picked a database; the composition root opens it and calls
    // setStore() or showDatabaseError().
    void openDatabaseRequested(const DatabaseLocation &location);
    // An import started from the window ended (committed, failed or cancelled).
    void importFinished(const ImportReport &report);
    void exportFinished(const ExportReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createStatusBar();
    void connectStore();
    void saveViewSettings() const;
    void updateStatus();
    void updateActions();
    void updateTitle();
    void onEditorAccepted(EmployeeEditDialog *dialog, bool created);
    void returnFocusToView();
    EmployeeValidator validator() const;
    void onImportFinished(const ImportReport &report, const QString &fileName);
    void setImportRunning(bool running);
    // True (and says why in the status bar) while an import keeps writes out.
    bool refusedDuringImport();
    // An import or a background undo keeps the writes out.
    bool writesHeld() const;
    void onUndoFinished(qint64 employeeId, const QString &message);

    EmployeeStore *m_store = nullptr;
    QString m_phoneRegion;
    QString m_databaseName;

    EmployeeTabs *m_tabs = nullptr;
    DatabaseStatusLabel *m_databaseLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_viewMenu = nullptr;
    QPointer<EmployeeEditDialog> m_editor;
    ImportController *m_importer = nullptr;
    ExportController *m_exporter = nullptr;
    ArchiveController *m_archive = nullptr;
    HistoryController *m_history = nullptr;
    PurgeController *m_purge = nullptr;
    ServerConnector *m_connector = nullptr;
    UndoController *m_undo = nullptr;
    bool m_closeAfterImport = false;

    std::unique_ptr<MainWindowActions> m_actions;
    std::unique_ptr<ExternalChangeWatcher> m_changesElsewhere;
    ServerRoles::Privileges m_privileges;
    bool m_connectionLost = false;
};

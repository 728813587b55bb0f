#include "mainwindow/MainWindowActions.h"

#include "common/IconProvider.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidget>

namespace {
QAction *make(QObject *owner, const QString &text, const QString &icon, const QString &objectName,
              const QKeySequence &shortcut, const QString &statusTip)
{
    auto *action = new QAction(icon.isEmpty() ? QIcon() : IconProvider::icon(icon), text, owner);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setStatusTip(statusTip);
    return action;
}
}

MainWindowActions::MainWindowActions(QObject *owner)
    : newDatabase(make(owner, tr("&New Database…"), QStringLiteral("document-new"), QStringLiteral("actionNewDatabase"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                       tr("Create an empty employee database file and open it")))
    , openDatabase(make(owner, tr("&Open Database…"), QStringLiteral("document-open"),
                        QStringLiteral("actionOpenDatabase"), QKeySequence::Open,
                        tr("Open an existing employee database file")))
    , connectServer(make(owner, tr("Connect to &Server…"), QStringLiteral("network-server"),
                         QStringLiteral("actionConnectServer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                         tr("Open the employee database on a PostgreSQL server shared with your colleagues")))
    , importCsv(make(owner, tr("&Import CSV…"), QStringLiteral("document-import"), QStringLiteral("actionImportCsv"),
                     QKeySequence(Qt::CTRL | Qt::Key_I), tr("Add employees from a CSV file")))
    , exportEmployees(make(owner, tr("&Export…"), QStringLiteral("document-export"), QStringLiteral("actionExport"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                           tr("Write every employee and profile to an Excel workbook or a CSV file")))
    , quit(make(owner, tr("&Quit"), QStringLiteral("application-exit"), QStringLiteral("actionQuit"),
                QKeySequence::Quit, {}))
    , undo(make(owner, tr("&Undo"), QStringLiteral("edit-undo"), QStringLiteral("actionUndo"), QKeySequence::Undo,
                tr("Take back your last change (a new, recorded change)")))
    , redo(make(owner, tr("&Redo"), QStringLiteral("edit-redo"), QStringLiteral("actionRedo"), QKeySequence::Redo,
                tr("Do again the change you took back")))
    , newEmployee(make(owner, tr("&New Employee"), QStringLiteral("contact-new"), QStringLiteral("actionNewEmployee"),
                       QKeySequence::New, tr("Add an employee (their profile is created with them)")))
    , editEmployee(make(owner, tr("&Edit Employee"), QStringLiteral("document-edit"),
                        QStringLiteral("actionEditEmployee"), QKeySequence(Qt::CTRL | Qt::Key_E),
                        tr("Edit the selected employee and their profile (Enter or double-click)")))
    , archiveEmployee(make(owner, tr("&Archive Employee…"), QStringLiteral("archive-insert"),
                           QStringLiteral("actionArchiveEmployee"), QKeySequence::Delete,
                           tr("The selected employee left: hide them from the views, keeping their records")))
    , deleteEmployee(make(owner, tr("Delete &Permanently…"), {}, QStringLiteral("actionDeleteEmployee"),
                          QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                          tr("Erase the selected employee and their profile for good (for mistakes)")))
    , teams(make(owner, tr("&Teams…"), QStringLiteral("system-users"), QStringLiteral("actionTeams"),
                 QKeySequence(Qt::CTRL | Qt::Key_T), tr("Add, rename and delete teams")))
    , find(make(owner, tr("&Find…"), QStringLiteral("edit-find"), QStringLiteral("actionFind"), QKeySequence::Find,
                tr("Search employees by name, email or phone")))
    , showEmployees(make(owner, tr("&Employees"), {}, QStringLiteral("actionShowEmployees"),
                         QKeySequence(Qt::ALT | Qt::Key_1), {}))
    , showProfiles(make(owner, tr("&Profiles"), {}, QStringLiteral("actionShowProfiles"),
                        QKeySequence(Qt::ALT | Qt::Key_2), {}))
    , about(make(owner, tr("&About Employee Records"), QStringLiteral("help-about"), QStringLiteral("actionAbout"), {},
                 {}))
{
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
    newEmployee->setToolTip(
        tr("New Employee (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
}

QMenu *MainWindowActions::addMenus(QMenuBar *menuBar)
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addActions({newDatabase, openDatabase, connectServer});
    recentServers = file->addMenu(tr("&Recent Servers"));
    recentServers->setObjectName(QStringLiteral("recentServersMenu"));
    file->addSeparator();
    file->addActions({importCsv, exportEmployees});
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar->addMenu(tr("&Edit"));
    edit->addActions({undo, redo});
    edit->addSeparator();
    editMenu = edit;
    edit->addActions({newEmployee, editEmployee, archiveEmployee, deleteEmployee});
    edit->addSeparator();
    edit->addAction(find);
    edit->addSeparator();
    edit->addAction(teams);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({showEmployees, showProfiles});
    view->addSeparator();

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(about);
    return view;
}

void MainWindowActions::addToToolBar(QToolBar *toolBar) const
{
    toolBar->addActions({newEmployee, editEmployee, archiveEmployee});
    toolBar->addSeparator();
    toolBar->addActions({importCsv, exportEmployees});
    toolBar->addSeparator();
    toolBar->addAction(teams);
    // Accessible names: the labels without mnemonics (menus strip the '&'
    // themselves, tool buttons do not).
    toolBar->widgetForAction(newEmployee)->setAccessibleName(tr("New Employee"));
    toolBar->widgetForAction(editEmployee)->setAccessibleName(tr("Edit Employee"));
    toolBar->widgetForAction(archiveEmployee)->setAccessibleName(tr("Archive Employee…"));
}

void MainWindowActions::update(bool importing, bool hasCurrentEmployee, const ServerRoles::Privileges &privileges)
{
    const bool write = !privileges.readOnly();
    const bool onEmployee = hasCurrentEmployee && !importing;
    newDatabase->setEnabled(!importing);
    openDatabase->setEnabled(!importing);
    connectServer->setEnabled(!importing);
    recentServers->setEnabled(!importing);
    importCsv->setEnabled(!importing && write);
    newEmployee->setEnabled(!importing && write);
    teams->setEnabled(!importing && privileges.editTeams);
    editEmployee->setEnabled(onEmployee);
    archiveEmployee->setEnabled(onEmployee && write);
    deleteEmployee->setEnabled(onEmployee && privileges.deleteForGood);
}

void MainWindowActions::setUndoSteps(const QString &undoText, bool undoEnabled, const QString &redoText,
                                     bool redoEnabled)
{
    undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    redo->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
    undo->setEnabled(undoEnabled && !undoText.isEmpty());
    redo->setEnabled(redoEnabled && !redoText.isEmpty());
}

void MainWindowActions::explain(const ServerRoles::Privileges &privileges)
{
    const QString readOnly = tr("Your database role may only read employees.");
    const QString noTeams = tr("Your database role may not change teams.");
    const QString noDelete = tr("Only an administrator may delete employees permanently; archive them instead.");
    const std::pair<QAction *, bool> allowed[] = {
        {importCsv, !privileges.readOnly()},
        {newEmployee, !privileges.readOnly()},
        {archiveEmployee, !privileges.readOnly()},
        {deleteEmployee, privileges.deleteForGood},
        {teams, privileges.editTeams},
    };
    for (const auto &[action, ok] : allowed) {
        if (!m_usualTips.contains(action))
            m_usualTips.insert(action, {action->toolTip(), action->statusTip()});
        const auto &[tip, statusTip] = m_usualTips.value(action);
        const QString why = action == teams                                        ? noTeams
                            : action == deleteEmployee && !privileges.readOnly() ? noDelete
                                                                                 : readOnly;
        action->setToolTip(ok ? tip : why);
        action->setStatusTip(ok ? statusTip : why);
    }
}

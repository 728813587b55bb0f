#pragma once

#include "db/ServerRoles.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <utility>

class QAction;
class QMenu;
class QMenuBar;
class QObject;
class QToolBar;

// The window's commands as QActions: text, icon, standard shortcut, status
// tip and an objectName (tests and the accessibility tree find them by it),
// placed in the menus and the toolbar. MainWindow connects them to its flows
// and decides when they are enabled.
class MainWindowActions
{
    Q_DECLARE_TR_FUNCTIONS(MainWindowActions)
public:
    explicit MainWindowActions(QObject *owner);

    // Fills File, Edit, View and Help; returns the View menu (the toolbar's,
    // status bar's and language's toggles are added to it later).
    QMenu *addMenus(QMenuBar *menuBar);
    void addToToolBar(QToolBar *toolBar) const;

    // What may run now: nothing that writes while an import keeps writes
    // out, and nothing the server's role would refuse (Edit stays: the form
    // then opens for viewing).
    void update(bool importing, bool hasCurrentEmployee, const ServerRoles::Privileges &privileges);
    // An action the role disables says why where the user looks: its
    // tooltip and status tip (the usual ones come back on another database).
    void explain(const ServerRoles::Privileges &privileges);
    // Edit > Undo / Redo name the step they would take back or do again
    // ("" when there is none: disabled).
    void setUndoSteps(const QString &undoText, bool undoEnabled, const QString &redoText, bool redoEnabled);

    QAction *newDatabase;
    QAction *openDatabase;
    QAction *connectServer;
    QMenu *recentServers = nullptr;   // File > Recent Servers, made by addMenus()
    QMenu *editMenu = nullptr;        // Edit, made by addMenus() (controllers add theirs)
    QAction *importCsv;
    QAction *exportEmployees;
    QAction *quit;
    QAction *undo;
    QAction *redo;
    QAction *newEmployee;
    QAction *editEmployee;
    QAction *archiveEmployee;
    QAction *deleteEmployee;   // permanently
    QAction *teams;
    QAction *find;
    QAction *showEmployees;
    QAction *showProfiles;
    QAction *about;

private:
    QHash<QAction *, std::pair<QString, QString>> m_usualTips;   // tooltip, status tip
};

#pragma once

#include "db/ServerRoles.h"

#include <QObject>

class EmployeeStore;
class QAction;
class QMainWindow;

// Edit > Purge Archived Employees… (issue 12, GDPR Art. 17): the retention
// period (remembered in WindowSettings), who it would erase (a dry run),
// then two confirmations, the second naming how many; only then
// EmployeeStore::purgeArchivedBefore(), which records the purge. Disabled
// during an import and for a role that may not purge.
class PurgeController : public QObject
{
    Q_OBJECT
public:
    explicit PurgeController(QMainWindow *window);

    QAction *purgeAction() const { return m_action; }
    void setStore(EmployeeStore *store) { m_store = store; }
    // What may run now (MainWindow::updateActions()); a refused action says
    // why in its tooltip and status tip.
    void update(bool importing, const ServerRoles::Privileges &privileges);
    // The whole flow; false when cancelled at any step, refused or failed.
    bool purge();

signals:
    void statusMessage(const QString &text);

private:
    bool confirm(int count, const QDate &cutoff);

    QMainWindow *m_window;
    QAction *m_action;
    EmployeeStore *m_store = nullptr;
};

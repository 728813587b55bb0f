#pragma once

#include <QObject>
#include <QTimer>

class DatabaseHistoryPanel;
class EmployeeStore;
class QAction;
class QDockWidget;
class QMainWindow;

// View > History: docks the whole database's history (DatabaseHistoryPanel)
// and keeps it current. The store's writes and other connections' commits
// (MainWindow's ExternalChangeWatcher calls scheduleRefresh()) re-read it,
// coalesced to one refresh per event loop turn, and only while it is shown:
// a hidden panel re-reads when it is shown again.
class HistoryController : public QObject
{
    Q_OBJECT
public:
    explicit HistoryController(QMainWindow *window);

    void setStore(EmployeeStore *store);
    // The dock's toggle, for the View menu.
    QAction *showHistoryAction() const;
    void scheduleRefresh();

private:
    void refreshNow();

    QDockWidget *m_dock;
    DatabaseHistoryPanel *m_panel;
    EmployeeStore *m_store = nullptr;
    QTimer m_refresh;
    bool m_stale = false;
};

#pragma once

#include "domain/EmployeeRecord.h"

#include <QObject>

class ArchivedPanel;
class EmployeeStore;
class QAction;
class QDockWidget;
class QMainWindow;

// Archive instead of delete, from the window: Archive Employee asks when the
// employee left and moves it to the archive (only the version the view
// showed); View > Show Archived docks the list of those who left, with
// Restore and Delete Permanently.
class ArchiveController : public QObject
{
    Q_OBJECT
public:
    explicit ArchiveController(QMainWindow *window);

    void setStore(EmployeeStore *store, bool writable, bool mayDeleteForGood = true);
    // An import or a background undo holds the writes: Restore and Delete wait too.
    void setWritesHeld(bool held);
    // The dock's toggle, for the View menu.
    QAction *showArchivedAction() const;
    // Archives `shown`; false when the user cancelled or it was refused (said why).
    bool archive(const EmployeeRecord &shown);

signals:
    void statusMessage(const QString &text);

private:
    void reload();
    void restore(qint64 employeeId);
    void deletePermanently(qint64 employeeId);

    QMainWindow *m_window;
    QDockWidget *m_dock;
    ArchivedPanel *m_panel;
    EmployeeStore *m_store = nullptr;
    bool m_writable = true;
    bool m_mayDelete = true;
    bool m_held = false;
};

#include "mainwindow/ArchiveController.h"

#include "employees/ArchivedPanel.h"
#include "mainwindow/ArchiveDialog.h"
#include "store/EmployeeStore.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>

ArchiveController::ArchiveController(QMainWindow *window)
    : QObject(window),
      m_window(window),
      m_dock(new QDockWidget(tr("Archived Employees"), window)),
      m_panel(new ArchivedPanel(m_dock))
{
    m_dock->setObjectName(QStringLiteral("archivedDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Show &Archived"));
    toggle->setObjectName(QStringLiteral("actionShowArchived"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    toggle->setStatusTip(tr("List the employees who left, to restore one"));
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            reload();
    });
    connect(m_panel, &ArchivedPanel::restoreRequested, this, &ArchiveController::restore);
    connect(m_panel, &ArchivedPanel::deleteRequested, this, &ArchiveController::deletePermanently);
}

QAction *ArchiveController::showArchivedAction() const
{
    return m_dock->toggleViewAction();
}

void ArchiveController::setWritesHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    m_panel->setWritable(m_writable && !held, m_mayDelete);
}

void ArchiveController::setStore(EmployeeStore *store, bool writable, bool mayDeleteForGood)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_writable = writable;
    m_mayDelete = mayDeleteForGood;
    m_panel->setWritable(writable && !m_held, mayDeleteForGood);
    connect(m_store, &EmployeeStore::archiveChanged, this, &ArchiveController::reload);
    reload();
}

void ArchiveController::reload()
{
    if (m_store && m_dock->isVisible())
        m_panel->setEmployees(m_store->archivedEmployees());
}

bool ArchiveController::archive(const EmployeeRecord &shown)
{
    const QString name = shown.employee.displayName();
    ArchiveDialog dialog(name, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const StoreResult result = m_store->archiveEmployee(shown, dialog.leftOn(), dialog.reason());
    if (!result.ok()) {
        QMessageBox::warning(m_window, tr("Archive Employee"),
                             tr("%1 could not be archived: %2").arg(name, result.errorText()));
        return false;
    }
    emit statusMessage(tr("Archived %1 (View > Show Archived lists them).").arg(name));
    return true;
}

void ArchiveController::restore(qint64 employeeId)
{
    const StoreResult result = m_store->restoreEmployee(employeeId);
    if (!result.ok()) {
        QMessageBox::warning(m_window, tr("Restore Employee"),
                             tr("The employee could not be restored: %1").arg(result.errorText()));
        reload();
        return;
    }
    const QString name = m_store->employee(employeeId).value_or(Employee{}).displayName();
    emit statusMessage(tr("Restored %1.").arg(name));
}

void ArchiveController::deletePermanently(qint64 employeeId)
{
    QString name;
    for (const ArchivedEmployee &a : m_store->archivedEmployees()) {
        if (a.id == employeeId)
            name = a.firstName + QLatin1Char(' ') + a.lastName;
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete Permanently"), tr("Delete %1 permanently?").arg(name),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("deletePermanentlyBox"));
    box.setInformativeText(
        tr("Their employee record and profile (date of birth, team, address, gender, bio and "
           "photo) are erased and cannot be restored. The history keeps that someone was "
           "deleted, without their data."));
    QPushButton *remove = box.addButton(tr("&Delete Permanently"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteButton"));
    box.addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    const StoreResult result = m_store->deleteArchivedEmployee(employeeId);
    if (!result.ok())
        QMessageBox::warning(m_window, tr("Delete Permanently"), result.errorText());
    else
        emit statusMessage(tr("Deleted %1 permanently.").arg(name));
}

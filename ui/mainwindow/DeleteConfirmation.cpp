#include "mainwindow/DeleteConfirmation.h"

#include "store/EmployeeStore.h"
#include "editor/RecordFieldText.h"

#include <QMessageBox>
#include <QPushButton>

DeleteConfirmation::DeleteConfirmation(EmployeeStore *store, QWidget *parent) : m_store(store), m_parent(parent) { }

DeleteConfirmation::Outcome DeleteConfirmation::run(const EmployeeRecord &shown)
{
    EmployeeRecord seen = shown;
    // A few rounds at most: each one means someone saved this employee
    // again while the user was reading the question.
    for (int round = 0; round < 10; ++round) {
        const auto current = m_store->record(seen.employee.id);
        if (!current) {
            m_error = tr("This employee no longer exists.");
            return Outcome::Failed;
        }
        m_name = current->employee.displayName();
        if (!confirm(*current, seen))
            return Outcome::Cancelled;
        const StoreResult result = m_store->deleteEmployee(*current);
        if (result.ok())
            return Outcome::Deleted;
        if (!result.isConflict()) {
            m_error = result.errorText();
            return Outcome::Failed;
        }
        seen = *current;   // what the user just agreed to delete
    }
    m_error = tr("This employee keeps being changed by someone else; it was not deleted.");
    return Outcome::Failed;
}

bool DeleteConfirmation::confirm(const EmployeeRecord &current, const EmployeeRecord &shown)
{
    QMessageBox box(QMessageBox::Warning, tr("Delete Employee"), tr("Delete %1?").arg(m_name), QMessageBox::NoButton,
                    m_parent);
    box.setObjectName(QStringLiteral("confirmDeleteBox"));
    QString details = tr("Their profile (date of birth, team, address, gender, bio and photo) is deleted "
                         "with them. This cannot be undone.");
    const RecordFields changed = RecordFieldInfo::differences(shown, current);
    if (!changed.isEmpty() || shown.employee.version != current.employee.version
        || shown.profile.version != current.profile.version) {
        const QList<Team> teams = m_store->teams();
        QStringList lines;
        for (RecordField field : changed)
            lines << tr("%1: %2 → %3")
                         .arg(RecordFieldText::label(field), RecordFieldText::value(shown, field, teams),
                              RecordFieldText::value(current, field, teams));
        box.setText(tr("%1 was changed by someone else since it was shown. Delete it anyway?").arg(m_name));
        details = (lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")) + details;
    }
    box.setInformativeText(details);
    QPushButton *deleteButton = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton *cancelButton = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancelButton->setObjectName(QStringLiteral("cancelDeleteButton"));
    box.setDefaultButton(cancelButton);
    box.setEscapeButton(cancelButton);
    box.exec();
    return box.clickedButton() == deleteButton;
}

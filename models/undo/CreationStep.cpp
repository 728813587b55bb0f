#include "undo/CreationStep.h"

#include "store/EmployeeStore.h"

QString CreationStep::description() const
{
    return tr("Adding %1").arg(m_created.employee.displayName());
}

void CreationStep::remapEmployee(qint64 from, qint64 to)
{
    if (m_created.employee.id != from)
        return;
    m_created.employee.id = to;
    m_created.profile.employeeId = to;
}

UndoOutcome CreationStep::undo(UndoContext &context)
{
    EmployeeStore &store = *context.store;
    const qint64 id = m_created.employee.id;
    const std::optional<EmployeeRecord> current = store.record(id);
    if (!current)
        return UndoOutcome::failed(tr("%1 is no longer among the current employees (archived or deleted "
                                      "since); nothing was changed.")
                                       .arg(m_created.employee.displayName()));
    const RecordFields changedSince = RecordFieldInfo::differences(m_created, *current);
    if (!changedSince.isEmpty()) {
        const UndoConflict conflict{current->employee.displayName(), changedSince, *current, m_created,
                                    {}, {}, true};
        if (!context.ask(conflict))
            return UndoOutcome::cancelled(tr("Nothing was changed; it is still in Edit > Undo or Redo."));
    }
    // Only the version just read is deleted: a save in between refuses it.
    const StoreResult result = store.deleteEmployee(*current);
    if (result.isConflict())
        return UndoOutcome::cancelled(tr("%1 changed again just now; nothing was changed. Try again.")
                                          .arg(current->employee.displayName()));
    if (!result.ok())
        return UndoOutcome::refused(result, result.errorText());
    return UndoOutcome::done(0, tr("Removed %1 again.").arg(current->employee.displayName()));
}

UndoOutcome CreationStep::redo(UndoContext &context)
{
    EmployeeStore &store = *context.store;
    Employee employee = m_created.employee;
    employee.id = 0;
    employee.version = 0;
    EmployeeProfile profile = m_created.profile;
    profile.id = 0;
    profile.employeeId = 0;
    profile.version = 0;
    const StoreResult result = store.createEmployee(employee, profile);
    if (!result.ok())
        return UndoOutcome::refused(result, result.errorText());
    const qint64 oldId = m_created.employee.id;
    m_created = store.record(result.id()).value_or(m_created);
    UndoOutcome outcome = UndoOutcome::done(result.id());
    outcome.replacedId = oldId;
    return outcome;
}

void CreationStep::remapTeam(qint64 from, qint64 to)
{
    if (m_created.profile.teamId == from)
        m_created.profile.teamId = to;
}

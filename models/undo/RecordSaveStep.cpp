#include "undo/RecordSaveStep.h"

#include "store/EmployeeStore.h"

RecordSaveStep::RecordSaveStep(const EmployeeRecord &before, const EmployeeRecord &after, const RecordFields &fields)
    : m_employeeId(after.employee.id), m_before(before), m_after(after), m_fields(fields)
{
}

QString RecordSaveStep::description() const
{
    return tr("Save of %1").arg(m_after.employee.displayName());
}

void RecordSaveStep::remapEmployee(qint64 from, qint64 to)
{
    if (m_employeeId != from)
        return;
    m_employeeId = to;
    m_before.employee.id = m_after.employee.id = to;
    m_before.profile.employeeId = m_after.profile.employeeId = to;
}

UndoOutcome RecordSaveStep::apply(UndoContext &context, const EmployeeRecord &expected, const EmployeeRecord &target)
{
    EmployeeStore &store = *context.store;
    const std::optional<EmployeeRecord> current = store.record(m_employeeId);
    if (!current)
        return UndoOutcome::failed(tr("%1 is no longer among the current employees (archived or deleted "
                                      "since); nothing was changed.")
                                       .arg(m_after.employee.displayName()));
    RecordFields toWrite;
    RecordFields changedSince;
    for (const RecordField field : m_fields) {
        if (RecordFieldInfo::sameValue(*current, target, field))
            continue;   // already so: nothing to write
        toWrite << field;
        if (!RecordFieldInfo::sameValue(*current, expected, field))
            changedSince << field;
    }
    if (toWrite.isEmpty())
        return UndoOutcome::done(m_employeeId, tr("%1 already had these values.").arg(current->employee.displayName()));
    EmployeeRecord edited = *current;
    for (const RecordField field : toWrite)
        RecordFieldInfo::copy(target, edited, field);
    if (!changedSince.isEmpty()) {
        const UndoConflict conflict{current->employee.displayName(), changedSince, *current, edited, {}, {}, false};
        if (!context.ask(conflict))
            return UndoOutcome::cancelled(tr("Nothing was changed; it is still in Edit > Undo or Redo."));
    }
    // Against the versions just read: a save in between is a conflict, not an overwrite.
    const StoreResult result = store.saveChanges(*current, edited, toWrite);
    if (result.isConflict() || result.isGone())
        return UndoOutcome::cancelled(tr("%1 changed again just now; nothing was changed. Try again.")
                                          .arg(current->employee.displayName()));
    if (!result.ok())
        return UndoOutcome::refused(result, result.errorText());
    return UndoOutcome::done(m_employeeId);
}

void RecordSaveStep::remapTeam(qint64 from, qint64 to)
{
    for (EmployeeRecord *record : {&m_before, &m_after}) {
        if (record->profile.teamId == from)
            record->profile.teamId = to;
    }
}

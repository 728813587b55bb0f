#include "undo/ArchiveStep.h"

#include "store/EmployeeStore.h"

ArchiveStep::ArchiveStep(Direction direction, const EmployeeRecord &record, const QDate &leftOn,
                         const QString &reason)
    : m_direction(direction), m_expected(record), m_leftOn(leftOn), m_reason(reason)
{
}

QString ArchiveStep::description() const
{
    const QString name = m_expected.employee.displayName();
    return m_direction == Direction::Archived ? tr("Archiving %1").arg(name) : tr("Restoring %1").arg(name);
}

void ArchiveStep::remapEmployee(qint64 from, qint64 to)
{
    if (m_expected.employee.id != from)
        return;
    m_expected.employee.id = to;
    m_expected.profile.employeeId = to;
}

UndoOutcome ArchiveStep::undo(UndoContext &context)
{
    return m_direction == Direction::Archived ? restore(context) : archive(context);
}

UndoOutcome ArchiveStep::redo(UndoContext &context)
{
    return m_direction == Direction::Archived ? archive(context) : restore(context);
}

UndoOutcome ArchiveStep::archive(UndoContext &context)
{
    EmployeeStore &store = *context.store;
    const QString name = m_expected.employee.displayName();
    const std::optional<EmployeeRecord> current = store.record(m_expected.employee.id);
    if (!current)
        return UndoOutcome::failed(
            tr("%1 is no longer among the current employees; nothing was changed.").arg(name));
    const RecordFields changedSince = RecordFieldInfo::differences(m_expected, *current);
    if (!changedSince.isEmpty()) {
        // Archiving keeps the record as it is now; the user sees what changed before it goes.
        const UndoConflict conflict{name, changedSince, *current, m_expected, {}, {}, false, true};
        if (!context.ask(conflict))
            return UndoOutcome::cancelled(tr("Nothing was changed; it is still in Edit > Undo or Redo."));
    }
    const StoreResult result = store.archiveEmployee(*current, m_leftOn, m_reason);
    if (result.isConflict())
        return UndoOutcome::cancelled(tr("%1 changed again just now; nothing was changed. Try again.").arg(name));
    if (!result.ok())
        return UndoOutcome::refused(result, result.errorText());
    m_expected = *current;
    return UndoOutcome::done(0, tr("Archived %1.").arg(name));
}

UndoOutcome ArchiveStep::restore(UndoContext &context)
{
    EmployeeStore &store = *context.store;
    const QString name = m_expected.employee.displayName();
    const StoreResult result = store.restoreEmployee(m_expected.employee.id);
    if (!result.ok())
        return UndoOutcome::refused(result, tr("%1 could not be restored: %2").arg(name, result.errorText()));
    m_expected = store.record(m_expected.employee.id).value_or(m_expected);
    return UndoOutcome::done(m_expected.employee.id, tr("Restored %1.").arg(name));
}

void ArchiveStep::remapTeam(qint64 from, qint64 to)
{
    if (m_expected.profile.teamId == from)
        m_expected.profile.teamId = to;
}

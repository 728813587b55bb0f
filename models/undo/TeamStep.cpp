#include "undo/TeamStep.h"

#include "store/EmployeeStore.h"

TeamStep::TeamStep(Kind kind, qint64 teamId, const QString &name, const QString &oldName)
    : m_kind(kind), m_teamId(teamId), m_name(name), m_oldName(oldName)
{
}

QString TeamStep::description() const
{
    switch (m_kind) {
    case Kind::Created:
        return tr("New Team %1").arg(m_name);
    case Kind::Renamed:
        return tr("Renaming Team %1").arg(m_oldName);
    case Kind::Deleted:
        break;
    }
    return tr("Deleting Team %1").arg(m_oldName);
}

UndoOutcome TeamStep::undo(UndoContext &context)
{
    switch (m_kind) {
    case Kind::Created:
        return remove(context, m_name);
    case Kind::Renamed:
        return rename(context, m_name, m_oldName);
    case Kind::Deleted:
        break;
    }
    return create(context, m_oldName);
}

UndoOutcome TeamStep::redo(UndoContext &context)
{
    switch (m_kind) {
    case Kind::Created:
        return create(context, m_name);
    case Kind::Renamed:
        return rename(context, m_oldName, m_name);
    case Kind::Deleted:
        break;
    }
    return remove(context, m_oldName);
}

UndoOutcome TeamStep::create(UndoContext &context, const QString &name)
{
    const StoreResult result = context.store->createTeam(name);
    if (!result.ok())
        return UndoOutcome::refused(result, tr("Team %1 could not be created: %2").arg(name, result.errorText()));
    UndoOutcome outcome = UndoOutcome::done(0, tr("Created team %1.").arg(name));
    outcome.replacedTeamId = m_teamId;
    outcome.teamId = result.id();
    m_teamId = result.id();
    return outcome;
}

UndoOutcome TeamStep::remove(UndoContext &context, const QString &expectedName)
{
    const QString now = teamName(context.store->teams(), m_teamId);
    if (now.isEmpty())
        return UndoOutcome::failed(tr("Team %1 no longer exists; nothing was changed.").arg(expectedName));
    if (now != expectedName) {
        const UndoConflict conflict{tr("team %1").arg(now), {}, {}, {}, now, QString(), true};
        if (!context.ask(conflict))
            return UndoOutcome::cancelled(tr("Nothing was changed; it is still in Edit > Undo or Redo."));
    }
    const StoreResult result = context.store->deleteTeam(m_teamId);
    if (!result.ok())
        return UndoOutcome::refused(result, tr("Team %1 could not be deleted: %2").arg(now, result.errorText()));
    return UndoOutcome::done(0, tr("Deleted team %1.").arg(now));
}

UndoOutcome TeamStep::rename(UndoContext &context, const QString &expectedName, const QString &name)
{
    const QString now = teamName(context.store->teams(), m_teamId);
    if (now.isEmpty())
        return UndoOutcome::failed(tr("Team %1 no longer exists; nothing was changed.").arg(expectedName));
    if (now == name)
        return UndoOutcome::done(0);
    if (now != expectedName) {
        const UndoConflict conflict{tr("team %1").arg(now), {}, {}, {}, now, name, false};
        if (!context.ask(conflict))
            return UndoOutcome::cancelled(tr("Nothing was changed; it is still in Edit > Undo or Redo."));
    }
    // Only while it still has the name just shown: a rename in between is a conflict, not overwritten.
    const StoreResult result = context.store->renameTeam(m_teamId, name, now);
    if (result.isConflict())
        return UndoOutcome::cancelled(result.errorText() + QLatin1Char(' ') + tr("Nothing was changed. Try again."));
    if (!result.ok())
        return UndoOutcome::refused(result, tr("Team %1 could not be renamed: %2").arg(now, result.errorText()));
    return UndoOutcome::done(0, tr("Renamed team %1 to %2.").arg(now, name));
}

void TeamStep::remapTeam(qint64 from, qint64 to)
{
    if (m_teamId == from)
        m_teamId = to;
}

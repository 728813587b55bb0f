#pragma once

#include "undo/UndoStep.h"

#include <QCoreApplication>

// A team created, renamed or deleted in Teams: undo deletes, renames back
// or creates it again (a team comes back under a new id; a deleted team was
// used by no profile, so none pointed at the old one). A team renamed by
// someone else since is shown before it is renamed over.
class TeamStep : public UndoStep
{
    Q_DECLARE_TR_FUNCTIONS(TeamStep)
public:
    enum class Kind { Created, Renamed, Deleted };

    // `name`: after the change ("" when deleted); `oldName`: before it ("" when created).
    TeamStep(Kind kind, qint64 teamId, const QString &name, const QString &oldName);

    QString description() const override;
    UndoOutcome undo(UndoContext &context) override;
    UndoOutcome redo(UndoContext &context) override;
    void remapTeam(qint64 from, qint64 to) override;

private:
    UndoOutcome create(UndoContext &context, const QString &name);
    UndoOutcome remove(UndoContext &context, const QString &expectedName);
    UndoOutcome rename(UndoContext &context, const QString &expectedName, const QString &name);

    Kind m_kind;
    qint64 m_teamId;
    QString m_name;
    QString m_oldName;
};

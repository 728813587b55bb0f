#pragma once

#include "undo/UndoStep.h"

#include <QCoreApplication>

// An employee added in the form: undo deletes it (with its profile, as
// Delete Permanently does, recorded without personal data), after asking
// when someone changed it since; redo adds it again with the same values,
// under a new id that the other steps follow.
class CreationStep : public UndoStep
{
    Q_DECLARE_TR_FUNCTIONS(CreationStep)
public:
    explicit CreationStep(const EmployeeRecord &created) : m_created(created) { }

    QString description() const override;
    UndoOutcome undo(UndoContext &context) override;
    UndoOutcome redo(UndoContext &context) override;
    void remapEmployee(qint64 from, qint64 to) override;
    void remapTeam(qint64 from, qint64 to) override;

private:
    EmployeeRecord m_created;   // as committed, or as redone
};

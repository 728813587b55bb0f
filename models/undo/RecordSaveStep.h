#pragma once

#include "undo/UndoStep.h"

#include <QCoreApplication>

// A save of the form: undo puts the saved fields' earlier values back, redo
// the saved ones, each over what is stored now. Fields someone else changed
// since are shown to the user before they are overwritten; the other
// fields of the record are left as they are now.
class RecordSaveStep : public UndoStep
{
    Q_DECLARE_TR_FUNCTIONS(RecordSaveStep)
public:
    RecordSaveStep(const EmployeeRecord &before, const EmployeeRecord &after, const RecordFields &fields);

    QString description() const override;
    UndoOutcome undo(UndoContext &context) override { return apply(context, m_after, m_before); }
    UndoOutcome redo(UndoContext &context) override { return apply(context, m_before, m_after); }
    void remapEmployee(qint64 from, qint64 to) override;
    void remapTeam(qint64 from, qint64 to) override;

private:
    // Writes `target`'s values of the step's fields where the stored record
    // still holds `expected`'s (and, if the user agrees, where it does not).
    UndoOutcome apply(UndoContext &context, const EmployeeRecord &expected, const EmployeeRecord &target);

    qint64 m_employeeId;
    EmployeeRecord m_before;
    EmployeeRecord m_after;
    RecordFields m_fields;
};

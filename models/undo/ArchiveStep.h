#pragma once

#include "undo/UndoStep.h"

#include <QCoreApplication>
#include <QDate>

// Archiving an employee (Edit > Archive Employee…) or restoring one from the
// archive: each is the other's undo. Archiving again uses the same leaving
// date and reason, and asks first when someone changed the employee since
// it came back; restoring fails with a message when it is no longer
// archived (restored or deleted by someone else).
class ArchiveStep : public UndoStep
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveStep)
public:
    enum class Direction { Archived, Restored };

    // `record`: the version that was archived, or the one the restore brought back.
    ArchiveStep(Direction direction, const EmployeeRecord &record, const QDate &leftOn, const QString &reason);

    QString description() const override;
    UndoOutcome undo(UndoContext &context) override;
    UndoOutcome redo(UndoContext &context) override;
    void remapEmployee(qint64 from, qint64 to) override;
    void remapTeam(qint64 from, qint64 to) override;

private:
    UndoOutcome archive(UndoContext &context);
    UndoOutcome restore(UndoContext &context);

    Direction m_direction;
    EmployeeRecord m_expected;   // the record as this step last left it current
    QDate m_leftOn;
    QString m_reason;
};

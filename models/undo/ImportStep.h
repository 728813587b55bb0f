#pragma once

#include "undo/UndoStep.h"

#include <QCoreApplication>
#include <QList>

// A CSV import from the window. Undo removes exactly the employees it
// created that nobody changed or archived since, and says which it left;
// redo adds the removed ones again as a new import of the same file. Both
// run on a worker thread with a session of their own (the window keeps
// answering while a large import is taken back).
class ImportStep : public UndoStep
{
    Q_DECLARE_TR_FUNCTIONS(ImportStep)
public:
    // A redo keeps the removed rows in memory: above this many, only undo.
    static constexpr int MaxRedoRows = 200000;

    ImportStep(qint64 changeSet, const QString &fileName, int rows);

    QString description() const override;
    UndoOutcome undo(UndoContext &context) override;
    UndoOutcome redo(UndoContext &context) override;
    bool runsInBackground() const override { return true; }

private:
    qint64 m_changeSet;
    QString m_fileName;
    int m_rows;
    QList<EmployeeRecord> m_removed;   // what the last undo removed, for a redo
    bool m_redoable = true;
};

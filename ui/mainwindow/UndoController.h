#pragma once

#include "csv/CsvImporter.h"
#include "store/StoreSession.h"
#include "undo/UndoStep.h"

#include <QObject>

class EmployeeStore;
class QWidget;
class UndoStack;

// Edit > Undo and Redo in the window: keeps the UndoStack of the open
// database (the store's committed writes, the window's imports), asks the
// user before an undo overwrites someone else's change, showing both
// values, and reports what each undo or redo did.
class UndoController : public QObject
{
    Q_OBJECT
public:
    explicit UndoController(QWidget *window);
    ~UndoController() override;

    // Another database empties the lists; the same one (after a lost
    // connection) keeps them and writes through the new store.
    void setStore(EmployeeStore *store, bool sameDatabase);
    void setSessionOpener(StoreSessionOpener opener);
    // A committed import of the window becomes a step.
    void importCommitted(const ImportReport &report, const QString &fileName);

    UndoStack *stack() const { return m_stack; }
    bool isBusy() const;
    void undo();
    void redo();

signals:
    // The step names or their availability changed.
    void changed();
    // An undo or redo ended: the window refreshes, selects `employeeId`
    // (0: none) and shows `message`.
    void finished(qint64 employeeId, const QString &message);

private:
    bool askToOverwrite(const UndoConflict &conflict) const;
    void report(const UndoOutcome &outcome, bool undone);

    QWidget *m_window;
    UndoStack *m_stack;
    EmployeeStore *m_store = nullptr;
    QString m_running;   // the step under way, for the report
    bool m_undoing = true;
};

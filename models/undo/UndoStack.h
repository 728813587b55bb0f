#pragma once

#include "domain/CommittedEdit.h"
#include "store/StoreSession.h"
#include "undo/UndoStep.h"

#include <QObject>
#include <memory>
#include <vector>

class EmployeeStore;
class QThread;

// The window's Edit > Undo and Redo: the user's own writes, newest last.
// record() turns what the store committed (EmployeeStore::editCommitted)
// into steps; imports are pushed by the window. Undoing or redoing a step
// is a new write (UndoStep), and a new write of the user's empties the redo
// list as everywhere. Steps that run in the background (an import's) run on
// a worker thread with a session of their own; meanwhile nothing else may
// be undone, and isBusy() tells the window to keep writes out.
class UndoStack : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxSteps = 100;

    explicit UndoStack(QObject *parent = nullptr);
    ~UndoStack() override;

    // The database the steps write to. Another database: clear() first.
    void setStore(EmployeeStore *store) { m_store = store; }
    void setSessionOpener(StoreSessionOpener opener) { m_opener = std::move(opener); }
    // Asked when an undo or redo would overwrite someone else's change.
    void setConflictResolver(UndoConflictResolver resolver) { m_resolve = std::move(resolver); }

    void record(const CommittedEdit &edit);
    void push(std::unique_ptr<UndoStep> step);
    void clear();

    bool canUndo() const { return !m_busy && !m_undo.empty(); }
    bool canRedo() const { return !m_busy && !m_redo.empty(); }
    QString undoText() const;   // the step's description, "" when none
    QString redoText() const;
    bool isBusy() const { return m_busy; }

    // Both end in finished(), at once or, for a background step, later.
    void undo();
    void redo();

signals:
    void changed();
    void started(const QString &description);
    void finished(const UndoOutcome &outcome, bool undone);

private:
    using Steps = std::vector<std::unique_ptr<UndoStep>>;
    void run(Steps &from, Steps &to, bool undoing);
    void runInBackground(std::unique_ptr<UndoStep> step, Steps &from, Steps &to, bool undoing);
    void settle(std::unique_ptr<UndoStep> step, const UndoOutcome &outcome, Steps &from, Steps &to, bool undoing);
    void remap(qint64 from, qint64 to, void (UndoStep::*follow)(qint64, qint64));

    EmployeeStore *m_store = nullptr;
    StoreSessionOpener m_opener;
    UndoConflictResolver m_resolve;
    Steps m_undo;
    Steps m_redo;
    bool m_applying = false;   // the stack's own writes are not new steps
    bool m_busy = false;
    int m_generation = 0;   // counts clear(): what a background step's lists were
    std::unique_ptr<QThread> m_worker;
    UndoStep *m_inFlight = nullptr;   // the background step, owned by the worker until it reports
};

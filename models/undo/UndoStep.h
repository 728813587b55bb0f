#pragma once

#include "domain/EmployeeRecord.h"
#include "store/EmployeeStore.h"

#include <QMetaType>
#include <QPointer>
#include <QString>
#include <functional>

// What an undo or redo found changed by someone else since the step's own
// write, and what it would put back: the user decides (the window shows
// both values). Employees: `fields` of `now` against `restore`; teams: the
// names.
struct UndoConflict
{
    QString subject;   // "Anna Smith", "team Sales"
    RecordFields fields;
    EmployeeRecord now;
    EmployeeRecord restore;
    QString nowText;       // a team's name now
    QString restoreText;   // the name the step would give it
    bool deletes = false;  // going on removes the employee (undoing a creation)
    bool archives = false; // going on archives the employee as it is now (their values kept)
};

// True: write anyway, over the other change. False: leave everything as it is.
using UndoConflictResolver = std::function<bool(const UndoConflict &)>;

// What a step writes with: the store of the window's database (or of a
// worker's session, for a step that runs in the background) and who decides
// a conflict (none in the background: such a step never overwrites).
struct UndoContext
{
    QPointer<EmployeeStore> store;
    UndoConflictResolver resolve;

    // Asks whoever decides. False (leave everything as it is) when there is
    // no one to ask, when the user says so, and when the database went away
    // while the question was open (a reconnection replaces the store).
    bool ask(const UndoConflict &conflict) const
    {
        if (!resolve)
            return false;
        const EmployeeStore *before = store.data();
        const bool yes = resolve(conflict);
        return yes && store && store.data() == before;
    }
};

struct UndoOutcome
{
    enum class Status {
        Done,        // written; the step moves to the other list
        Cancelled,   // nothing written, the step stays (the user said no, or it changed again meanwhile)
        Failed       // nothing written and it never will be: the step is dropped
    };
    Status status = Status::Done;
    QString message;          // for the status bar or a message box
    qint64 employeeId = 0;    // the employee to select afterwards, 0 for none
    qint64 replacedId = 0;    // a redone creation got a new id: the old one (steps are remapped)
    qint64 teamId = 0;        // a team created again got a new id,
    qint64 replacedTeamId = 0;  // in place of this one

    static UndoOutcome done(qint64 employeeId, const QString &message = {})
    {
        return {Status::Done, message, employeeId, 0, 0, 0};
    }
    static UndoOutcome cancelled(const QString &message = {}) { return {Status::Cancelled, message, 0, 0, 0, 0}; }
    static UndoOutcome failed(const QString &message) { return {Status::Failed, message, 0, 0, 0, 0}; }
    // A refused write: dropped when it can never work (gone, or a field the
    // data refuses), kept to try again when the database said no for now
    // (locked, connection lost, a server error).
    static UndoOutcome refused(const StoreResult &result, const QString &message)
    {
        const bool forGood = result.isGone() || (!result.errors().isEmpty() && !result.errors().first().field.isEmpty());
        return forGood ? failed(message) : cancelled(message);
    }
};

// One write of the user's that can be taken back and done again. Each undo
// and redo is a new write through the store: validated, version-checked
// against what is stored now (never against what a view shows) and
// recorded in the history. Steps hold employee and team ids, never rows of a
// view, so re-sorting or searching cannot point them elsewhere.
class UndoStep
{
public:
    virtual ~UndoStep() = default;

    // "Save of Anna Smith": what Edit > Undo / Redo names.
    virtual QString description() const = 0;
    virtual UndoOutcome undo(UndoContext &context) = 0;
    virtual UndoOutcome redo(UndoContext &context) = 0;
    // Runs on a worker thread with a session of its own (an import).
    virtual bool runsInBackground() const { return false; }
    // A redone creation has a new id: every step that names the old one follows.
    virtual void remapEmployee(qint64 from, qint64 to) { Q_UNUSED(from) Q_UNUSED(to) }
    // A team created again has a new id: steps that name the old one (a
    // team's own, or a profile's team) follow.
    virtual void remapTeam(qint64 from, qint64 to) { Q_UNUSED(from) Q_UNUSED(to) }
};

Q_DECLARE_METATYPE(UndoOutcome)

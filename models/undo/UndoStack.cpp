#include "undo/UndoStack.h"

#include "store/EmployeeStore.h"
#include "undo/ArchiveStep.h"
#include "undo/CreationStep.h"
#include "undo/RecordSaveStep.h"
#include "undo/TeamStep.h"

#include <QThread>

namespace {

std::unique_ptr<UndoStep> stepFor(const CommittedEdit &edit)
{
    using Kind = CommittedEdit::Kind;
    switch (edit.kind) {
    case Kind::Saved:
        return std::make_unique<RecordSaveStep>(edit.before, edit.after, edit.fields);
    case Kind::Created:
        return std::make_unique<CreationStep>(edit.after);
    case Kind::Archived:
        return std::make_unique<ArchiveStep>(ArchiveStep::Direction::Archived, edit.before, edit.leftOn, edit.reason);
    case Kind::Restored:
        return std::make_unique<ArchiveStep>(ArchiveStep::Direction::Restored, edit.after, edit.leftOn, edit.reason);
    case Kind::TeamCreated:
        return std::make_unique<TeamStep>(TeamStep::Kind::Created, edit.teamId, edit.teamName, QString());
    case Kind::TeamRenamed:
        return std::make_unique<TeamStep>(TeamStep::Kind::Renamed, edit.teamId, edit.teamName, edit.oldTeamName);
    case Kind::TeamDeleted:
        return std::make_unique<TeamStep>(TeamStep::Kind::Deleted, edit.teamId, QString(), edit.oldTeamName);
    }
    return nullptr;
}

} // namespace

UndoStack::UndoStack(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<UndoOutcome>();
}

UndoStack::~UndoStack()
{
    if (m_worker)
        m_worker->wait();
    delete m_inFlight;   // its report, queued to this object, is dropped with it
}

void UndoStack::record(const CommittedEdit &edit)
{
    if (m_applying)
        return;
    if (auto step = stepFor(edit))
        push(std::move(step));
}

void UndoStack::push(std::unique_ptr<UndoStep> step)
{
    m_redo.clear();
    m_undo.push_back(std::move(step));
    if (m_undo.size() > size_t(MaxSteps))
        m_undo.erase(m_undo.begin());
    emit changed();
}

void UndoStack::clear()
{
    ++m_generation;   // a step still running in the background belongs to the lists cleared
    m_undo.clear();
    m_redo.clear();
    emit changed();
}

QString UndoStack::undoText() const
{
    return m_undo.empty() ? QString() : m_undo.back()->description();
}

QString UndoStack::redoText() const
{
    return m_redo.empty() ? QString() : m_redo.back()->description();
}

void UndoStack::undo()
{
    if (canUndo())
        run(m_undo, m_redo, true);
}

void UndoStack::redo()
{
    if (canRedo())
        run(m_redo, m_undo, false);
}

void UndoStack::run(Steps &from, Steps &to, bool undoing)
{
    std::unique_ptr<UndoStep> step = std::move(from.back());
    from.pop_back();
    emit started(step->description());
    if (step->runsInBackground()) {
        runInBackground(std::move(step), from, to, undoing);
        return;
    }
    UndoContext context{m_store, m_resolve};
    m_applying = true;
    const UndoOutcome outcome = undoing ? step->undo(context) : step->redo(context);
    m_applying = false;
    settle(std::move(step), outcome, from, to, undoing);
}

void UndoStack::runInBackground(std::unique_ptr<UndoStep> step, Steps &from, Steps &to, bool undoing)
{
    m_busy = true;
    emit changed();
    UndoStep *running = step.release();   // the worker's until it reports back
    m_inFlight = running;
    const int generation = m_generation;
    // The worker's own copy: a reconnection may set another opener meanwhile.
    m_worker.reset(QThread::create([this, opener = m_opener, running, undoing, generation, &from, &to] {
        UndoOutcome outcome = UndoOutcome::cancelled(tr("The database could not be opened: %1"));
        QString error;
        std::unique_ptr<StoreSession> session = opener ? opener(&error) : nullptr;
        if (session) {
            // No one to ask on a worker: a background step never overwrites.
            UndoContext context{session->store(), {}};
            outcome = undoing ? running->undo(context) : running->redo(context);
            session.reset();   // closed on the thread that opened it
        } else {
            outcome.message = outcome.message.arg(error);
        }
        QMetaObject::invokeMethod(
            this,
            [this, running, outcome, undoing, generation, &from, &to] {
                m_worker->wait();
                m_busy = false;
                m_inFlight = nullptr;
                std::unique_ptr<UndoStep> step(running);
                if (generation != m_generation)
                    step.reset();   // the lists it came from were cleared meanwhile: it goes with them
                settle(std::move(step), outcome, from, to, undoing);
            },
            Qt::QueuedConnection);
    }));
    m_worker->setObjectName(QStringLiteral("undo"));
    m_worker->start();
}

void UndoStack::settle(std::unique_ptr<UndoStep> step, const UndoOutcome &outcome, Steps &from, Steps &to,
                       bool undoing)
{
    switch (step ? outcome.status : UndoOutcome::Status::Failed) {
    case UndoOutcome::Status::Done:
        to.push_back(std::move(step));
        if (outcome.replacedId)
            remap(outcome.replacedId, outcome.employeeId, &UndoStep::remapEmployee);
        if (outcome.replacedTeamId && outcome.replacedTeamId != outcome.teamId)
            remap(outcome.replacedTeamId, outcome.teamId, &UndoStep::remapTeam);
        break;
    case UndoOutcome::Status::Cancelled:
        from.push_back(std::move(step));   // still there to try again
        break;
    case UndoOutcome::Status::Failed:
        break;   // it can never be done: off the list, the message says why
    }
    emit changed();
    emit finished(outcome, undoing);
}

void UndoStack::remap(qint64 from, qint64 to, void (UndoStep::*follow)(qint64, qint64))
{
    for (auto &step : m_undo)
        (step.get()->*follow)(from, to);
    for (auto &step : m_redo)
        (step.get()->*follow)(from, to);
}

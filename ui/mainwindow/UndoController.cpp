#include "mainwindow/UndoController.h"

#include "editor/RecordFieldText.h"
#include "store/EmployeeStore.h"
#include "undo/ImportStep.h"
#include "undo/UndoStack.h"

#include <QMessageBox>
#include <QPushButton>

UndoController::UndoController(QWidget *window) : QObject(window), m_window(window), m_stack(new UndoStack(this))
{
    m_stack->setConflictResolver([this](const UndoConflict &conflict) { return askToOverwrite(conflict); });
    connect(m_stack, &UndoStack::changed, this, &UndoController::changed);
    connect(m_stack, &UndoStack::started, this, [this](const QString &description) { m_running = description; });
    connect(m_stack, &UndoStack::finished, this, &UndoController::report);
}

UndoController::~UndoController() = default;

void UndoController::setStore(EmployeeStore *store, bool sameDatabase)
{
    if (!sameDatabase)
        m_stack->clear();
    if (m_store)
        disconnect(m_store, nullptr, m_stack, nullptr);
    m_store = store;
    m_stack->setStore(store);
    connect(store, &EmployeeStore::editCommitted, m_stack, &UndoStack::record);
}

void UndoController::setSessionOpener(StoreSessionOpener opener)
{
    m_stack->setSessionOpener(std::move(opener));
}

void UndoController::importCommitted(const ImportReport &report, const QString &fileName)
{
    if (report.ok() && report.changeSetId != 0 && report.accepted > 0)
        m_stack->push(std::make_unique<ImportStep>(report.changeSetId, fileName, report.accepted));
}

bool UndoController::isBusy() const
{
    return m_stack->isBusy();
}

void UndoController::undo()
{
    m_undoing = true;
    m_stack->undo();
}

void UndoController::redo()
{
    m_undoing = false;
    m_stack->redo();
}

bool UndoController::askToOverwrite(const UndoConflict &conflict) const
{
    // Someone else changed it since: both values side by side, and nothing
    // is overwritten unless the user says so.
    QString rows;
    if (conflict.fields.isEmpty()) {
        rows = QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                   .arg(tr("Name"), conflict.nowText.toHtmlEscaped(),
                        conflict.restoreText.isEmpty() ? tr("(deleted)") : conflict.restoreText.toHtmlEscaped());
    } else {
        const QList<Team> teams = m_store ? m_store->teams() : QList<Team>();
        for (const RecordField field : conflict.fields) {
            rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(RecordFieldText::label(field).toHtmlEscaped(),
                             RecordFieldText::value(conflict.now, field, teams).toHtmlEscaped(),
                             conflict.deletes    ? tr("(deleted)")
                             : conflict.archives ? tr("(archived as it is now)")
                                                 : RecordFieldText::value(conflict.restore, field, teams).toHtmlEscaped());
        }
    }
    QString question;
    if (conflict.archives)
        question = tr("Someone else changed %1 since. Archiving keeps their values:");
    else if (conflict.deletes && !conflict.fields.isEmpty())
        question = tr("Someone else changed %1 after you added them. Undo deletes them, with their changes:");
    else if (m_undoing)
        question = tr("Someone else changed %1 after your change. Undo replaces their values:");
    else
        question = tr("Someone else changed %1 after your change. Redo replaces their values:");
    QMessageBox box(QMessageBox::Warning, m_undoing ? tr("Undo Over Someone Else's Change") : tr("Redo Over Someone Else's Change"),
                    question.arg(conflict.subject.toHtmlEscaped()), QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("undoConflictBox"));
    box.setTextFormat(Qt::RichText);
    box.setInformativeText(QStringLiteral("<table cellspacing=\"6\"><tr><th></th><th align=\"left\">%1</th>"
                                          "<th align=\"left\">%2</th></tr>%3</table>")
                               .arg(tr("Now"), m_undoing ? tr("After Undo") : tr("After Redo"), rows));
    QPushButton *overwrite = box.addButton(conflict.deletes ? tr("&Delete Anyway") : tr("&Replace Their Values"),
                                           QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton *keep = box.addButton(tr("&Keep Their Values"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == overwrite;
}

void UndoController::report(const UndoOutcome &outcome, bool undone)
{
    const QString what = undone ? tr("Undone: %1.").arg(m_running) : tr("Redone: %1.").arg(m_running);
    switch (outcome.status) {
    case UndoOutcome::Status::Done:
        emit finished(outcome.employeeId, outcome.message.isEmpty() ? what : what + QLatin1Char(' ') + outcome.message);
        return;
    case UndoOutcome::Status::Cancelled:
        emit finished(0, outcome.message);
        return;
    case UndoOutcome::Status::Failed:
        break;
    }
    emit finished(0, QString());
    // Names and file names are the user's text: shown as text, never as markup.
    QMessageBox box(QMessageBox::Warning, undone ? tr("Cannot Undo") : tr("Cannot Redo"),
                    (undone ? tr("%1 cannot be undone: %2 It was taken off the list.")
                            : tr("%1 cannot be redone: %2 It was taken off the list."))
                        .arg(m_running, outcome.message),
                    QMessageBox::Ok, m_window);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

#include "undo/ImportStep.h"

#include "domain/NewEmployee.h"
#include "store/EmployeeStore.h"
#include "store/ImportReversal.h"

#include <algorithm>
#include <vector>

namespace {
// At most this many names in the message about the rows left in place.
constexpr int NamesShown = 5;

QString listed(const QStringList &names)
{
    QStringList shown = names.mid(0, NamesShown);
    if (names.size() > NamesShown)
        shown << QStringLiteral("…");
    return shown.join(QStringLiteral(", "));
}
} // namespace

ImportStep::ImportStep(qint64 changeSet, const QString &fileName, int rows)
    : m_changeSet(changeSet), m_fileName(fileName), m_rows(rows)
{
}

QString ImportStep::description() const
{
    return tr("Import of %1").arg(m_fileName);
}

UndoOutcome ImportStep::undo(UndoContext &context)
{
    ImportRemoval removal;
    const StoreResult result = context.store->removeImported(m_changeSet, MaxRedoRows, &removal);
    if (result.isConflict())
        return UndoOutcome::cancelled(result.errorText() + QLatin1Char(' ') + tr("Nothing was changed. Try again."));
    if (!result.ok())
        return UndoOutcome::refused(result, tr("The import could not be undone: %1").arg(result.errorText()));
    m_removed = removal.removed;
    m_redoable = removal.removedCount <= MaxRedoRows;
    QString message = tr("Removed %n employee(s) that the import of %1 added.", nullptr, removal.removedCount)
                          .arg(m_fileName);
    if (!removal.kept.isEmpty())
        message += QLatin1Char(' ')
            + tr("%n employee(s) were changed or archived since and were left as they are: %1.", nullptr,
                 int(removal.kept.size()))
                  .arg(listed(removal.kept));
    return UndoOutcome::done(0, message);
}

UndoOutcome ImportStep::redo(UndoContext &context)
{
    if (!m_redoable)
        return UndoOutcome::failed(tr("The import of %1 was too large to be redone from memory; import the file "
                                      "again.")
                                       .arg(m_fileName));
    EmployeeStore &store = *context.store;
    // The rows as they were, under new ids, as one import of the same file.
    std::vector<Employee> employees;
    std::vector<EmployeeProfile> profiles;
    employees.reserve(m_removed.size());
    profiles.reserve(m_removed.size());
    QList<NewEmployee> rows;
    for (const EmployeeRecord &record : std::as_const(m_removed)) {
        Employee e = record.employee;
        e.id = 0;
        e.version = 0;
        EmployeeProfile p = record.profile;
        p.id = p.employeeId = 0;
        p.version = 0;
        employees.push_back(e);
        profiles.push_back(p);
    }
    for (size_t i = 0; i < employees.size(); ++i)
        rows << NewEmployee{&employees[i], &profiles[i]};

    const ChangeOrigin previous = store.changeOrigin();
    store.setChangeOrigin({QString::fromLatin1(ChangeOrigin::Import), m_fileName});
    QString error;
    UndoOutcome outcome = UndoOutcome::failed({});
    if (store.beginBulk(&error)) {
        const QList<StoreResult> results = store.createEmployees(rows);
        const int refused = int(std::count_if(results.begin(), results.end(), [](const StoreResult &r) { return !r.ok(); }));
        const qint64 changeSet = store.openChangeSet();
        if (refused > 0) {
            store.rollbackBulk();
            outcome = UndoOutcome::cancelled(
                tr("%n employee(s) of the import of %1 could not be added again (their email or phone is taken "
                   "now); nothing was added.",
                   nullptr, refused)
                    .arg(m_fileName));
        } else if (store.commitBulk(&error)) {
            m_changeSet = changeSet;
            m_removed.clear();
            outcome = UndoOutcome::done(0, tr("Added the %n employee(s) of the import of %1 again.", nullptr,
                                              int(rows.size()))
                                               .arg(m_fileName));
        }
    }
    if (!error.isEmpty())
        outcome = UndoOutcome::cancelled(tr("The import could not be redone: %1").arg(error));
    store.setChangeOrigin(previous);
    return outcome;
}

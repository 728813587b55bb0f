#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/StoreResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

// What undoing an import did: the employees it removed (as they were, so a
// redo can add them again) and the names of those it left because someone
// changed or archived them since.
struct ImportRemoval
{
    int removedCount = 0;
    QList<EmployeeRecord> removed;   // empty when there were more than asked to keep
    QStringList kept;
};

// Undo of an import: removes exactly the employees that import created
// (employee.created_change_set) and nobody changed since: the rows still at
// their first version, with no entry in the history (an edit by another
// tool leaves one even when it keeps the version). Runs inside the caller's
// transaction; each deletion is recorded by the history's triggers.
class ImportReversal
{
    Q_DECLARE_TR_FUNCTIONS(ImportReversal)
public:
    explicit ImportReversal(const QSqlDatabase &db) : m_db(db) { }

    // `keepAtMost`: the removed rows are read back only up to this many
    // (a redo of a larger import would hold too much memory).
    StoreResult remove(qint64 changeSet, int keepAtMost, ImportRemoval *removal) const;

private:
    QStringList changedSince(qint64 changeSet, QString *error) const;

    QSqlDatabase m_db;
};

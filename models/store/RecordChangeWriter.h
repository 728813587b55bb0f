#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/StoreResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <functional>

class QSqlQuery;

// Writes what the user changed in a form, and nothing else: an UPDATE of the
// edited columns only (plus updated_at and version), each row guarded by the
// version it was read with. The row the user did not edit is checked too, so
// a save never lands on top of a newer version of either row unseen.
//
// Runs inside the caller's transaction (EmployeeStore::saveChanges); a refusal
// leaves it to the caller to roll back. Column names come from
// RecordFieldInfo::column() only; every value is bound.
class RecordChangeWriter
{
    Q_DECLARE_TR_FUNCTIONS(RecordChangeWriter)
public:
    // Maps a failed statement to the user's words (unique email, missing team...).
    using FailureMapper = std::function<StoreResult(const QSqlQuery &)>;

    RecordChangeWriter(const QSqlDatabase &db, FailureMapper failure);

    // `edited` holds the new values of `fields`; `base` is the record as read
    // (its ids and versions are the ones checked).
    StoreResult write(const EmployeeRecord &base, const EmployeeRecord &edited, const RecordFields &fields) const;

private:
    struct Row;

    StoreResult writeRow(const Row &row, const EmployeeRecord &edited) const;
    StoreResult checkVersion(const Row &row) const;
    StoreResult staleOrGone(const Row &row) const;
    static void bindField(QSqlQuery &q, const EmployeeRecord &edited, RecordField field);

    QSqlDatabase m_db;
    FailureMapper m_failure;
};

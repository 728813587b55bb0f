#pragma once

#include "domain/HistoryEntry.h"

#include <QList>
#include <QSqlDatabase>

// Reads the change history (db/HistorySchema) of one employee, newest first:
// the entries the database's triggers wrote for the employee and its
// profile, then its creation, read from the row (created_at, and the save or
// import of created_change_set) unless another tool created it, in which
// case a trigger recorded it.
class HistoryReader
{
public:
    explicit HistoryReader(const QSqlDatabase &db) : m_db(db) { }

    // Empty on error or for no such employee (lastError() tells them apart).
    QList<HistoryEntry> employeeHistory(qint64 employeeId) const;
    // The employee with this email (compared case-folded, as stored); 0 if none.
    qint64 employeeIdByEmail(const QString &email) const;
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};

#pragma once

#include "domain/NewEmployee.h"
#include "store/BulkProfileRow.h"

#include <QSqlDatabase>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QSqlQuery;

// The two INSERTs of a PostgreSQL bulk import as multi-row statements of up
// to MaxRowsPerStatement rows. One row per statement paid a round trip and a
// statement's overhead on the server for each employee and each profile,
// plus a savepoint per row (measured: 100k employees in 104 s, ~1,000/s);
// the caller puts a chunk under one savepoint instead and falls back to row
// by row only when the chunk is refused (a duplicate), as on SQLite.
class PostgresBulkInserter
{
public:
    static constexpr int MaxRowsPerStatement = 250;

    // `changeSet`: the history's open change set, which the rows name as
    // their creator (employee.created_change_set; our own number, written
    // into the statements); 0 for none.
    PostgresBulkInserter(const QSqlDatabase &db, qint64 changeSet);
    ~PostgresBulkInserter();

    // The new employees' ids in the order of `rows`; nullopt when the
    // statement failed (the caller's savepoint undoes it).
    std::optional<std::vector<qint64>> insertEmployees(const NewEmployee *rows, const QString *normalizedEmails,
                                                       int count, const QString &now);
    // False when the statement failed or an employee already had a profile.
    bool insertProfiles(const BulkProfileRow *rows, int count, const QString &now);

private:
    QSqlQuery &statement(bool employees, int count);

    QSqlDatabase m_db;
    QString m_changeSet;
    // Prepared once per row count (full chunks, and a batch's last one).
    std::map<int, std::unique_ptr<QSqlQuery>> m_employees;
    std::map<int, std::unique_ptr<QSqlQuery>> m_profiles;
};

#pragma once

#include "db/PostgresCopy.h"
#include "domain/NewEmployee.h"
#include "store/BulkProfileRow.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <optional>
#include <vector>

// The two writes of a PostgreSQL bulk import, a chunk of rows at a time, as
// COPY (PostgresCopy). History: one INSERT per row paid a round trip, a
// statement and a savepoint per employee (100k employees in 104 s); 250-row
// INSERTs through Qt took 6.9 s, most of it the server parsing the values Qt
// had formatted as literals; COPY streams them. The caller puts a chunk
// under one savepoint and falls back to row by row only when the chunk is
// refused (a duplicate), as on SQLite.
class PostgresBulkInserter
{
public:
    static constexpr int MaxRowsPerStatement = 1000;

    // `changeSet`: the history's open change set, which the rows name as
    // their creator (employee.created_change_set); 0 for none.
    PostgresBulkInserter(const QSqlDatabase &db, qint64 changeSet);

    // The new employees' ids in the order of `rows`; nullopt when the server
    // refused them (the caller's savepoint undoes the chunk).
    std::optional<std::vector<qint64>> insertEmployees(const NewEmployee *rows, const QString *normalizedEmails,
                                                       int count, const QString &now);
    // False when the server refused them (an employee already had a profile).
    bool insertProfiles(const BulkProfileRow *rows, int count, const QString &now);

private:
    std::optional<std::vector<qint64>> reserveIds(int count);

    QSqlDatabase m_db;
    qint64 m_changeSet;
    PostgresCopy m_copy;
    QString m_idSequence;   // employee.id's sequence, schema-qualified
    QSqlQuery m_nextIds;
};

#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/NewEmployee.h"
#include "store/BulkProfileRow.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <array>

struct sqlite3;
struct sqlite3_stmt;

// The two INSERTs of an SQLite bulk import as native statements on Qt's own
// connection: QSqlQuery's per-exec QVariant binding, UTF-16 conversion and
// result bookkeeping cost more than SQLite's insert itself (measured: the
// store's share of an import 24.9 -> 20.2 us/row).
//
// Sound only where Qt's QSQLITE plugin uses the same shared libsqlite3 as we
// link (Debian's); Qt's own Windows and macOS builds bundle a private copy,
// so there the build turns it off (ER_NATIVE_SQLITE_BULK) and prepare()
// answers false: the store then keeps to QSqlQuery, with the same results.
//
// Rows also go in as multi-row INSERTs of up to MaxRowsPerStatement rows:
// one statement opens its cursors and seeks its indexes' root pages once for
// all of them (measured: 7.5 -> 4.1 us/row for both INSERTs in SQLite).
class SqliteBulkInserter
{
public:
    static constexpr int MaxRowsPerStatement = 64;
    // New ids go above both the employees' and the archived employees'
    // (schema step 6: SQLite would otherwise hand out an archived
    // employee's id again). The store's own INSERT uses NextIdSql too.
    static constexpr const char *MaxIdSql = "SELECT max(coalesce((SELECT max(id) FROM employee), 0), "
                                            "coalesce((SELECT max(id) FROM archived_employee), 0))";
    static constexpr const char *NextIdSql = "(SELECT 1 + max(coalesce((SELECT max(id) FROM employee), 0), "
                                             "coalesce((SELECT max(id) FROM archived_employee), 0)))";

    using ProfileRow = BulkProfileRow;

    struct Outcome
    {
        bool ok = false;
        bool inserted = false;   // false with ok: ON CONFLICT DO NOTHING kept an existing row
        qint64 id = 0;
        QString errorText;
        QString errorCode;       // SQLite extended result code, as QSqlError::nativeErrorCode() gives it
    };

    SqliteBulkInserter() = default;
    ~SqliteBulkInserter() { finalize(); }
    SqliteBulkInserter(const SqliteBulkInserter &) = delete;
    SqliteBulkInserter &operator=(const SqliteBulkInserter &) = delete;

    // `changeSet`: the history's open change set, which the rows name as
    // their creator (employee.created_change_set); 0 for none.
    bool prepare(const QSqlDatabase &db, qint64 changeSet);
    void finalize();
    bool isReady() const { return m_db != nullptr; }

    Outcome insertEmployee(const Employee &employee, const QString &normalizedEmail, const QString &now);
    Outcome insertProfile(qint64 employeeId, const EmployeeProfile &seed, const QString &now);

    // One INSERT for `count` (1..MaxRowsPerStatement) rows, all or nothing:
    // a refused row fails the statement, and SQLite undoes the statement.
    // Employees get the ids firstId, firstId + 1, ... (the caller holds the
    // write lock and knows the largest id); profiles must all be new
    // (ok() is false when any employee already had one).
    Outcome insertEmployees(const NewEmployee *rows, const QString *normalizedEmails, int count, qint64 firstId,
                            const QString &now);
    Outcome insertProfiles(const ProfileRow *rows, int count, const QString &now);
    // The largest employee id, 0 in an empty table; -1 on error.
    qint64 maxEmployeeId();

private:
    Outcome failure() const;
    sqlite3_stmt *multiRowStatement(bool employees, int count);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_employee = nullptr;
    sqlite3_stmt *m_profile = nullptr;
    sqlite3_stmt *m_maxId = nullptr;
    // Multi-row INSERTs by row count, prepared when first needed.
    std::array<sqlite3_stmt *, MaxRowsPerStatement + 1> m_employees{};
    std::array<sqlite3_stmt *, MaxRowsPerStatement + 1> m_profiles{};
    QByteArray m_scratch; // UTF-8 of the row being bound
    QByteArray m_changeSet = "NULL"; // created_change_set of the rows, as SQL
};

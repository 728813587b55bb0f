#pragma once

#include "Employee.h"
#include "EmployeeProfile.h"

#include <QByteArray>
#include <QSqlDatabase>

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
class SqliteBulkInserter
{
public:
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

    bool prepare(const QSqlDatabase &db);
    void finalize();
    bool isReady() const { return m_db != nullptr; }

    Outcome insertEmployee(const Employee &employee, const QString &normalizedEmail, const QString &now);
    Outcome insertProfile(qint64 employeeId, const EmployeeProfile &seed, const QString &now);

private:
    Outcome failure() const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_employee = nullptr;
    sqlite3_stmt *m_profile = nullptr;
    QByteArray m_scratch;   // UTF-8 of the row being bound
};

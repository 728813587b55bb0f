#include "SqliteBulkInserter.h"

#if ER_NATIVE_SQLITE_BULK

#include <QSqlDriver>
#include <QStringEncoder>
#include <QVariant>

#include <sqlite3.h>

namespace {

// Binds text as UTF-8 (SQLite's encoding here: no conversion inside
// SQLite), encoded into one buffer reused for every row: `scratch` must have
// room for 3 bytes per UTF-16 unit of everything bound before the step.
void bindText(sqlite3_stmt *stmt, int index, QStringView text, char *&scratch, bool nullIfEmpty)
{
    if (nullIfEmpty && text.isEmpty()) {
        sqlite3_bind_null(stmt, index);
        return;
    }
    static thread_local QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    char *const start = scratch;
    scratch = encoder.appendToBuffer(scratch, text);
    sqlite3_bind_text(stmt, index, start, int(scratch - start), SQLITE_STATIC);
}

// A row's buffer for bindText(): grows to the largest row, never shrinks.
char *utf8Scratch(QByteArray &buffer, qsizetype units)
{
    if (buffer.size() < 3 * units)
        buffer.resize(3 * units);
    return buffer.data();
}

// Runs a bound INSERT and leaves it ready for the next row.
int stepInsert(sqlite3_stmt *stmt)
{
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

} // namespace

bool SqliteBulkInserter::prepare(const QSqlDatabase &db)
{
    finalize();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *native = *static_cast<sqlite3 *const *>(handle.constData());
    if (!native)
        return false;
    static const char employeeSql[] =
        "INSERT INTO employee (first_name, last_name, email, email_normalized, phone, created_at, updated_at, "
        "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1)";
    static const char profileSql[] =
        "INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, "
        "created_at, updated_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, 1) "
        "ON CONFLICT (employee_id) DO NOTHING";
    if (sqlite3_prepare_v3(native, employeeSql, -1, SQLITE_PREPARE_PERSISTENT, &m_employee, nullptr) != SQLITE_OK
        || sqlite3_prepare_v3(native, profileSql, -1, SQLITE_PREPARE_PERSISTENT, &m_profile, nullptr) != SQLITE_OK) {
        finalize();
        return false;
    }
    m_db = native;
    return true;
}

void SqliteBulkInserter::finalize()
{
    sqlite3_finalize(m_employee);   // no-op on nullptr
    sqlite3_finalize(m_profile);
    m_employee = nullptr;
    m_profile = nullptr;
    m_db = nullptr;
}

SqliteBulkInserter::Outcome SqliteBulkInserter::failure() const
{
    Outcome outcome;
    outcome.errorText = QString::fromUtf8(sqlite3_errmsg(m_db));
    outcome.errorCode = QString::number(sqlite3_extended_errcode(m_db));
    return outcome;
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertEmployee(const Employee &employee,
                                                               const QString &normalizedEmail, const QString &now)
{
    char *out = utf8Scratch(m_scratch, employee.firstName.size() + employee.lastName.size() + employee.email.size()
                                           + normalizedEmail.size() + employee.phone.size() + now.size());
    bindText(m_employee, 1, employee.firstName, out, false);
    bindText(m_employee, 2, employee.lastName, out, false);
    bindText(m_employee, 3, employee.email, out, false);
    bindText(m_employee, 4, normalizedEmail, out, false);
    bindText(m_employee, 5, employee.phone, out, true);
    bindText(m_employee, 6, now, out, false);
    if (stepInsert(m_employee) != SQLITE_DONE)
        return failure();
    return Outcome{true, true, sqlite3_last_insert_rowid(m_db), {}, {}};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertProfile(qint64 employeeId, const EmployeeProfile &seed,
                                                              const QString &now)
{
    const QString date = seed.dateOfBirth.isValid() ? seed.dateOfBirth.toString(Qt::ISODate) : QString();
    const QString gender = genderCode(seed.gender);
    char *out = utf8Scratch(m_scratch, date.size() + seed.address.size() + gender.size() + seed.bio.size() + now.size());
    sqlite3_bind_int64(m_profile, 1, employeeId);
    bindText(m_profile, 2, date, out, true);
    if (seed.teamId > 0)
        sqlite3_bind_int64(m_profile, 3, seed.teamId);
    bindText(m_profile, 4, seed.address, out, true);
    bindText(m_profile, 5, gender, out, true);
    bindText(m_profile, 6, seed.bio, out, true);
    if (!seed.photo.isEmpty())
        sqlite3_bind_blob(m_profile, 7, seed.photo.constData(), int(seed.photo.size()), SQLITE_STATIC);
    bindText(m_profile, 8, now, out, false);
    if (stepInsert(m_profile) != SQLITE_DONE)
        return failure();
    const bool inserted = sqlite3_changes(m_db) == 1;
    return Outcome{true, inserted, inserted ? sqlite3_last_insert_rowid(m_db) : 0, {}, {}};
}

#else // !ER_NATIVE_SQLITE_BULK

bool SqliteBulkInserter::prepare(const QSqlDatabase &)
{
    return false;
}

void SqliteBulkInserter::finalize() { }

SqliteBulkInserter::Outcome SqliteBulkInserter::failure() const
{
    return {};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertEmployee(const Employee &, const QString &, const QString &)
{
    return {};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertProfile(qint64, const EmployeeProfile &, const QString &)
{
    return {};
}

#endif

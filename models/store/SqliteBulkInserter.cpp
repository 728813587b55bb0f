#include "store/SqliteBulkInserter.h"

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

// "(?2, ?3, ...), (...)": `count` rows of `perRow` numbered parameters each,
// starting at ?2 (?1 is the timestamp every row shares), then `tail` in each row.
QByteArray valuesList(int count, int perRow, const QByteArray &tail)
{
    QByteArray sql;
    for (int row = 0; row < count; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (int column = 0; column < perRow; ++column)
            sql += '?' + QByteArray::number(2 + row * perRow + column) + ", ";
        sql += tail;
        sql += ')';
    }
    return sql;
}

constexpr int EmployeeParams = 6;   // id, then the 5 of bindEmployee()
constexpr int ProfileParams = 7;    // the 7 of bindProfile()

// Every statement here binds the shared timestamp as ?1 and a row's values
// from ?2 (single-row) or from its own base (multi-row) on, with these two.

qsizetype employeeUnits(const Employee &e, const QString &normalizedEmail)
{
    return e.firstName.size() + e.lastName.size() + e.email.size() + normalizedEmail.size() + e.phone.size();
}

// first_name, last_name, email, email_normalized, phone from ?first on.
void bindEmployee(sqlite3_stmt *stmt, int first, const Employee &e, const QString &normalizedEmail, char *&out)
{
    bindText(stmt, first, e.firstName, out, false);
    bindText(stmt, first + 1, e.lastName, out, false);
    bindText(stmt, first + 2, e.email, out, false);
    bindText(stmt, first + 3, normalizedEmail, out, false);
    bindText(stmt, first + 4, e.phone, out, true);
}

// The profile's values that are not stored as they are held.
struct ProfileTexts
{
    QString date;
    QString gender;

    ProfileTexts() = default;
    explicit ProfileTexts(const EmployeeProfile &seed)
        : date(seed.dateOfBirth.isValid() ? seed.dateOfBirth.toString(Qt::ISODate) : QString())
        , gender(genderCode(seed.gender))
    {
    }
    qsizetype units(const EmployeeProfile &seed) const
    {
        return date.size() + seed.address.size() + gender.size() + seed.bio.size();
    }
};

// employee_id, date_of_birth, team_id, address, gender, bio, photo from
// ?first on. `texts` is bound as SQLITE_STATIC: it must live until the step.
void bindProfile(sqlite3_stmt *stmt, int first, qint64 employeeId, const EmployeeProfile &seed,
                 const ProfileTexts &texts, char *&out)
{
    sqlite3_bind_int64(stmt, first, employeeId);
    bindText(stmt, first + 1, texts.date, out, true);
    if (seed.teamId > 0)
        sqlite3_bind_int64(stmt, first + 2, seed.teamId);
    bindText(stmt, first + 3, seed.address, out, true);
    bindText(stmt, first + 4, texts.gender, out, true);
    bindText(stmt, first + 5, seed.bio, out, true);
    if (!seed.photo.isEmpty())
        sqlite3_bind_blob(stmt, first + 6, seed.photo.constData(), int(seed.photo.size()), SQLITE_STATIC);
}

} // namespace

bool SqliteBulkInserter::prepare(const QSqlDatabase &db, qint64 changeSet)
{
    finalize();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *native = *static_cast<sqlite3 *const *>(handle.constData());
    if (!native)
        return false;
    // The change set is our own number, written into the statement once per import.
    m_changeSet = changeSet > 0 ? QByteArray::number(changeSet) : QByteArrayLiteral("NULL");
    const QByteArray employeeSql =
        "INSERT INTO employee (id, first_name, last_name, email, email_normalized, phone, created_at, updated_at, "
        "version, created_change_set) VALUES (" + QByteArray(NextIdSql) + ", ?2, ?3, ?4, ?5, ?6, ?1, ?1, 1, "
        + m_changeSet + ")";
    static const char profileSql[] =
        "INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, "
        "created_at, updated_at, version) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1, ?1, 1) "
        "ON CONFLICT (employee_id) DO NOTHING";
    if (sqlite3_prepare_v3(native, employeeSql.constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_employee, nullptr)
            != SQLITE_OK
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
    sqlite3_finalize(m_maxId);
    m_employee = nullptr;
    m_profile = nullptr;
    m_maxId = nullptr;
    for (auto *statements : {&m_employees, &m_profiles}) {
        for (sqlite3_stmt *&statement : *statements) {
            sqlite3_finalize(statement);
            statement = nullptr;
        }
    }
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
    char *out = utf8Scratch(m_scratch, now.size() + employeeUnits(employee, normalizedEmail));
    bindText(m_employee, 1, now, out, false);
    bindEmployee(m_employee, 2, employee, normalizedEmail, out);
    if (stepInsert(m_employee) != SQLITE_DONE)
        return failure();
    return Outcome{true, true, sqlite3_last_insert_rowid(m_db), {}, {}};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertProfile(qint64 employeeId, const EmployeeProfile &seed,
                                                              const QString &now)
{
    const ProfileTexts texts(seed);
    char *out = utf8Scratch(m_scratch, now.size() + texts.units(seed));
    bindText(m_profile, 1, now, out, false);
    bindProfile(m_profile, 2, employeeId, seed, texts, out);
    if (stepInsert(m_profile) != SQLITE_DONE)
        return failure();
    const bool inserted = sqlite3_changes(m_db) == 1;
    return Outcome{true, inserted, inserted ? sqlite3_last_insert_rowid(m_db) : 0, {}, {}};
}

sqlite3_stmt *SqliteBulkInserter::multiRowStatement(bool employees, int count)
{
    sqlite3_stmt *&statement = employees ? m_employees[count] : m_profiles[count];
    if (statement)
        return statement;
    const QByteArray sql = employees
        ? "INSERT INTO employee (id, first_name, last_name, email, email_normalized, phone, created_at, "
          "updated_at, version, created_change_set) VALUES "
              + valuesList(count, EmployeeParams, QByteArray("?1, ?1, 1, ") + m_changeSet)
        : "INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, "
          "created_at, updated_at, version) VALUES " + valuesList(count, ProfileParams, "?1, ?1, 1")
              + " ON CONFLICT (employee_id) DO NOTHING";
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK)
        statement = nullptr;
    return statement;
}

qint64 SqliteBulkInserter::maxEmployeeId()
{
    if (!m_maxId && sqlite3_prepare_v3(m_db, MaxIdSql, -1, SQLITE_PREPARE_PERSISTENT, &m_maxId, nullptr) != SQLITE_OK) {
        m_maxId = nullptr;
        return -1;
    }
    const bool found = sqlite3_step(m_maxId) == SQLITE_ROW;
    const qint64 id = found ? sqlite3_column_int64(m_maxId, 0) : -1;   // NULL reads as 0
    sqlite3_reset(m_maxId);
    return id;
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertEmployees(const NewEmployee *rows,
                                                                const QString *normalizedEmails, int count,
                                                                qint64 firstId, const QString &now)
{
    sqlite3_stmt *statement = count > 0 && count <= MaxRowsPerStatement ? multiRowStatement(true, count) : nullptr;
    if (!statement)
        return failure();
    qsizetype units = now.size();
    for (int i = 0; i < count; ++i)
        units += employeeUnits(*rows[i].employee, normalizedEmails[i]);
    char *out = utf8Scratch(m_scratch, units);
    bindText(statement, 1, now, out, false);
    for (int i = 0; i < count; ++i) {
        const int base = 2 + i * EmployeeParams;
        sqlite3_bind_int64(statement, base, firstId + i);
        bindEmployee(statement, base + 1, *rows[i].employee, normalizedEmails[i], out);
    }
    if (stepInsert(statement) != SQLITE_DONE)
        return failure();
    return Outcome{true, true, firstId, {}, {}};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertProfiles(const ProfileRow *rows, int count, const QString &now)
{
    sqlite3_stmt *statement = count > 0 && count <= MaxRowsPerStatement ? multiRowStatement(false, count) : nullptr;
    if (!statement)
        return failure();
    std::array<ProfileTexts, MaxRowsPerStatement> texts;   // alive until the step
    qsizetype units = now.size();
    for (int i = 0; i < count; ++i) {
        texts[i] = ProfileTexts(*rows[i].seed);
        units += texts[i].units(*rows[i].seed);
    }
    char *out = utf8Scratch(m_scratch, units);
    bindText(statement, 1, now, out, false);
    for (int i = 0; i < count; ++i)
        bindProfile(statement, 2 + i * ProfileParams, rows[i].employeeId, *rows[i].seed, texts[i], out);
    if (stepInsert(statement) != SQLITE_DONE)
        return failure();
    if (sqlite3_changes(m_db) != count) {   // ON CONFLICT kept a profile that was there already
        Outcome outcome;
        outcome.errorText = QStringLiteral("UNIQUE constraint failed: employee_profile.employee_id");
        return outcome;
    }
    return Outcome{true, true, 0, {}, {}};
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

SqliteBulkInserter::Outcome SqliteBulkInserter::insertEmployees(const NewEmployee *, const QString *, int, qint64,
                                                                const QString &)
{
    return {};
}

SqliteBulkInserter::Outcome SqliteBulkInserter::insertProfiles(const ProfileRow *, int, const QString &)
{
    return {};
}

qint64 SqliteBulkInserter::maxEmployeeId()
{
    return -1;
}

sqlite3_stmt *SqliteBulkInserter::multiRowStatement(bool, int)
{
    return nullptr;
}

#endif

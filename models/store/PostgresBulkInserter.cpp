#include "store/PostgresBulkInserter.h"

#include "db/SqlValue.h"
#include "domain/Gender.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using SqlValue::nullable;
using SqlValue::nullableBlob;
using SqlValue::nullableDate;
using SqlValue::nullableId;

namespace {
QString valuesList(int rows, int columnsBound, const QString &constants)
{
    QStringList placeholders(columnsBound, QStringLiteral("?"));
    const QString row = QLatin1Char('(') + placeholders.join(QStringLiteral(", ")) + constants + QLatin1Char(')');
    QStringList all(rows, row);
    return all.join(QStringLiteral(", "));
}
}

PostgresBulkInserter::PostgresBulkInserter(const QSqlDatabase &db, qint64 changeSet)
    : m_db(db), m_changeSet(changeSet > 0 ? QString::number(changeSet) : QStringLiteral("NULL"))
{
}

PostgresBulkInserter::~PostgresBulkInserter() = default;

QSqlQuery &PostgresBulkInserter::statement(bool employees, int count)
{
    auto &cache = employees ? m_employees : m_profiles;
    std::unique_ptr<QSqlQuery> &query = cache[count];
    if (!query) {
        query = std::make_unique<QSqlQuery>(m_db);
        // Email comes back with the id: RETURNING's order is not promised, the unique email is.
        query->prepare(employees
                           ? QStringLiteral("INSERT INTO employee (first_name, last_name, email, email_normalized, "
                                            "phone, created_at, updated_at, version, created_change_set) VALUES ")
                                 + valuesList(count, 7, QStringLiteral(", 1, ") + m_changeSet) + QStringLiteral(" RETURNING id, email_normalized")
                           : QStringLiteral("INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, "
                                            "gender, bio, photo, created_at, updated_at, version) VALUES ")
                                 + valuesList(count, 9, QStringLiteral(", 1"))
                                 + QStringLiteral(" ON CONFLICT (employee_id) DO NOTHING"));
    }
    return *query;
}

std::optional<std::vector<qint64>> PostgresBulkInserter::insertEmployees(const NewEmployee *rows,
                                                                         const QString *normalizedEmails, int count,
                                                                         const QString &now)
{
    if (count <= 0 || count > MaxRowsPerStatement)
        return std::nullopt;
    QSqlQuery &q = statement(true, count);
    int p = 0;
    for (int i = 0; i < count; ++i) {
        const Employee &e = *rows[i].employee;
        q.bindValue(p++, e.firstName);
        q.bindValue(p++, e.lastName);
        q.bindValue(p++, e.email);
        q.bindValue(p++, normalizedEmails[i]);
        q.bindValue(p++, nullable(e.phone));
        q.bindValue(p++, now);
        q.bindValue(p++, now);
    }
    if (!q.exec())
        return std::nullopt;
    QHash<QString, qint64> ids;
    ids.reserve(count);
    while (q.next())
        ids.insert(q.value(1).toString(), q.value(0).toLongLong());
    q.finish();
    std::vector<qint64> ordered(static_cast<size_t>(count), 0);
    for (int i = 0; i < count; ++i) {
        ordered[size_t(i)] = ids.value(normalizedEmails[i], 0);
        if (ordered[size_t(i)] == 0)
            return std::nullopt;
    }
    return ordered;
}

bool PostgresBulkInserter::insertProfiles(const BulkProfileRow *rows, int count, const QString &now)
{
    if (count <= 0 || count > MaxRowsPerStatement)
        return false;
    QSqlQuery &q = statement(false, count);
    int p = 0;
    for (int i = 0; i < count; ++i) {
        const EmployeeProfile &seed = *rows[i].seed;
        q.bindValue(p++, rows[i].employeeId);
        q.bindValue(p++, nullableDate(seed.dateOfBirth));
        q.bindValue(p++, nullableId(seed.teamId));
        q.bindValue(p++, nullable(seed.address));
        q.bindValue(p++, nullable(genderCode(seed.gender)));
        q.bindValue(p++, nullable(seed.bio));
        q.bindValue(p++, nullableBlob(seed.photo));
        q.bindValue(p++, now);
        q.bindValue(p++, now);
    }
    const bool ok = q.exec() && q.numRowsAffected() == count;   // ON CONFLICT kept a profile already there
    q.finish();
    return ok;
}

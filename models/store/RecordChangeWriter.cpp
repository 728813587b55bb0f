#include "store/RecordChangeWriter.h"

#include "validation/EmployeeValidator.h"
#include "db/SqlDialect.h"
#include "db/SqlValue.h"
#include "domain/Timestamp.h"

#include <QSqlQuery>
#include <QStringList>

struct RecordChangeWriter::Row
{
    QString table;
    QString key;        // the column that names the row: id or employee_id
    qint64 keyValue = 0;
    int version = 0;
    RecordFields fields;
};

RecordChangeWriter::RecordChangeWriter(const QSqlDatabase &db, FailureMapper failure)
    : m_db(db), m_failure(std::move(failure))
{
}

StoreResult RecordChangeWriter::write(const EmployeeRecord &base, const EmployeeRecord &edited,
                                      const RecordFields &fields) const
{
    Row employee{QStringLiteral("employee"), QStringLiteral("id"), base.employee.id, base.employee.version, {}};
    Row profile{QStringLiteral("employee_profile"), QStringLiteral("employee_id"), base.employee.id,
                base.profile.version, {}};
    for (RecordField field : fields)
        (RecordFieldInfo::isProfileField(field) ? profile : employee).fields << field;
    if (!profile.fields.isEmpty() && !base.hasProfile)
        return StoreResult::gone(tr("This employee has no profile to save into. Close the form and open it again."));

    // The row written first is the one the user edited, so that a refusal
    // there (a taken email) is reported as such rather than as a conflict.
    for (const Row *row : {&employee, &profile}) {
        if (row == &profile && !base.hasProfile)
            continue;
        const StoreResult result = row->fields.isEmpty() ? checkVersion(*row) : writeRow(*row, edited);
        if (!result.ok())
            return result;
    }
    return StoreResult::success(base.employee.id);
}

StoreResult RecordChangeWriter::writeRow(const Row &row, const EmployeeRecord &edited) const
{
    QStringList assignments;
    for (RecordField field : row.fields) {
        assignments << RecordFieldInfo::column(field) + QStringLiteral(" = ?");
        if (field == RecordField::Email)
            assignments << QStringLiteral("email_normalized = ?");
    }
    assignments << QStringLiteral("updated_at = ?") << QStringLiteral("version = version + 1");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ? AND version = ?")
                  .arg(row.table, assignments.join(QStringLiteral(", ")), row.key));
    for (RecordField field : row.fields)
        bindField(q, edited, field);
    q.addBindValue(Timestamp::now());
    q.addBindValue(row.keyValue);
    q.addBindValue(row.version);
    if (!q.exec())
        return m_failure(q);
    return q.numRowsAffected() == 1 ? StoreResult::success(row.keyValue) : staleOrGone(row);
}

// The row the user did not edit must still be the version the form shows:
// otherwise the save would combine the user's edit with a record they never
// saw. PostgreSQL locks it until commit; SQLite's write transaction already
// excludes every other writer.
StoreResult RecordChangeWriter::checkVersion(const Row &row) const
{
    QSqlQuery q(m_db);
    const QString lock = SqlDialect(m_db).isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    q.prepare(QStringLiteral("SELECT version FROM %1 WHERE %2 = ?%3").arg(row.table, row.key, lock));
    q.addBindValue(row.keyValue);
    if (!q.exec())
        return m_failure(q);
    if (!q.next())
        return StoreResult::gone(tr("This employee was deleted by someone else."));
    if (q.value(0).toInt() != row.version)
        return StoreResult::conflict(tr("This employee was changed by someone else since you opened it."));
    return StoreResult::success(row.keyValue);
}

StoreResult RecordChangeWriter::staleOrGone(const Row &row) const
{
    const StoreResult check = checkVersion(row);
    // The UPDATE matched nothing, so the row is gone or newer; a row that
    // now matches (impossible inside our write transaction) still counts as
    // a conflict rather than as written.
    return check.ok() ? StoreResult::conflict(tr("This employee was changed by someone else since you opened it."))
                      : check;
}

void RecordChangeWriter::bindField(QSqlQuery &q, const EmployeeRecord &edited, RecordField field)
{
    const Employee &e = edited.employee;
    const EmployeeProfile &p = edited.profile;
    switch (field) {
    case RecordField::FirstName: q.addBindValue(e.firstName); break;
    case RecordField::LastName: q.addBindValue(e.lastName); break;
    case RecordField::Email:
        q.addBindValue(e.email);
        q.addBindValue(EmployeeValidator::normalizedEmail(e.email));
        break;
    case RecordField::Phone: q.addBindValue(SqlValue::nullable(e.phone)); break;
    case RecordField::DateOfBirth: q.addBindValue(SqlValue::nullableDate(p.dateOfBirth)); break;
    case RecordField::Team: q.addBindValue(SqlValue::nullableId(p.teamId)); break;
    case RecordField::Gender: q.addBindValue(SqlValue::nullable(genderCode(p.gender))); break;
    case RecordField::Address: q.addBindValue(SqlValue::nullable(p.address)); break;
    case RecordField::Bio: q.addBindValue(SqlValue::nullable(p.bio)); break;
    case RecordField::Photo: q.addBindValue(SqlValue::nullableBlob(p.photo)); break;
    }
}

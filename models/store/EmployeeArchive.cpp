#include "store/EmployeeArchive.h"

#include "db/SqlValue.h"
#include "domain/Timestamp.h"
#include "store/DriverErrorMapper.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// The columns both tables of each pair have, in one order.
const QString EmployeeColumns = QStringLiteral("id, first_name, last_name, email, email_normalized, phone, "
                                               "created_at, updated_at, version, created_change_set");
// A profile's own id is no one's reference (the history names the employee):
// an archived or restored profile gets a new one, since SQLite may have
// handed the old one to another profile meanwhile.
const QString ProfileColumns =
    QStringLiteral("employee_id, date_of_birth, team_id, address, gender, bio, photo, "
                   "created_at, updated_at, version");
} // namespace

// Runs one INSERT ... SELECT or DELETE of the move; `before` are the values
// bound ahead of the employee id; *rows gets the rows it changed.
StoreResult EmployeeArchive::move(const QString &sql, qint64 employeeId, const QVariantList &before,
                                  int *rows) const
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &v : before)
        q.addBindValue(v);
    q.addBindValue(employeeId);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (rows)
        *rows = q.numRowsAffected();
    return StoreResult::success(employeeId);
}

StoreResult EmployeeArchive::archive(const EmployeeRecord &shown, const QDate &leftOn,
                                     const QString &reason) const
{
    const qint64 id = shown.employee.id;
    int rows = 0;
    const StoreResult copied =
        move(QStringLiteral("INSERT INTO archived_employee (%1, left_on, archive_reason, "
                            "archived_at) SELECT %1, ?, ?, ? FROM employee "
                            "WHERE version = ? AND id = ?")
                 .arg(EmployeeColumns),
             id,
             {leftOn.toString(Qt::ISODate), SqlValue::nullable(reason.trimmed()), Timestamp::now(),
              shown.employee.version},
             &rows);
    if (!copied.ok())
        return copied;
    if (rows != 1)
        return StoreResult::conflict(
            tr("This employee was changed or deleted by someone else since it was shown."));
    const StoreResult profile = move(QStringLiteral("INSERT INTO archived_profile (%1) SELECT %1 FROM "
                                                    "employee_profile WHERE employee_id = ?")
                                         .arg(ProfileColumns),
                                     id);
    if (!profile.ok())
        return profile;
    // The profile goes with the employee (ON DELETE CASCADE).
    return move(QStringLiteral("DELETE FROM employee WHERE id = ?"), id);
}

StoreResult EmployeeArchive::restore(qint64 employeeId) const
{
    int rows = 0;
    const StoreResult copied =
        move(QStringLiteral("INSERT INTO employee (%1) SELECT %1 FROM archived_employee "
                            "WHERE id = ?")
                 .arg(EmployeeColumns),
             employeeId, {}, &rows);
    if (!copied.ok())
        return copied;
    if (rows != 1)
        return StoreResult::gone(tr("This employee is no longer in the archive."));
    const StoreResult profile = move(QStringLiteral("INSERT INTO employee_profile (%1) SELECT %1 FROM "
                                                    "archived_profile WHERE employee_id = ?")
                                         .arg(ProfileColumns),
                                     employeeId);
    if (!profile.ok())
        return profile;
    return move(QStringLiteral("DELETE FROM archived_employee WHERE id = ?"), employeeId);
}

StoreResult EmployeeArchive::removeArchived(qint64 employeeId) const
{
    int rows = 0;
    const StoreResult removed =
        move(QStringLiteral("DELETE FROM archived_employee WHERE id = ?"), employeeId, {}, &rows);
    if (!removed.ok())
        return removed;
    return rows == 1 ? removed : StoreResult::gone(tr("This employee is no longer in the archive."));
}

QList<ArchivedEmployee> EmployeeArchive::list(const QDate &leftBefore) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, first_name, last_name, email, phone, left_on, archive_reason "
                             "FROM archived_employee %1 ORDER BY lower(last_name), lower(first_name), id")
                  .arg(leftBefore.isValid() ? QStringLiteral("WHERE left_on < ?") : QString()));
    if (leftBefore.isValid())
        q.addBindValue(leftBefore.toString(Qt::ISODate));
    return read(q);
}

std::optional<ArchivedEmployee> EmployeeArchive::find(qint64 employeeId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, first_name, last_name, email, phone, left_on, archive_reason "
                             "FROM archived_employee WHERE id = ?"));
    q.addBindValue(employeeId);
    const QList<ArchivedEmployee> found = read(q);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<ArchivedEmployee> EmployeeArchive::read(QSqlQuery &q) const
{
    m_error.clear();
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {};
    }
    QList<ArchivedEmployee> out;
    while (q.next()) {
        ArchivedEmployee a;
        a.id = q.value(0).toLongLong();
        a.firstName = q.value(1).toString();
        a.lastName = q.value(2).toString();
        a.email = q.value(3).toString();
        a.phone = q.value(4).toString();
        a.leftOn = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        a.reason = q.value(6).toString();
        out << a;
    }
    return out;
}

StoreResult EmployeeArchive::purge(const QList<ArchivedEmployee> &employees, qint64 changeSet) const
{
    for (const ArchivedEmployee &a : employees) {
        // Every value the history kept of them goes: what changed stays, not to what.
        StoreResult done = move(QStringLiteral("UPDATE change_entry SET old_value = NULL, new_value = NULL "
                                               "WHERE employee_id = ?"),
                                a.id);
        if (!done.ok())
            return done;
        done =
            move(QStringLiteral("DELETE FROM archived_employee WHERE id = ?"), a.id); // the profile cascades
        if (!done.ok())
            return done;
    }
    // The trigger recorded deletions; these are purges.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE change_entry SET action = 'purged' WHERE change_set_id = ? AND action = 'deleted'"));
    q.addBindValue(changeSet);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    return StoreResult::success(0); // PurgeReport names who
}

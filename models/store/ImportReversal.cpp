#include "store/ImportReversal.h"

#include "store/DriverErrorMapper.h"
#include "store/EmployeeReader.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// Still as the import wrote it. %1 is the employee table's name or alias.
QString unchanged(const QString &e)
{
    return QStringLiteral("%1.created_change_set = ? AND %1.version = 1"
                          " AND EXISTS (SELECT 1 FROM employee_profile ip WHERE ip.employee_id = %1.id"
                          " AND ip.version = 1)"
                          " AND NOT EXISTS (SELECT 1 FROM change_entry ce WHERE ce.employee_id = %1.id)")
        .arg(e);
}

} // namespace

QStringList ImportReversal::changedSince(qint64 changeSet, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT first_name, last_name FROM employee e WHERE e.created_change_set = ? AND NOT (%1)"
                             " UNION ALL SELECT first_name, last_name FROM archived_employee"
                             " WHERE created_change_set = ?")
                  .arg(unchanged(QStringLiteral("e"))));
    q.addBindValue(changeSet);
    q.addBindValue(changeSet);
    q.addBindValue(changeSet);
    QStringList names;
    if (!q.exec()) {
        *error = q.lastError().text();
        return names;
    }
    while (q.next())
        names << (q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString()).trimmed();
    return names;
}

StoreResult ImportReversal::remove(qint64 changeSet, int keepAtMost, ImportRemoval *removal) const
{
    QString error;
    removal->kept = changedSince(changeSet, &error);
    if (!error.isEmpty())
        return StoreResult::failure(QString(), error);
    // PostgreSQL: a colleague's save committing while the DELETE runs would
    // not be seen by its subqueries (the profile's version), and the cascade
    // would take the save along. The import's rows and profiles are locked
    // first, so the reads and the DELETE below see them as they stay.
    // (SQLite has one writer, whose lock this transaction already holds.)
    if (m_db.driverName().startsWith(QLatin1String("QPSQL"))) {
        QSqlQuery lock(m_db);
        lock.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT e.id FROM employee e JOIN employee_profile p"
                                    " ON p.employee_id = e.id WHERE e.created_change_set = ? FOR UPDATE OF e, p) locked"));
        lock.addBindValue(changeSet);
        if (!lock.exec())
            return DriverErrorMapper::failure(lock);
        lock.finish();
    }
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM employee e WHERE %1").arg(unchanged(QStringLiteral("e"))));
    count.addBindValue(changeSet);
    if (!count.exec() || !count.next())
        return DriverErrorMapper::failure(count);
    removal->removedCount = count.value(0).toInt();
    if (removal->removedCount <= keepAtMost)
        removal->removed = EmployeeReader(m_db).records(unchanged(QStringLiteral("e")), {changeSet});
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM employee WHERE %1").arg(unchanged(QStringLiteral("employee"))));
    q.addBindValue(changeSet);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    // Another client's save between the read and the delete (PostgreSQL
    // reads committed rows anew): the caller rolls back and tries later.
    if (q.numRowsAffected() != removal->removedCount)
        return StoreResult::conflict(tr("Some of the imported employees changed just now."));
    return StoreResult::success(changeSet);
}

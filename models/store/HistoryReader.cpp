#include "store/HistoryReader.h"

#include "validation/EmployeeValidator.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString SetColumns = QStringLiteral("s.id, s.os_user, s.db_user, s.source, s.detail");

void readSet(const QSqlQuery &q, int first, HistoryEntry &e)
{
    e.changeSetId = q.value(first).toLongLong();
    e.osUser = q.value(first + 1).toString();
    e.dbUser = q.value(first + 2).toString();
    e.source = q.value(first + 3).toString();
    e.detail = q.value(first + 4).toString();
}
} // namespace

QList<HistoryEntry> HistoryReader::employeeHistory(qint64 employeeId) const
{
    m_error.clear();
    QList<HistoryEntry> entries;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT c.id, c.at, c.db_user, c.client, c.subject, c.action, c.field, c.old_value, "
                       "c.new_value, ")
        + SetColumns
        + QStringLiteral(" FROM change_entry c LEFT JOIN change_set s ON s.id = c.change_set_id "
                         "WHERE c.employee_id = ? ORDER BY c.at DESC, c.id DESC"));
    q.addBindValue(employeeId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {};
    }
    bool createdByTrigger = false;
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toString();
        e.dbUser = q.value(2).toString();
        e.client = q.value(3).toString();
        e.subject = q.value(4).toString();
        e.action = q.value(5).toString();
        e.field = q.value(6).toString();
        e.oldValue = q.value(7);
        e.newValue = q.value(8);
        if (!q.value(9).isNull()) {
            const QString role = e.dbUser;
            readSet(q, 9, e);
            if (e.dbUser.isEmpty())
                e.dbUser = role;
        }
        createdByTrigger = createdByTrigger
            || (e.subject == QLatin1String("employee") && e.action == QLatin1String("created"));
        entries << e;
    }
    if (createdByTrigger)
        return entries;
    QSqlQuery created(m_db);
    // Its row is in the archive while it is archived.
    created.prepare(QStringLiteral("SELECT e.created_at, ") + SetColumns
                    + QStringLiteral(" FROM employee e LEFT JOIN change_set s ON s.id = e.created_change_set "
                                     "WHERE e.id = ? UNION ALL SELECT e.created_at, ")
                    + SetColumns
                    + QStringLiteral(" FROM archived_employee e LEFT JOIN change_set s ON s.id = e.created_change_set "
                                     "WHERE e.id = ?"));
    created.addBindValue(employeeId);
    created.addBindValue(employeeId);
    if (!created.exec()) {
        m_error = created.lastError().text();
        return {};
    }
    if (created.next()) {
        HistoryEntry e;
        e.at = created.value(0).toString();
        if (!created.value(1).isNull())
            readSet(created, 1, e);
        e.subject = QStringLiteral("employee");
        e.action = QStringLiteral("created");
        entries << e;
    }
    return entries;
}

qint64 HistoryReader::employeeIdByEmail(const QString &email) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM employee WHERE email_normalized = ? "
                             "UNION ALL SELECT id FROM archived_employee WHERE email_normalized = ?"));
    q.addBindValue(EmployeeValidator::normalizedEmail(email));
    q.addBindValue(EmployeeValidator::normalizedEmail(email));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

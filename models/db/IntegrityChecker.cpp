#include "db/IntegrityChecker.h"

#include "db/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Runs a query whose rows are problems; the first column is the id named in
// the message. At most a few rows are listed, then a count.
void collect(const QSqlDatabase &db, const QString &sql, const QString &messageWithId, QStringList *problems)
{
    constexpr int MaxListed = 20;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        problems->append(IntegrityChecker::tr("The check could not run: %1").arg(q.lastError().text()));
        return;
    }
    int found = 0;
    while (q.next()) {
        if (++found <= MaxListed)
            problems->append(messageWithId.arg(q.value(0).toString()));
    }
    if (found > MaxListed)
        problems->append(IntegrityChecker::tr("... and %n more like this.", nullptr, found - MaxListed));
}

} // namespace

QStringList IntegrityChecker::check(const QSqlDatabase &db)
{
    QStringList problems;
    if (!SqlDialect(db).isPostgres()) {
        // A check that cannot even run on a damaged file is a finding too.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
            problems << tr("The database file is damaged: %1").arg(q.lastError().text());
        else if (q.value(0).toString() != QLatin1String("ok"))
            problems << tr("The database file is damaged: %1").arg(q.value(0).toString());
    }
    collect(db,
            QStringLiteral("SELECT e.id FROM employee e LEFT JOIN employee_profile p ON p.employee_id = e.id "
                           "WHERE p.id IS NULL ORDER BY e.id"),
            tr("Employee %1 has no profile."), &problems);
    collect(
        db,
        QStringLiteral("SELECT employee_id FROM employee_profile GROUP BY employee_id HAVING COUNT(*) > 1"),
        tr("Employee %1 has more than one profile."), &problems);
    collect(db,
            QStringLiteral("SELECT p.id FROM employee_profile p LEFT JOIN employee e ON e.id = p.employee_id "
                           "WHERE e.id IS NULL ORDER BY p.id"),
            tr("Profile %1 belongs to no existing employee."), &problems);
    collect(db,
            QStringLiteral("SELECT p.id FROM employee_profile p LEFT JOIN team t ON t.id = p.team_id "
                           "WHERE p.team_id IS NOT NULL AND t.id IS NULL ORDER BY p.id"),
            tr("Profile %1 refers to a team that does not exist."), &problems);
    // The archive (schema step 6) keeps the same rule, and an employee is either archived or current.
    collect(db,
            QStringLiteral(
                "SELECT a.id FROM archived_employee a LEFT JOIN archived_profile p ON p.employee_id = a.id "
                "WHERE p.id IS NULL ORDER BY a.id"),
            tr("Archived employee %1 has no profile."), &problems);
    collect(
        db,
        QStringLiteral("SELECT a.id FROM archived_employee a JOIN employee e ON e.id = a.id ORDER BY a.id"),
        tr("Employee %1 is both archived and current."), &problems);
    return problems;
}

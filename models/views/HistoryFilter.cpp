#include "views/HistoryFilter.h"

#include "domain/Timestamp.h"
#include "views/LikePrefix.h"
#include "views/SearchCondition.h"

#include <QStringList>

QString HistoryFilter::dayStart(const QDate &day)
{
    return Timestamp::toText(day.startOfDay());
}

QString HistoryFilter::condition(const QSqlDatabase &db, QVariantList *binds) const
{
    QStringList parts;
    if (!person.trimmed().isEmpty()) {
        // The employee as it is now, current or archived: its id's entries
        // are then an index range each (change_entry_employee_idx).
        const SearchCondition current = SearchCondition::forEmployees(db, person, QStringLiteral("pe"));
        const SearchCondition archived = SearchCondition::forEmployees(db, person, QStringLiteral("pa"));
        parts << QStringLiteral("c.employee_id IN (SELECT pe.id FROM employee pe WHERE %1 "
                                "UNION ALL SELECT pa.id FROM archived_employee pa WHERE %2)")
                     .arg(current.filter, archived.filter);
        *binds << current.binds << archived.binds;
    }
    if (!user.trimmed().isEmpty()) {
        const QString pattern = likePrefix(user.trimmed().toLower());
        // The application's writes say who in their change set; another
        // tool's entries carry the role the trigger saw.
        parts << QStringLiteral(
            "(c.change_set_id IN (SELECT us.id FROM change_set us WHERE lower(us.os_user) LIKE ? ESCAPE '!' "
            "OR lower(us.db_user) LIKE ? ESCAPE '!') "
            "OR (c.change_set_id IS NULL AND lower(c.db_user) LIKE ? ESCAPE '!'))");
        *binds << pattern << pattern << pattern;
    }
    // Times are UTC text that sorts as time; the user's days are local.
    if (from.isValid()) {
        parts << QStringLiteral("c.at >= ?");
        *binds << dayStart(from);
    }
    if (to.isValid()) {
        parts << QStringLiteral("c.at < ?");
        *binds << dayStart(to.addDays(1));
    }
    QStringList wrapped;
    for (const QString &p : std::as_const(parts))
        wrapped << QLatin1Char('(') + p + QLatin1Char(')');
    return wrapped.join(QLatin1String(" AND "));
}

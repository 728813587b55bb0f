#include "store/DriverErrorMapper.h"

#include "db/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

StoreResult DriverErrorMapper::failure(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    return failure(error.databaseText() + QLatin1Char(' ') + error.driverText(), error.nativeErrorCode(),
                   error.text());
}

StoreResult DriverErrorMapper::failure(const QString &text, const QString &code, const QString &details)
{
    // Constraint names carry the column (employee_email_normalized_key,
    // idx_employee_phone, team_name_key, employee_profile_employee_id_key).
    if (SqlDialect::isUniqueViolation(text, code)) {
        if (text.contains(QLatin1String("email")))
            return StoreResult::failure(QStringLiteral("email"),
                                        tr("Another employee already uses this email address."));
        if (text.contains(QLatin1String("phone")))
            return StoreResult::failure(QStringLiteral("phone"),
                                        tr("Another employee already uses this phone number."));
        if (text.contains(QLatin1String("team")))
            return StoreResult::failure(QStringLiteral("name"), tr("A team with this name already exists."));
        if (text.contains(QLatin1String("employee_id")))
            return StoreResult::failure(QString(), tr("This employee already has a profile."));
    }
    if (SqlDialect::isForeignKeyViolation(text, code))
        return StoreResult::failure(QStringLiteral("team"), tr("The chosen team does not exist."));
    // SQLite: "database is locked"; PostgreSQL: lock_not_available (55P03) after lock_timeout.
    if (text.contains(QLatin1String("locked"), Qt::CaseInsensitive) || code == QLatin1String("55P03")
        || text.contains(QLatin1String("lock timeout"), Qt::CaseInsensitive))
        return StoreResult::failure(QString(), tr("The database is locked by another program; nothing was saved. "
                                                  "Try again in a moment."));
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive))
        return StoreResult::failure(QString(), tr("The database is read-only; nothing was saved."));
    return StoreResult::failure(QString(), tr("Database error; nothing was saved: %1").arg(details));
}

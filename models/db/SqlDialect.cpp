#include "db/SqlDialect.h"

#include <QSqlDriver>

SqlDialect::SqlDialect(const QSqlDatabase &db)
    : m_postgres(db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL)
{
}

QString SqlDialect::primaryKey() const
{
    return m_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
}

QString SqlDialect::blobType() const
{
    return m_postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
}

// SQLite reports extended result codes as nativeErrorCode (2067 UNIQUE,
// 1555 PRIMARY KEY, 787 FOREIGN KEY); PostgreSQL reports SQLSTATE.
bool SqlDialect::isUniqueViolation(const QString &driverText, const QString &nativeCode)
{
    return nativeCode == QLatin1String("23505") || nativeCode == QLatin1String("2067")
        || nativeCode == QLatin1String("1555") || driverText.contains(QLatin1String("UNIQUE constraint"));
}

bool SqlDialect::isForeignKeyViolation(const QString &driverText, const QString &nativeCode)
{
    return nativeCode == QLatin1String("23503") || nativeCode == QLatin1String("787")
        || driverText.contains(QLatin1String("FOREIGN KEY constraint"));
}

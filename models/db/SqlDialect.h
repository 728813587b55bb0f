#pragma once

#include <QSqlDatabase>
#include <QString>

// The few places where SQLite and PostgreSQL spell things differently.
class SqlDialect
{
public:
    explicit SqlDialect(const QSqlDatabase &db);

    bool isPostgres() const { return m_postgres; }
    QString primaryKey() const;      // "INTEGER PRIMARY KEY" / "BIGSERIAL PRIMARY KEY"
    QString blobType() const;        // "BLOB" / "BYTEA"

    // True when the error is a unique / foreign key violation, and the
    // constraint or column text it names (for mapping to a field).
    static bool isUniqueViolation(const QString &driverText, const QString &nativeCode);
    static bool isForeignKeyViolation(const QString &driverText, const QString &nativeCode);

private:
    bool m_postgres = false;
};

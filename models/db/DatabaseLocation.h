#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

// Where the records live: an SQLite file (the embedded default) or a
// PostgreSQL server given as postgresql://user:password@host:port/dbname.
class DatabaseLocation
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)
public:
    enum class Kind { Sqlite, Postgres };

    static DatabaseLocation sqlite(const QString &path);
    // nullopt with *error set when the URL is not a postgresql:// URL, or
    // names a parameter libpq would not take from it.
    static std::optional<DatabaseLocation> fromUrl(const QString &url, QString *error);
    // A server named in pg_service.conf (PGSERVICEFILE, ~/.pg_service.conf):
    // libpq reads host, port, database, user and TLS from there, as for
    // `psql service=NAME`. nullopt with *error when NAME is not a plain name.
    static std::optional<DatabaseLocation> fromService(const QString &name, QString *error);
    // A server given field by field (the Connect to Server dialog). `options`
    // as connectOptions(); the password stays in memory only.
    static DatabaseLocation server(const QString &host, int port, const QString &databaseName, const QString &userName,
                                   const QString &password, const QString &options);
    // QStandardPaths::AppDataLocation/employees.sqlite (directory not created here).
    static QString defaultSqlitePath();

    Kind kind() const { return m_kind; }
    QString sqlitePath() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString databaseName() const { return m_dbName; }
    QString userName() const { return m_user; }
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }
    // The pg_service.conf entry, "" when the location is not a service.
    QString serviceName() const { return m_service; }
    // libpq parameters from the URL's query (?sslmode=verify-full&sslrootcert=/path/ca.pem),
    // as QSqlDatabase::setConnectOptions() takes them ("sslmode=verify-full;sslrootcert=…").
    QString connectOptions() const { return m_options; }

    // For the title and status bar: the file path, or user@host:port/db (never the password).
    QString displayName() const;
    // postgresql://user@host:port/db?options, never with the password: what
    // the recent servers list keeps and --database-url takes back.
    QString urlWithoutPassword() const;
    // Equal servers (kind, service, host, port, database, user, options), whatever the password.
    bool isSameServer(const DatabaseLocation &other) const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_dbName;
    QString m_user;
    QString m_password;
    QString m_options;
    QString m_service;
};

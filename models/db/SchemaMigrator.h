#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>

// Versioned forward migrations, recorded in `schema_migrations`. All pending
// steps run in one transaction; a database whose version is newer than this
// build knows is refused and left untouched.
class SchemaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(SchemaMigrator)
public:
    static int latestVersion();
    // -1 when it cannot be read; 0 for an empty database.
    static int currentVersion(const QSqlDatabase &db, QString *error = nullptr);
    // Brings the schema up to date. Runs once when several clients open an
    // old database together: the steps run under an exclusive lock, after the
    // version is read again.
    static bool migrate(QSqlDatabase &db, QString *error);

private:
    // False (with *error) for an unreadable version or one newer than this build.
    static bool checkVersion(int current, QString *error);
};

#include "db/SchemaMigrator.h"

#include "db/ArchiveSchema.h"
#include "db/DeletionGuardSchema.h"
#include "db/HistorySchema.h"
#include "db/SqlDialect.h"
#include "domain/Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <functional>

namespace {

// A migration is a list of statements; `%PK%`, `%BLOB%` and `%ID%` are
// replaced by the dialect's spelling. Steps are append-only: never edit a
// step that has shipped, add a new one.
using Step = std::function<QStringList(const SqlDialect &)>;

QStringList initialSchema(const SqlDialect &)
{
    return {
        QStringLiteral("CREATE TABLE team ("
                       " id %PK%,"
                       " name TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE employee ("
                       " id %PK%,"
                       " first_name TEXT NOT NULL CHECK (length(first_name) > 0),"
                       " last_name TEXT NOT NULL CHECK (length(last_name) > 0),"
                       " email TEXT NOT NULL,"
                       " email_normalized TEXT NOT NULL,"
                       " phone TEXT,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1)"),
        // Email is stored as typed and unique on its case-folded form.
        QStringLiteral("CREATE UNIQUE INDEX employee_email_unique ON employee (email_normalized)"),
        // NULL phones are distinct on both backends: unique only when present.
        QStringLiteral("CREATE UNIQUE INDEX employee_phone_unique ON employee (phone)"),
        QStringLiteral("CREATE INDEX employee_last_name_idx ON employee (last_name, first_name)"),
        QStringLiteral("CREATE INDEX employee_first_name_idx ON employee (first_name, last_name)"),
        QStringLiteral("CREATE TABLE employee_profile ("
                       " id %PK%,"
                       " employee_id %ID% NOT NULL UNIQUE REFERENCES employee (id) ON DELETE CASCADE,"
                       " date_of_birth TEXT,"
                       " team_id %ID% REFERENCES team (id),"
                       " address TEXT,"
                       " gender TEXT CHECK (gender IN ('female', 'male', 'other')),"
                       " bio TEXT,"
                       " photo %BLOB%,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX employee_profile_team_idx ON employee_profile (team_id)"),
        QStringLiteral("INSERT INTO team (name) VALUES ('Product'), ('Engineering'), ('Marketing')"),
    };
}

// Step 2 (issue #5, windowed views over a million rows): every sortable
// column of the Employees and Profiles views is read along an index, and the
// search-as-you-type prefixes are index ranges. Names sort and match
// case-insensitively, so the plain name indexes of step 1 are replaced by
// lower() ones (with the id that breaks ties, which PostgreSQL needs spelt
// out); the team index gets the id too so "team = X ordered by id" is a scan.
QStringList windowedViewIndexes(const SqlDialect &)
{
    return {
        QStringLiteral("DROP INDEX employee_last_name_idx"),
        QStringLiteral("DROP INDEX employee_first_name_idx"),
        QStringLiteral("CREATE INDEX employee_last_name_ci_idx ON employee (lower(last_name), lower(first_name), id)"),
        QStringLiteral("CREATE INDEX employee_first_name_ci_idx ON employee (lower(first_name), lower(last_name), id)"),
        QStringLiteral("DROP INDEX employee_profile_team_idx"),
        QStringLiteral("CREATE INDEX employee_profile_team_idx ON employee_profile (team_id, id)"),
        QStringLiteral("CREATE INDEX employee_profile_dob_idx ON employee_profile (date_of_birth, id)"),
        QStringLiteral("CREATE INDEX employee_profile_gender_idx ON employee_profile (gender, id)"),
        QStringLiteral("CREATE INDEX employee_profile_address_idx ON employee_profile (lower(address), id)"),
    };
}

// Step 3 (issue 11, live refresh): on PostgreSQL every statement that
// changes employees, profiles or teams notifies the channel
// ExternalChangeWatcher listens on, whoever runs it (another client, psql).
// Statement-level, with the table and the writer's backend pid as the
// payload (a client ignores its own): PostgreSQL folds identical
// notifications of one transaction into one, so an import of a million rows
// sends a handful, not a million. SQLite needs nothing: its clients poll
// PRAGMA data_version.
QStringList changeNotifications(const SqlDialect &dialect)
{
    if (!dialect.isPostgres())
        return {};
    QStringList statements{
        QStringLiteral("CREATE FUNCTION employee_records_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       "BEGIN PERFORM pg_notify('employee_records_changed', TG_TABLE_NAME || ' ' || pg_backend_pid()); "
                       "RETURN NULL; END $$"),
    };
    for (const char *table : {"employee", "employee_profile", "team"}) {
        statements << QStringLiteral("CREATE TRIGGER %1_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %1 "
                                     "FOR EACH STATEMENT EXECUTE FUNCTION employee_records_notify()")
                          .arg(QLatin1String(table));
    }
    return statements;
}

// Step 4 (issue 11, a million employees on PostgreSQL): the name and
// address sort indexes carry the columns themselves, so that finding the
// keys of row N (a jump, the background anchors, a count) is an index-only
// scan. PostgreSQL reads the table for an expression index otherwise
// (measured at 1M: the keys at OFFSET 400k took 814 ms, with INCLUDE 72 ms).
// SQLite answers from the index already.
QStringList coveringSortIndexes(const SqlDialect &dialect)
{
    if (!dialect.isPostgres())
        return {};
    return {
        QStringLiteral("DROP INDEX employee_last_name_ci_idx"),
        QStringLiteral("CREATE INDEX employee_last_name_ci_idx ON employee (lower(last_name), lower(first_name), id) "
                       "INCLUDE (last_name, first_name)"),
        QStringLiteral("DROP INDEX employee_first_name_ci_idx"),
        QStringLiteral("CREATE INDEX employee_first_name_ci_idx ON employee (lower(first_name), lower(last_name), id) "
                       "INCLUDE (first_name, last_name)"),
        QStringLiteral("DROP INDEX employee_profile_address_idx"),
        QStringLiteral("CREATE INDEX employee_profile_address_idx ON employee_profile (lower(address), id) "
                       "INCLUDE (address)"),
    };
}

const QList<Step> &steps()
{
    static const QList<Step> all = {
        initialSchema,
        windowedViewIndexes,
        changeNotifications,
        coveringSortIndexes,
        HistorySchema::statements,   // step 5 (issue 12): the change history
        ArchiveSchema::statements,   // step 6 (issue 12): archived employees
        DeletionGuardSchema::statements,   // step 7 (issue 12): deleting for good is the administrator's
    };
    return all;
}

QString expand(QString sql, const SqlDialect &dialect)
{
    return sql.replace(QLatin1String("%PK%"), dialect.primaryKey())
        .replace(QLatin1String("%BLOB%"), dialect.blobType())
        .replace(QLatin1String("%ID%"), dialect.isPostgres() ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER"));
}

} // namespace

int SchemaMigrator::latestVersion()
{
    return int(steps().size());
}

int SchemaMigrator::currentVersion(const QSqlDatabase &db, QString *error)
{
    // One read of the table list: two could straddle another client's
    // upgrade committing, and an empty file would look like a foreign one.
    const QStringList tables = db.tables(QSql::Tables);
    if (!tables.contains(QStringLiteral("schema_migrations"), Qt::CaseInsensitive)) {
        if (!tables.isEmpty()) {
            if (error)
                *error = tr("This database was not created by Employee Records (it has other tables and no "
                            "schema version). It was not modified.");
            return -1;
        }
        return 0;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !q.next()) {
        if (error)
            *error = tr("Cannot read the schema version: %1").arg(q.lastError().text());
        return -1;
    }
    return q.value(0).toInt();
}

namespace {

// Two clients opening an old database at the same moment must not both run
// the upgrade: the first takes the lock (SQLite: the write lock, up front;
// PostgreSQL: a transaction-scoped advisory lock), the second waits for it
// and then finds the schema current.
bool beginExclusive(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    constexpr qint64 MigrationLockKey = 0x4552'4d49'4752;   // "ERMIGR"
    QSqlQuery q(db);
    if (!dialect.isPostgres()) {
        if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return true;
    } else if (db.transaction()) {
        q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        q.addBindValue(MigrationLockKey);
        if (q.exec())
            return true;
        db.rollback();
    }
    *error = SchemaMigrator::tr("Cannot start the schema upgrade: %1")
                 .arg(q.lastError().isValid() ? q.lastError().text() : db.lastError().text());
    return false;
}

} // namespace

bool SchemaMigrator::checkVersion(int current, QString *error)
{
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        *error = tr("This database was written by a newer version of Employee Records (schema version %1; this "
                    "version knows up to %2). It was not modified; please update the application.")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    return true;
}

bool SchemaMigrator::migrate(QSqlDatabase &db, QString *error)
{
    int current = currentVersion(db, error);
    if (!checkVersion(current, error))
        return false;
    if (current == latestVersion())
        return true;

    const SqlDialect dialect(db);
    if (!beginExclusive(db, dialect, error))
        return false;
    // Read again under the lock: another client may have upgraded meanwhile.
    current = currentVersion(db, error);
    if (!checkVersion(current, error) || current == latestVersion()) {
        db.rollback();
        return current == latestVersion();
    }
    QSqlQuery q(db);
    QStringList statements;
    if (current == 0)
        statements << QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (int version = current + 1; version <= latestVersion(); ++version) {
        statements << steps().at(version - 1)(dialect);
        statements << QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (%1, '%2')")
                          .arg(version)
                          .arg(Timestamp::now());
    }
    for (const QString &statement : std::as_const(statements)) {
        if (!q.exec(expand(statement, dialect))) {
            *error = tr("The schema upgrade from version %1 failed and was undone: %2")
                         .arg(current)
                         .arg(q.lastError().text());
            // A role that may work with the data but not change the schema.
            if (q.lastError().nativeErrorCode() == QLatin1String("42501"))
                *error += QLatin1Char('\n')
                    + tr("Your database role may not upgrade the schema. Ask an administrator (role %1) to open "
                         "the database once with this version of Employee Records.")
                          .arg(QStringLiteral("employee_records_admin"));
            q.finish();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = tr("The schema upgrade could not be saved: %1").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

#include "db/ArchiveSchema.h"

#include "db/HistorySchema.h"
#include "db/SqlDialect.h"

// An archived employee (one who left) moves, with its profile, to tables of
// their own, keeping its id: the Employees and Profiles views, their counts
// and their indexes over a million rows stay exactly what they were, and
// restoring moves the rows back. Archived employees keep their email and
// phone: a new or changed employee may not take them (a re-hire is a
// restore), which the database enforces with a trigger, since a unique index
// cannot span two tables. SQLite would hand an archived employee's id to
// the next new row (it takes the largest id + 1), so the store gives new rows
// ids above both tables' (another tool's INSERT without an id may still take
// one; restoring that employee then fails on the id, with a message).
//
// The history: archiving and restoring are entries of their own; the
// DELETE of the employee row that archiving does is not a deletion.
namespace {

const char *const Tables[] = {
    "CREATE TABLE archived_employee ("
    " id %ID% PRIMARY KEY,"
    " first_name TEXT NOT NULL,"
    " last_name TEXT NOT NULL,"
    " email TEXT NOT NULL,"
    " email_normalized TEXT NOT NULL,"
    " phone TEXT,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " version INTEGER NOT NULL,"
    " created_change_set %ID%,"
    " left_on TEXT NOT NULL,"
    " archive_reason TEXT,"
    " archived_at TEXT NOT NULL)",
    "CREATE UNIQUE INDEX archived_employee_email_unique ON archived_employee (email_normalized)",
    "CREATE UNIQUE INDEX archived_employee_phone_unique ON archived_employee (phone)",
    "CREATE INDEX archived_employee_name_idx ON archived_employee (lower(last_name), lower(first_name), id)",
    "CREATE TABLE archived_profile ("
    " id %PK%,"
    " employee_id %ID% NOT NULL UNIQUE REFERENCES archived_employee (id) ON DELETE CASCADE,"
    " date_of_birth TEXT,"
    " team_id %ID% REFERENCES team (id),"
    " address TEXT,"
    " gender TEXT,"
    " bio TEXT,"
    " photo %BLOB%,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " version INTEGER NOT NULL)",
    "CREATE INDEX archived_profile_team_idx ON archived_profile (team_id)",
};

// An entry on the employee `employeeId`: the history's own spelling.
QString entry(const SqlDialect &d, const char *action, const QString &employeeId, const QString &field,
              const QString &newValue)
{
    return HistorySchema::entry(d, "employee", action, employeeId, QStringLiteral("NULL"), field,
                                QStringLiteral("NULL"), newValue);
}

// The same entry as an INSERT ... SELECT, for a WHERE to follow.
QString entrySelect(const SqlDialect &d, const char *action, const QString &employeeId)
{
    QString sql = entry(d, action, employeeId, QStringLiteral("NULL"), QStringLiteral("NULL"));
    sql.replace(QStringLiteral(") VALUES ("), QStringLiteral(") SELECT "));
    sql.chop(1); // the VALUES list's ')'
    return sql;
}

// Another archived employee has the email or phone (the same id is the
// employee being restored).
const char *const TakenCondition = "EXISTS (SELECT 1 FROM archived_employee a WHERE a.id <> NEW.id AND "
                                   "(a.email_normalized = NEW.email_normalized "
                                   "OR a.phone = NEW.phone))";

QStringList sqlite(const SqlDialect &d)
{
    return {
        // Uniqueness across both tables, in one trigger with step 5's record
        // of another tool's insert: each row trigger an import's row fires
        // costs (measured on 300k bare inserts: two triggers +1.5 us a row,
        // one +0.75 us). An AFTER trigger's RAISE undoes the statement too.
        QStringLiteral("DROP TRIGGER employee_history_insert"),
        QStringLiteral("CREATE TRIGGER employee_history_insert AFTER INSERT ON employee "
                       "WHEN NEW.created_change_set IS NULL OR ")
            + QLatin1String(TakenCondition)
            + QStringLiteral(
                " BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: an archived employee has this "
                "email or phone') WHERE ")
            + QLatin1String(TakenCondition) + QStringLiteral("; ")
            + entrySelect(d, "created", QStringLiteral("NEW.id"))
            + QStringLiteral(" WHERE NEW.created_change_set IS NULL; END"),
        QStringLiteral(
            "CREATE TRIGGER employee_archived_update BEFORE UPDATE OF email_normalized, phone ON employee "
            "WHEN ")
            + QLatin1String(TakenCondition)
            + QStringLiteral(
                " BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: an archived employee has this "
                "email or phone'); END"),
        // Archiving deletes the employee row after copying it: not a deletion.
        QStringLiteral("DROP TRIGGER employee_history_delete"),
        QStringLiteral("CREATE TRIGGER employee_history_delete AFTER DELETE ON employee "
                       "WHEN NOT EXISTS (SELECT 1 FROM archived_employee WHERE id = OLD.id) BEGIN ")
            + entry(d, "deleted", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; END"),
        QStringLiteral("CREATE TRIGGER archived_history_insert AFTER INSERT ON archived_employee BEGIN ")
            + entry(d, "archived", QStringLiteral("NEW.id"), QStringLiteral("'left_on'"),
                    QStringLiteral("NEW.left_on"))
            + QStringLiteral("; END"),
        QStringLiteral("CREATE TRIGGER archived_history_restore AFTER DELETE ON archived_employee "
                       "WHEN EXISTS (SELECT 1 FROM employee WHERE id = OLD.id) BEGIN ")
            + entry(d, "restored", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; END"),
        QStringLiteral("CREATE TRIGGER archived_history_delete AFTER DELETE ON archived_employee "
                       "WHEN NOT EXISTS (SELECT 1 FROM employee WHERE id = OLD.id) BEGIN ")
            + entry(d, "deleted", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; END"),
    };
}

// PostgreSQL: the uniqueness check runs once per statement over its rows
// (a transition table), not once per imported row.
QStringList postgres(const SqlDialect &d)
{
    const QString raise = QStringLiteral(
        "RAISE EXCEPTION 'an archived employee has this email or phone' USING ERRCODE = 'unique_violation'");
    QStringList out{
        QStringLiteral(
            "CREATE FUNCTION employee_archived_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF EXISTS (SELECT 1 FROM changed n JOIN archived_employee a ON a.id <> n.id AND "
            "(a.email_normalized = n.email_normalized OR a.phone = n.phone)) THEN ")
            + raise + QStringLiteral("; END IF; RETURN NULL; END $$"),
        QStringLiteral(
            "CREATE TRIGGER employee_archived_insert AFTER INSERT ON employee REFERENCING NEW TABLE AS "
            "changed FOR EACH STATEMENT EXECUTE FUNCTION employee_archived_check()"),
        QStringLiteral(
            "CREATE TRIGGER employee_archived_update AFTER UPDATE ON employee REFERENCING NEW TABLE AS "
            "changed FOR EACH STATEMENT EXECUTE FUNCTION employee_archived_check()"),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION employee_history_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF NOT EXISTS (SELECT 1 FROM archived_employee WHERE id = OLD.id) THEN ")
            + entry(d, "deleted", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; END IF; RETURN NULL; END $$"),
        QStringLiteral(
            "CREATE FUNCTION archived_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ")
            + entry(d, "archived", QStringLiteral("NEW.id"), QStringLiteral("'left_on'"),
                    QStringLiteral("NEW.left_on"))
            + QStringLiteral("; RETURN NULL; END $$"),
        QStringLiteral(
            "CREATE FUNCTION archived_history_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF EXISTS (SELECT 1 FROM employee WHERE id = OLD.id) THEN ")
            + entry(d, "restored", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; ELSE ")
            + entry(d, "deleted", QStringLiteral("OLD.id"), QStringLiteral("NULL"), QStringLiteral("NULL"))
            + QStringLiteral("; END IF; RETURN NULL; END $$"),
        QStringLiteral(
            "CREATE TRIGGER archived_history_insert AFTER INSERT ON archived_employee FOR EACH ROW "
            "EXECUTE FUNCTION archived_history_insert()"),
        QStringLiteral(
            "CREATE TRIGGER archived_history_delete AFTER DELETE ON archived_employee FOR EACH ROW "
            "EXECUTE FUNCTION archived_history_delete()"),
    };
    return out;
}

} // namespace

QStringList ArchiveSchema::statements(const SqlDialect &dialect)
{
    QStringList out;
    for (const char *sql : Tables)
        out << QString::fromLatin1(sql);
    out << (dialect.isPostgres() ? postgres(dialect) : sqlite(dialect));
    return out;
}

#include "db/ServerRoles.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
// Our own fixed names, never user text.
QStringList setUpStatements()
{
    const QString reader = QString::fromLatin1(ServerRoles::Reader);
    const QString editor = QString::fromLatin1(ServerRoles::Editor);
    const QString admin = QString::fromLatin1(ServerRoles::Admin);
    QStringList statements;
    for (const QString &role : {reader, editor, admin}) {
        // Roles are the cluster's, shared by its databases: another one may be
        // creating the same role right now.
        statements << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                                     "CREATE ROLE %1 NOLOGIN; END IF; "
                                     "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
                          .arg(role);
    }
    statements << QStringLiteral("GRANT %1 TO %2").arg(reader, editor)
               << QStringLiteral("GRANT %1 TO %2").arg(editor, admin)
               << QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(reader)
               << QStringLiteral("GRANT SELECT ON employee, employee_profile, team, schema_migrations, change_set, "
                                 "change_entry, archived_employee, archived_profile TO %1")
                      .arg(reader)
               // The history is written by the editors' own writes (triggers) and never rewritten.
               << QStringLiteral("GRANT INSERT, UPDATE ON change_set TO %1").arg(editor)
               << QStringLiteral("GRANT INSERT ON change_entry TO %1").arg(editor)
               << QStringLiteral("GRANT USAGE, SELECT ON SEQUENCE change_set_id_seq, change_entry_id_seq, "
                                 "archived_profile_id_seq TO %1")
                      .arg(editor)
               << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON employee, employee_profile, archived_employee, "
                                 "archived_profile TO %1")
                      .arg(editor)
               << QStringLiteral("GRANT USAGE, SELECT ON SEQUENCE employee_id_seq, employee_profile_id_seq TO %1")
                      .arg(editor)
               << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON team TO %1").arg(admin)
               << QStringLiteral("GRANT USAGE, SELECT ON SEQUENCE team_id_seq TO %1").arg(admin)
               // Upgrades alter the tables: the admin role owns them (and may create in the schema).
               << QStringLiteral("GRANT CREATE ON SCHEMA public TO %1").arg(admin);
    for (const char *table : {"employee", "employee_profile", "team", "schema_migrations", "change_set", "change_entry",
                              "archived_employee", "archived_profile"})
        statements << QStringLiteral("ALTER TABLE %1 OWNER TO %2").arg(QLatin1String(table), admin);
    for (const char *function : {"employee_records_notify", "employee_records_change_set", "employee_records_now",
                                 "employee_history_insert", "employee_history_update", "employee_history_delete",
                                 "profile_history_update", "team_history_insert", "team_history_update",
                                 "team_history_delete", "employee_archived_check", "archived_history_insert",
                                 "archived_history_delete", "employee_records_is_admin", "employee_delete_guard",
                                 "archived_delete_guard"})
        statements << QStringLiteral("ALTER FUNCTION %1() OWNER TO %2").arg(QLatin1String(function), admin);
    return statements;
}
}

bool ServerRoles::setUp(const QSqlDatabase &db, QString *error)
{
    if (!db.driverName().startsWith(QLatin1String("QPSQL"))) {
        *error = tr("Roles are a PostgreSQL server's; an SQLite file is protected by its file permissions.");
        return false;
    }
    QSqlDatabase connection = db;
    if (!connection.transaction()) {
        *error = connection.lastError().text();
        return false;
    }
    QSqlQuery q(connection);
    for (const QString &statement : setUpStatements()) {
        if (!q.exec(statement)) {
            *error = tr("Setting up the roles failed and was undone: %1").arg(q.lastError().text());
            q.finish();
            connection.rollback();
            return false;
        }
    }
    if (!connection.commit()) {
        *error = connection.lastError().text();
        return false;
    }
    return true;
}

ServerRoles::Privileges ServerRoles::privileges(const QSqlDatabase &db)
{
    Privileges privileges;
    if (!db.driverName().startsWith(QLatin1String("QPSQL")))
        return privileges;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT has_table_privilege('employee', 'INSERT')"
                               " AND has_table_privilege('employee', 'UPDATE')"
                               " AND has_table_privilege('employee', 'DELETE')"
                               " AND has_table_privilege('employee_profile', 'INSERT')"
                               " AND has_table_privilege('employee_profile', 'UPDATE'),"
                               " has_table_privilege('team', 'INSERT') AND has_table_privilege('team', 'UPDATE')"
                               " AND has_table_privilege('team', 'DELETE'),"
                               " has_table_privilege('archived_employee', 'DELETE')"
                               " AND has_table_privilege('change_entry', 'UPDATE')"))
        || !q.next()) {
        // Cannot tell: let the server refuse each write with its own message.
        return privileges;
    }
    privileges.editEmployees = q.value(0).toBool();
    privileges.editTeams = q.value(1).toBool();
    privileges.purgeArchived = q.value(2).toBool();
    // Schema step 7's rule (DeletionGuardSchema); an older schema has no such rule.
    QSqlQuery admin(db);
    if (admin.exec(QStringLiteral("SELECT to_regprocedure('employee_records_is_admin()') IS NOT NULL")) && admin.next()
        && admin.value(0).toBool() && admin.exec(QStringLiteral("SELECT employee_records_is_admin()")) && admin.next())
        privileges.deleteForGood = privileges.editEmployees && admin.value(0).toBool();
    else
        privileges.deleteForGood = privileges.editEmployees;
    // Purging erases from the archive: schema step 7 keeps that to the administrators too.
    privileges.purgeArchived = privileges.purgeArchived && privileges.deleteForGood;
    return privileges;
}

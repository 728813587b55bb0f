#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// Roles that the PostgreSQL server enforces, so that daily work never needs
// the tables' owner or a superuser:
//   employee_records_reader  reads everything;
//   employee_records_editor  also adds, edits and deletes employees and
//                            their profiles (teams stay read-only);
//   employee_records_admin   also manages teams, deletes employees for
//                            good (editors archive; schema step 7) and owns
//                            the schema, so it may run the schema upgrades.
// They are group roles (NOLOGIN); a DBA adds a person with
//   CREATE ROLE anna LOGIN PASSWORD '…' IN ROLE employee_records_editor;
// SQLite has no roles: what a file allows is what the file system allows.
class ServerRoles
{
    Q_DECLARE_TR_FUNCTIONS(ServerRoles)
public:
    static constexpr const char *Reader = "employee_records_reader";
    static constexpr const char *Editor = "employee_records_editor";
    static constexpr const char *Admin = "employee_records_admin";

    // What the connected user may do, as the server answers it.
    struct Privileges
    {
        bool editEmployees = true;   // insert, update and delete employees and profiles
        bool editTeams = true;
        // delete employees and archived employees for good, purge: the
        // administrator's where the roles are set up (schema step 7)
        bool deleteForGood = true;
        // Purging rewrites the history (its values go): only the tables'
        // owner (the admin role) may update change_entry.
        bool purgeArchived = true;
        bool readOnly() const { return !editEmployees; }
    };

    // Creates the three roles where missing and grants them (run it as the
    // tables' owner or a superuser, after the schema exists). Idempotent.
    static bool setUp(const QSqlDatabase &db, QString *error);
    static Privileges privileges(const QSqlDatabase &db);
};

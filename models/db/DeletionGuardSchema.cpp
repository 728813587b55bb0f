#include "db/DeletionGuardSchema.h"

#include "db/SqlDialect.h"

// Archive instead of delete: an editor archives and restores, and only an
// administrator (employee_records_admin, see ServerRoles) deletes an
// employee or an archived employee for good, or purges. The server enforces
// it, not the window: an editor's DELETE goes through only for
//   - an employee being archived (its copy is already in archived_employee),
//   - an archived employee being restored (it is back in employee),
//   - an employee the editor created themselves (the change set that
//     created it is their role's): undoing their own addition or import.
// Editors need DELETE on the tables for the first two, so a grant cannot
// tell these apart; a statement-level trigger over the deleted rows can, at
// one check per statement (an undone import of a million rows is one).
// Without the roles (a server used by its owner alone) nothing changes.
// SQLite has no roles: the step is empty there.
namespace {

const char *const IsAdmin =
    "CREATE FUNCTION employee_records_is_admin() RETURNS boolean LANGUAGE plpgsql STABLE AS $$ "
    "BEGIN "
    " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'employee_records_admin') THEN RETURN true; END IF; "
    " RETURN pg_has_role(session_user, 'employee_records_admin', 'MEMBER'); "
    "END $$";

const char *const EmployeeGuard =
    "CREATE FUNCTION employee_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    " IF NOT employee_records_is_admin() AND EXISTS ("
    "   SELECT 1 FROM employee_deleted_rows o"
    "   WHERE NOT EXISTS (SELECT 1 FROM archived_employee a WHERE a.id = o.id)"
    "     AND NOT EXISTS (SELECT 1 FROM change_set s WHERE s.id = o.created_change_set"
    "                     AND s.db_user = session_user)) THEN"
    "  RAISE EXCEPTION 'permission denied: only an administrator (employee_records_admin) may delete employees "
    "permanently; archive them instead' USING ERRCODE = 'insufficient_privilege';"
    " END IF;"
    " RETURN NULL; "
    "END $$";

const char *const ArchivedGuard =
    "CREATE FUNCTION archived_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    " IF NOT employee_records_is_admin() AND EXISTS ("
    "   SELECT 1 FROM archived_deleted_rows o WHERE NOT EXISTS (SELECT 1 FROM employee e WHERE e.id = o.id)) THEN"
    "  RAISE EXCEPTION 'permission denied: only an administrator (employee_records_admin) may delete archived "
    "employees permanently or purge them' USING ERRCODE = 'insufficient_privilege';"
    " END IF;"
    " RETURN NULL; "
    "END $$";

} // namespace

QStringList DeletionGuardSchema::statements(const SqlDialect &dialect)
{
    if (!dialect.isPostgres())
        return {};
    return {
        QString::fromLatin1(IsAdmin),
        QString::fromLatin1(EmployeeGuard),
        QStringLiteral("CREATE TRIGGER employee_delete_guard AFTER DELETE ON employee"
                       " REFERENCING OLD TABLE AS employee_deleted_rows FOR EACH STATEMENT"
                       " EXECUTE FUNCTION employee_delete_guard()"),
        QString::fromLatin1(ArchivedGuard),
        QStringLiteral("CREATE TRIGGER archived_delete_guard AFTER DELETE ON archived_employee"
                       " REFERENCING OLD TABLE AS archived_deleted_rows FOR EACH STATEMENT"
                       " EXECUTE FUNCTION archived_delete_guard()"),
        // Names resolve in the tables' schema and the catalog, the session's
        // temporary tables last: a TEMP TABLE pg_roles or archived_employee of
        // an editor's must not answer for the real ones.
        QStringLiteral("DO $$ DECLARE f text; BEGIN"
                       " FOREACH f IN ARRAY ARRAY['employee_records_is_admin()', 'employee_delete_guard()',"
                       " 'archived_delete_guard()'] LOOP"
                       " EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_catalog, pg_temp', f,"
                       " current_schema());"
                       " END LOOP; END $$"),
    };
}

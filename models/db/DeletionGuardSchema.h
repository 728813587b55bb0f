#pragma once

#include <QStringList>

class SqlDialect;

// Schema step 7 (issue 12): on a PostgreSQL server with the application's
// roles, deleting employees for good is the administrator's. See the .cpp.
namespace DeletionGuardSchema {
QStringList statements(const SqlDialect &dialect);
}

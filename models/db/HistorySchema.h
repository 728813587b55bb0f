#pragma once

#include <QStringList>

class SqlDialect;

// Schema step 5 (issue 12): the change history, kept by the database's own
// triggers on both backends (see the .cpp for the design).
namespace HistorySchema {
QStringList statements(const SqlDialect &dialect);
}

#pragma once

#include <QStringList>

class SqlDialect;

// Schema step 6 (issue 12): archived employees, who left. See the .cpp.
namespace ArchiveSchema {
QStringList statements(const SqlDialect &dialect);
}

#pragma once

#include <QStringList>

class SqlDialect;

// Schema step 5 (issue 12): the change history, kept by the database's own
// triggers on both backends (see the .cpp for the design).
namespace HistorySchema {
QStringList statements(const SqlDialect &dialect);
// One history entry as a trigger writes it (the open change set, the time,
// on PostgreSQL the role and application_name): an INSERT ... VALUES whose
// parts are SQL expressions (NEW.id, 'name', NULL), for later steps' triggers.
QString entry(const SqlDialect &dialect, const char *subject, const char *action, const QString &employeeId,
              const QString &teamId, const QString &field = QStringLiteral("NULL"),
              const QString &oldValue = QStringLiteral("NULL"),
              const QString &newValue = QStringLiteral("NULL"));
} // namespace HistorySchema

#pragma once

#include "domain/HistoryEntry.h"

#include <QCoreApplication>

// How a history entry reads, in the form's History tab, the window's History
// panel and `--history EMAIL`: who (and from where), a value (NULL is "(none)").
class HistoryFormat
{
    Q_DECLARE_TR_FUNCTIONS(HistoryFormat)
public:
    // "anna (window)", "anna (import of staff.csv)", "another tool (psql, role hr)".
    static QString who(const HistoryEntry &entry);
    // Who alone, for the History panel's own column: the OS user, with the
    // database role when it differs ("anna / hr"); another tool's role.
    static QString user(const HistoryEntry &entry);
    // From where alone: "window", "import of staff.csv", "command line",
    // "purge", "another tool (psql)".
    static QString origin(const HistoryEntry &entry);
    static QString value(const QVariant &value);
    // What happened: "field: old → new" (`field` as given: the panel passes
    // its label), "created", "deleted", "archived, left on …", "purged",
    // "exported (JSON)".
    static QString change(const HistoryEntry &entry, const QString &field);
    // change() with the column's name as the field.
    static QString what(const HistoryEntry &entry);
    // One line: ISO time, who, then what().
    static QString line(const HistoryEntry &entry);

private:
    static bool byAnotherTool(const HistoryEntry &entry)
    {
        return entry.changeSetId == 0 && entry.source.isEmpty();
    }
};

#pragma once

#include "domain/HistoryEntry.h"

#include <QCoreApplication>

// How a history entry reads, in the form's History tab and in
// `--history EMAIL`: who (and from where), a value (NULL is "(none)").
class HistoryFormat
{
    Q_DECLARE_TR_FUNCTIONS(HistoryFormat)
public:
    // "anna (window)", "anna (import of staff.csv)", "another tool (psql, role hr)".
    static QString who(const HistoryEntry &entry);
    static QString value(const QVariant &value);
    // What happened: "field: old → new", "created", "exported (JSON)", ...
    static QString what(const HistoryEntry &entry);
    // One line: ISO time, who, then what().
    static QString line(const HistoryEntry &entry);
};

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
    // One line: ISO time, who, then "field: old → new", "created" or "deleted".
    static QString line(const HistoryEntry &entry);
};

#pragma once

#include "views/SqlRowWindow.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// The search-as-you-type condition shared by the employee and profile views:
// every whitespace-separated word must be the start of the first name, the
// last name, the email or (digits) the phone of `alias` (an employee table
// alias). User text only ever reaches SQL as bound values; LIKE wildcards in
// it are escaped. On SQLite the words become index ranges on the case-folded
// columns (lower(first_name) >= ? AND < ?), which the expression indexes of
// the sort order serve; `scanFilter` is the same test spelt so the planner
// walks the sort index instead (cheaper when most rows match).
struct SearchCondition
{
    // The condition for `text` typed into the search field.
    static SearchCondition forEmployees(const QSqlDatabase &db, const QString &text, const QString &alias);

    QString filter;
    QString scanFilter;
    QString countFilter;   // "" or the same condition spelt for counting (PostgreSQL, several words)
    QVariantList binds;
    QList<SqlRowWindow::Spec::Stream> streams;   // SQLite: every word's alternatives
};

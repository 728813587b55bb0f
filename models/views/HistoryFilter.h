#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// What the History panel narrows the whole database's history to. Every
// part reaches SQL as bound values only (LIKE wildcards in the text are
// escaped), never as SQL text.
struct HistoryFilter
{
    // Words that each start the current first name, last name, email or
    // phone of the employee (as the views' search): current or archived
    // employees; the deleted and purged have no name left to match.
    QString person;
    // The start of who wrote it (case-insensitive): the OS user or the
    // database role of the application's change set, another tool's role.
    QString user;
    QDate from; // first day shown, local time; invalid: no lower bound
    QDate to;   // last day shown, inclusive; invalid: no upper bound

    bool isEmpty() const { return person.trimmed().isEmpty() && user.trimmed().isEmpty() && !from.isValid() && !to.isValid(); }
    bool operator==(const HistoryFilter &o) const
    {
        return person.simplified() == o.person.simplified() && user.trimmed() == o.user.trimmed()
            && from == o.from && to == o.to;
    }
    bool operator!=(const HistoryFilter &o) const { return !(*this == o); }

    // The condition on change_entry `c` with ? placeholders ("" when there
    // is none); its values are appended to *binds. It names no other table
    // of the FROM clause (only subqueries), so the windowed model can count
    // and skip rows on change_entry's primary key alone.
    QString condition(const QSqlDatabase &db, QVariantList *binds) const;
    // The UTC text a local day starts at, as change_entry.at is written.
    static QString dayStart(const QDate &day);
};

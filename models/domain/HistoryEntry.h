#pragma once

#include <QString>
#include <QVariant>

// One line of a record's history (db/HistorySchema): a field's change, a
// creation or a deletion, with who made it and from where.
struct HistoryEntry
{
    qint64 id = 0;            // change_entry id; 0 for a creation read from the row itself
    qint64 changeSetId = 0;   // the save or import it belongs to; 0: another tool
    QString at;               // ISO 8601, UTC
    QString osUser;           // the application's OS user; "" for another tool
    QString dbUser;           // PostgreSQL: the role that wrote it
    QString source;           // "window", "import", "command line"; "" for another tool
    QString detail;           // an import's file name
    QString client;           // PostgreSQL: another tool's application_name (psql)
    QString subject;          // "employee", "profile", "team"
    QString action;           // "created", "changed", "deleted"
    QString field;            // the column, for "changed"
    QVariant oldValue;        // NULL stays NULL
    QVariant newValue;
};

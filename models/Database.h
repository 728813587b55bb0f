#pragma once

#include "DatabaseLocation.h"

#include <QCoreApplication>
#include <QSqlDatabase>

// Opens a connection, configures it (SQLite: foreign keys, WAL, busy
// timeout), and brings the schema up to date in one transaction. Every way
// this can go wrong (locked, read-only, not a database, written by a newer
// version, server unreachable) ends in a sentence for the user, never in a
// crash or a silent change.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    struct OpenResult
    {
        QSqlDatabase db;   // valid and open when error is empty
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    static OpenResult open(const DatabaseLocation &location, const QString &connectionName);
    // Closes and unregisters the connection (all QSqlQuery objects on it must be gone).
    static void close(const QString &connectionName);
};

#pragma once

#include "db/DatabaseLocation.h"

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

    // Whether a missing SQLite file may be created. Only a new database
    // (the window's New Database, the first start on the default path, an
    // import) creates one; --check, --export or a mistyped --database
    // must not leave an empty database behind.
    enum class Missing { Create, Refuse };
    // How long a write waits for another program's write to finish.
    static constexpr int BusyTimeoutMs = 2000;

    // A new SQLite database is private: its folder is created 0700, the file
    // (and so SQLite's -wal/-shm/-journal, which take its mode) 0600 whatever
    // the umask; an existing one readable by others is tightened to 0600.
    static OpenResult open(const DatabaseLocation &location, const QString &connectionName,
                           Missing missing = Missing::Create);
    // A PostgreSQL connection opened and configured as open() does, with the
    // schema left as it is: what a connection test reads through.
    static OpenResult connectToServer(const DatabaseLocation &location, const QString &connectionName);
    // Closes and unregisters the connection (all QSqlQuery objects on it must be gone).
    static void close(const QString &connectionName);
};

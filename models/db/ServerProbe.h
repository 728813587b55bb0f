#pragma once

#include "db/DatabaseLocation.h"
#include "db/ServerConnectionInfo.h"

#include <QCoreApplication>
#include <QString>

// Tries a PostgreSQL server the way opening it would, and changes nothing:
// connects (libpq's own error text on failure), reads what the server says
// about the connection and the schema's version, disconnects. Blocking (up
// to the connect timeout): the dialog runs it on a worker thread, on a
// connection of that thread's own.
class ServerProbe
{
    Q_DECLARE_TR_FUNCTIONS(ServerProbe)
public:
    struct Result
    {
        QString error;   // empty when the server can be opened
        ServerConnectionInfo info;
        int schemaVersion = -1;
        bool ok() const { return error.isEmpty(); }
        // One sentence or two for the dialog: who, where, TLS, and the schema's state.
        QString summary() const;
    };

    static Result run(const DatabaseLocation &location);
};

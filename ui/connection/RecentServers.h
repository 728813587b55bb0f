#pragma once

#include "db/DatabaseLocation.h"

#include <QList>

// File > Recent Servers: the servers connected to last, newest first, kept in
// QSettings as URLs without a password (user@host:port/db?sslmode=…).
class RecentServers
{
public:
    static constexpr int MaxEntries = 8;

    static QList<DatabaseLocation> list();
    // Puts `server` first (once: the same server with another password is the same entry).
    static void add(const DatabaseLocation &server);
};

#include "connection/RecentServers.h"

#include <QSettings>

namespace {
const QString Key = QStringLiteral("connection/recentServers");
}

QList<DatabaseLocation> RecentServers::list()
{
    QList<DatabaseLocation> servers;
    for (const QString &url : QSettings().value(Key).toStringList()) {
        if (auto server = DatabaseLocation::fromUrl(url, nullptr); server && servers.size() < MaxEntries)
            servers << *server;
    }
    return servers;
}

void RecentServers::add(const DatabaseLocation &server)
{
    if (server.urlWithoutPassword().isEmpty())
        return;
    QStringList urls{server.urlWithoutPassword()};
    for (const DatabaseLocation &known : list()) {
        if (!known.isSameServer(server) && urls.size() < MaxEntries)
            urls << known.urlWithoutPassword();
    }
    QSettings().setValue(Key, urls);
}

#include "db/ServerProbe.h"

#include "db/Database.h"
#include "db/SchemaMigrator.h"

#include <QAtomicInt>

namespace {
QString uniqueConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("server-probe-%1").arg(counter.fetchAndAddRelaxed(1));
}
}

ServerProbe::Result ServerProbe::run(const DatabaseLocation &location)
{
    Result result;
    const QString name = uniqueConnectionName();
    {
        const Database::OpenResult opened = Database::connectToServer(location, name);
        if (!opened.ok())
            return Result{opened.error, {}, -1};
        if (const auto info = ServerConnectionInfo::read(opened.db))
            result.info = *info;
        QString error;
        result.schemaVersion = SchemaMigrator::currentVersion(opened.db, &error);
        if (result.schemaVersion > SchemaMigrator::latestVersion())
            result.error = tr("The database %1 was written by a newer version of Employee Records; update this "
                              "program first.")
                               .arg(result.info.database);
    }
    Database::close(name);
    return result;
}

QString ServerProbe::Result::summary() const
{
    if (!ok())
        return error;
    const QString connected = ServerProbe::tr("Connected to %1 as %2 (PostgreSQL %3), %4.")
                                  .arg(info.database, info.user, info.serverVersion, info.encryptionText());
    if (schemaVersion == 0)
        return connected + QLatin1Char(' ') + ServerProbe::tr("The database has no employee records yet: connecting sets it up.");
    if (schemaVersion < SchemaMigrator::latestVersion())
        return connected + QLatin1Char(' ')
            + ServerProbe::tr("Its records are kept in an older format: connecting upgrades it, which needs the admin role.");
    return connected;
}

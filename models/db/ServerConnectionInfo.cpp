#include "db/ServerConnectionInfo.h"

#include <QSqlDriver>
#include <QSqlQuery>

std::optional<ServerConnectionInfo> ServerConnectionInfo::read(const QSqlDatabase &db)
{
    if (!db.isOpen() || db.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return std::nullopt;
    QSqlQuery q(db);
    // pg_stat_ssl has a row for every backend; ssl is false on a plain connection.
    if (!q.exec(QStringLiteral("SELECT current_user, current_database(), current_setting('server_version'),"
                               " s.ssl, s.version FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()"))
        || !q.next())
        return std::nullopt;
    ServerConnectionInfo info;
    info.user = q.value(0).toString();
    info.database = q.value(1).toString();
    // "15.18 (Debian 15.18-0+deb12u1)": the version is the first word.
    info.serverVersion = q.value(2).toString().section(QLatin1Char(' '), 0, 0);
    info.encrypted = q.value(3).toBool();
    info.tlsVersion = q.value(4).toString();
    return info;
}

QString ServerConnectionInfo::encryptionText() const
{
    return encrypted ? tr("encrypted (%1)").arg(tlsVersion) : tr("not encrypted");
}

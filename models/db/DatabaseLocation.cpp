#include "db/DatabaseLocation.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.m_kind = Kind::Sqlite;
    location.m_path = path;
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::fromUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        || url.host().isEmpty()) {
        if (error)
            *error = tr("'%1' is not a PostgreSQL URL; expected postgresql://user:password@host:port/dbname")
                         .arg(url.toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    DatabaseLocation location;
    location.m_kind = Kind::Postgres;
    location.m_host = url.host();
    location.m_port = url.port(5432);
    location.m_user = url.userName(QUrl::FullyDecoded);
    location.m_password = url.password(QUrl::FullyDecoded);
    location.m_dbName = url.path(QUrl::FullyDecoded).mid(1);
    if (location.m_dbName.isEmpty())
        location.m_dbName = location.m_user.isEmpty() ? QStringLiteral("postgres") : location.m_user;
    return location;
}

QString DatabaseLocation::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("employees.sqlite"));
}

QString DatabaseLocation::displayName() const
{
    if (m_kind == Kind::Sqlite)
        return QDir::toNativeSeparators(m_path);
    QString who = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(who, m_host).arg(m_port).arg(m_dbName);
}

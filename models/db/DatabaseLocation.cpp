#include "db/DatabaseLocation.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.m_kind = Kind::Sqlite;
    location.m_path = path;
    return location;
}

namespace {
// The URL parameters passed on to libpq: TLS and the connection's manners.
// A value is one word (setConnectOptions() separates with ';', libpq with spaces).
bool readConnectOptions(const QUrlQuery &query, QString *options, QString *error)
{
    static const QStringList allowed = {QStringLiteral("sslmode"),          QStringLiteral("sslrootcert"),
                                        QStringLiteral("sslcert"),          QStringLiteral("sslkey"),
                                        QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
                                        QStringLiteral("application_name"), QStringLiteral("target_session_attrs")};
    QStringList parts;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(key)) {
            if (error)
                *error = DatabaseLocation::tr("'%1' is not a connection parameter Employee Records passes on (it takes "
                                              "%2).")
                             .arg(key, allowed.join(QStringLiteral(", ")));
            return false;
        }
        if (value.isEmpty() || value.contains(QLatin1Char(';')) || value.contains(QLatin1Char(' '))
            || value.contains(QLatin1Char('\''))) {
            if (error)
                *error = DatabaseLocation::tr("The value of '%1' must be one word without spaces, quotes or ';'.").arg(key);
            return false;
        }
        parts << key + QLatin1Char('=') + value;
    }
    *options = parts.join(QLatin1Char(';'));
    return true;
}
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
    if (!readConnectOptions(QUrlQuery(url), &location.m_options, error))
        return std::nullopt;
    if (location.m_dbName.isEmpty())
        location.m_dbName = location.m_user.isEmpty() ? QStringLiteral("postgres") : location.m_user;
    return location;
}

std::optional<DatabaseLocation> DatabaseLocation::fromService(const QString &name, QString *error)
{
    static const QRegularExpression plainName(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!plainName.match(name).hasMatch()) {
        if (error)
            *error = tr("'%1' is not a service name (letters, digits, '_', '.' and '-' only).").arg(name);
        return std::nullopt;
    }
    DatabaseLocation location;
    location.m_kind = Kind::Postgres;
    location.m_service = name;
    location.m_port = -1;
    location.m_options = QStringLiteral("service=") + name;
    return location;
}

DatabaseLocation DatabaseLocation::server(const QString &host, int port, const QString &databaseName,
                                          const QString &userName, const QString &password, const QString &options)
{
    DatabaseLocation location;
    location.m_kind = Kind::Postgres;
    location.m_host = host;
    location.m_port = port;
    location.m_dbName = databaseName;
    location.m_user = userName;
    location.m_password = password;
    location.m_options = options;
    return location;
}

QString DatabaseLocation::urlWithoutPassword() const
{
    if (m_kind == Kind::Sqlite || !m_service.isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    url.setPath(QLatin1Char('/') + m_dbName);
    QUrlQuery query;
    for (const QString &option : m_options.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        query.addQueryItem(option.section(QLatin1Char('='), 0, 0), option.section(QLatin1Char('='), 1));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool DatabaseLocation::isSameServer(const DatabaseLocation &other) const
{
    return m_kind == other.m_kind && m_path == other.m_path && m_service == other.m_service && m_host == other.m_host
        && m_port == other.m_port && m_dbName == other.m_dbName && m_user == other.m_user
        && m_options == other.m_options;
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
    if (!m_service.isEmpty())
        return tr("service %1").arg(m_service);
    QString who = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(who, m_host).arg(m_port).arg(m_dbName);
}

#include "db/Database.h"

#include "db/SchemaMigrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// SQLite's own words are technical; say what the user can do about it.
QString explainSqliteError(const QString &path, const QString &driverText)
{
    if (driverText.contains(QLatin1String("locked"), Qt::CaseInsensitive)
        || driverText.contains(QLatin1String("busy"), Qt::CaseInsensitive))
        return Database::tr("The database %1 is locked by another program. Close that program and try again.")
            .arg(path);
    if (driverText.contains(QLatin1String("readonly"), Qt::CaseInsensitive)
        || driverText.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return Database::tr("The database %1 is read-only. Check the file's permissions.").arg(path);
    if (driverText.contains(QLatin1String("not a database"), Qt::CaseInsensitive)
        || driverText.contains(QLatin1String("malformed"), Qt::CaseInsensitive)
        || driverText.contains(QLatin1String("corrupt"), Qt::CaseInsensitive))
        return Database::tr("The file %1 is not an Employee Records database or is damaged. It was not modified.")
            .arg(path);
    return Database::tr("Cannot use the database %1: %2").arg(path, driverText);
}

bool exec(QSqlDatabase &db, const QString &sql, QString *driverText)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *driverText = q.lastError().text();
    return false;
}

constexpr QFileDevice::Permissions OwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerOnlyFolder = OwnerReadWrite | QFileDevice::ExeOwner;

// Personal data: nobody but the owner reads the database or its WAL files.
// Permissions are tightened, never widened (a file that is 0400 stays so).
void makePrivate(const QString &path)
{
    for (const QString &file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
                                path + QStringLiteral("-journal")}) {
        if (!QFileInfo::exists(file))
            continue;
        const QFileDevice::Permissions current = QFile::permissions(file);
        const QFileDevice::Permissions tightened = current & OwnerReadWrite;
        if (current != tightened)
            QFile::setPermissions(file, tightened);
    }
}

// Creates the folders of a new database 0700 and the empty file 0600 before
// SQLite opens it, so no moment exists where it has the umask's mode.
QString createPrivateFile(const QString &path)
{
    const QFileInfo file(path);
    QDir dir(file.absolutePath());
    QStringList missing;
    for (QDir d = dir; !d.exists(); d.setPath(QFileInfo(d.absolutePath()).absolutePath()))
        missing.prepend(d.absolutePath());
    for (const QString &folder : std::as_const(missing)) {
        const bool created = QDir().mkdir(folder);
        if ((created && !QFile::setPermissions(folder, OwnerOnlyFolder)) || (!created && !QFileInfo(folder).isDir()))
            return Database::tr("Cannot create the folder %1.").arg(folder);
    }
    QFile create(path);
    if (create.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (!create.setPermissions(OwnerReadWrite))
            return Database::tr("Cannot create the database %1: %2").arg(path, create.errorString());
        return {};
    }
    // Another client created it in the meantime: open theirs.
    if (QFileInfo(path).isFile())
        return {};
    return Database::tr("Cannot create the database %1: %2").arg(path, create.errorString());
}

QString checkSqliteFile(const QString &path, Database::Missing missing)
{
    const QFileInfo file(path);
    if (file.exists()) {
        if (!file.isFile())
            return Database::tr("%1 is not a file.").arg(path);
        if (!file.isReadable())
            return Database::tr("The database %1 cannot be read. Check the file's permissions.").arg(path);
        if (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable())
            return Database::tr("The database %1 is read-only. Check the permissions of the file and its folder.")
                .arg(path);
        makePrivate(path);
        return {};
    }
    if (missing == Database::Missing::Refuse)
        return Database::tr("There is no such database: %1. Nothing was created.").arg(path);
    return createPrivateFile(path);
}

QString openSqlite(QSqlDatabase &db, const QString &path, Database::Missing missing)
{
    if (const QString problem = checkSqliteFile(path, missing); !problem.isEmpty())
        return problem;
    db.setDatabaseName(path);
    // Every write takes the lock up front (BEGIN IMMEDIATE) and waits this
    // long for another program's write to end, then says the database is
    // busy: short enough that the window never hangs without a word.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(Database::BusyTimeoutMs));
    if (!db.open())
        return explainSqliteError(path, db.lastError().text());
    QString driverText;
    // Reading the schema reads the header: a damaged or foreign file fails here.
    if (!exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &driverText)
        || !exec(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &driverText))
        return explainSqliteError(path, driverText);
    return {};
}

// Only once the file is known to be ours and current: switching to WAL
// rewrites the header, which a foreign or newer file must never see.
QString enableWal(QSqlDatabase &db, const QString &path)
{
    QString driverText;
    // A modest page cache for browsing (the views read a window of rows).
    // Measured at 1M employees: 64 MB of cache put the GUI at 104 MB
    // resident; 8 MB at 54 MB but the worst search keystroke near its
    // 100 ms budget; 16 MB in between (see README). Bulk imports raise it for
    // their transaction (EmployeeStore::beginBulk).
    if (!exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &driverText)
        || !exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &driverText)
        || !exec(db, QStringLiteral("PRAGMA cache_size = -16384"), &driverText)
        || !exec(db, QStringLiteral("PRAGMA temp_store = MEMORY"), &driverText))
        return explainSqliteError(path, driverText);
    return {};
}

// libpq's text says what failed; add what to do about the common cases.
QString explainConnectionError(const DatabaseLocation &location, const QString &driverText)
{
    QString hint;
    if (driverText.contains(QLatin1String("certificate verify failed")))
        hint = Database::tr("The server's certificate is not signed by the CA certificate given (sslrootcert): check "
                            "that the file is your server's CA, or ask its administrator for it.");
    else if (driverText.contains(QLatin1String("does not match host name")))
        hint = Database::tr("The server's certificate was made for another host name: connect with the name the "
                            "certificate names.");
    else if (driverText.contains(QLatin1String("password authentication failed")))
        hint = Database::tr("Check the user name and the password.");
    else if (driverText.contains(QLatin1String("no password supplied")))
        hint = Database::tr("The server asks for a password: enter it, or put it in ~/.pgpass.");
    else if (driverText.contains(QLatin1String("root certificate file")))
        hint = Database::tr("Choose the CA certificate of your server (sslrootcert), or ask its administrator for it.");
    else if (driverText.contains(QLatin1String("server does not support SSL")))
        hint = Database::tr("The server does not offer encryption; choose another TLS mode only if your network "
                            "is trusted.");
    const QString message =
        Database::tr("Cannot connect to %1: %2").arg(location.displayName(), driverText.trimmed());
    return hint.isEmpty() ? message : message + QLatin1Char('\n') + hint;
}

QString openPostgres(QSqlDatabase &db, const DatabaseLocation &location)
{
    // A service (pg_service.conf) brings its own host, port, database and
    // user; anything set here would override it.
    if (location.serviceName().isEmpty()) {
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setDatabaseName(location.databaseName());
        db.setUserName(location.userName());
    }
    db.setPassword(location.password());
    // The URL's own parameters (TLS, a longer timeout) come last and win.
    // Keepalives find a dead network path within half a minute even when
    // the window is idle (ConnectionLossMonitor then hears the socket close).
    db.setConnectOptions(QStringLiteral("connect_timeout=5;keepalives_idle=15;keepalives_interval=5;keepalives_count=3")
                         + (location.connectOptions().isEmpty() ? QString() : QLatin1Char(';') + location.connectOptions()));
    // libpq's own message, without Qt's "QPSQL: Unable to connect" after it.
    if (!db.open())
        return explainConnectionError(location, db.lastError().databaseText().isEmpty() ? db.lastError().text()
                                                                                         : db.lastError().databaseText());
    QString driverText;
    // As SQLite's busy timeout: a row another user holds locked makes a
    // write fail after a short wait instead of hanging the window.
    // Qt prepares every statement; a generic plan cannot turn `LIKE $1` into
    // an index range nor see LIMIT/OFFSET values (measured at 1M: a search
    // keystroke walked 658k index entries). The views' statements are cheap
    // to plan, so each execution gets a plan for its values.
    if (!exec(db, QStringLiteral("SET client_min_messages TO WARNING"), &driverText)
        || !exec(db, QStringLiteral("SET plan_cache_mode = force_custom_plan"), &driverText)
        || !exec(db, QStringLiteral("SET lock_timeout = %1").arg(Database::BusyTimeoutMs), &driverText))
        return Database::tr("Cannot use %1: %2").arg(location.displayName(), driverText);
    return {};
}

// A database we can read but not write must be said at open time, not at the
// first save. BEGIN IMMEDIATE takes SQLite's write lock (waiting up to the
// busy timeout) without changing anything.
QString checkWritable(QSqlDatabase &db, const DatabaseLocation &location)
{
    if (location.kind() != DatabaseLocation::Kind::Sqlite)
        return {};
    QString driverText;
    if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), &driverText))
        return explainSqliteError(location.sqlitePath(), driverText);
    exec(db, QStringLiteral("ROLLBACK"), &driverText);
    return {};
}

} // namespace

Database::OpenResult Database::open(const DatabaseLocation &location, const QString &connectionName, Missing missing)
{
    OpenResult result;
    {
        const bool sqlite = location.kind() == DatabaseLocation::Kind::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"),
                                                    connectionName);
        if (!db.isValid()) {
            result.error = tr("The Qt SQL driver for %1 is not installed.")
                               .arg(sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"));
        } else {
            result.error = sqlite ? openSqlite(db, location.sqlitePath(), missing) : openPostgres(db, location);
        }
        if (result.error.isEmpty()) {
            QString migrationError;
            if (!SchemaMigrator::migrate(db, &migrationError))
                result.error = sqlite && !migrationError.contains(QLatin1String("Employee Records"))
                    ? explainSqliteError(location.sqlitePath(), migrationError)
                    : migrationError;
        }
        if (result.error.isEmpty() && sqlite)
            result.error = enableWal(db, location.sqlitePath());
        if (result.error.isEmpty())
            result.error = checkWritable(db, location);
        if (result.error.isEmpty()) {
            if (sqlite)   // WAL mode has just created the -wal/-shm files
                makePrivate(location.sqlitePath());
            result.db = db;
            return result;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

Database::OpenResult Database::connectToServer(const DatabaseLocation &location, const QString &connectionName)
{
    OpenResult result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        result.error = db.isValid() ? openPostgres(db, location)
                                    : tr("The Qt SQL driver for %1 is not installed.").arg(QStringLiteral("PostgreSQL"));
        if (result.error.isEmpty()) {
            result.db = db;
            return result;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

void Database::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

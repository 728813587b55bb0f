#include "TestDatabase.h"

#include "db/Database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
QString testDatabaseName()
{
    // One database per test executable, so ctest may run them side by side.
    return QStringLiteral("er_") + QFileInfo(QCoreApplication::applicationFilePath()).baseName().toLower();
}
}

bool TestDatabase::postgresRequested()
{
    return !qEnvironmentVariableIsEmpty("ER_TEST_DATABASE_URL");
}

TestDatabase::TestDatabase(const QString &connectionName) : m_name(connectionName)
{
    if (postgresRequested()) {
        if (!preparePostgres())
            return;
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        m_location = DatabaseLocation::sqlite(m_dir->filePath(QStringLiteral("test.sqlite")));
    }
    reopen();
}

TestDatabase::~TestDatabase()
{
    close();
}

bool TestDatabase::preparePostgres()
{
    QString error;
    const auto server = DatabaseLocation::fromUrl(qEnvironmentVariable("ER_TEST_DATABASE_URL"), &error);
    if (!server) {
        m_error = error;
        return false;
    }
    const QString admin = m_name + QStringLiteral("_admin");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), admin);
        db.setHostName(server->host());
        db.setPort(server->port());
        db.setUserName(server->userName());
        db.setPassword(server->password());
        db.setDatabaseName(server->databaseName());
        if (!db.open()) {
            m_error = QStringLiteral("PostgreSQL test server unreachable: ") + db.lastError().text();
        } else {
            // Database names cannot be bound; this one is derived from our own binary name.
            const QString name = testDatabaseName();
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name))
                || !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                m_error = QStringLiteral("cannot create the test database: ") + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(admin);
    if (!m_error.isEmpty())
        return false;
    QString url = qEnvironmentVariable("ER_TEST_DATABASE_URL");
    url = url.left(url.lastIndexOf(QLatin1Char('/')) + 1) + testDatabaseName();
    m_location = *DatabaseLocation::fromUrl(url, &error);
    return true;
}

QSqlDatabase TestDatabase::db() const
{
    return QSqlDatabase::database(m_name, false);
}

bool TestDatabase::reopen()
{
    close();
    const Database::OpenResult result = Database::open(m_location, m_name);
    m_error = result.error;
    return result.ok();
}

void TestDatabase::close()
{
    if (QSqlDatabase::contains(m_name))
        Database::close(m_name);
}

bool TestDatabase::exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

std::unique_ptr<AppSession> TestDatabase::openSession(QString *error) const
{
    auto session = std::make_unique<AppSession>();
    if (!session->open(m_location, error, Database::Missing::Refuse))
        return nullptr;
    return session;
}

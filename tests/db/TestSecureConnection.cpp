// A production-like server (scripts/pg-test-server.sh --secure): password
// authentication (scram-sha-256) and TLS with a certificate made at test time.
// The password reaches the server the ways psql users know (~/.pgpass through
// PGPASSFILE, a pg_service.conf service), never through the command line, and
// verify-full accepts the server's CA and refuses another, saying why.
#include "db/Database.h"
#include "db/DatabaseLocation.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSecureConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void withoutAPasswordTheServerRefuses();
    void aPgpassFileSuppliesThePassword();
    void aWrongPasswordIsSaidAsSuch();
    void verifyFullAcceptsTheServersCa();
    void verifyFullRefusesAnotherCa();
    void aServiceNamesTheServer();
    void verifyFullRefusesACertificateForAnotherName();
    void theCommandLineTakesAService();

private:
    QString url(const QString &query = {}) const;
    Database::OpenResult open(const DatabaseLocation &location);
    void usePgpass(const QString &password);
    static bool encrypted(const QSqlDatabase &db);

    QString m_dir;
    QString m_port;
    QString m_password;
    QTemporaryDir m_home;
};

void TestSecureConnection::initTestCase()
{
    m_dir = qEnvironmentVariable("ER_TEST_SECURE_PG_DIR");
    m_port = qEnvironmentVariable("ER_TEST_SECURE_PG_PORT");
    QVERIFY2(!m_dir.isEmpty() && !m_port.isEmpty(), "run through ctest: the PostgresSecureServer fixture sets these");
    QFile password(m_dir + QStringLiteral("/password"));
    QVERIFY2(password.open(QIODevice::ReadOnly), qPrintable(password.fileName()));
    m_password = QString::fromLatin1(password.readAll()).trimmed();
    QVERIFY(!m_password.isEmpty());
    QVERIFY(m_home.isValid());
    // Nothing from the developer's own environment may supply a password.
    qunsetenv("PGPASSWORD");
    qunsetenv("PGSERVICE");
    qputenv("PGPASSFILE", QFile::encodeName(m_home.filePath(QStringLiteral("none"))));
    qputenv("PGSERVICEFILE", QFile::encodeName(m_home.filePath(QStringLiteral("none.conf"))));
}

void TestSecureConnection::cleanup()
{
    Database::close(QStringLiteral("secure"));
    qputenv("PGPASSFILE", QFile::encodeName(m_home.filePath(QStringLiteral("none"))));
}

QString TestSecureConnection::url(const QString &query) const
{
    return QStringLiteral("postgresql://er_test@127.0.0.1:%1/postgres%2").arg(m_port, query);
}

Database::OpenResult TestSecureConnection::open(const DatabaseLocation &location)
{
    Database::close(QStringLiteral("secure"));
    return Database::open(location, QStringLiteral("secure"), Database::Missing::Refuse);
}

void TestSecureConnection::usePgpass(const QString &password)
{
    const QString path = m_home.filePath(QStringLiteral("pgpass"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QStringLiteral("127.0.0.1:%1:*:er_test:%2\n").arg(m_port, password).toUtf8());
    file.close();
    // libpq ignores a password file that others can read.
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    qputenv("PGPASSFILE", QFile::encodeName(path));
}

bool TestSecureConnection::encrypted(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) && q.next()
        && q.value(0).toBool();
}

void TestSecureConnection::withoutAPasswordTheServerRefuses()
{
    QString error;
    const auto result = open(*DatabaseLocation::fromUrl(url(), &error));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("no password supplied")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("~/.pgpass")), qPrintable(result.error));
}

void TestSecureConnection::aPgpassFileSuppliesThePassword()
{
    usePgpass(m_password);
    QString error;
    const auto result = open(*DatabaseLocation::fromUrl(url(), &error));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QSqlQuery q(result.db);
    QVERIFY(q.exec(QStringLiteral("SELECT current_user")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("er_test"));
}

void TestSecureConnection::aWrongPasswordIsSaidAsSuch()
{
    usePgpass(QStringLiteral("not-") + m_password);
    QString error;
    const auto result = open(*DatabaseLocation::fromUrl(url(), &error));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("password authentication failed")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("Check the user name and the password")), qPrintable(result.error));
}

void TestSecureConnection::verifyFullAcceptsTheServersCa()
{
    usePgpass(m_password);
    QString error;
    const auto location = DatabaseLocation::fromUrl(
        url(QStringLiteral("?sslmode=verify-full&sslrootcert=") + m_dir + QStringLiteral("/ca.pem")), &error);
    QVERIFY2(location, qPrintable(error));
    const auto result = open(*location);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(encrypted(result.db));
    // Without TLS asked for, the same server is reached unencrypted: the check above is not vacuous.
    const auto plain = open(*DatabaseLocation::fromUrl(url(QStringLiteral("?sslmode=disable")), &error));
    QVERIFY2(plain.ok(), qPrintable(plain.error));
    QVERIFY(!encrypted(plain.db));
}

void TestSecureConnection::verifyFullRefusesAnotherCa()
{
    usePgpass(m_password);
    QString error;
    const auto location = DatabaseLocation::fromUrl(
        url(QStringLiteral("?sslmode=verify-full&sslrootcert=") + m_dir + QStringLiteral("/other-ca.pem")), &error);
    QVERIFY2(location, qPrintable(error));
    const auto result = open(*location);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("certificate verify failed")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("not signed by the CA certificate given")), qPrintable(result.error));
}

namespace {
QString writeServiceFile(const QTemporaryDir &home, const QString &port, const QString &caFile)
{
    const QString path = home.filePath(QStringLiteral("pg_service.conf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QStringLiteral("[hr]\nhost=127.0.0.1\nport=%1\ndbname=postgres\nuser=er_test\n"
                              "sslmode=verify-full\nsslrootcert=%2\n")
                   .arg(port, caFile)
                   .toUtf8());
    return path;
}
}

void TestSecureConnection::aServiceNamesTheServer()
{
    usePgpass(m_password);
    const QString serviceFile = writeServiceFile(m_home, m_port, m_dir + QStringLiteral("/ca.pem"));
    QVERIFY(!serviceFile.isEmpty());
    qputenv("PGSERVICEFILE", QFile::encodeName(serviceFile));
    QString error;
    QVERIFY(!DatabaseLocation::fromService(QStringLiteral("hr host=evil"), &error));
    const auto location = DatabaseLocation::fromService(QStringLiteral("hr"), &error);
    QVERIFY2(location, qPrintable(error));
    const auto result = open(*location);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(encrypted(result.db));   // the service's sslmode applies
    const auto unknown = open(*DatabaseLocation::fromService(QStringLiteral("payroll"), &error));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error.contains(QStringLiteral("payroll")), qPrintable(unknown.error));
}

// The server's certificate names 127.0.0.1 and localhost; reached under
// another name (hostaddr keeps the address), verify-full must refuse it and
// say that the name is the problem.
void TestSecureConnection::verifyFullRefusesACertificateForAnotherName()
{
    usePgpass(m_password);
    const QString path = m_home.filePath(QStringLiteral("pg_service_other_name.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QStringLiteral("[elsewhere]\nhost=db.example.org\nhostaddr=127.0.0.1\nport=%1\ndbname=postgres\n"
                              "user=er_test\nsslmode=verify-full\nsslrootcert=%2/ca.pem\n")
                   .arg(m_port, m_dir)
                   .toUtf8());
    file.close();
    qputenv("PGSERVICEFILE", QFile::encodeName(path));
    // The pgpass entry is for 127.0.0.1; libpq matches it by host name.
    QFile pgpass(m_home.filePath(QStringLiteral("pgpass")));
    QVERIFY(pgpass.open(QIODevice::Append));
    pgpass.write(QStringLiteral("db.example.org:%1:*:er_test:%2\n").arg(m_port, m_password).toUtf8());
    pgpass.close();
    QString error;
    const auto result = open(*DatabaseLocation::fromService(QStringLiteral("elsewhere"), &error));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("does not match host name")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("made for another host name")), qPrintable(result.error));
}

void TestSecureConnection::theCommandLineTakesAService()
{
    usePgpass(m_password);
    const QString serviceFile = writeServiceFile(m_home, m_port, m_dir + QStringLiteral("/ca.pem"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGSERVICEFILE"), serviceFile);
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(ER_BINARY), {QStringLiteral("--database-service"), QStringLiteral("hr"),
                                          QStringLiteral("--check")});
    QVERIFY(app.waitForFinished(60000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput() + app.readAllStandardError());
    QVERIFY2(app.exitCode() == 0, qPrintable(out));
    // A service with a password nowhere but ~/.pgpass: nothing to warn about.
    QVERIFY2(!out.contains(QStringLiteral("Warning")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestSecureConnection)
#include "TestSecureConnection.moc"

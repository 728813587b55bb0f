// The libpq parameters a --database-url may carry (TLS, timeouts): passed on
// to the connection, anything else refused with a message naming it.
#include "db/Database.h"
#include "db/DatabaseLocation.h"
#include "TestDatabase.h"

#include <QSqlQuery>
#include <QTest>

class TestConnectionParameters : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void parametersBecomeConnectOptions();
    void unknownOrUnsafeParametersAreRefused();
    void theServerSeesTheParameters();
};

void TestConnectionParameters::cleanup()
{
    Database::close(QStringLiteral("params"));
}

void TestConnectionParameters::parametersBecomeConnectOptions()
{
    QString error;
    const auto location = DatabaseLocation::fromUrl(
        QStringLiteral("postgresql://anna@db.example:5433/hr?sslmode=verify-full&sslrootcert=/etc/ssl/hr-ca.pem"), &error);
    QVERIFY2(location, qPrintable(error));
    QCOMPARE(location->connectOptions(), QStringLiteral("sslmode=verify-full;sslrootcert=/etc/ssl/hr-ca.pem"));
    QCOMPARE(location->databaseName(), QStringLiteral("hr"));
    QVERIFY(DatabaseLocation::fromUrl(QStringLiteral("postgresql://anna@db.example/hr"), &error)->connectOptions().isEmpty());
}

void TestConnectionParameters::unknownOrUnsafeParametersAreRefused()
{
    QString error;
    QVERIFY(!DatabaseLocation::fromUrl(QStringLiteral("postgresql://anna@db.example/hr?password=s3cret"), &error));
    QVERIFY2(error.contains(QStringLiteral("'password'")), qPrintable(error));
    QVERIFY(!DatabaseLocation::fromUrl(QStringLiteral("postgresql://anna@db.example/hr?sslmode=require%20host=evil"),
                                       &error));
    QVERIFY2(error.contains(QStringLiteral("one word")), qPrintable(error));
    QVERIFY(!DatabaseLocation::fromUrl(QStringLiteral("postgresql://anna@db.example/hr?sslmode=a;host=evil"), &error));
}

void TestConnectionParameters::theServerSeesTheParameters()
{
    if (!TestDatabase::postgresRequested())
        QSKIP("needs the test server (the _postgres run)");
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    const DatabaseLocation here = tdb.location();
    const QString base = QStringLiteral("postgresql://%1@%2:%3/%4")
                             .arg(here.userName(), here.host())
                             .arg(here.port())
                             .arg(here.databaseName());
    QString error;
    // The test server speaks no TLS: requiring it must fail, with libpq's reason.
    const Database::OpenResult refused =
        Database::open(*DatabaseLocation::fromUrl(base + QStringLiteral("?sslmode=require"), &error),
                       QStringLiteral("params"), Database::Missing::Refuse);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(QStringLiteral("SSL")), qPrintable(refused.error));
    Database::close(QStringLiteral("params"));
    const Database::OpenResult opened = Database::open(
        *DatabaseLocation::fromUrl(base + QStringLiteral("?sslmode=disable&application_name=er-test"), &error),
        QStringLiteral("params"), Database::Missing::Refuse);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QSqlQuery q(opened.db);
    QVERIFY(q.exec(QStringLiteral("SELECT current_setting('application_name')")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("er-test"));
}

QTEST_GUILESS_MAIN(TestConnectionParameters)
#include "TestConnectionParameters.moc"

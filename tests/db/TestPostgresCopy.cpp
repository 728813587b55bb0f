// PostgresCopy: rows streamed with COPY's text format arrive exactly as
// given (the characters it escapes, its NULL marker as text, every byte of a
// bytea), a refusal is reported with the server's reason, and the
// connection stays usable for Qt's own queries afterwards.
#include "db/PostgresCopy.h"
#include "TestDatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <memory>

class TestPostgresCopy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsArriveExactlyAsGiven();
    void aRefusalGivesTheServersReason();

private:
    std::unique_ptr<TestDatabase> m_tdb;
};

void TestPostgresCopy::init()
{
    if (!TestDatabase::postgresRequested())
        QSKIP("COPY is PostgreSQL's: the _postgres run tests it");
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QVERIFY(TestDatabase::exec(m_tdb->db(), "CREATE TEMP TABLE copied (id bigint PRIMARY KEY, txt text, b bytea)"));
}

void TestPostgresCopy::cleanup()
{
    m_tdb.reset();
}

void TestPostgresCopy::rowsArriveExactlyAsGiven()
{
    QByteArray everyByte;
    for (int b = 0; b < 256; ++b)
        everyByte.append(char(b));
    const QStringList texts = {
        QStringLiteral("tab\there"), QStringLiteral("new\nline"), QStringLiteral("carriage\rreturn"),
        QStringLiteral("back\\slash \\t \\n"), QStringLiteral("\\N"), QString::fromUtf8("Stra\u00dfe \U0001F600"),
        QStringLiteral(""), QStringLiteral("end\\"),
    };
    PostgresCopy copy(m_tdb->db());
    QVERIFY(copy.isAvailable());
    for (int i = 0; i < texts.size(); ++i) {
        copy.add(qint64(i));
        copy.add(texts.at(i));
        copy.addBytes(everyByte.mid(i * 32));
        copy.endRow();
    }
    copy.add(qint64(100));
    copy.addNull();
    copy.addNull();
    copy.endRow();
    QString error;
    QVERIFY2(copy.send(QStringLiteral("COPY copied (id, txt, b) FROM STDIN"), &error), qPrintable(error));

    QSqlQuery q(m_tdb->db());
    QVERIFY(q.exec("SELECT id, txt, b, txt IS NULL, b IS NULL FROM copied ORDER BY id"));
    for (int i = 0; i < texts.size(); ++i) {
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), texts.at(i));
        QCOMPARE(q.value(2).toByteArray(), everyByte.mid(i * 32));
        QCOMPARE(q.value(3).toBool(), false);   // "" and "\N" are texts, not NULL
    }
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 100);
    QVERIFY(q.value(3).toBool() && q.value(4).toBool());
    QVERIFY(!q.next());
}

void TestPostgresCopy::aRefusalGivesTheServersReason()
{
    QVERIFY(TestDatabase::exec(m_tdb->db(), "BEGIN"));
    QVERIFY(TestDatabase::exec(m_tdb->db(), "SAVEPOINT before_copy"));
    PostgresCopy copy(m_tdb->db());
    for (int i = 0; i < 2; ++i) {
        copy.add(qint64(7));   // the same key twice
        copy.add(QStringLiteral("row"));
        copy.addNull();
        copy.endRow();
    }
    QString error;
    QVERIFY(!copy.send(QStringLiteral("COPY copied (id, txt, b) FROM STDIN"), &error));
    QVERIFY2(error.contains(QStringLiteral("duplicate key")), qPrintable(error));
    // Qt's connection goes on after the savepoint is rolled back.
    QVERIFY(TestDatabase::exec(m_tdb->db(), "ROLLBACK TO SAVEPOINT before_copy"));
    copy.add(qint64(8));
    copy.add(QStringLiteral("after"));
    copy.addNull();
    copy.endRow();
    QVERIFY2(copy.send(QStringLiteral("COPY copied (id, txt, b) FROM STDIN"), &error), qPrintable(error));
    QVERIFY(TestDatabase::exec(m_tdb->db(), "COMMIT"));
    QSqlQuery q(m_tdb->db());
    QVERIFY(q.exec("SELECT count(*), min(txt) FROM copied") && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toString(), QStringLiteral("after"));
}

QTEST_GUILESS_MAIN(TestPostgresCopy)
#include "TestPostgresCopy.moc"

// What the windowed models ask the database while the user types, read from
// the statements themselves (ER_WINDOW_TRACE=0 logs every one): the counts a
// keystroke may skip, and on PostgreSQL the forms of a one-word search that
// keep a keystroke short at a million rows (README, "On PostgreSQL").
#include "TestDatabase.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"

#include <QMutex>
#include <QSqlQuery>
#include <QTest>
#include <memory>

namespace {
QMutex g_mutex;
QStringList g_statements;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QString prefix = QStringLiteral("SqlRowWindow: ");
    if (type == QtInfoMsg && message.startsWith(prefix)) {
        QMutexLocker lock(&g_mutex);
        g_statements << message.section(QStringLiteral(": "), 2);
        return;
    }
    g_previous(type, context, message);
}

// The statements run by `action`, on this thread and the model's workers.
template<typename F>
QStringList statementsOf(F action)
{
    {
        QMutexLocker lock(&g_mutex);
        g_statements.clear();
    }
    action();
    QMutexLocker lock(&g_mutex);
    return g_statements;
}

QStringList counts(const QStringList &statements)
{
    QStringList out;
    for (const QString &s : statements) {
        if (s.startsWith(QLatin1String("SELECT COUNT(")))
            out << s;
    }
    return out;
}
} // namespace

class TestSearchStatements : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void clearingTheSearchCountsNothingUntilTheDataChanged();
    void oneBroadAlternativeMakesTheCountProvisionalAtOnce();
    void oneWordIsReadAlternativeByAlternativeAlone();
    void severalWordsAreCountedOnTheLongestWordsIndexes();

private:
    void addPeople(int n);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    qint64 m_oldCap = 0;
};

void TestSearchStatements::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("ER_WINDOW_TRACE") == QLatin1String("0"),
             "run with ER_WINDOW_TRACE=0 (ctest does)");
    g_previous = qInstallMessageHandler(collect);
    m_oldCap = WindowedSqlTableModel::searchCountCap();
}

void TestSearchStatements::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

void TestSearchStatements::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    WindowedSqlTableModel::setSearchCountCap(50);
}

void TestSearchStatements::cleanup()
{
    WindowedSqlTableModel::setSearchCountCap(m_oldCap);
    m_session.reset();
    m_db.reset();
}

// n people: every one "Sam<i>" by first name, "Lee" by last name.
void TestSearchStatements::addPeople(int n)
{
    EmployeeStore *store = m_session->store();
    QVERIFY(store->beginBulk());
    for (int i = 0; i < n; ++i) {
        Employee e;
        e.firstName = QStringLiteral("Sam%1").arg(i);
        e.lastName = QStringLiteral("Lee");
        e.email = QStringLiteral("p%1@example.com").arg(i);
        QVERIFY(store->createEmployee(e).ok());
    }
    QVERIFY(store->commitBulk());
}

void TestSearchStatements::clearingTheSearchCountsNothingUntilTheDataChanged()
{
    addPeople(20);
    EmployeeTableModel model(m_db->db());
    QCOMPARE(model.rowCount(), 20);
    model.setSearchText(QStringLiteral("sam1"));
    QCOMPARE(model.rowCount(), 11); // Sam1, Sam10..19
    QCOMPARE(counts(statementsOf([&] { model.setSearchText({}); })), QStringList());
    QCOMPARE(model.rowCount(), 20);
    model.sort(EmployeeTableModel::FirstName, Qt::AscendingOrder);
    QCOMPARE(counts(statementsOf([&] { model.sort(EmployeeTableModel::LastName, Qt::AscendingOrder); })),
             QStringList());

    // Another client's row: the counts are taken again once refresh() says
    // the data changed, and not before.
    QVERIFY(TestDatabase::exec(m_db->db(),
                               QStringLiteral("INSERT INTO employee (first_name, last_name, email, "
                                              "email_normalized, created_at, updated_at) VALUES "
                                              "('Ann', 'Ash', 'ann@example.com', 'ann@example.com', "
                                              "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));
    model.setSearchText(QStringLiteral("sam1"));
    model.setSearchText({});
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(!counts(statementsOf([&] { model.refresh(); })).isEmpty());
    QCOMPARE(model.rowCount(), 21);
    model.setSearchText(QStringLiteral("sam1"));
    model.setSearchText({});
    QCOMPARE(model.rowCount(), 21);
}

// PostgreSQL reads an OR of index ranges as a bitmap of all their matches
// before it can stop at a LIMIT; one alternative alone stops at the cap.
void TestSearchStatements::oneBroadAlternativeMakesTheCountProvisionalAtOnce()
{
    if (!m_db->isPostgres())
        QSKIP("PostgreSQL only: SQLite counts the OR from its indexes, and the _postgres run tests this");
    addPeople(120);
    EmployeeTableModel model(m_db->db());
    const QStringList statements = counts(statementsOf([&] { model.setSearchText(QStringLiteral("sam")); }));
    QVERIFY(!model.isCountExact());
    QCOMPARE(model.rowCount(), 50);
    for (const QString &s : statements)
        QVERIFY2(!s.contains(QLatin1String(" OR ")), qPrintable(s));
    QTRY_VERIFY(model.isCountExact());
    QCOMPARE(model.rowCount(), 120);

    // Two words: a range alone says nothing of the AND, which is counted.
    EmployeeTableModel twoWords(m_db->db());
    const QStringList capped =
        counts(statementsOf([&] { twoWords.setSearchText(QStringLiteral("sam lee")); }));
    QVERIFY(std::any_of(capped.cbegin(), capped.cend(),
                        [](const QString &s) { return s.contains(QLatin1String(" OR ")); }));
    QTRY_VERIFY(twoWords.isCountExact());
    QCOMPARE(twoWords.rowCount(), 120);
}

// A one-word search is read as one ordered read per alternative; on
// PostgreSQL each read is the alternative alone, which the planner estimates
// right (ANDed with the whole OR it expects a few rows and sorts them all).
void TestSearchStatements::oneWordIsReadAlternativeByAlternativeAlone()
{
    if (!m_db->isPostgres())
        QSKIP("PostgreSQL only: SQLite's reads spell their plan out, and the _postgres run tests this");
    addPeople(120);
    EmployeeTableModel model(m_db->db());
    const QStringList statements = statementsOf([&] {
        model.setSearchText(QStringLiteral("sam"));
        QCOMPARE(model.index(0, EmployeeTableModel::FirstName).data().toString(), QStringLiteral("Sam0"));
    });
    QStringList reads;
    for (const QString &s : statements) {
        if (s.startsWith(QLatin1String("SELECT e.id, e.first_name")) && s.contains(QLatin1String(" LIKE ")))
            reads << s;
    }
    QVERIFY(!reads.isEmpty());
    for (const QString &s : reads)
        QVERIFY2(s.count(QLatin1String(" LIKE ")) == 1, qPrintable(s));
    for (int r = 0; r < 50; ++r)
        QCOMPARE(model.index(r, EmployeeTableModel::LastName).data().toString(), QStringLiteral("Lee"));
}

// "anna m": PostgreSQL may AND the bitmaps of both words' ranges, reading
// every name that starts with m. The count leaves only the longest word's
// tests indexable; the others are spelt (expr || '') so that no index serves
// them, and the count is the same.
void TestSearchStatements::severalWordsAreCountedOnTheLongestWordsIndexes()
{
    if (!m_db->isPostgres())
        QSKIP("PostgreSQL only: SQLite counts from its indexes, and the _postgres run tests this");
    addPeople(30);
    EmployeeTableModel model(m_db->db());
    const QStringList statements = counts(statementsOf([&] { model.setSearchText(QStringLiteral("l sam1")); }));
    QTRY_VERIFY(model.isCountExact());
    QCOMPARE(model.rowCount(), 11); // Sam1, Sam10..19, all Lee
    QVERIFY(!statements.isEmpty());
    for (const QString &s : statements) {
        // "l" is the shorter word: its three tests are unindexable; sam1's are not.
        QCOMPARE(s.count(QLatin1String(" || '') LIKE ")), 3);
        QCOMPARE(s.count(QLatin1String(" LIKE ")), 6);
    }
}

QTEST_GUILESS_MAIN(TestSearchStatements)
#include "TestSearchStatements.moc"

// The History panel's model (issue 12, part 1): the whole database's
// history newest first, narrowed by person, user and date range, refreshed
// after the store's and other connections' writes, and windowed: over a
// large change_entry it reads only the rows asked for.
#include "TestDatabase.h"
#include "validation/EmployeeValidator.h"
#include "store/HistoryReader.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "views/HistoryTableModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
Employee person(const char *first, const char *last, const char *email)
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    return e;
}

QString cell(const HistoryTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

// "Employee | Field | Change" of every row, top to bottom.
QStringList rows(const HistoryTableModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << QStringLiteral("%1 | %2 | %3")
                   .arg(cell(model, r, HistoryTableModel::Employee), cell(model, r, HistoryTableModel::Field),
                        cell(model, r, HistoryTableModel::Change));
    return out;
}

bool exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}
} // namespace

class TestHistoryTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEveryChangeNewestFirst();
    void personFilterNarrowsToThatEmployee();
    void userFilterNarrowsToWhoWroteIt();
    void dateRangeNarrowsToThoseDays();
    void refreshShowsAnotherConnectionsChangeAtTheTop();
    void isWindowedOverALargeHistory();
    void showsCreationsAndImports();

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
    qint64 m_ada = 0;
    qint64 m_grace = 0;
};

void TestHistoryTableModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
    m_ada = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    m_grace = m_store->createEmployee(person("Grace", "Hopper", "grace@example.com")).id();
    QVERIFY(m_ada > 0 && m_grace > 0);
    // The tests below count saves: the two creations' entries are set aside
    // (showsCreationsAndImports looks at them).
    QVERIFY(exec(m_store->database(), QStringLiteral("DELETE FROM change_entry WHERE action = 'created'")));
    // Ada first, then Grace, then Ada again: three saves, newest last.
    Employee ada = *m_store->employee(m_ada);
    ada.lastName = QStringLiteral("Byron");
    QVERIFY(m_store->updateEmployee(ada).ok());
    Employee grace = *m_store->employee(m_grace);
    grace.firstName = QStringLiteral("Amazing Grace");
    QVERIFY(m_store->updateEmployee(grace).ok());
    ada = *m_store->employee(m_ada);
    ada.lastName = QStringLiteral("King");
    QVERIFY(m_store->updateEmployee(ada).ok());
}

void TestHistoryTableModel::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

void TestHistoryTableModel::showsEveryChangeNewestFirst()
{
    HistoryTableModel model(m_store->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rows(model), (QStringList{
                              QStringLiteral("Ada King | last_name | Byron \u2192 King"),
                              QStringLiteral("Amazing Grace Hopper | first_name | Grace \u2192 Amazing Grace"),
                              QStringLiteral("Ada King | last_name | Lovelace \u2192 Byron"),
                          }));
    QCOMPARE(cell(model, 0, HistoryTableModel::Origin), QStringLiteral("window"));
    QVERIFY(!cell(model, 0, HistoryTableModel::User).isEmpty());
    QVERIFY(!cell(model, 0, HistoryTableModel::Time).isEmpty());

    // The employee as it is now: archived, then gone.
    const std::optional<EmployeeRecord> grace = m_store->record(m_grace);
    QVERIFY(m_store->archiveEmployee(*grace, QDate(2019, 6, 30), {}).ok());
    QVERIFY(m_store->deleteEmployee(m_ada).ok());
    model.refresh();
    QCOMPARE(cell(model, 0, HistoryTableModel::Employee), QStringLiteral("(deleted)"));
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("deleted"));
    QCOMPARE(cell(model, 1, HistoryTableModel::Employee), QStringLiteral("Amazing Grace Hopper (archived)"));
    QVERIFY(cell(model, 1, HistoryTableModel::Change).startsWith(QStringLiteral("archived")));
    QCOMPARE(model.rowCount(), 5);

    // Purged: its history keeps what changed, not to what.
    QCOMPARE(m_store->purgeArchivedBefore(QDate(2020, 1, 1), false).purged.size(), 1);
    model.refresh();
    QCOMPARE(cell(model, 0, HistoryTableModel::Employee), QStringLiteral("(purged)"));
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("purged"));
    QCOMPARE(cell(model, 0, HistoryTableModel::Origin), QStringLiteral("purge"));
    QCOMPARE(cell(model, 4, HistoryTableModel::Employee), QStringLiteral("(purged)"));
    QCOMPARE(cell(model, 4, HistoryTableModel::Change), QStringLiteral("(none) \u2192 (none)"));
}

void TestHistoryTableModel::personFilterNarrowsToThatEmployee()
{
    HistoryTableModel model(m_store->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    filter.person = QStringLiteral("ada");
    model.setFilter(filter);
    QCOMPARE(rows(model), (QStringList{QStringLiteral("Ada King | last_name | Byron \u2192 King"),
                                       QStringLiteral("Ada King | last_name | Lovelace \u2192 Byron")}));
    filter.person = QStringLiteral("grace@");   // the email's start
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, HistoryTableModel::Employee), QStringLiteral("Amazing Grace Hopper"));
    filter.person = QStringLiteral("hopper amazing");   // every word, any order
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    // Archived employees are found by their name too.
    QVERIFY(m_store->archiveEmployee(*m_store->record(m_grace), QDate(2020, 1, 31), {}).ok());
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    // LIKE's wildcards are the user's characters, not SQL's.
    filter.person = QStringLiteral("%");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 4);
}

void TestHistoryTableModel::userFilterNarrowsToWhoWroteIt()
{
    // Grace's save was anna's (on another machine, say).
    QVERIFY(exec(m_store->database(),
                 QStringLiteral("UPDATE change_set SET os_user = 'Anna' WHERE id = (SELECT change_set_id FROM "
                                "change_entry WHERE employee_id = ?)"),
                 {m_grace}));
    HistoryTableModel model(m_store->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    filter.user = QStringLiteral("an");   // the start, in any case
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(cell(model, 0, HistoryTableModel::User).startsWith(QStringLiteral("Anna")));
    filter.user = QStringLiteral("nna");  // not the start
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    filter.user = QStringLiteral("_");    // a LIKE wildcard, taken literally
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryTableModel::dateRangeNarrowsToThoseDays()
{
    // The three saves happened on three days (noon UTC: the same local day
    // in every time zone within 11 hours of UTC).
    const QSqlDatabase db = m_store->database();
    QVERIFY(exec(db, QStringLiteral("UPDATE change_entry SET at = '2024-03-01T12:00:00.000Z' WHERE new_value = 'Byron'")));
    QVERIFY(exec(db, QStringLiteral("UPDATE change_entry SET at = '2024-03-15T12:00:00.000Z' WHERE employee_id = ?"),
                 {m_grace}));
    QVERIFY(exec(db, QStringLiteral("UPDATE change_entry SET at = '2024-04-02T12:00:00.000Z' WHERE new_value = 'King'")));
    HistoryTableModel model(db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    filter.from = QDate(2024, 3, 15);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 2);
    filter.to = QDate(2024, 3, 15);   // inclusive: the whole day
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, HistoryTableModel::Employee), QStringLiteral("Amazing Grace Hopper"));
    filter.from = {};
    filter.to = QDate(2024, 3, 14);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("Lovelace \u2192 Byron"));
    // With a person: both parts hold.
    filter.to = {};
    filter.person = QStringLiteral("ada");
    filter.from = QDate(2024, 3, 2);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("Byron \u2192 King"));
}

void TestHistoryTableModel::refreshShowsAnotherConnectionsChangeAtTheTop()
{
    HistoryTableModel model(m_store->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QString error;
    std::unique_ptr<AppSession> colleague = m_db->openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    // Another tool, on its own connection: recorded by the triggers.
    QVERIFY(exec(colleague->store()->database(), QStringLiteral("UPDATE employee SET phone = '+4930123456' WHERE id = ?"),
                 {m_grace}));
    QCOMPARE(model.rowCount(), 3);
    model.refresh();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 0, HistoryTableModel::Field), QStringLiteral("phone"));
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("(none) \u2192 +4930123456"));
    QVERIFY(cell(model, 0, HistoryTableModel::Origin).startsWith(QStringLiteral("another tool")));
}

// The window's additions and an import are in the whole database's history
// too: an addition as "created" on the employee, an import as one entry
// (its file and how many it added), never one per imported row.
void TestHistoryTableModel::showsCreationsAndImports()
{
    const qint64 alan = m_store->createEmployee(person("Alan", "Turing", "alan@example.com")).id();
    QVERIFY(alan > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hires.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("first_name,last_name,email\nEdsger,Dijkstra,edsger@example.com\nBarbara,Liskov,barbara@example.com\n");
    file.close();
    QCOMPARE(CsvImporter(m_store, EmployeeValidator(QStringLiteral("GB"))).importFile(path).accepted, 2);

    HistoryTableModel model(m_store->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);   // the three saves, the addition, the import
    QCOMPARE(cell(model, 0, HistoryTableModel::Origin), QStringLiteral("import of hires.csv"));
    QCOMPARE(cell(model, 0, HistoryTableModel::Change), QStringLiteral("imported 2 employee(s)"));
    QCOMPARE(cell(model, 1, HistoryTableModel::Employee), QStringLiteral("Alan Turing"));
    QCOMPARE(cell(model, 1, HistoryTableModel::Change), QStringLiteral("created"));
    QCOMPARE(cell(model, 1, HistoryTableModel::Origin), QStringLiteral("window"));
    // The employee's own history names its creation once.
    const QList<HistoryEntry> history = HistoryReader(m_store->database()).employeeHistory(alan);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().action, QStringLiteral("created"));
    QVERIFY(history.first().changeSetId > 0);
}

// ER_HISTORY_ROWS (default 120,000) generated entries, older than the real
// ones: opening, Ctrl+End, a jump and filters read a few blocks, not the
// table. The times are printed (README, "History panel").
void TestHistoryTableModel::isWindowedOverALargeHistory()
{
    const qint64 n = qEnvironmentVariableIsSet("ER_HISTORY_ROWS") ? qEnvironmentVariableIntValue("ER_HISTORY_ROWS")
                                                                  : 120000;
    const QSqlDatabase db = m_store->database();
    QElapsedTimer fill;
    fill.start();
    // 1% of them on Ada, the rest on employees since deleted.
    QVERIFY(exec(db,
                 QStringLiteral("INSERT INTO change_entry (at, employee_id, subject, action, field, old_value, "
                                "new_value) WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
                                "WHERE n < ?) SELECT '2020-01-01T00:00:00.000Z', CASE WHEN n % 100 = 0 THEN ? "
                                "ELSE 50000000 + n % 5000 END, 'employee', 'changed', 'email', 'old' || n, "
                                "'new' || n FROM g"),
                 {n, m_ada}));
    if (m_db->isPostgres())
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("ANALYZE change_entry"))); // (not preparable)
    qInfo("generated %lld entries in %lld ms", n, fill.elapsed());
    const qint64 total = n + 3;
    // Entries are numbered as they are written: the generated ones, written
    // last, are the newest; the oldest is Ada's first save.
    const QString newest = QStringLiteral("old%1 \u2192 new%1").arg(n);

    QElapsedTimer t;
    t.start();
    HistoryTableModel model(db);
    QCOMPARE(model.index(0, HistoryTableModel::Change).data().toString(), newest);
    const qint64 open = t.restart();
    QCOMPARE(model.rowCount(), int(total));
    QCOMPARE(model.index(int(total) - 1, HistoryTableModel::Change).data().toString(),
             QStringLiteral("Lovelace \u2192 Byron")); // Ctrl+End: the oldest
    const qint64 end = t.restart();
    QVERIFY(model.index(int(total / 2), HistoryTableModel::Employee).data().isValid());
    const qint64 middle = t.restart();
    // Three blocks of 128 rows: the first, the last, the middle.
    QVERIFY2(model.rowsFetched() <= 3 * 128, qPrintable(QString::number(model.rowsFetched())));

    HistoryFilter filter;
    filter.person = QStringLiteral("ada");
    t.restart();
    model.setFilter(filter);
    QCOMPARE(model.index(0, HistoryTableModel::Change).data().toString(), newest);
    const qint64 person = t.restart();
    // A broad filter's exact count comes from a background connection.
    QTRY_COMPARE(model.rowCount(), int(n / 100 + 2));
    filter = {};
    filter.to = QDate(2020, 1, 1);
    t.restart();
    model.setFilter(filter);
    QCOMPARE(model.index(0, HistoryTableModel::Change).data().toString(), newest);
    const qint64 dates = t.restart();
    QTRY_COMPARE(model.rowCount(), int(n));
    model.setFilter({});
    Employee ada = *m_store->employee(m_ada);
    ada.firstName = QStringLiteral("Augusta Ada");
    QVERIFY(m_store->updateEmployee(ada).ok());
    t.restart();
    model.refresh();
    QCOMPARE(model.rowCount(), int(total) + 1);
    QCOMPARE(model.index(0, HistoryTableModel::Change).data().toString(), QStringLiteral("Ada \u2192 Augusta Ada"));
    const qint64 refresh = t.restart();
    QVERIFY2(model.rowsFetched() <= 10 * 128, qPrintable(QString::number(model.rowsFetched())));
    qInfo("%lld entries: open %lld ms, last row %lld ms, middle row %lld ms, person filter %lld ms, "
          "date filter %lld ms, refresh after a save %lld ms; %lld rows read",
          total, open, end, middle, person, dates, refresh, model.rowsFetched());
}

QTEST_GUILESS_MAIN(TestHistoryTableModel)
#include "TestHistoryTableModel.moc"

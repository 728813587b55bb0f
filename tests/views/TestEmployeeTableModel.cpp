// The Employees view's model: a window of rows over the whole table, search
// that is injection-safe, sorting by every column, positions of employees,
// refresh() without resets, and counts.
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"
#include "TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <memory>

namespace {
Employee person(const QString &first, const QString &last, const QString &email, const QString &phone = {})
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = email;
    e.phone = phone;
    return e;
}

QStringList column(EmployeeTableModel &model, int col)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, col).data(Qt::EditRole).toString();   // the stored values
    return values;
}
}

class TestEmployeeTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passesTheModelTester();
    void hasHumanHeaders();
    void searchTreatsQuotesAndInjectionAsText();
    void searchMatchesNamesEmailAndPhone();
    void sortsByEveryColumn();
    void rowOfEmployeeAndEmployeeIdAtAgree();
    void refreshAnnouncesInsertsAndRemovesWithoutReset();
    void refreshShowsEdits();
    void countsComeFromCount();
    void windowMatchesTheFullOrderWhateverTheAccessPattern();
    void sortKeepsTheSelectionOnItsEmployee();
    void broadSearchGetsItsExactCountInTheBackground();

private:
    qint64 add(const Employee &e);
    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
};

void TestEmployeeTableModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestEmployeeTableModel::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

qint64 TestEmployeeTableModel::add(const Employee &e)
{
    const StoreResult r = m_store->createEmployee(e);
    if (!r.ok())
        qWarning("create failed: %s", qPrintable(r.errorText()));
    return r.id();
}

void TestEmployeeTableModel::passesTheModelTester()
{
    for (int i = 0; i < 300; ++i)
        QVERIFY(add(person(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i % 37),
                           QStringLiteral("user%1@example.com").arg(i))) > 0);
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(EmployeeTableModel::ColumnCount));
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        model.sort(col, Qt::DescendingOrder);
        model.sort(col, Qt::AscendingOrder);
    }
    model.setSearchText(QStringLiteral("first1"));
    QCOMPARE(model.rowCount(), 111);   // First1, First10..19, First100..199
    add(person(QStringLiteral("First1000"), QStringLiteral("Zed"), QStringLiteral("z@example.com")));
    model.refresh();
    QCOMPARE(model.rowCount(), 112);
    model.setSearchText({});
    QCOMPARE(model.rowCount(), 301);
}

void TestEmployeeTableModel::hasHumanHeaders()
{
    EmployeeTableModel model(m_db->db());
    QCOMPARE(model.headerData(EmployeeTableModel::FirstName, Qt::Horizontal).toString(), QStringLiteral("First name"));
    QCOMPARE(model.headerData(EmployeeTableModel::LastName, Qt::Horizontal).toString(), QStringLiteral("Last name"));
    QCOMPARE(model.headerData(EmployeeTableModel::Email, Qt::Horizontal).toString(), QStringLiteral("Email"));
    QCOMPARE(model.headerData(EmployeeTableModel::Phone, Qt::Horizontal).toString(), QStringLiteral("Phone"));
}

void TestEmployeeTableModel::searchTreatsQuotesAndInjectionAsText()
{
    const qint64 obrien = add(person(QStringLiteral("Conan"), QStringLiteral("O'Brien"), QStringLiteral("conan@example.com")));
    add(person(QStringLiteral("Ann"), QStringLiteral("Smith"), QStringLiteral("ann@example.com")));
    add(person(QStringLiteral("Per%cent"), QStringLiteral("Under_score"), QStringLiteral("odd@example.com")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setSearchText(QStringLiteral("O'Brien"));
    QCOMPARE(model.searchText(), QStringLiteral("O'Brien"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.employeeIdAt(0), obrien);
    model.setSearchText(QStringLiteral("o'b"));
    QCOMPARE(model.rowCount(), 1);
    for (const QString &attack : {QStringLiteral("' OR 1=1 --"), QStringLiteral("\" OR \"\"=\""),
                                  QStringLiteral("'; DROP TABLE employee; --"), QStringLiteral("%"),
                                  QStringLiteral("_"), QStringLiteral("\\"), QStringLiteral("')")}) {
        model.setSearchText(attack);
        QVERIFY2(model.rowCount() == 0, qPrintable(attack));
        QCOMPARE(model.matchCount(), 0);
        QCOMPARE(model.totalCount(), 3);
    }
    model.setSearchText(QStringLiteral("per%"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("under_"));
    QCOMPARE(model.rowCount(), 1);
    QSqlQuery q(m_db->db());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM employee")) && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

void TestEmployeeTableModel::searchMatchesNamesEmailAndPhone()
{
    const qint64 ada = add(person(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("Ada.L@Example.com"),
                                  QStringLiteral("+493012345678")));
    const qint64 alan = add(person(QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("alan@example.org")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearchText(QStringLiteral("lOVe"));   // last name, any case
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.employeeIdAt(0), ada);
    model.setSearchText(QStringLiteral("ALA"));   // first name
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.employeeIdAt(0), alan);
    model.setSearchText(QStringLiteral("ada.l@ex"));   // email, case-insensitive
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("+49 30 123"));   // a phone as the view shows it: one number
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("+49 31"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QStringLiteral("+49301234"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("4930"));
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("ada love"));   // every word matches something
    QCOMPARE(model.rowCount(), 1);
    model.setSearchText(QStringLiteral("ada turing"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfEmployee(ada), 0);   // Lovelace before Turing
    QCOMPARE(model.rowOfEmployee(alan), 1);
    model.setSearchText(QStringLiteral("turing"));
    QCOMPARE(model.rowOfEmployee(ada), -1);
}

void TestEmployeeTableModel::sortsByEveryColumn()
{
    add(person(QStringLiteral("bob"), QStringLiteral("Zulu"), QStringLiteral("c@example.com"), QStringLiteral("+493000000002")));
    add(person(QStringLiteral("Alice"), QStringLiteral("yankee"), QStringLiteral("B@example.com")));
    add(person(QStringLiteral("Carl"), QStringLiteral("Xray"), QStringLiteral("a@example.com"), QStringLiteral("+493000000001")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Default: last name, case-insensitive.
    QCOMPARE(column(model, EmployeeTableModel::LastName), (QStringList{"Xray", "yankee", "Zulu"}));
    model.sort(EmployeeTableModel::FirstName, Qt::AscendingOrder);
    QCOMPARE(column(model, EmployeeTableModel::FirstName), (QStringList{"Alice", "bob", "Carl"}));
    model.sort(EmployeeTableModel::FirstName, Qt::DescendingOrder);
    QCOMPARE(column(model, EmployeeTableModel::FirstName), (QStringList{"Carl", "bob", "Alice"}));
    model.sort(EmployeeTableModel::Email, Qt::AscendingOrder);
    QCOMPARE(column(model, EmployeeTableModel::Email), (QStringList{"a@example.com", "B@example.com", "c@example.com"}));
    model.sort(EmployeeTableModel::Phone, Qt::AscendingOrder);   // no phone last
    QCOMPARE(column(model, EmployeeTableModel::Phone), (QStringList{"+493000000001", "+493000000002", ""}));
    QCOMPARE(model.index(0, EmployeeTableModel::Phone).data().toString(), QStringLiteral("+49 30 00000001"));   // shown grouped
    model.sort(EmployeeTableModel::Phone, Qt::DescendingOrder);
    QCOMPARE(column(model, EmployeeTableModel::Phone), (QStringList{"", "+493000000002", "+493000000001"}));
    QCOMPARE(model.sortColumn(), int(EmployeeTableModel::Phone));
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
}

void TestEmployeeTableModel::rowOfEmployeeAndEmployeeIdAtAgree()
{
    QList<qint64> ids;
    for (int i = 0; i < 400; ++i)
        ids << add(person(QStringLiteral("F%1").arg(i % 7), QStringLiteral("L%1").arg(i % 13),
                          QStringLiteral("u%1@example.com").arg(i)));
    EmployeeTableModel model(m_db->db());
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(col, order);
            for (int k = 0; k < 40; ++k) {
                const qint64 id = ids.at(QRandomGenerator::global()->bounded(int(ids.size())));
                // Fresh model state each time so the row is not cached.
                EmployeeTableModel fresh(m_db->db());
                fresh.sort(col, order);
                const int row = fresh.rowOfEmployee(id);
                QVERIFY(row >= 0);
                QCOMPARE(model.employeeIdAt(row), id);
            }
        }
    }
    QCOMPARE(model.rowOfEmployee(999999), -1);
    QCOMPARE(model.employeeIdAt(-1), 0);
    QCOMPARE(model.employeeIdAt(400), 0);
}

void TestEmployeeTableModel::refreshAnnouncesInsertsAndRemovesWithoutReset()
{
    add(person(QStringLiteral("Anna"), QStringLiteral("Adams"), QStringLiteral("anna@example.com")));
    const qint64 carl = add(person(QStringLiteral("Carl"), QStringLiteral("Clark"), QStringLiteral("carl@example.com")));
    const qint64 eve = add(person(QStringLiteral("Eve"), QStringLiteral("Evans"), QStringLiteral("eve@example.com")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    (void)column(model, 0);   // the view has painted everything
    QPersistentModelIndex selected = model.index(2, 0);   // Evans selected
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy counts(&model, &EmployeeTableModel::countsChanged);

    const qint64 bob = add(person(QStringLiteral("Bob"), QStringLiteral("Brown"), QStringLiteral("bob@example.com")));
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);   // between Adams and Clark
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.employeeIdAt(1), bob);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 3);
    QCOMPARE(model.employeeIdAt(selected.row()), eve);
    QVERIFY(counts.count() >= 1);

    QVERIFY(m_store->deleteEmployee(carl).ok());
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(selected.row(), 2);
    QCOMPARE(model.employeeIdAt(2), eve);
    QCOMPARE(model.totalCount(), 3);
}

void TestEmployeeTableModel::refreshShowsEdits()
{
    const qint64 id = add(person(QStringLiteral("Anna"), QStringLiteral("Adams"), QStringLiteral("anna@example.com")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0, EmployeeTableModel::FirstName).data().toString(), QStringLiteral("Anna"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    std::optional<Employee> e = m_store->employee(id);
    QVERIFY(e);
    e->firstName = QStringLiteral("Annabel");
    QVERIFY(m_store->updateEmployee(*e).ok());
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, EmployeeTableModel::FirstName).data().toString(), QStringLiteral("Annabel"));
}

void TestEmployeeTableModel::countsComeFromCount()
{
    for (int i = 0; i < 10; ++i)
        add(person(i < 3 ? QStringLiteral("Zoe") : QStringLiteral("Max"), QStringLiteral("L%1").arg(i),
                   QStringLiteral("c%1@example.com").arg(i)));
    EmployeeTableModel model(m_db->db());
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.matchCount(), 10);
    QSignalSpy counts(&model, &EmployeeTableModel::countsChanged);
    model.setSearchText(QStringLiteral("zo"));
    QCOMPARE(counts.count(), 1);
    QCOMPARE(model.totalCount(), 10);
    QCOMPARE(model.matchCount(), 3);
    QCOMPARE(model.rowCount(), 3);
}

void TestEmployeeTableModel::windowMatchesTheFullOrderWhateverTheAccessPattern()
{
    // Several blocks, ties on names, employees with and without phone: the
    // keyset and OFFSET reads must agree with a plain ORDER BY.
    QVERIFY(m_store->beginBulk());
    for (int i = 0; i < 1500; ++i)
        QVERIFY(add(person(QStringLiteral("N%1").arg(i % 11), QStringLiteral("M%1").arg(i % 5),
                           QStringLiteral("w%1@example.com").arg(i),
                           i % 3 ? QStringLiteral("+4930%1").arg(10000000 + i * 7) : QString())) > 0);
    QVERIFY(m_store->commitBulk());
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            EmployeeTableModel reference(m_db->db());
            reference.sort(col, order);
            QList<qint64> expected;
            for (int r = 0; r < reference.rowCount(); ++r)
                expected << reference.employeeIdAt(r);
            QCOMPARE(expected.size(), 1500);
            QCOMPARE(QSet<qint64>(expected.cbegin(), expected.cend()).size(), 1500);
            // Backwards from the end, then random jumps.
            EmployeeTableModel backwards(m_db->db());
            backwards.sort(col, order);
            for (int r = backwards.rowCount() - 1; r >= 0; --r)
                QCOMPARE(backwards.employeeIdAt(r), expected.at(r));
            EmployeeTableModel jumps(m_db->db());
            jumps.sort(col, order);
            for (int k = 0; k < 60; ++k) {
                const int r = QRandomGenerator::global()->bounded(1500);
                QCOMPARE(jumps.employeeIdAt(r), expected.at(r));
            }
            // Jumps through the anchors of the background scan.
            const int oldStep = WindowedSqlTableModel::anchorStep();
            WindowedSqlTableModel::setAnchorStep(37);
            EmployeeTableModel anchored(m_db->db());
            anchored.sort(col, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
            anchored.sort(col, order);
            QTRY_VERIFY(anchored.hasAnchors());
            for (int k = 0; k < 200; ++k) {
                const int r = QRandomGenerator::global()->bounded(1500);
                EmployeeTableModel::Column c = EmployeeTableModel::Column(k % 4);
                QVERIFY(anchored.index(r, c).data().isValid());
                QCOMPARE(anchored.employeeIdAt(r), expected.at(r));
            }
            WindowedSqlTableModel::setAnchorStep(oldStep);
            // The order really is the column's order.
            QStringList values = column(reference, col);
            QStringList sorted = values;
            auto less = [](const QString &a, const QString &b) {
                if (a.isEmpty() != b.isEmpty())
                    return b.isEmpty();   // empty phones last
                return a.compare(b, Qt::CaseInsensitive) < 0;
            };
            std::stable_sort(sorted.begin(), sorted.end(), less);
            if (order == Qt::DescendingOrder)
                std::reverse(sorted.begin(), sorted.end());
            if (!reference.database().driverName().startsWith(QLatin1String("QPSQL")) || col == EmployeeTableModel::Phone)
                QCOMPARE(values, sorted);
        }
    }
}

void TestEmployeeTableModel::sortKeepsTheSelectionOnItsEmployee()
{
    add(person(QStringLiteral("Zed"), QStringLiteral("Able"), QStringLiteral("z@example.com")));
    const qint64 amy = add(person(QStringLiteral("Amy"), QStringLiteral("Zane"), QStringLiteral("a@example.com")));
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.employeeIdAt(1), amy);
    QPersistentModelIndex selected = model.index(1, 0);
    model.sort(EmployeeTableModel::FirstName, Qt::AscendingOrder);
    QCOMPARE(selected.row(), 0);
    QCOMPARE(model.employeeIdAt(0), amy);
}

void TestEmployeeTableModel::broadSearchGetsItsExactCountInTheBackground()
{
    QVERIFY(m_store->beginBulk());
    for (int i = 0; i < 400; ++i)
        QVERIFY(add(person(i % 2 ? QStringLiteral("Sam%1").arg(i) : QStringLiteral("Kim%1").arg(i), QStringLiteral("Lee"),
                           (i % 3 ? QStringLiteral("b%1@example.com") : QStringLiteral("sam.b%1@example.com")).arg(i),
                           i % 4 == 1 ? QString() : QStringLiteral("+4930%1").arg(20000000 + i))) > 0);
    const int samMatches = 200 + 67;   // odd i by first name, plus i % 6 == 0 by email
    QVERIFY(m_store->commitBulk());
    const qint64 oldCap = WindowedSqlTableModel::searchCountCap();
    // What the rows must be, from exact counts.
    QHash<int, QList<qint64>> reference;
    WindowedSqlTableModel::setSearchCountCap(0);
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        EmployeeTableModel exact(m_db->db());
        exact.sort(col, col % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        exact.setSearchText(QStringLiteral("sam"));
        QVERIFY(exact.isCountExact());
        for (int r = 0; r < exact.rowCount(); ++r)
            reference[col] << exact.employeeIdAt(r);
        QCOMPARE(reference[col].size(), samMatches);
    }
    // Two words: the rows come from the more selective word's alternatives.
    for (const QString &text : {QStringLiteral("sam lee"), QStringLiteral("lee sam.b1")}) {
        WindowedSqlTableModel::setSearchCountCap(0);
        EmployeeTableModel exact(m_db->db());
        exact.setSearchText(text);
        QList<qint64> expected;
        for (int r = 0; r < exact.rowCount(); ++r)
            expected << exact.employeeIdAt(r);
        QVERIFY(!expected.isEmpty());
        WindowedSqlTableModel::setSearchCountCap(5);
        EmployeeTableModel provisional(m_db->db());
        provisional.setSearchText(text);
        for (int r = 0; r < provisional.rowCount(); ++r)
            QCOMPARE(provisional.employeeIdAt(r), expected.at(r));
        QTRY_VERIFY(provisional.isCountExact());
        QCOMPARE(provisional.rowCount(), expected.size());
    }
    WindowedSqlTableModel::setSearchCountCap(50);
    // With provisional counts, the rows shown are the first rows of the exact
    // result (merged from one ordered read per alternative of the word).
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        EmployeeTableModel provisional(m_db->db());
        provisional.sort(col, col % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        provisional.setSearchText(QStringLiteral("sam"));
        QVERIFY(!provisional.isCountExact());
        if (col != EmployeeTableModel::Phone) {   // one segment: a prefix of the exact order
            for (int r = 0; r < provisional.rowCount(); ++r)
                QCOMPARE(provisional.employeeIdAt(r), reference[col].at(r));
        }
        QTRY_VERIFY(provisional.isCountExact());
        for (int r = 0; r < provisional.rowCount(); r += 7)
            QCOMPARE(provisional.employeeIdAt(r), reference[col].at(r));
    }
    EmployeeTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &EmployeeTableModel::countsChanged);
    model.sort(EmployeeTableModel::Phone, Qt::AscendingOrder);   // two segments: with and without phone
    model.setSearchText(QStringLiteral("sam"));
    // At once: the first rows of each segment; soon: all 200.
    QVERIFY(model.rowCount() <= 100);
    QVERIFY(!model.isCountExact());
    const qint64 first = model.employeeIdAt(0);
    QCOMPARE(model.rowOfEmployee(first), 0);
    const qint64 last = model.employeeIdAt(model.rowCount() - 1);
    QCOMPARE(model.rowOfEmployee(last), model.rowCount() - 1);
    QTRY_VERIFY(model.isCountExact());
    QCOMPARE(model.rowCount(), samMatches);
    QCOMPARE(model.matchCount(), samMatches);
    QCOMPARE(model.totalCount(), 400);
    QCOMPARE(model.employeeIdAt(0), first);
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.employeeIdAt(r);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), samMatches);
    // A newer keystroke makes a pending count stale.
    model.setSearchText(QStringLiteral("s"));
    model.setSearchText(QStringLiteral("kim"));
    QTRY_VERIFY(model.isCountExact());
    QCOMPARE(model.rowCount(), 200);
    QVERIFY(counts.count() >= 3);
    WindowedSqlTableModel::setSearchCountCap(oldCap);
}

QTEST_GUILESS_MAIN(TestEmployeeTableModel)
#include "TestEmployeeTableModel.moc"

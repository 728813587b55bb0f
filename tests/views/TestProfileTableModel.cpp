// The Profiles view's model: employee name through the relation, team name
// through a left join (profiles without a team shown), translated gender,
// sorting by every column, positions, refresh without reset, search.
#include "store/EmployeeStore.h"
#include "views/ProfileTableModel.h"
#include "domain/DisplayFormat.h"
#include "TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace {
Employee person(const QString &first, const QString &last, const QString &email)
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = email;
    return e;
}

QStringList column(ProfileTableModel &model, int col)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, col).data().toString();
    return values;
}
}

class TestProfileTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsRelationsAndTranslatedGender();
    void sortsByEveryColumn();
    void rowOfEmployeeAndRefresh();
    void searchIsInjectionSafe();
    void manyRowsPassTheModelTester();

private:
    qint64 add(const QString &first, const QString &last, const QString &team = {}, Gender gender = Gender::Unspecified,
               const QDate &dob = {}, const QString &address = {});
    qint64 teamId(const QString &name) const;
    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
    int m_serial = 0;
};

void TestProfileTableModel::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestProfileTableModel::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

qint64 TestProfileTableModel::teamId(const QString &name) const
{
    for (const Team &t : m_store->teams()) {
        if (t.name == name)
            return t.id;
    }
    return 0;
}

qint64 TestProfileTableModel::add(const QString &first, const QString &last, const QString &team, Gender gender,
                                  const QDate &dob, const QString &address)
{
    EmployeeProfile seed;
    seed.teamId = team.isEmpty() ? 0 : teamId(team);
    seed.gender = gender;
    seed.dateOfBirth = dob;
    seed.address = address;
    const StoreResult r = m_store->createEmployee(
        person(first, last, QStringLiteral("p%1@example.com").arg(++m_serial)), seed);
    if (!r.ok())
        qWarning("create failed: %s", qPrintable(r.errorText()));
    return r.id();
}

void TestProfileTableModel::showsRelationsAndTranslatedGender()
{
    add(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("Engineering"), Gender::Female,
        QDate(1815, 12, 10), QStringLiteral("London"));
    add(QStringLiteral("Bob"), QStringLiteral("Nobody"));
    ProfileTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(ProfileTableModel::Employee, Qt::Horizontal).toString(), QStringLiteral("Employee"));
    QCOMPARE(model.headerData(ProfileTableModel::DateOfBirth, Qt::Horizontal).toString(), QStringLiteral("Date of birth"));
    QCOMPARE(model.headerData(ProfileTableModel::Team, Qt::Horizontal).toString(), QStringLiteral("Team"));
    QCOMPARE(model.headerData(ProfileTableModel::Gender, Qt::Horizontal).toString(), QStringLiteral("Gender"));
    QCOMPARE(model.headerData(ProfileTableModel::Address, Qt::Horizontal).toString(), QStringLiteral("Address"));
    QCOMPARE(model.rowCount(), 2);   // the profile without team is shown (left join)
    QCOMPARE(column(model, ProfileTableModel::Employee), (QStringList{"Ada Lovelace", "Bob Nobody"}));
    QCOMPARE(column(model, ProfileTableModel::Team), (QStringList{"Engineering", ""}));
    QCOMPARE(column(model, ProfileTableModel::Gender), (QStringList{genderDisplayName(Gender::Female), ""}));
    QCOMPARE(model.index(0, ProfileTableModel::DateOfBirth).data(Qt::EditRole).toDate(), QDate(1815, 12, 10));
    QCOMPARE(model.index(0, ProfileTableModel::DateOfBirth).data().toString(),
             QLocale().toString(QDate(1815, 12, 10), DisplayFormat::dateFormat()));   // four-digit year
    QVERIFY(model.index(0, ProfileTableModel::DateOfBirth).data().toString().contains(QStringLiteral("1815")));
    QCOMPARE(model.index(0, ProfileTableModel::Address).data().toString(), QStringLiteral("London"));
    QCOMPARE(model.index(0, ProfileTableModel::Team).data(Qt::EditRole).toLongLong(), teamId(QStringLiteral("Engineering")));
    QCOMPARE(model.index(0, ProfileTableModel::Gender).data(Qt::EditRole).toString(), QStringLiteral("female"));
}

void TestProfileTableModel::sortsByEveryColumn()
{
    add(QStringLiteral("Cy"), QStringLiteral("C"), QStringLiteral("Product"), Gender::Male, QDate(1990, 1, 1), QStringLiteral("b street"));
    add(QStringLiteral("Al"), QStringLiteral("A"), {}, Gender::Unspecified, {}, {});
    add(QStringLiteral("Bo"), QStringLiteral("B"), QStringLiteral("Engineering"), Gender::Female, QDate(1980, 1, 1), QStringLiteral("A street"));
    ProfileTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(column(model, ProfileTableModel::Employee), (QStringList{"Al A", "Bo B", "Cy C"}));
    model.sort(ProfileTableModel::Team, Qt::AscendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Team), (QStringList{"Engineering", "Product", ""}));
    model.sort(ProfileTableModel::Team, Qt::DescendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Team), (QStringList{"", "Product", "Engineering"}));
    model.sort(ProfileTableModel::Gender, Qt::AscendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Gender),
             (QStringList{genderDisplayName(Gender::Female), genderDisplayName(Gender::Male), ""}));
    model.sort(ProfileTableModel::DateOfBirth, Qt::AscendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Employee), (QStringList{"Bo B", "Cy C", "Al A"}));
    model.sort(ProfileTableModel::Address, Qt::AscendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Address), (QStringList{"A street", "b street", ""}));
    model.sort(ProfileTableModel::Employee, Qt::DescendingOrder);
    QCOMPARE(column(model, ProfileTableModel::Employee), (QStringList{"Cy C", "Bo B", "Al A"}));
}

void TestProfileTableModel::rowOfEmployeeAndRefresh()
{
    const qint64 al = add(QStringLiteral("Al"), QStringLiteral("A"));
    const qint64 cy = add(QStringLiteral("Cy"), QStringLiteral("C"));
    ProfileTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowOfEmployee(al), 0);
    QCOMPARE(model.rowOfEmployee(cy), 1);
    QCOMPARE(model.employeeIdAt(1), cy);
    (void)column(model, 0);
    QPersistentModelIndex selected = model.index(1, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const qint64 bo = add(QStringLiteral("Bo"), QStringLiteral("B"), QStringLiteral("Marketing"));
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfEmployee(bo), 1);
    QCOMPARE(selected.row(), 2);
    QCOMPARE(model.index(1, ProfileTableModel::Team).data().toString(), QStringLiteral("Marketing"));
    std::optional<EmployeeProfile> profile = m_store->profileOf(cy);
    QVERIFY(profile);
    profile->address = QStringLiteral("Moved");
    QVERIFY(m_store->updateProfile(*profile).ok());
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(2, ProfileTableModel::Address).data().toString(), QStringLiteral("Moved"));
    QVERIFY(m_store->deleteEmployee(al).ok());
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfEmployee(al), -1);
    QCOMPARE(model.totalCount(), 2);
}

void TestProfileTableModel::searchIsInjectionSafe()
{
    const qint64 obrien = add(QStringLiteral("Conan"), QStringLiteral("O'Brien"));
    add(QStringLiteral("Ann"), QStringLiteral("Smith"));
    ProfileTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearchText(QStringLiteral("o'brien"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.employeeIdAt(0), obrien);
    model.setSearchText(QStringLiteral("' OR 1=1 --"));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 2);
    model.setSearchText({});
    QCOMPARE(model.rowCount(), 2);
}

void TestProfileTableModel::manyRowsPassTheModelTester()
{
    QVERIFY(m_store->beginBulk());
    const QStringList teams = {QString(), QStringLiteral("Product"), QStringLiteral("Engineering"), QStringLiteral("Marketing")};
    for (int i = 0; i < 700; ++i)
        QVERIFY(add(QStringLiteral("F%1").arg(i % 9), QStringLiteral("L%1").arg(i), teams.at(i % 4),
                    Gender(i % 4), i % 5 ? QDate(1950 + i % 50, 1 + i % 12, 1 + i % 28) : QDate(),
                    i % 6 ? QStringLiteral("%1 Main St").arg(i) : QString()) > 0);
    QVERIFY(m_store->commitBulk());
    ProfileTableModel model(m_db->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int col = 0; col < ProfileTableModel::ColumnCount; ++col) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(col, order);
            QList<qint64> forward;
            for (int r = 0; r < model.rowCount(); ++r)
                forward << model.employeeIdAt(r);
            QCOMPARE(QSet<qint64>(forward.cbegin(), forward.cend()).size(), 700);
            ProfileTableModel backwards(m_db->db());
            backwards.sort(col, order);
            for (int r = 699; r >= 0; r -= 3)
                QCOMPARE(backwards.employeeIdAt(r), forward.at(r));
            QCOMPARE(backwards.rowOfEmployee(forward.at(350)), 350);
            ProfileTableModel jumps(m_db->db());
            jumps.sort(col, order);
            for (int r : {350, 140, 520, 10, 690, 300})
                QCOMPARE(jumps.employeeIdAt(r), forward.at(r));
        }
    }
}

QTEST_GUILESS_MAIN(TestProfileTableModel)
#include "TestProfileTableModel.moc"

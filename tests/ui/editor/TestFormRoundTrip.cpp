// The form writes what the user changed and nothing else (issue 9, part 1).
// Every combination of present/absent profile fields (64 records, and one with
// empty strings instead of NULLs) is opened in the real dialog and saved
// without an edit: both rows must be byte for byte what they were (no version
// bump, no updated_at change). Then one field is edited: only its column(s),
// updated_at and version may move, and the other row not at all.
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "editor/FormWidgets.h"
#include "editor/PhotoField.h"
#include "RowSnapshot.h"
#include "FormParts.h"
#include "TestDatabase.h"

#include <QBuffer>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <memory>

namespace {
enum ProfileBit { DateOfBirth = 1, TeamBit = 2, GenderBit = 4, Address = 8, Photo = 16, Bio = 32 };
constexpr int EmptyStrings = 64;   // the extra row: '' instead of NULL where text can be empty

QByteArray pngBytes(const QColor &color)
{
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
}

class TestFormRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void savingWithoutAnEditWritesNothing_data();
    void savingWithoutAnEditWritesNothing();
    void editingOneFieldChangesOnlyThatColumn_data();
    void editingOneFieldChangesOnlyThatColumn();
    void noTeamStaysNoTeamWhenAnotherFieldChanges();

private:
    void addRows();
    qint64 createRecord(int mask);
    QStringList employeeRow(qint64 id) const { return rowSnapshot(m_db->db(), "employee", "id", id); }
    QStringList profileRow(qint64 id) const { return rowSnapshot(m_db->db(), "employee_profile", "employee_id", id); }
    std::unique_ptr<EmployeeEditDialog> open(qint64 id);
    // Edits field number `which` (0..9, the form's order) the way a user would.
    QStringList editField(EmployeeEditDialog *dialog, int which, int mask);

    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
    qint64 m_research = 0;
};

void TestFormRoundTrip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFormRoundTrip::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
    // The schema's teams include "Engineering", first in the list: a NULL
    // team shown as row 0 would turn into it.
    const StoreResult research = m_store->createTeam(QStringLiteral("Research"));
    QVERIFY(research.ok());
    m_research = research.id();
}

void TestFormRoundTrip::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

void TestFormRoundTrip::addRows()
{
    QTest::addColumn<int>("mask");
    for (int mask = 0; mask < 64; ++mask)
        QTest::addRow("fields-%02d", mask) << mask;
    QTest::addRow("empty-strings") << (EmptyStrings | TeamBit);
}

qint64 TestFormRoundTrip::createRecord(int mask)
{
    Employee e;
    e.firstName = QStringLiteral("Case");
    e.lastName = QString::number(mask);
    e.email = QStringLiteral("case%1@example.com").arg(mask);
    if (mask % 2 == 0)   // the phone, the employee's only nullable field, both ways too
        e.phone = QStringLiteral("+4930%1").arg(12345600 + mask);
    EmployeeProfile p;
    if (mask & DateOfBirth)
        p.dateOfBirth = QDate(1985, 12, 10);
    if (mask & TeamBit)
        p.teamId = m_research;
    if (mask & GenderBit)
        p.gender = Gender::Female;
    if (mask & Address)
        p.address = QStringLiteral("1 Main Street\nSpringfield");
    if (mask & Photo)
        p.photo = pngBytes(Qt::darkCyan);
    if (mask & Bio)
        p.bio = QStringLiteral("Writes compilers.");
    const StoreResult created = m_store->createEmployee(e, p);
    if (!created.ok())
        qWarning() << created.errorText();
    if (mask & EmptyStrings) {
        QSqlQuery q(m_db->db());
        q.prepare(QStringLiteral("UPDATE employee_profile SET address = '', bio = '', gender = '' WHERE employee_id = ?"));
        q.addBindValue(created.id());
        if (!q.exec())
            qWarning() << "could not store empty strings";
    }
    return created.id();
}

std::unique_ptr<EmployeeEditDialog> TestFormRoundTrip::open(qint64 id)
{
    auto dialog = std::make_unique<EmployeeEditDialog>(m_store, id);
    dialog->show();
    return dialog;
}

void TestFormRoundTrip::savingWithoutAnEditWritesNothing_data()
{
    addRows();
}

void TestFormRoundTrip::savingWithoutAnEditWritesNothing()
{
    QFETCH(int, mask);
    const qint64 id = createRecord(mask);
    QVERIFY(id > 0);
    const QStringList employee = employeeRow(id);
    const QStringList profile = profileRow(id);
    QVERIFY(!employee.isEmpty() && !profile.isEmpty());

    auto dialog = open(id);
    QVERIFY(!dialog->isWindowModified());
    auto *team = dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"));
    QCOMPARE(team->currentIndex() >= 0, bool(mask & TeamBit));   // no team is shown as no team
    QVERIFY(dialog->save());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(employeeRow(id), employee);
    QCOMPARE(profileRow(id), profile);
}

void TestFormRoundTrip::editingOneFieldChangesOnlyThatColumn_data()
{
    addRows();
}

void TestFormRoundTrip::editingOneFieldChangesOnlyThatColumn()
{
    QFETCH(int, mask);
    const qint64 id = createRecord(mask);
    QVERIFY(id > 0);
    const QStringList employee = employeeRow(id);
    const QStringList profile = profileRow(id);
    const int which = mask % 10;
    const bool profileField = which >= 4;

    auto dialog = open(id);
    const QStringList expected = editField(dialog.get(), which, mask);
    QVERIFY(dialog->isWindowModified());
    QVERIFY2(dialog->save(), qPrintable(FormParts::errorFor(*dialog, QString())));

    const QStringList changedEmployee = changedColumns(employee, employeeRow(id));
    const QStringList changedProfile = changedColumns(profile, profileRow(id));
    const QStringList &edited = profileField ? changedProfile : changedEmployee;
    const QStringList &untouched = profileField ? changedEmployee : changedProfile;
    QVERIFY2(untouched.isEmpty(), qPrintable(untouched.join(',')));
    for (const QString &column : expected)
        QVERIFY2(edited.contains(column), qPrintable(column + QStringLiteral(" did not change")));
    QVERIFY(edited.contains(QStringLiteral("version")));
    for (const QString &column : edited) {
        QVERIFY2(expected.contains(column) || column == QLatin1String("updated_at") || column == QLatin1String("version"),
                 qPrintable(column + QStringLiteral(" changed although it was not edited")));
    }
}

QStringList TestFormRoundTrip::editField(EmployeeEditDialog *dialog, int which, int mask)
{
    auto line = [dialog](const char *name) { return dialog->findChild<QLineEdit *>(QLatin1String(name)); };
    auto text = [dialog](const char *name) { return dialog->findChild<QPlainTextEdit *>(QLatin1String(name)); };
    auto button = [dialog](const char *name) { return dialog->findChild<QAbstractButton *>(QLatin1String(name)); };
    switch (which) {
    case 0:
        QTest::keyClicks(line("firstNameEdit"), QStringLiteral("ina"));
        return {QStringLiteral("first_name")};
    case 1:
        QTest::keyClicks(line("lastNameEdit"), QStringLiteral("b"));
        return {QStringLiteral("last_name")};
    case 2:
        line("emailEdit")->selectAll();
        QTest::keyClicks(line("emailEdit"), QStringLiteral("changed%1@example.org").arg(mask));
        return {QStringLiteral("email"), QStringLiteral("email_normalized")};
    case 3:
        line("phoneEdit")->selectAll();
        if (line("phoneEdit")->text().isEmpty())
            QTest::keyClicks(line("phoneEdit"), QStringLiteral("+1 202 555 01%1").arg(10 + mask % 80));
        else
            QTest::keyClick(line("phoneEdit"), Qt::Key_Delete);
        return {QStringLiteral("phone")};
    case 4: {
        auto *dob = dialog->findChild<DateOfBirthEdit *>(QStringLiteral("dateOfBirthEdit"));
        if (dob->isEmpty())
            dob->setIsoDate(QStringLiteral("1990-01-02"));
        else
            button("clearDateButton")->click();
        return {QStringLiteral("date_of_birth")};
    }
    case 5: {
        auto *team = dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"));
        if (team->currentIndex() < 0)
            team->setCurrentIndex(team->findText(QStringLiteral("Research")));
        else
            button("clearTeamButton")->click();
        return {QStringLiteral("team_id")};
    }
    case 6: {
        auto *gender = dialog->findChild<GenderComboBox *>(QStringLiteral("genderCombo"));
        gender->setGender(gender->gender() == Gender::Female ? Gender::Male : Gender::Female);
        return {QStringLiteral("gender")};
    }
    case 7:
        text("addressEdit")->moveCursor(QTextCursor::End);
        QTest::keyClicks(text("addressEdit"), QStringLiteral(" 42"));
        return {QStringLiteral("address")};
    case 8:
        text("bioEdit")->moveCursor(QTextCursor::End);
        QTest::keyClicks(text("bioEdit"), QStringLiteral(" And tests."));
        return {QStringLiteral("bio")};
    default: {
        auto *photo = dialog->findChild<PhotoField *>(QStringLiteral("photoField"));
        if (photo->photo().isEmpty())
            photo->setPhoto(pngBytes(Qt::darkRed));
        else
            button("removePhotoButton")->click();
        return {QStringLiteral("photo")};
    }
    }
}

void TestFormRoundTrip::noTeamStaysNoTeamWhenAnotherFieldChanges()
{
    // The report that started issue 9: no team, change only the address.
    const qint64 id = createRecord(Address);
    auto dialog = open(id);
    auto *team = dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"));
    QCOMPARE(team->currentIndex(), -1);
    auto *address = dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"));
    address->selectAll();
    QTest::keyClicks(address, QStringLiteral("2 Side Street"));
    QVERIFY(dialog->save());
    QSqlQuery q(m_db->db());
    q.prepare(QStringLiteral("SELECT team_id IS NULL, address FROM employee_profile WHERE employee_id = ?"));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QVERIFY2(q.value(0).toBool(), "the profile got a team nobody chose");
    QCOMPARE(q.value(1).toString(), QStringLiteral("2 Side Street"));
}

QTEST_MAIN(TestFormRoundTrip)
#include "TestFormRoundTrip.moc"

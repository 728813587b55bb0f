// The form editor on its own: creating an employee (the profile comes from
// the employeeCreated receiver), editing the profile through the employee's
// form, validation errors next to their fields with the input kept, the
// unsaved-changes question, the photo field, accessibility and tab order.
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "editor/FormWidgets.h"
#include "editor/PhotoDecoder.h"
#include "editor/PhotoField.h"
#include "FormParts.h"
#include "MessageBoxAnswerer.h"
#include "TestDatabase.h"

#include <QAccessible>
#include <QApplication>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <functional>
#include <memory>

namespace {

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}
}

class TestEmployeeEditDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newEmployeeCreatesItsProfileAtOnce();
    void formShowsTheProfileThroughTheReverseRelation();
    void editingTheProfileThroughTheFormChangesTheRow();
    void invalidEmailIsShownNextToTheFieldAndInputIsKept();
    void storeErrorsAreShownNextToTheirFields();
    void emptyDateOfBirthAndNoTeamAreAllowed();
    void typingADateWorksFromEmpty();
    void cancelWithUnsavedChangesAsks();
    void cancelWithoutChangesClosesAtOnce();
    void titleShowsNameAndModifiedMarker();
    void accessibleNames();
    void tabOrderFollowsTheVisualOrder();
    void photoIsScaledAndStored();
    void photoRejectsNonImages();
    void photoRefusesWhatIsNotAJpegOrPng();
    void photoKeepsNoMetadata();
    void drivenThroughTheAccessibilityTree();

private:
    qint64 addEmployee(const QString &first, const QString &last, const QString &email);
    qint64 teamId(const QString &name) const;
    std::unique_ptr<EmployeeEditDialog> openDialog(qint64 id);

    std::unique_ptr<TestDatabase> m_db;
    EmployeeStore *m_store = nullptr;   // m_session's
    std::unique_ptr<AppSession> m_session;   // opened as the application opens one
};

void TestEmployeeEditDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEmployeeEditDialog::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString sessionError;
    m_session = m_db->openSession(&sessionError);
    QVERIFY2(m_session, qPrintable(sessionError));
    m_store = m_session->store();
}

void TestEmployeeEditDialog::cleanup()
{
    // An expected question that never came is a failure, not a pass.
    const int unanswered = pendingMessageBoxAnswers();
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
    QCOMPARE(unanswered, 0);
}

qint64 TestEmployeeEditDialog::addEmployee(const QString &first, const QString &last, const QString &email)
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = email;
    const StoreResult r = m_store->createEmployee(e);
    if (!r.ok())
        qWarning() << r.errorText();
    return r.id();
}

qint64 TestEmployeeEditDialog::teamId(const QString &name) const
{
    return scalar(m_db->db(), QStringLiteral("SELECT id FROM team WHERE name = ?"), {name}).toLongLong();
}

std::unique_ptr<EmployeeEditDialog> TestEmployeeEditDialog::openDialog(qint64 id)
{
    auto dialog = std::make_unique<EmployeeEditDialog>(m_store, id);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("dialog not exposed");
    return dialog;
}

void TestEmployeeEditDialog::newEmployeeCreatesItsProfileAtOnce()
{
    auto dialog = openDialog(0);
    QVERIFY(dialog->isNewEmployee());
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    auto *last = dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"));
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    auto *phone = dialog->findChild<QLineEdit *>(QStringLiteral("phoneEdit"));
    auto *team = dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"));
    auto *address = dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"));
    QVERIFY(first && last && email && phone && team && address);
    QCOMPARE(team->currentIndex(), -1);   // a new employee has no team until one is chosen

    QTest::keyClicks(first, QStringLiteral("Siobhan"));
    QTest::keyClicks(last, QStringLiteral("O'Brien"));
    QTest::keyClicks(email, QStringLiteral("siobhan.obrien@example.com"));
    QTest::keyClicks(phone, QStringLiteral("+1 202 555 0142"));
    team->setFocus();
    team->setCurrentIndex(team->findText(QStringLiteral("Engineering")));
    QTest::keyClicks(address, QStringLiteral("1 Quay Street"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);

    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const qint64 id = dialog->employeeId();
    QVERIFY(id > 0);
    const auto employee = m_store->employee(id);
    QVERIFY(employee);
    QCOMPARE(employee->lastName, QStringLiteral("O'Brien"));
    QCOMPARE(employee->phone, QStringLiteral("+12025550142"));   // stored normalized
    {
        auto reopened = openDialog(employee->id);
        QCOMPARE(reopened->findChild<QLineEdit *>(QStringLiteral("phoneEdit"))->text(),
                 QStringLiteral("+1 202-555-0142"));   // shown grouped
        QVERIFY(!reopened->isWindowModified());
    }
    const QSqlDatabase db = m_db->db();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM employee_profile WHERE employee_id = ?"), {id}).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT team_id FROM employee_profile WHERE employee_id = ?"), {id}).toLongLong(),
             teamId(QStringLiteral("Engineering")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT address FROM employee_profile WHERE employee_id = ?"), {id}).toString(),
             QStringLiteral("1 Quay Street"));
}

void TestEmployeeEditDialog::formShowsTheProfileThroughTheReverseRelation()
{
    const qint64 id = addEmployee(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
    QVERIFY(id);
    EmployeeProfile profile = *m_store->profileOf(id);
    profile.dateOfBirth = QDate(1985, 12, 10);
    profile.teamId = teamId(QStringLiteral("Marketing"));
    profile.address = QStringLiteral("12 St James's Square\nLondon");
    profile.gender = Gender::Female;
    profile.bio = QStringLiteral("Wrote the first program.");
    QVERIFY2(m_store->updateProfile(profile).ok(), "profile update");

    auto dialog = openDialog(id);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->text(), QStringLiteral("Ada"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(), QStringLiteral("ada@example.com"));
    QCOMPARE(dialog->findChild<DateOfBirthEdit *>(QStringLiteral("dateOfBirthEdit"))->dateOfBirth(), QDate(1985, 12, 10));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"))->currentText(), QStringLiteral("Marketing"));
    QCOMPARE(dialog->findChild<GenderComboBox *>(QStringLiteral("genderCombo"))->gender(), Gender::Female);
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"))->toPlainText(),
             QStringLiteral("12 St James's Square\nLondon"));
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("bioEdit"))->toPlainText(),
             QStringLiteral("Wrote the first program."));
    QVERIFY(!dialog->isWindowModified());
}

void TestEmployeeEditDialog::editingTheProfileThroughTheFormChangesTheRow()
{
    const qint64 id = addEmployee(QStringLiteral("Grace"), QStringLiteral("Hopper"), QStringLiteral("grace@example.com"));
    QVERIFY(id);
    auto dialog = openDialog(id);
    auto *team = dialog->findChild<QComboBox *>(QStringLiteral("teamCombo"));
    auto *dob = dialog->findChild<DateOfBirthEdit *>(QStringLiteral("dateOfBirthEdit"));
    auto *address = dialog->findChild<QPlainTextEdit *>(QStringLiteral("addressEdit"));
    auto *gender = dialog->findChild<GenderComboBox *>(QStringLiteral("genderCombo"));

    // Keyboard: pick the team by typing its first letter, as a person would.
    team->setFocus();
    QTest::keyClick(team, Qt::Key_P);
    QCOMPARE(team->currentText(), QStringLiteral("Product"));
    dob->setDate(QDate(1906, 12, 9));
    address->setFocus();
    QTest::keyClicks(address, QStringLiteral("Arlington, Virginia"));
    gender->setGender(Gender::Female);
    QVERIFY(dialog->isWindowModified());
    QVERIFY(dialog->save());

    const QSqlDatabase db = m_db->db();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT team_id, date_of_birth, address, gender FROM employee_profile WHERE employee_id = ?"));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toLongLong(), teamId(QStringLiteral("Product")));
    QCOMPARE(q.value(1).toString(), QStringLiteral("1906-12-09"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("Arlington, Virginia"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("female"));
    q.finish();   // an open SQLite read keeps its snapshot: the next check must see the next save
    QCOMPARE(m_store->employee(id)->firstName, QStringLiteral("Grace"));

    // A second edit of the same employee (versions advanced) works as well,
    // and clearing the team stores NULL.
    auto again = openDialog(id);
    QCOMPARE(again->findChild<QComboBox *>(QStringLiteral("teamCombo"))->currentText(), QStringLiteral("Product"));
    QTest::mouseClick(again->findChild<QToolButton *>(QStringLiteral("clearTeamButton")), Qt::LeftButton);
    QVERIFY(again->save());
    QVERIFY(scalar(db, QStringLiteral("SELECT team_id FROM employee_profile WHERE employee_id = ?"), {id}).isNull());
}

void TestEmployeeEditDialog::invalidEmailIsShownNextToTheFieldAndInputIsKept()
{
    auto dialog = openDialog(0);
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    auto *last = dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"));
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    auto *emailError = dialog->findChild<QLabel *>(QStringLiteral("emailError"));
    QVERIFY(emailError);
    QVERIFY(emailError->isHidden());
    QTest::keyClicks(first, QStringLiteral("Alan"));
    QTest::keyClicks(last, QStringLiteral("Turing"));
    QTest::keyClicks(email, QStringLiteral("alan(at)example"));
    // Enter in a line edit presses the default button, Save.
    QTest::keyClick(email, Qt::Key_Return);

    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->result() != QDialog::Accepted);
    QVERIFY(!FormParts::errorFor(*dialog, QStringLiteral("email")).isEmpty());
    QVERIFY(emailError->isVisible());
    QCOMPARE(emailError->text(), FormParts::errorFor(*dialog, QStringLiteral("email")));
    QCOMPARE(email->accessibleDescription(), emailError->text());
    QCOMPARE(email->text(), QStringLiteral("alan(at)example"));   // input kept
    QCOMPARE(first->text(), QStringLiteral("Alan"));
    QCOMPARE(QApplication::focusWidget(), email);                   // first bad field focused
    QVERIFY(FormParts::errorFor(*dialog, QStringLiteral("first_name")).isEmpty());
    QCOMPARE(m_store->employeeCount(), 0);

    // Correct it and save again.
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("alan@example.com"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(FormParts::errorFor(*dialog, QStringLiteral("email")).isEmpty());
    QCOMPARE(m_store->employeeCount(), 1);
    QVERIFY(m_store->profileOf(dialog->employeeId()));
}

void TestEmployeeEditDialog::storeErrorsAreShownNextToTheirFields()
{
    QVERIFY(addEmployee(QStringLiteral("Taken"), QStringLiteral("Address"), QStringLiteral("taken@example.com")));
    auto dialog = openDialog(0);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Other"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), QStringLiteral("Person"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")), QStringLiteral("TAKEN@example.com"));
    QVERIFY(!dialog->save());
    QVERIFY(!FormParts::errorFor(*dialog, QStringLiteral("email")).isEmpty());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(), QStringLiteral("TAKEN@example.com"));
    QCOMPARE(m_store->employeeCount(), 1);

    // Empty names: each error under its own field, the first one focused.
    auto blank = openDialog(0);
    QVERIFY(!blank->save());
    QVERIFY(!FormParts::errorFor(*blank, QStringLiteral("first_name")).isEmpty());
    QVERIFY(!FormParts::errorFor(*blank, QStringLiteral("last_name")).isEmpty());
    QCOMPARE(QApplication::focusWidget(), FormParts::input(*blank, QStringLiteral("first_name")));
}

void TestEmployeeEditDialog::emptyDateOfBirthAndNoTeamAreAllowed()
{
    const qint64 id = addEmployee(QStringLiteral("No"), QStringLiteral("Date"), QStringLiteral("nodate@example.com"));
    EmployeeProfile profile = *m_store->profileOf(id);
    profile.dateOfBirth = QDate(1970, 1, 1);
    QVERIFY(m_store->updateProfile(profile).ok());

    auto dialog = openDialog(id);
    auto *dob = dialog->findChild<DateOfBirthEdit *>(QStringLiteral("dateOfBirthEdit"));
    QCOMPARE(dob->dateOfBirth(), QDate(1970, 1, 1));
    QTest::mouseClick(dialog->findChild<QToolButton *>(QStringLiteral("clearDateButton")), Qt::LeftButton);
    QVERIFY(dob->isEmpty());
    QCOMPARE(dob->text(), QObject::tr("Not given"));
    QVERIFY(dialog->save());
    QVERIFY(scalar(m_db->db(), QStringLiteral("SELECT date_of_birth FROM employee_profile WHERE employee_id = ?"), {id})
                .isNull());
    QVERIFY(!m_store->profileOf(id)->dateOfBirth.isValid());
}

void TestEmployeeEditDialog::typingADateWorksFromEmpty()
{
    auto dialog = openDialog(0);
    auto *dob = dialog->findChild<DateOfBirthEdit *>(QStringLiteral("dateOfBirthEdit"));
    QVERIFY(dob->isEmpty());
    dob->setFocus();
    QTest::keyClicks(dob, QStringLiteral("1975"));
    QVERIFY(!dob->isEmpty());
    QCOMPARE(dob->dateOfBirth().year(), 1975);
}

void TestEmployeeEditDialog::cancelWithUnsavedChangesAsks()
{
    const qint64 id = addEmployee(QStringLiteral("Keep"), QStringLiteral("Me"), QStringLiteral("keep@example.com"));
    auto dialog = openDialog(id);
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    QTest::keyClick(first, Qt::Key_End);
    QTest::keyClicks(first, QStringLiteral("er"));
    QVERIFY(dialog->isWindowModified());

    // Esc, then "Cancel" in the question: the form stays with the input.
    QString question;
    answerNextMessageBox(QStringLiteral("Cancel"), &question);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    first->setFocus();
    QTest::keyClick(dialog->windowHandle(), Qt::Key_Escape);
    QVERIFY(question.contains(QStringLiteral("unsaved")));
    QVERIFY(dialog->isVisible());
    QCOMPARE(first->text(), QStringLiteral("Keeper"));

    // The Cancel button, then "Discard": closed, nothing written.
    answerNextMessageBox(QStringLiteral("Discard"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(m_store->employee(id)->firstName, QStringLiteral("Keep"));
}

void TestEmployeeEditDialog::cancelWithoutChangesClosesAtOnce()
{
    const qint64 id = addEmployee(QStringLiteral("Quick"), QStringLiteral("Exit"), QStringLiteral("quick@example.com"));
    auto dialog = openDialog(id);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    // Through the window, as a real key press (shortcuts included) travels.
    QTest::keyClick(dialog->windowHandle(), Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
}

void TestEmployeeEditDialog::titleShowsNameAndModifiedMarker()
{
    const qint64 id = addEmployee(QStringLiteral("Marie"), QStringLiteral("Curie"), QStringLiteral("marie@example.com"));
    auto dialog = openDialog(id);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("Marie Curie")));
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(!dialog->isWindowModified());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("bioEdit")), QStringLiteral("Physicist."));
    QVERIFY(dialog->isWindowModified());

    auto fresh = openDialog(0);
    QVERIFY(fresh->windowTitle().contains(QStringLiteral("New Employee")));
    QTest::keyClicks(fresh->findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Pierre"));
    QVERIFY(fresh->windowTitle().contains(QStringLiteral("Pierre")));
}

void TestEmployeeEditDialog::accessibleNames()
{
    auto dialog = openDialog(0);
    const QStringList names{QStringLiteral("First name"), QStringLiteral("Last name"), QStringLiteral("Email"),
                            QStringLiteral("Phone"), QStringLiteral("Date of birth"), QStringLiteral("Team"),
                            QStringLiteral("Address"), QStringLiteral("Gender"), QStringLiteral("Bio"),
                            QStringLiteral("Photo")};
    const QStringList fields{QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email"),
                             QStringLiteral("phone"), QStringLiteral("date_of_birth"), QStringLiteral("team"),
                             QStringLiteral("address"), QStringLiteral("gender"), QStringLiteral("bio"),
                             QStringLiteral("photo")};
    for (int i = 0; i < names.size(); ++i) {
        QWidget *w = FormParts::input(*dialog, fields[i]);
        QVERIFY2(w, qPrintable(fields[i]));
        QCOMPARE(w->accessibleName(), names[i]);
    }
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QCOMPARE(save->accessibleName(), QStringLiteral("Save"));
    QCOMPARE(cancel->accessibleName(), QStringLiteral("Cancel"));
    auto *gender = dialog->findChild<QComboBox *>(QStringLiteral("genderCombo"));
    QStringList items;
    for (int i = 0; i < gender->count(); ++i)
        items << gender->itemText(i);
    QCOMPARE(items, (QStringList{QStringLiteral("Unspecified"), QStringLiteral("Female"), QStringLiteral("Male"),
                                 QStringLiteral("Other")}));
}

void TestEmployeeEditDialog::tabOrderFollowsTheVisualOrder()
{
    auto dialog = openDialog(0);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    first->setFocus();
    QStringList order;
    for (int i = 0; i < 16; ++i) {
        QWidget *w = QApplication::focusWidget();
        // Compound widgets (date edit, photo field) focus an inner widget.
        while (w && w->objectName().isEmpty())
            w = w->parentWidget();
        const QString name = w ? w->objectName() : QStringLiteral("?");
        if (order.isEmpty() || order.last() != name)
            order << name;
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    const QStringList expected{QStringLiteral("firstNameEdit"), QStringLiteral("lastNameEdit"),
                               QStringLiteral("emailEdit"), QStringLiteral("phoneEdit"),
                               QStringLiteral("dateOfBirthEdit"), QStringLiteral("clearDateButton"),
                               QStringLiteral("teamCombo"), QStringLiteral("clearTeamButton"),
                               QStringLiteral("genderCombo"), QStringLiteral("addressEdit"), QStringLiteral("bioEdit"),
                               QStringLiteral("choosePhotoButton")};
    QCOMPARE(order.mid(0, expected.size()), expected);
    // ...then the dialog's buttons (Remove is disabled without a photo).
    QVERIFY2(order.contains(QStringLiteral("saveButton")), qPrintable(order.join(QLatin1Char(' '))));
}

void TestEmployeeEditDialog::photoIsScaledAndStored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.png"));
    QImage big(2000, 1000, QImage::Format_RGB32);
    big.fill(Qt::darkCyan);
    QVERIFY(big.save(path));

    const qint64 id = addEmployee(QStringLiteral("Photo"), QStringLiteral("Graph"), QStringLiteral("photo@example.com"));
    auto dialog = openDialog(id);
    auto *photo = dialog->findChild<PhotoField *>(QStringLiteral("photoField"));
    QVERIFY(photo->loadFromFile(path));
    QVERIFY(photo->errorText().isEmpty());
    QImage stored;
    QVERIFY(stored.loadFromData(photo->photo()));
    QCOMPARE(stored.size(), QSize(512, 256));
    QVERIFY(dialog->isWindowModified());
    QVERIFY(dialog->save());
    const QByteArray bytes = m_store->profileOf(id)->photo;
    QVERIFY(!bytes.isEmpty());
    QVERIFY(bytes.startsWith("\xFF\xD8") || bytes.startsWith("\x89PNG"));   // JPEG or PNG

    // Reopened, the preview shows it; Remove clears it.
    auto again = openDialog(id);
    auto *photo2 = again->findChild<PhotoField *>(QStringLiteral("photoField"));
    QCOMPARE(photo2->photo(), bytes);
    QTest::mouseClick(again->findChild<QPushButton *>(QStringLiteral("removePhotoButton")), Qt::LeftButton);
    QVERIFY(photo2->photo().isEmpty());
    QVERIFY(again->save());
    QVERIFY(m_store->profileOf(id)->photo.isEmpty());
}

void TestEmployeeEditDialog::photoRejectsNonImages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not an image at all");
    file.close();

    auto dialog = openDialog(0);
    auto *photo = dialog->findChild<PhotoField *>(QStringLiteral("photoField"));
    QVERIFY(!photo->loadFromFile(path));
    QVERIFY(photo->errorText().contains(QStringLiteral("notes.png")));
    QVERIFY(photo->photo().isEmpty());
    QVERIFY(!photo->loadFromFile(dir.filePath(QStringLiteral("missing.jpg"))));
    QVERIFY(!photo->errorText().isEmpty());
}

void TestEmployeeEditDialog::photoRefusesWhatIsNotAJpegOrPng()
{
    QTemporaryDir dir;
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    QByteArray png;
    {
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    QImage wide(PhotoDecoder::MaxSourceSide + 1, 1, QImage::Format_RGB32);
    wide.fill(Qt::black);
    const QString widePath = dir.filePath(QStringLiteral("wide.png"));
    QVERIFY(wide.save(widePath));
    const struct
    {
        QString path;
        QString reason;
    } refused[] = {
        {write(QStringLiteral("drawing.jpg"), "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                                              "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"),
         QStringLiteral("not a JPEG or PNG")},
        {write(QStringLiteral("script.jpg"), "#!/bin/sh\nrm -rf ~\n"), QStringLiteral("not a JPEG or PNG")},
        {write(QStringLiteral("cut.png"), png.left(png.size() / 2)), QStringLiteral("could not be decoded")},
        {widePath, QStringLiteral("pixels per side")},
    };
    auto dialog = openDialog(0);
    auto *photo = dialog->findChild<PhotoField *>(QStringLiteral("photoField"));
    for (const auto &file : refused) {
        QVERIFY2(!photo->loadFromFile(file.path), qPrintable(file.path));
        QVERIFY2(photo->errorText().contains(file.reason), qPrintable(photo->errorText()));
        QVERIFY(photo->photo().isEmpty());
    }
    QVERIFY(photo->loadFromFile(write(QStringLiteral("fine.png"), png)));   // the same PNG, whole
}

void TestEmployeeEditDialog::photoKeepsNoMetadata()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("holiday.jpg"));
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(Qt::darkBlue);
    image.setText(QStringLiteral("Location"), QStringLiteral("52.5163N 13.3777E"));   // written as a JPEG comment
    QVERIFY(image.save(path, "JPEG"));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(original.readAll().contains("52.5163N"));
    auto dialog = openDialog(0);
    auto *photo = dialog->findChild<PhotoField *>(QStringLiteral("photoField"));
    QVERIFY(photo->loadFromFile(path));
    QVERIFY(!photo->photo().isEmpty());
    QVERIFY(!photo->photo().contains("52.5163N"));
}

namespace {
QAccessibleInterface *findAccessible(QAccessibleInterface *root, const QString &name, QAccessible::Role role)
{
    if (!root)
        return nullptr;
    if (root->text(QAccessible::Name) == name && root->role() == role)
        return root;
    for (int i = 0; i < root->childCount(); ++i) {
        if (QAccessibleInterface *found = findAccessible(root->child(i), name, role))
            return found;
    }
    return nullptr;
}
}

void TestEmployeeEditDialog::drivenThroughTheAccessibilityTree()
{
    // What an assistive technology sees: named inputs with editable text,
    // and buttons it can press.
    auto dialog = openDialog(0);
    QAccessibleInterface *root = QAccessible::queryAccessibleInterface(dialog.get());
    QVERIFY(root);
    const struct
    {
        QString name;
        QString text;
    } inputs[] = {{QStringLiteral("First name"), QStringLiteral("Rosalind")},
                  {QStringLiteral("Last name"), QStringLiteral("Franklin")},
                  {QStringLiteral("Email"), QStringLiteral("rosalind@example.com")},
                  {QStringLiteral("Address"), QStringLiteral("Notting Hill, London")}};
    for (const auto &input : inputs) {
        QAccessibleInterface *field = findAccessible(root, input.name, QAccessible::EditableText);
        QVERIFY2(field, qPrintable(input.name));
        QVERIFY(field->editableTextInterface());
        field->editableTextInterface()->insertText(0, input.text);
    }
    // The other inputs: by accessible name, or (combo boxes on Linux, whose
    // accessible Name is their current text) by the label they are labelled by.
    for (const QString &field : {QStringLiteral("phone"), QStringLiteral("date_of_birth"), QStringLiteral("team"),
                                 QStringLiteral("gender"), QStringLiteral("bio")}) {
        QWidget *widget = FormParts::input(*dialog, field);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        QVERIFY2(iface, qPrintable(field));
        const QString name = widget->accessibleName();
        bool labelled = iface->text(QAccessible::Name) == name;
        for (const auto &relation : iface->relations(QAccessible::Label)) {
            if (relation.first->text(QAccessible::Name).remove(QLatin1Char('&')).remove(QLatin1Char(':')) == name)
                labelled = true;
        }
        QVERIFY2(labelled, qPrintable(field));
    }
    QVERIFY(findAccessible(root, QStringLiteral("Cancel"), QAccessible::Button));
    QAccessibleInterface *save = findAccessible(root, QStringLiteral("Save"), QAccessible::Button);
    QVERIFY(save && save->actionInterface());
    save->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    const auto employee = m_store->employee(dialog->employeeId());
    QVERIFY(employee);
    QCOMPARE(employee->lastName, QStringLiteral("Franklin"));
    QCOMPARE(m_store->profileOf(dialog->employeeId())->address, QStringLiteral("Notting Hill, London"));
}

QTEST_MAIN(TestEmployeeEditDialog)
#include "TestEmployeeEditDialog.moc"

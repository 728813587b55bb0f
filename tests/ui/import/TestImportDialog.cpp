// The import dialog (issue 13): issue 13's four files, made here byte by
// byte, previewed as they will be read (the umlaut decoded, the encoding and
// delimiter found, each column's field from the same aliases as the command
// line), tested as a dry run on a worker thread that changes nothing, and
// imported through the window with the right values; an ambiguous date
// column blocks Import until an order is chosen; mappings are remembered.
#include "app/AppSession.h"
#include "csv/ColumnAliases.h"
#include "import/ImportDialog.h"
#include "import/ImportFieldNames.h"
#include "mainwindow/MainWindow.h"
#include "MessageBoxAnswerer.h"
#include "store/EmployeeStore.h"
#include "TestDatabase.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>


namespace {

constexpr int ImportTimeoutMs = 120000;

QString query(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    QStringList values;
    for (int i = 0; i < q.record().count(); ++i)
        values << q.value(i).toString();
    return values.join(u'|');
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray windows1252(const QString &text)
{
    QStringEncoder encoder("windows-1252");
    return encoder.encode(text);
}

// A German spreadsheet saved as CSV: ;-separated, Windows-1252, dates 31.12.1980.
QString germanText(QChar delimiter)
{
    QString text = QStringLiteral("Vorname;Nachname;E-Mail;Telefon;Geburtsdatum;Geschlecht\r\n"
                                  "Jürgen;Müller;juergen.mueller@example.com;+49 30 1234567;31.12.1980;männlich\r\n"
                                  "Anna;Schäfer;anna.schaefer@example.com;;05.03.1975;weiblich\r\n");
    return text.replace(u';', delimiter);
}

template<typename T> T *part(QWidget *dialog, const char *name)
{
    return dialog->findChild<T *>(QString::fromLatin1(name));
}

QAbstractItemModel *previewModel(QWidget *dialog)
{
    return part<QTableView>(dialog, "previewTable")->model();
}

QString cell(QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

int mappingOf(QWidget *dialog, int fileColumn)
{
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("mapping%1").arg(fileColumn));
    return combo ? combo->currentData().toInt() : -100;
}

void choose(QComboBox *combo, int data)
{
    combo->setCurrentIndex(combo->findData(data));
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void previewShowsTheGermanFileAsItWillBeRead();
    void changingTheDelimiterReadsThePreviewAgain();
    void mappingComesFromTheAliases();
    void refusedRowsFileAndDoubledColumnsStartOnIgnore();
    void testIsADryRunListingEachRow();
    void updateModeTestShowsWouldUpdate();
    void importThroughTheWindowWithTheRightValues_data();
    void importThroughTheWindowWithTheRightValues();
    void reportAfterImportOffersTheRefusedRows();
    void ambiguousDatesBlockImportUntilAnOrderIsChosen();
    void mappingIsRememberedForTheSameHeader();

private:
    std::unique_ptr<ImportDialog> makeDialog(const QString &path);
    int employees() const;

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
};

void TestImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestImportDialog"));
    QVERIFY(m_dir.isValid());
}

void TestImportDialog::init()
{
    QSettings().clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
}

void TestImportDialog::cleanup()
{
    const int unanswered = pendingMessageBoxAnswers();
    m_session.reset();
    m_db.reset();
    QCOMPARE(unanswered, 0);
}

std::unique_ptr<ImportDialog> TestImportDialog::makeDialog(const QString &path)
{
    auto dialog = std::make_unique<ImportDialog>(path, AppSession::openerFor(m_db->location()),
                                                 EmployeeValidator(QStringLiteral("DE")));
    dialog->show();
    return dialog;
}

int TestImportDialog::employees() const
{
    return query(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM employee")).toInt();
}

void TestImportDialog::previewShowsTheGermanFileAsItWillBeRead()
{
    const QString path = write(m_dir, QStringLiteral("de.csv"), windows1252(germanText(u';')));
    QVERIFY(windows1252(QStringLiteral("ü")) == QByteArray("\xFC"));
    auto dialog = makeDialog(path);
    QVERIFY(part<QComboBox>(dialog.get(), "encodingCombo")->itemText(0).contains(QStringLiteral("Windows-1252")));
    QVERIFY(part<QComboBox>(dialog.get(), "delimiterCombo")->itemText(0).contains(QStringLiteral("semicolon")));
    QAbstractItemModel *model = previewModel(dialog.get());
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->columnCount(), 6);
    QCOMPARE(cell(model, 0, 1), QStringLiteral("Müller"));
    QCOMPARE(cell(model, 1, 1), QStringLiteral("Schäfer"));
    // As the importer reads them: the date in its column's order, the gender word as the gender.
    QCOMPARE(cell(model, 0, 4), QStringLiteral("1980-12-31"));
    QCOMPARE(cell(model, 0, 5), genderDisplayName(Gender::Male));
    QVERIFY(model->headerData(1, Qt::Horizontal).toString().contains(ImportFieldNames::label(ColumnAliases::LastName)));
    QVERIFY(part<QPushButton>(dialog.get(), "importButton")->isEnabled());
}

void TestImportDialog::changingTheDelimiterReadsThePreviewAgain()
{
    const QString path = write(m_dir, QStringLiteral("de-comma.csv"), windows1252(germanText(u',')));
    auto dialog = makeDialog(path);
    QAbstractItemModel *model = previewModel(dialog.get());
    QVERIFY(part<QComboBox>(dialog.get(), "delimiterCombo")->itemText(0).contains(QStringLiteral("comma")));
    QCOMPARE(model->columnCount(), 6);
    QCOMPARE(cell(model, 0, 1), QStringLiteral("Müller"));

    auto *delimiter = part<QComboBox>(dialog.get(), "delimiterCombo");
    choose(delimiter, int(u';'));
    QCOMPARE(model->columnCount(), 1);   // one column: no required field, no Import
    QVERIFY(!part<QPushButton>(dialog.get(), "importButton")->isEnabled());
    QVERIFY(!part<QLabel>(dialog.get(), "importProblem")->isHidden());
    choose(delimiter, int(u','));
    QCOMPARE(model->columnCount(), 6);
    QCOMPARE(mappingOf(dialog.get(), 2), int(ColumnAliases::Email));
    QVERIFY(part<QPushButton>(dialog.get(), "importButton")->isEnabled());
}

void TestImportDialog::mappingComesFromTheAliases()
{
    const QString path =
        write(m_dir, QStringLiteral("hr.csv"),
              "first_name,middle_name,last_name,employee_id,work_email,mobile,date_of_birth,gender\n"
              "Omar,K.,Haddad,E-17,omar.haddad@example.com,+49 30 7654321,1985-07-14,Male\n");
    auto dialog = makeDialog(path);
    const QList<int> expected = {ColumnAliases::FirstName, ImportFieldNames::Ignore, ColumnAliases::LastName,
                                 ImportFieldNames::Ignore, ColumnAliases::Email,    ColumnAliases::Phone,
                                 ColumnAliases::DateOfBirth, ColumnAliases::Gender};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(mappingOf(dialog.get(), i), expected.at(i));
    const ImportOptions options = dialog->options();
    QCOMPARE(options.columnMap.size(), 8);
    QCOMPARE(options.columnMap.at(1).second, QString());   // middle_name: Ignore
    QVERIFY(!options.createTeams);
    part<QCheckBox>(dialog.get(), "createTeamsCheck")->setChecked(true);
    QVERIFY(dialog->options().createTeams);
}

// A saved file of refused rows (its last column `reason`, which the aliases
// would read as the leaving reason) opens as the command line reads it; a
// field named twice keeps its first column, and the second starts on Ignore.
void TestImportDialog::refusedRowsFileAndDoubledColumnsStartOnIgnore()
{
    const QString refused = write(m_dir, QStringLiteral("refused.csv"),
                                  "first_name,last_name,email,reason\nBad,Row,not-an-email,email: not valid\n");
    auto dialog = makeDialog(refused);
    QCOMPARE(mappingOf(dialog.get(), 2), int(ColumnAliases::Email));
    QCOMPARE(mappingOf(dialog.get(), 3), int(ImportFieldNames::Ignore));
    const QString doubled = write(m_dir, QStringLiteral("doubled.csv"),
                                  "first_name,last_name,Email,E-Mail\nNora,O'Neill,nora@example.com,x@example.com\n");
    auto second = makeDialog(doubled);
    QCOMPARE(mappingOf(second.get(), 2), int(ColumnAliases::Email));
    QCOMPARE(mappingOf(second.get(), 3), int(ImportFieldNames::Ignore));
    QVERIFY(part<QPushButton>(second.get(), "importButton")->isEnabled());
    // Both on Email: said, and no Import.
    choose(second->findChild<QComboBox *>(QStringLiteral("mapping3")), ColumnAliases::Email);
    QVERIFY(!part<QPushButton>(second.get(), "importButton")->isEnabled());
    QVERIFY(!part<QLabel>(second.get(), "importProblem")->isHidden());
}

void TestImportDialog::testIsADryRunListingEachRow()
{
    const QString path = write(m_dir, QStringLiteral("people.csv"),
                               "First Name,Last Name,Email,Phone\n"
                               "Nora,O'Neill,nora@example.com,+49 30 1111111\n"
                               "Bad,Row,not-an-email,\n"
                               "Omar,Haddad,omar@example.com,\n");
    auto dialog = makeDialog(path);
    const int before = employees();
    QTest::mouseClick(part<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    // Off the GUI thread: the dialog answers while the test runs, and its buttons wait.
    QVERIFY(!part<QPushButton>(dialog.get(), "importButton")->isEnabled());
    QAbstractItemModel *results = part<QTableView>(dialog.get(), "resultsTable")->model();
    auto *summary = part<QLabel>(dialog.get(), "resultsSummary");
    QTRY_VERIFY_WITH_TIMEOUT(summary->text() != QStringLiteral("Testing…"), ImportTimeoutMs);
    QVERIFY2(results->rowCount() == 3, qPrintable(summary->text()));
    QCOMPARE(cell(results, 0, 0), QStringLiteral("2"));
    QCOMPARE(cell(results, 0, 1), QStringLiteral("Would add"));
    QCOMPARE(cell(results, 1, 0), QStringLiteral("3"));
    QCOMPARE(cell(results, 1, 1), QStringLiteral("Refused"));
    QVERIFY2(cell(results, 1, 2).contains(QStringLiteral("mail")), qPrintable(cell(results, 1, 2)));
    QCOMPARE(cell(results, 2, 1), QStringLiteral("Would add"));
    QVERIFY(part<QLabel>(dialog.get(), "resultsSummary")->text().contains(QStringLiteral("Would add: 2")));
    QCOMPARE(employees(), before);   // a dry run: nothing kept
    QVERIFY(part<QPushButton>(dialog.get(), "saveRefusedButton")->isEnabled());
    QVERIFY(part<QPushButton>(dialog.get(), "importButton")->isEnabled());
}

void TestImportDialog::updateModeTestShowsWouldUpdate()
{
    Employee existing;
    existing.firstName = QStringLiteral("Nora");
    existing.lastName = QStringLiteral("Old");
    existing.email = QStringLiteral("nora@example.com");
    QVERIFY(m_session->store()->createEmployee(existing).ok());
    const QString path = write(m_dir, QStringLiteral("update.csv"),
                               "First Name,Last Name,Email,Phone\n"
                               "Nora,O'Neill,nora@example.com,\n"
                               "Omar,Haddad,omar@example.com,\n");
    auto dialog = makeDialog(path);
    choose(part<QComboBox>(dialog.get(), "modeCombo"), int(ExistingRowPolicy::Mode::Update));
    QCOMPARE(dialog->options().existing, ExistingRowPolicy::Mode::Update);
    QTest::mouseClick(part<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    QAbstractItemModel *results = part<QTableView>(dialog.get(), "resultsTable")->model();
    auto *summary = part<QLabel>(dialog.get(), "resultsSummary");
    QTRY_VERIFY_WITH_TIMEOUT(summary->text() != QStringLiteral("Testing…"), ImportTimeoutMs);
    QVERIFY2(results->rowCount() == 2, qPrintable(summary->text()));
    QCOMPARE(cell(results, 0, 1), QStringLiteral("Would update"));
    QCOMPARE(cell(results, 1, 1), QStringLiteral("Would add"));
    QCOMPARE(query(m_db->db(), QStringLiteral("SELECT last_name FROM employee")), QStringLiteral("Old"));
    QCOMPARE(employees(), 1);
}

void TestImportDialog::importThroughTheWindowWithTheRightValues_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("ignore");         // a file column the user sets to Ignore, -1 none
    QTest::addColumn<QString>("expected");   // last name|phone|date of birth|gender of the first row
    QTest::newRow("German ;-separated Windows-1252")
        << windows1252(germanText(u';')) << -1 << QStringLiteral("Müller|+49301234567|1980-12-31|male");
    QTest::newRow("German comma-separated Windows-1252")
        << windows1252(germanText(u',')) << -1 << QStringLiteral("Müller|+49301234567|1980-12-31|male");
    QTest::newRow("headers for people")
        << QByteArray("First Name,Last Name,Email,Phone\nJürgen,Müller,juergen.mueller@example.com,+49 30 1234567\n"
                      "Anna,Schäfer,anna.schaefer@example.com,\n")
        << -1 << QStringLiteral("Müller|+49301234567||");
    QTest::newRow("headers for people, Phone ignored")
        << QByteArray("First Name,Last Name,Email,Phone\nJürgen,Müller,juergen.mueller@example.com,+49 30 1234567\n"
                      "Anna,Schäfer,anna.schaefer@example.com,\n")
        << 3 << QStringLiteral("Müller|||");
    QTest::newRow("another HR system's export")
        << QByteArray("first_name,middle_name,last_name,employee_id,work_email,mobile,date_of_birth,gender\n"
                      "Jürgen,K.,Müller,E-17,juergen.mueller@example.com,+49 30 1234567,1980-12-31,Male\n"
                      "Anna,,Schäfer,E-18,anna.schaefer@example.com,,1975-03-05,Female\n")
        << -1 << QStringLiteral("Müller|+49301234567|1980-12-31|male");
}

void TestImportDialog::importThroughTheWindowWithTheRightValues()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, ignore);
    QFETCH(QString, expected);
    const QString path = write(m_dir, QStringLiteral("window.csv"), bytes);
    MainWindow window(m_session->store(), QStringLiteral("test"));
    window.setSessionOpener(AppSession::openerFor(m_db->location()));
    window.show();
    window.openImportDialog(path);
    auto *dialog = window.findChild<ImportDialog *>(QStringLiteral("importDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    if (ignore >= 0)
        choose(dialog->findChild<QComboBox *>(QStringLiteral("mapping%1").arg(ignore)), ImportFieldNames::Ignore);
    QSignalSpy finished(&window, &MainWindow::importFinished);
    answerNextMessageBox(QStringLiteral("OK"), nullptr, ImportTimeoutMs);
    QTest::mouseClick(part<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(ImportTimeoutMs));
    const ImportReport report = finished.takeFirst().first().value<ImportReport>();
    QVERIFY2(report.fatalError.isEmpty(), qPrintable(report.fatalError));
    QCOMPARE(report.accepted, 2);
    QCOMPARE(report.rejected, 0);
    QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("importReportBox")));
    QCOMPARE(query(m_db->db(), QStringLiteral("SELECT e.last_name, e.phone, p.date_of_birth, p.gender FROM employee e "
                                              "JOIN employee_profile p ON p.employee_id = e.id "
                                              "WHERE e.email = 'juergen.mueller@example.com'"))
                 .replace(QStringLiteral("T00:00:00"), QString()),
             expected);
}

// The dialog's import keeps the refused rows (for Save Refused Rows… in the
// report); the window's plain import does not.
void TestImportDialog::reportAfterImportOffersTheRefusedRows()
{
    const QString path = write(m_dir, QStringLiteral("refusing.csv"),
                               "First Name,Last Name,Email\nNora,O'Neill,nora@example.com\nBad,Row,not-an-email\n");
    MainWindow window(m_session->store(), QStringLiteral("test"));
    window.setSessionOpener(AppSession::openerFor(m_db->location()));
    window.show();
    window.openImportDialog(path);
    auto *dialog = window.findChild<ImportDialog *>(QStringLiteral("importDialog"));
    QVERIFY(dialog);
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QTest::mouseClick(part<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(ImportTimeoutMs));
    const ImportReport report = finished.takeFirst().first().value<ImportReport>();
    QCOMPARE(report.accepted, 1);
    QCOMPARE(report.rejectedRows.size(), 1);
    QCOMPARE(report.rejectedRows.first().line, 3);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("importReportBox"))));
    QVERIFY(box->findChild<QPushButton *>(QStringLiteral("saveRefusedButton")));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("importReportBox")));
}

void TestImportDialog::ambiguousDatesBlockImportUntilAnOrderIsChosen()
{
    const QString path = write(m_dir, QStringLiteral("ambiguous.csv"),
                               "first_name,last_name,email,date_of_birth\n"
                               "Nora,O'Neill,nora@example.com,03/04/1980\n"
                               "Omar,Haddad,omar@example.com,05/06/1975\n");
    auto dialog = makeDialog(path);
    auto *import = part<QPushButton>(dialog.get(), "importButton");
    auto *message = part<QLabel>(dialog.get(), "dateOrderMessage");
    QVERIFY(!import->isEnabled());
    QVERIFY(!part<QPushButton>(dialog.get(), "testButton")->isEnabled());
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("date_of_birth")), qPrintable(message->text()));
    choose(part<QComboBox>(dialog.get(), "dateOrderCombo"), int(DateOrder::DMY));
    QVERIFY(import->isEnabled());
    QVERIFY(message->isHidden());
    QCOMPARE(cell(previewModel(dialog.get()), 0, 3), QStringLiteral("1980-04-03"));
    QCOMPARE(dialog->options().dateOrder, std::optional(DateOrder::DMY));
}

void TestImportDialog::mappingIsRememberedForTheSameHeader()
{
    const QByteArray rows = "Nora,O'Neill,nora@example.com,+49 30 1111111\n";
    const QString first = write(m_dir, QStringLiteral("first.csv"), "First Name,Last Name,Email,Phone\n" + rows);
    {
        auto dialog = makeDialog(first);
        QCOMPARE(mappingOf(dialog.get(), 3), int(ColumnAliases::Phone));
        choose(dialog->findChild<QComboBox *>(QStringLiteral("mapping3")), ImportFieldNames::Ignore);
        QTest::mouseClick(part<QPushButton>(dialog.get(), "importButton"), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }
    // The same header spelled otherwise: the same signature, the same choices.
    const QString second = write(m_dir, QStringLiteral("second.csv"), "first name,LAST NAME,e-mail,phone\n" + rows);
    auto dialog = makeDialog(second);
    QCOMPARE(mappingOf(dialog.get(), 3), int(ImportFieldNames::Ignore));
    QCOMPARE(mappingOf(dialog.get(), 2), int(ColumnAliases::Email));
    // Another header: the aliases again.
    const QString third = write(m_dir, QStringLiteral("third.csv"), "First Name,Last Name,Email,Mobile\n" + rows);
    auto other = makeDialog(third);
    QCOMPARE(mappingOf(other.get(), 3), int(ColumnAliases::Phone));
    // Nothing of the file's text in the settings: field names under a hash.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("Nora")) && !key.contains(u' '),
                 qPrintable(key));
}

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"

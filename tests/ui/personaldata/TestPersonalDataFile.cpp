// A person's own data as a file (issue 12 part 4, GDPR Art. 15): the readable
// PDF (Qt's QTextDocument + QPdfWriter) holds what the JSON holds, escaped;
// the form's "Export Employee's Data…" offers PDF and JSON in its file
// dialog, writes 0600, and its History tab then shows the export.
#include "editor/EmployeeEditDialog.h"
#include "personaldata/PersonalDataExportController.h"
#include "personaldata/PersonalDataFile.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "TestDatabase.h"
#include "FormParts.h"

#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

#include <sys/stat.h>

namespace {
mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0;
}

// The PDF's text as poppler reads it (poppler-utils, in setup.sh's packages).
QString pdfText(const QString &path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return QStringLiteral("<pdftotext not found: install poppler-utils>");
    QProcess p;
    p.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    // NFKC: the PDF's "ﬁ" ligature reads "fi".
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

QByteArray head(const QString &path, int bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

QByteArray portrait()
{
    QImage image(60, 80, QImage::Format_RGB32);
    image.fill(QColor(70, 110, 160));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

class TestPersonalDataFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void thePdfIsReadableAndEscaped();
    void theFormExportsThroughItsFileDialog();
    void aNewEmployeeOrAReadingRoleCannotExport();
    void aFailedExportIsShownInTheForm();

private:
    qint64 addAda();
    QFileDialog *fileDialog(EmployeeEditDialog &dialog);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPersonalDataFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPersonalDataFile::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestPersonalDataFile::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
    m_dir.reset();
}

// Markup in a name must reach the PDF as text, never as markup.
qint64 TestPersonalDataFile::addAda()
{
    Employee e;
    e.firstName = QStringLiteral("Ada");
    e.lastName = QStringLiteral("Lovelace <b>Byron</b> & Co");
    e.email = QStringLiteral("ada@example.com");
    e.phone = QStringLiteral("+442071234567");
    EmployeeProfile seed;
    seed.teamId = m_store->teams().at(1).id;
    seed.address = QStringLiteral("12 St James's Square");
    seed.photo = portrait();
    const qint64 id = m_store->createEmployee(e, seed).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.profile.bio = QStringLiteral("Wrote the first program.");
    if (!m_store->saveChanges(base, edited, {RecordField::Bio}).ok())
        qWarning("the save failed");
    return id;
}

QFileDialog *TestPersonalDataFile::fileDialog(EmployeeEditDialog &dialog)
{
    QFileDialog *files = nullptr;
    // The one on screen: an earlier one may still await its deletion.
    QTest::qWaitFor([&] {
        for (QFileDialog *d : dialog.findChildren<QFileDialog *>(QStringLiteral("personalDataFileDialog"))) {
            if (d->isVisible())
                files = d;
        }
        return files != nullptr;
    }, 5000);
    return files;
}

void TestPersonalDataFile::thePdfIsReadableAndEscaped()
{
    const qint64 id = addAda();
    const QString path = m_dir->filePath(QStringLiteral("ada.pdf"));
    QString error;
    QVERIFY2(PersonalDataFile::write(m_store, id, path, PersonalDataExport::Format::Pdf, &error), qPrintable(error));
    QCOMPARE(head(path, 5), QByteArray("%PDF-"));
    QCOMPARE(modeOf(path), mode_t(0600));
    const QString text = pdfText(path).simplified();
    for (const char *expected :
         {"Personal data of Ada Lovelace <b>Byron</b> & Co", "ada@example.com", "+44 20 7123 4567",
          "12 St James's Square", "Wrote the first program.", "Bio", "image/png", "created"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(QStringLiteral("%1 not in: %2").arg(expected, text)));
    QVERIFY2(text.contains(m_store->teams().at(1).name), qPrintable(text));
    // Recorded as a PDF export.
    const HistoryEntry newest = HistoryReader(m_store->database()).employeeHistory(id).first();
    QCOMPARE(newest.action, QStringLiteral("exported"));
    QCOMPARE(newest.newValue.toString(), QStringLiteral("PDF"));
}

void TestPersonalDataFile::theFormExportsThroughItsFileDialog()
{
    const qint64 id = addAda();
    EmployeeEditDialog dialog(m_store, id);
    dialog.show();
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportPersonalDataButton"));
    QVERIFY(exportButton);
    QVERIFY(exportButton->isEnabled());

    // JSON chosen in the dialog's filter, the name typed without an extension.
    exportButton->click();
    QFileDialog *files = fileDialog(dialog);
    QVERIFY(files);
    QCOMPARE(files->nameFilters().size(), 2);
    QVERIFY(files->nameFilters().at(0).contains(QStringLiteral("*.pdf")));
    QVERIFY(files->nameFilters().at(1).contains(QStringLiteral("*.json")));
    // The suggested name: the person's, no '/' (a folder), the filter's extension.
    QVERIFY2(files->selectedFiles().value(0).endsWith(QStringLiteral("/Ada Lovelace <b>Byron<-b> & Co - personal data.pdf")),
             qPrintable(files->selectedFiles().value(0)));
    // As the user does it: the file type box, then the name.
    auto *types = files->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
    QVERIFY(types);
    QTest::keyClick(types, Qt::Key_Down);
    QCOMPARE(files->selectedNameFilter(), files->nameFilters().at(1));
    files->selectFile(m_dir->filePath(QStringLiteral("ada")));
    QMetaObject::invokeMethod(files, "accept"); // the Save button's slot
    const QString json = m_dir->filePath(QStringLiteral("ada.json"));
    QTRY_VERIFY(QFile::exists(json));
    QCOMPARE(modeOf(json), mode_t(0600));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(data.value("employee").toObject().value("email").toString(), QStringLiteral("ada@example.com"));
    QVERIFY2(FormParts::errorFor(dialog, QString()).contains(json), qPrintable(FormParts::errorFor(dialog, QString())));

    // The History tab shows it at once: newest first, "Exported", the format.
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3); // the export, the save, the creation
    QVERIFY2(tree->topLevelItem(0)->text(1).contains(QStringLiteral("export from the window")),
             qPrintable(tree->topLevelItem(0)->text(1)));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), QStringLiteral("Exported"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(4), QStringLiteral("JSON"));

    // A typed .pdf wins over the JSON filter.
    exportButton->click();
    files = fileDialog(dialog);
    QVERIFY(files);
    QTest::keyClick(files->findChild<QComboBox *>(QStringLiteral("fileTypeCombo")), Qt::Key_Down);
    QCOMPARE(files->selectedNameFilter(), files->nameFilters().at(1));
    files->selectFile(m_dir->filePath(QStringLiteral("ada.pdf")));
    QMetaObject::invokeMethod(files, "accept"); // the Save button's slot
    const QString pdf = m_dir->filePath(QStringLiteral("ada.pdf"));
    QTRY_VERIFY(QFile::exists(pdf));
    QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(4), QStringLiteral("PDF"));
}

void TestPersonalDataFile::aNewEmployeeOrAReadingRoleCannotExport()
{
    {
        EmployeeEditDialog dialog(m_store, 0);
        auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportPersonalDataButton"));
        QVERIFY(exportButton);
        QVERIFY(!exportButton->isEnabled());
    }
    EmployeeEditDialog dialog(m_store, addAda());
    dialog.setReadOnly(true);
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportPersonalDataButton"));
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(!exportButton->toolTip().isEmpty());
}

void TestPersonalDataFile::aFailedExportIsShownInTheForm()
{
    const qint64 id = addAda();
    EmployeeEditDialog dialog(m_store, id);
    dialog.show();
    auto *controller = dialog.findChild<PersonalDataExportController *>();
    QVERIFY(controller);
    const QString nowhere = m_dir->filePath(QStringLiteral("missing/ada.json"));
    QVERIFY(!controller->exportTo(id, nowhere, PersonalDataExport::Format::Json));
    QVERIFY2(FormParts::errorFor(dialog, QString()).contains(nowhere), qPrintable(FormParts::errorFor(dialog, QString())));
    QCOMPARE(HistoryReader(m_store->database()).employeeHistory(id).first().action, QStringLiteral("changed"));
}

QTEST_MAIN(TestPersonalDataFile)
#include "TestPersonalDataFile.moc"

#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "csv/EmployeeExporter.h"
#include "store/EmployeeStore.h"
#include "validation/EmployeeValidator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Four employees as an HR office has them: an umlaut, a name that is a
// formula, a comma and a semicolon in a value, a date of birth, NULLs, and
// one who left (archived on import, exported last with left_on).
const QByteArray People =
    "first_name,last_name,email,phone,date_of_birth,team,address,gender,bio,left_on,leaving_reason\n"
    "Jürgen,Müller,juergen@example.com,,1980-12-31,,\"Hauptstr. 1; 10115 Berlin\",male,\"Bio, with a "
    "comma\",,\n"
    "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",Doe,eve@example.com,,,,,,,,\n"
    "Zoë,Ünal,zoe@example.com,+49 30 1234567,1990-02-03,,,female,-minus first,,\n"
    "Alan,Turing,alan@example.com,,,,,male,,2026-06-30,moved\n";

struct Fixture
{
    TestDatabase database;
    QString sessionError;
    std::unique_ptr<AppSession> session = database.openSession(&sessionError);
    EmployeeStore &store = *session->store();
    EmployeeValidator validator{QStringLiteral("DE")};

    bool importPeople()
    {
        QByteArray data = People;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        const ImportReport report = CsvImporter(&store, validator).importDevice(&buffer, data.size());
        return report.ok() && report.accepted == 4 && report.rejected == 0;
    }
};

// Every employee, current and archived, as the user would see them.
QList<QStringList> allPeople(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral(
        "SELECT e.first_name, e.last_name, e.email, e.phone, p.date_of_birth, p.address, p.gender, p.bio, "
        "NULL "
        "FROM employee e LEFT JOIN employee_profile p ON p.employee_id = e.id "
        "UNION ALL SELECT a.first_name, a.last_name, a.email, a.phone, p.date_of_birth, p.address, p.gender, "
        "p.bio, "
        "a.left_on FROM archived_employee a LEFT JOIN archived_profile p ON p.employee_id = a.id "
        "ORDER BY 3"));
    QList<QStringList> rows;
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 9; ++i) {
            const QVariant v = q.value(i);
            row << (v.metaType().id() == QMetaType::QDate ? v.toDate().toString(Qt::ISODate) : v.toString());
        }
        rows << row;
    }
    return rows;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One part of an .xlsx (a zip), through unzip(1).
QString unzipped(const QString &xlsx, const QString &member)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, member});
    if (!unzip.waitForFinished(30000) || unzip.exitCode() != 0)
        return {};
    return QString::fromUtf8(unzip.readAllStandardOutput());
}

// The number format code of cell style `style` in styles.xml.
QString numberFormatOfStyle(const QString &styles, int style)
{
    const QString cellXfs =
        styles.section(QStringLiteral("<cellXfs"), 1).section(QStringLiteral("</cellXfs>"), 0, 0);
    const QStringList xfs = cellXfs.split(QStringLiteral("<xf "));
    if (style + 1 >= xfs.size())
        return {};
    const QString id =
        QRegularExpression(QStringLiteral("numFmtId=\"(\\d+)\"")).match(xfs.at(style + 1)).captured(1);
    return QRegularExpression(QStringLiteral("<numFmt numFmtId=\"%1\" formatCode=\"([^\"]*)\"").arg(id))
        .match(styles)
        .captured(1);
}

// Excel's serial day number (the 1900 system, after February 1900).
qint64 excelDay(QDate date)
{
    return QDate(1899, 12, 30).daysTo(date);
}

bool isOwnerOnly(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    return QFile::exists(path) && !(QFile::permissions(path) & others);
}

} // namespace

// The export's formats besides plain CSV (TestImportExport): CSV for Excel and
// the Excel workbook, read back as Excel and our import read them.
class TestExportFormats : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale::system()); }

    void excelCsvStartsWithABomAndSplitsAsTheLocaleDoes()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.importPeople());
        QTemporaryDir dir;
        const QString german = dir.filePath(QStringLiteral("de.csv"));
        const QString english = dir.filePath(QStringLiteral("en.csv"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(EmployeeExporter::exportFile(f.database.db(), german, ExportFormat::ExcelCsv).ok());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(EmployeeExporter::exportFile(f.database.db(), english, ExportFormat::ExcelCsv).ok());

        const QByteArray de = readFile(german);
        QVERIFY2(de.startsWith("\xEF\xBB\xBF"
                               "first_name;last_name;email;phone;date_of_birth;team;address;gender;bio;"
                               "left_on;leaving_reason\r\n"),
                 de.left(120).constData());
        // A semicolon in a value is quoted, a comma needs no quotes.
        QVERIFY2(
            de.contains("J\xC3\xBCrgen;M\xC3\xBCller;juergen@example.com;;1980-12-31;;\"Hauptstr. 1; 10115 "
                        "Berlin\";male;Bio, with a comma;;\r\n"),
            de.constData());
        const QByteArray en = readFile(english);
        QVERIFY2(en.startsWith("\xEF\xBB\xBF"
                               "first_name,last_name,email,"),
                 en.left(60).constData());
        QVERIFY2(en.contains(";;1980") == false && en.contains(",,1980-12-31,,"), en.constData());
        QVERIFY(isOwnerOnly(german));
        // Plain CSV stays as it was: no BOM, commas whatever the locale.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString plain = dir.filePath(QStringLiteral("plain.csv"));
        QVERIFY(EmployeeExporter::exportFile(f.database.db(), plain, ExportFormat::Csv).ok());
        QVERIFY(readFile(plain).startsWith("first_name,last_name,"));
    }

    void excelCsvImportsBackToTheSameRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("de.csv"));
        QList<QStringList> before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        {
            Fixture f;
            QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
            QVERIFY(f.importPeople());
            before = allPeople(f.database.db());
            const ExportReport report =
                EmployeeExporter::exportFile(f.database.db(), path, ExportFormat::ExcelCsv);
            QVERIFY2(report.ok(), qPrintable(report.error));
            QCOMPARE(report.rows, 4);
            QCOMPARE(report.archived, 1);
        }
        QVERIFY(readFile(path).contains("\r\n\"'=HYPERLINK("));
        Fixture fresh;
        QVERIFY2(fresh.database.isOpen(), qPrintable(fresh.database.error()));
        const ImportReport report = CsvImporter(&fresh.store, fresh.validator).importFile(path);
        QVERIFY2(report.ok() && report.rejected == 0,
                 qPrintable(report.fatalError + report.problems.join(u'\n')));
        QCOMPARE(report.accepted, 4);
        QCOMPARE(allPeople(fresh.database.db()), before);
        QCOMPARE(before.size(), 4);
    }

    void xlsxHoldsTheCellsAsExcelReadsThem()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.importPeople());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("employees.xlsx"));
        const ExportReport report = EmployeeExporter::exportFile(f.database.db(), path, ExportFormat::Xlsx);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.rows, 4);
        QCOMPARE(report.archived, 1);
        QVERIFY(isOwnerOnly(path));

        const QString sheet = unzipped(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        const QString styles = unzipped(path, QStringLiteral("xl/styles.xml"));
        QVERIFY2(!sheet.isEmpty() && !styles.isEmpty(), "unzip could not read the workbook");
        // The header, bold (style 1's font) and frozen.
        QVERIFY2(sheet.contains(
                     QStringLiteral("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>first_name</t></is></c>")),
                 qPrintable(sheet));
        QVERIFY(sheet.contains(QStringLiteral("<t>leaving_reason</t>")));
        QVERIFY(sheet.contains(QStringLiteral("state=\"frozen\"")));
        QVERIFY(styles.section(QStringLiteral("<fonts"), 1)
                    .section(QStringLiteral("</fonts>"), 0, 0)
                    .contains(QStringLiteral("<b/>")));
        // Rows in export order: the current employees by id, then the archived.
        QVERIFY(sheet.contains(QStringLiteral("<c r=\"A2\" t=\"inlineStr\"><is><t>Jürgen</t></is></c>")));
        QVERIFY(sheet.contains(QStringLiteral("<c r=\"B4\" t=\"inlineStr\"><is><t>Ünal</t></is></c>")));
        // A date is a number with a date format.
        for (const auto &[cell, date] : {std::pair{QStringLiteral("E2"), QDate(1980, 12, 31)},
                                         std::pair{QStringLiteral("J5"), QDate(2026, 6, 30)}}) {
            const QRegularExpressionMatch match =
                QRegularExpression(QStringLiteral("<c r=\"%1\" s=\"(\\d+)\"><v>(\\d+)</v></c>").arg(cell))
                    .match(sheet);
            QVERIFY2(match.hasMatch(), qPrintable(cell + QLatin1Char(' ') + sheet));
            QCOMPARE(match.captured(2).toLongLong(), excelDay(date));
            QCOMPARE(numberFormatOfStyle(styles, match.captured(1).toInt()), QStringLiteral("yyyy-mm-dd"));
        }
        // NULL is no cell at all (phone, team; the current employees' left_on).
        for (const char *absent : {"\"D2\"", "\"F2\"", "\"J2\"", "\"E3\""})
            QVERIFY2(!sheet.contains(QLatin1String(absent)), absent);
        // A formula is a string cell with the CSV's guard, never a formula.
        QVERIFY2(
            sheet.contains(QStringLiteral("<c r=\"A3\" t=\"inlineStr\"><is><t>'=HYPERLINK(&quot;http://"))
                || sheet.contains(QStringLiteral("<c r=\"A3\" t=\"inlineStr\"><is><t>'=HYPERLINK(\"http://")),
            qPrintable(sheet));
        QVERIFY(sheet.contains(QStringLiteral("<t>'-minus first</t>")));
        // A phone number starts like a formula but could do nothing as one: as stored.
        QVERIFY2(sheet.contains(QStringLiteral("<c r=\"D4\" t=\"inlineStr\"><is><t>+4930")),
                 qPrintable(sheet));
        QVERIFY(!sheet.contains(QStringLiteral("<f>")));
    }

    void failedXlsxLeavesNoFile()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const QString missingDir = QStringLiteral("/nonexistent-dir-for-test/employees.xlsx");
        const ExportReport unwritable =
            EmployeeExporter::exportFile(f.database.db(), missingDir, ExportFormat::Xlsx);
        QVERIFY(!unwritable.ok());
        QVERIFY2(unwritable.error.contains(missingDir), qPrintable(unwritable.error));
        QVERIFY(!QFile::exists(missingDir));

        // Failing once the workbook is started (the read fails) keeps the
        // previous export as it was and leaves no temporary behind.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("employees.xlsx"));
        const QByteArray previous("the previous export");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(previous);
        }
        QVERIFY(TestDatabase::exec(f.database.db(), QStringLiteral("DROP TABLE employee_profile")));
        const ExportReport failed = EmployeeExporter::exportFile(f.database.db(), path, ExportFormat::Xlsx);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error.contains(QStringLiteral("cannot read the employees")),
                 qPrintable(failed.error));
        QCOMPARE(failed.rows, 0);
        QCOMPARE(readFile(path), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("employees.xlsx")});
    }

    // Cancelling (the window closing during an export) leaves no file and no temporary.
    void cancelledExportLeavesNoFile()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.importPeople());
        QTemporaryDir dir;
        const std::atomic<bool> cancelled{true};
        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::ExcelCsv, ExportFormat::Xlsx}) {
            const QString path = dir.filePath(QStringLiteral("employees.") + ExportFormats::suffix(format));
            const ExportReport report =
                EmployeeExporter::exportFile(f.database.db(), path, format, &cancelled);
            QVERIFY(!report.ok());
            QVERIFY2(report.error.contains(QStringLiteral("cancelled")), qPrintable(report.error));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void formatsByNameAndSuffix()
    {
        QCOMPARE(ExportFormats::forPath(QStringLiteral("/tmp/a.XLSX")), ExportFormat::Xlsx);
        QCOMPARE(ExportFormats::forPath(QStringLiteral("/tmp/a.csv")), ExportFormat::Csv);
        QCOMPARE(ExportFormats::forPath(QStringLiteral("/tmp/xlsx")), ExportFormat::Csv);
        QCOMPARE(ExportFormats::forName(QStringLiteral("excel-csv")), std::optional(ExportFormat::ExcelCsv));
        QCOMPARE(ExportFormats::forName(QStringLiteral("xls")), std::nullopt);
        for (const QString &name : ExportFormats::names())
            QCOMPARE(ExportFormats::name(*ExportFormats::forName(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestExportFormats)
#include "TestExportFormats.moc"

// The import's modes for rows whose email an employee already has
// (--existing reject|skip|update), its dry run and the refused rows it
// keeps for --rejected-rows, through CsvImporter on both backends.
#include "TestDatabase.h"
#include "csv/CsvExporter.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "validation/EmployeeValidator.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Fixture
{
    TestDatabase database;
    QString sessionError;
    std::unique_ptr<AppSession> session = database.openSession(&sessionError);
    EmployeeStore &store = *session->store();
    EmployeeValidator validator{QStringLiteral("DE")};

    ImportReport import(const QByteArray &csv, const ImportOptions &options = {})
    {
        QByteArray data = csv;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvImporter importer(&store, validator);
        importer.setOptions(options);
        return importer.importDevice(&buffer, data.size());
    }
    qint64 idOf(const char *email) { return HistoryReader(database.db()).employeeIdByEmail(QString::fromUtf8(email)); }
    qint64 count(const char *sql)
    {
        QSqlQuery q(database.db());
        return q.exec(QString::fromUtf8(sql)) && q.next() ? q.value(0).toLongLong() : -1;
    }
};

ImportOptions mode(ExistingRowPolicy::Mode existing, bool dryRun = false)
{
    ImportOptions options;
    options.existing = existing;
    options.dryRun = dryRun;
    return options;
}

const QByteArray Staff = "first_name,last_name,email,phone,bio\n"
                         "Ada,Lovelace,ada@example.com,030 1111111,Analyst\n"
                         "Alan,Turing,alan@example.com,030 2222222,Codebreaker\n"
                         "Grace,Hopper,grace@example.com,030 3333333,Admiral\n";

} // namespace

class TestImportModes : public QObject
{
    Q_OBJECT

private slots:
    // An exported file with one phone changed and the other rows as they
    // were: --existing update changes exactly that row, adds nobody, and the
    // history records the phone's change in the import's change set.
    void updateChangesOnlyTheEditedRowOfAnExport()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        QTemporaryDir dir;
        const QString path = dir.filePath("export.csv");
        QVERIFY(CsvExporter::exportFile(f.database.db(), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray csv = file.readAll();
        file.close();
        QVERIFY(csv.contains("+49302222222"));
        csv.replace("+49302222222", "030 9999999");
        const qint64 alan = f.idOf("alan@example.com");
        const qint64 versionsBefore = f.count("SELECT SUM(version) FROM employee");
        const qint64 setsBefore = f.count("SELECT COUNT(*) FROM change_set");

        const ImportReport report = f.import(csv, mode(ExistingRowPolicy::Mode::Update));
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
        QCOMPARE(report.accepted, 0);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.unchanged, 2);
        QCOMPARE(report.skipped, 0);
        QCOMPARE(f.store.employeeCount(), 3);
        QCOMPARE(f.store.employee(alan)->phone, QStringLiteral("+49309999999"));
        QCOMPARE(f.count("SELECT SUM(version) FROM employee"), versionsBefore + 1);   // one row written
        QCOMPARE(f.count("SELECT COUNT(*) FROM change_set"), setsBefore + 1);        // the import's one

        const QList<HistoryEntry> history = HistoryReader(f.database.db()).employeeHistory(alan);
        QCOMPARE(history.first().field, QStringLiteral("phone"));
        QCOMPARE(history.first().oldValue.toString(), QStringLiteral("+49302222222"));
        QCOMPARE(history.first().newValue.toString(), QStringLiteral("+49309999999"));
        QCOMPARE(history.first().source, QStringLiteral("import"));
        QCOMPARE(HistoryReader(f.database.db()).employeeHistory(f.idOf("ada@example.com")).size(), 1);   // created
    }

    // Only the columns the file has are changed: a file without bio leaves
    // the bio; the email matches whatever its case and spaces.
    void updateWritesOnlyTheColumnsPresent()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        const ImportReport report =
            f.import("email,last_name,first_name\n ADA@Example.com ,King,Ada\n", mode(ExistingRowPolicy::Mode::Update));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
        QCOMPARE(report.updated, 1);
        const std::optional<EmployeeRecord> ada = f.store.record(f.idOf("ada@example.com"));
        QCOMPARE(ada->employee.lastName, QStringLiteral("King"));
        QCOMPARE(ada->employee.phone, QStringLiteral("+49301111111"));
        QCOMPARE(ada->profile.bio, QStringLiteral("Analyst"));
    }

    // --existing skip: the known email's row is skipped (counted, not
    // refused, nothing written), a new one added.
    void skipLeavesExistingEmployeesAndAddsTheRest()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        const QByteArray csv = "first_name,last_name,email\nAda,King,ada@EXAMPLE.com\nKatherine,Johnson,kj@example.com\n";
        const ImportReport report = f.import(csv, mode(ExistingRowPolicy::Mode::Skip));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
        QCOMPARE(report.skipped, 1);
        QCOMPARE(report.rejected, 0);
        QCOMPARE(report.accepted, 1);
        QCOMPARE(report.updated, 0);
        QCOMPARE(f.store.employeeCount(), 4);
        QCOMPARE(f.store.employee(f.idOf("ada@example.com"))->lastName, QStringLiteral("Lovelace"));
        // The default still refuses it as a duplicate.
        const ImportReport rejected = f.import(csv);
        QCOMPARE(rejected.rejected, 2);
        QCOMPARE(rejected.skipped, 0);
    }

    // A phone that belongs to someone else refuses the row with that reason;
    // nothing of it is written.
    void updateWithAnotherEmployeesPhoneIsRefused()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        const ImportReport report = f.import("first_name,last_name,email,phone\nAda,King,ada@example.com,030 2222222\n",
                                             mode(ExistingRowPolicy::Mode::Update));
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.updated, 0);
        QVERIFY2(report.problems.value(0).startsWith("line 2: phone:")
                     && report.problems.value(0).contains("belongs to another employee"),
                 qPrintable(report.problems.join('\n')));
        const std::optional<Employee> ada = f.store.employee(f.idOf("ada@example.com"));
        QCOMPARE(ada->lastName, QStringLiteral("Lovelace"));
        QCOMPARE(ada->phone, QStringLiteral("+49301111111"));
    }

    // An archived employee's email: refused with the reason in both modes,
    // never a second employee with that email.
    void archivedEmailIsRefusedNotDuplicated()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        const qint64 ada = f.idOf("ada@example.com");
        QVERIFY(f.store.archiveEmployee(*f.store.record(ada), QDate(2024, 1, 31), QStringLiteral("moved")).ok());
        for (ExistingRowPolicy::Mode existing : {ExistingRowPolicy::Mode::Skip, ExistingRowPolicy::Mode::Update}) {
            const ImportReport report =
                f.import("first_name,last_name,email\nAda,King,Ada@example.com\n", mode(existing));
            QCOMPARE(report.rejected, 1);
            QCOMPARE(report.accepted + report.skipped + report.updated, 0);
            QVERIFY2(report.problems.value(0).contains("archived") && report.problems.value(0).contains("restore them first"),
                     qPrintable(report.problems.join('\n')));
        }
        QCOMPARE(f.store.employeeCount(), 2);
        QCOMPARE(f.count("SELECT COUNT(*) FROM archived_employee"), 1);
    }

    // A dry run does the whole import and rolls it back: the counts say what
    // would happen; no row, version or change set is left.
    void dryRunCountsAndChangesNothing()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        const char *snapshot = "SELECT (SELECT COUNT(*) FROM employee) * 1000000 + (SELECT COUNT(*) FROM change_set) * 1000"
                               " + (SELECT SUM(version) FROM employee)";
        const qint64 before = f.count(snapshot);
        const qint64 entries = f.count("SELECT COUNT(*) FROM change_entry");
        const QByteArray csv = "first_name,last_name,email,phone\n"
                               "Ada,King,ada@example.com,030 1111111\n"        // update
                               "Alan,Turing,alan@example.com,030 2222222\n"    // unchanged
                               "Kat,Johnson,kj@example.com,\n"                 // add
                               "Bad,Row,not-an-email,\n";                      // refused
        const ImportReport report = f.import(csv, mode(ExistingRowPolicy::Mode::Update, true));
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QVERIFY(report.dryRun);
        QCOMPARE(report.accepted, 1);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.unchanged, 1);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.changeSetId, 0);
        QCOMPARE(f.count(snapshot), before);
        QCOMPARE(f.count("SELECT COUNT(*) FROM change_entry"), entries);
        QCOMPARE(f.store.employee(f.idOf("ada@example.com"))->lastName, QStringLiteral("Lovelace"));
        QCOMPARE(f.idOf("kj@example.com"), 0);
    }

    // With keepRejectedRows the report holds each refused row as the file
    // wrote it, with its line and reason, in file order.
    void refusedRowsAreKeptAsWritten()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QCOMPARE(f.import(Staff).accepted, 3);
        ImportOptions options;
        options.keepRejectedRows = true;
        const ImportReport report = f.import("Email;First Name;Last Name\nada@example.com;Ada;L\n"
                                             "new@example.com;New;One\nbad;\"Semi;colon\";X\n",
                                             options);
        QCOMPARE(report.header, (QStringList{"Email", "First Name", "Last Name"}));
        QCOMPARE(report.rejectedRows.size(), 2);
        QCOMPARE(report.rejectedRows.at(0).line, 2);
        QCOMPARE(report.rejectedRows.at(0).fields, (QStringList{"ada@example.com", "Ada", "L"}));
        QVERIFY(report.rejectedRows.at(0).reason.contains("email"));
        QCOMPARE(report.rejectedRows.at(1).line, 4);
        QCOMPARE(report.rejectedRows.at(1).fields, (QStringList{"bad", "Semi;colon", "X"}));
        QCOMPARE(f.import("first_name,last_name,email\nA,B,ada@example.com\n").rejectedRows.size(), 0);   // not asked for
    }
};

QTEST_GUILESS_MAIN(TestImportModes)
#include "TestImportModes.moc"

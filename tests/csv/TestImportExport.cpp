#include "TestDatabase.h"
#include "csv/CsvExporter.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "validation/EmployeeValidator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

const QByteArray Header = "first_name,last_name,email,phone,date_of_birth,team,address,gender,bio\n";

// A store opened the way the application opens one (AppSession): every
// created employee gets its profile from the ProfileAutoCreator receiver.
struct Fixture
{
    TestDatabase database;
    QString sessionError;
    std::unique_ptr<AppSession> session = database.openSession(&sessionError);
    EmployeeStore &store = *session->store();
    EmployeeValidator validator{QStringLiteral("DE")};

    ImportReport import(const QByteArray &csv, CsvImporter *importer = nullptr)
    {
        QByteArray data = csv;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvImporter local(&store, validator);
        return (importer ? importer : &local)->importDevice(&buffer, data.size());
    }
};

// Everything an export carries, per employee, as the user would see it.
QList<QStringList> allEmployees(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT e.first_name, e.last_name, e.email, e.phone, p.date_of_birth, t.name, "
                          "p.address, p.gender, p.bio FROM employee e "
                          "LEFT JOIN employee_profile p ON p.employee_id = e.id "
                          "LEFT JOIN team t ON t.id = p.team_id ORDER BY e.email"));
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

// Every index of the schema with its definition.
// As `db` sees them: inside a running import only the import's own
// connection sees its uncommitted DROP INDEX.
QStringList indexDefinitions(TestDatabase &database, const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(database.isPostgres()
               ? QStringLiteral("SELECT indexname || ': ' || indexdef FROM pg_indexes "
                                "WHERE schemaname = current_schema() ORDER BY indexname")
               : QStringLiteral(
                   "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' "
                   "ORDER BY name"));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    return indexes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestImportExport : public QObject
{
    Q_OBJECT

private slots:
    void importsValidRowsWithProfiles()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const StoreResult team = f.store.createTeam(QStringLiteral("Compilers"));
        QVERIFY2(team.ok(), qPrintable(team.errorText()));
        const QByteArray csv = Header + "Ada,Lovelace,ada@example.com,030 123456,1815-12-10,,,female,\n"
            + "Alan,Turing,alan@example.com,,1912-06-23,compilers,\"Bletchley Park, Room "
              "1\",male,Codebreaker\n"
            + "Grace,Hopper,grace@example.com,+1 201 555 0123,,COMPILERS,,,\n";
        const ImportReport report = f.import(csv);
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(
            report.problems,
            QStringList{QStringLiteral("line 2: date_of_birth: Date of birth cannot be before 1900-01-01")});
        QCOMPARE(report.accepted, 2);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(f.store.employeeCount(), 2);
        QCOMPARE(f.store.profileCount(), 2);

        const QList<QStringList> rows = allEmployees(f.database.db());
        QCOMPARE(rows.at(0),
                 (QStringList{"Alan", "Turing", "alan@example.com", "", "1912-06-23", "Compilers",
                              "Bletchley Park, Room 1", "male", "Codebreaker"}));
        QCOMPARE(rows.at(1).at(3), QStringLiteral("+12015550123")); // stored as E.164
        QCOMPARE(rows.at(1).at(5), QStringLiteral("Compilers"));
    }

    void badRowsAreReportedWithTheirLines()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.store.createTeam(QStringLiteral("Sales")).ok());
        const QByteArray csv = Header + "Ok,One,one@example.com,,,sales,,,\n" // line 2
            + "Bad,Email,not-an-address,,,,,,\n" // line 3
            + "Ann,Smith,Ann@Example.com,,,,,,\n" // line 4
            + "Ann,Other,ann@example.COM,,,,,,\n" // line 5: duplicate email
            + "Bad,Phone,phone@example.com,12,,,,,\n" // line 6
            + "Bad,Date,date@example.com,,2999-01-01,,,,\n" // line 7
            + "Bad,Team,team@example.com,,,Nowhere,,,\n" // line 8
            + ",Nameless,nameless@example.com,,,,,,\n" // line 9
            + "Too,Few,few@example.com\n" // line 10
            + "Multi,Line,multi@example.com,,,,\"Line 1\nLine 2\",,\n" // lines 11-12
            + "\n" // line 13, empty
            + "Bad,Again,again@@example.com,,,,,,\n"; // line 14
        CsvImporter importer(&f.store, f.validator);
        QSignalSpy rejected(&importer, &CsvImporter::rowRejected);
        const ImportReport report = f.import(csv, &importer);
        QVERIFY2(report.ok(), qPrintable(report.fatalError));

        QCOMPARE(report.accepted, 3);
        QCOMPARE(report.rejected, 8);
        QCOMPARE(f.store.employeeCount(), 3);
        QCOMPARE(f.store.profileCount(), 3);

        const QStringList expectedPrefixes{"line 3: email: ",
                                           "line 5: email",
                                           "line 6: phone: ",
                                           "line 7: date_of_birth: ",
                                           "line 8: team: unknown team 'Nowhere'",
                                           "line 9: first_name: ",
                                           "line 10: ",
                                           "line 14: email: "};
        QCOMPARE(report.problems.size(), expectedPrefixes.size());
        for (qsizetype i = 0; i < expectedPrefixes.size(); ++i)
            QVERIFY2(report.problems.at(i).startsWith(expectedPrefixes.at(i)),
                     qPrintable(report.problems.at(i)));

        QCOMPARE(rejected.size(), 8);
        QList<qint64> lines;
        for (const QList<QVariant> &args : rejected) {
            lines << args.at(0).toLongLong();
            QVERIFY(!args.at(1).toString().isEmpty());
        }
        QCOMPARE(lines, (QList<qint64>{3, 5, 6, 7, 8, 9, 10, 14}));
    }

    void headerErrorsAreFatal_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("two columns meaning one field") << QByteArray("first_name,last_name,email,E-Mail\n") << "E-Mail";
        QTest::newRow("missing email") << QByteArray("first_name,last_name,phone\n") << "email";
        QTest::newRow("duplicate column") << QByteArray("first_name,last_name,email,email\n") << "email";
        QTest::newRow("empty file") << QByteArray() << "first_name";
    }
    void headerErrorsAreFatal()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, mentions);
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import(header + "Ada,Lovelace,ada@example.com,x\n");
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.contains(mentions), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 0);
        QCOMPARE(f.store.employeeCount(), 0);
    }

    void columnsInAnyOrderAndSubset()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report =
            f.import("email,last_name,first_name\r\nada@example.com,Lovelace,Ada\r\n");
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 1);
        QCOMPARE(allEmployees(f.database.db()).value(0).mid(0, 3),
                 (QStringList{"Ada", "Lovelace", "ada@example.com"}));
    }

    void brokenCsvIsFatalAndImportsNothing()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import(Header + "Ada,Lovelace,ada@example.com,,,,\"never closed,,\n");
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.startsWith(QLatin1String("line 2:")), qPrintable(report.fatalError));
        QCOMPARE(f.store.employeeCount(), 0);
    }

    void cancelImportsNothing()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QByteArray csv = Header;
        for (int i = 0; i < 3 * CsvImporter::BatchSize; ++i)
            csv += QStringLiteral("First%1,Last,person%1@example.com,,,,,,\n").arg(i).toUtf8();
        CsvImporter importer(&f.store, f.validator);
        // The first progress report comes after a whole batch was written
        // inside the transaction: cancelling then must undo it.
        connect(&importer, &CsvImporter::progress, &importer, &CsvImporter::cancel);
        const ImportReport report = f.import(csv, &importer);
        QVERIFY(report.cancelled);
        QVERIFY(!report.ok());
        QCOMPARE(report.accepted, 0);
        QCOMPARE(f.store.employeeCount(), 0);
        QCOMPARE(f.store.profileCount(), 0);

        // The store is usable again afterwards.
        disconnect(&importer, &CsvImporter::progress, &importer, &CsvImporter::cancel);
        QVERIFY(f.import(csv, &importer).ok());
        QCOMPARE(f.store.employeeCount(), 3 * CsvImporter::BatchSize);
    }

    // The progress a person sees follows the rows written, not the reader's
    // read-ahead: a file of four batches reports about a quarter after the
    // first, and grows to the whole file.
    void progressFollowsTheRowsWritten()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QByteArray csv = Header;
        for (int i = 0; i < 4 * CsvImporter::BatchSize; ++i)
            csv += QStringLiteral("Fïrst%1,Läst,person%1@example.com,,,,,,\n").arg(i).toUtf8();
        CsvImporter importer(&f.store, f.validator);
        QList<qint64> done;
        connect(&importer, &CsvImporter::progress, &importer, [&](qint64 bytes, qint64 total) {
            QCOMPARE(total, qint64(csv.size()));
            done << bytes;
        });
        QVERIFY(f.import(csv, &importer).ok());
        QVERIFY2(done.size() >= 4, qPrintable(QString::number(done.size())));
        QVERIFY2(done.first() > csv.size() / 5 && done.first() < csv.size() / 3,
                 qPrintable(QStringLiteral("%1 of %2").arg(done.first()).arg(csv.size())));
        QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
        QCOMPARE(done.last(), qint64(csv.size()));
    }

    // A large import into a small table rebuilds the secondary indexes at
    // the end (SQLite): refusals still come row by row from the unique
    // indexes, and committed, cancelled or not, the schema is the same.
    void largeImportKeepsRefusalsAndIndexes()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const QStringList before = indexDefinitions(f.database, f.store.database());
        QVERIFY(before.join('\n').contains(QStringLiteral("employee_profile_dob_idx")));
        const int n = int(CsvImporter::DeferIndexesMinRows) + 500;
        QByteArray csv = Header;
        for (int i = 0; i < n; ++i)
            csv +=
                QStringLiteral(
                    "First%1,Last%2,person%1@example.com,+49 30 %3,1990-01-%4,Product,%1 Elm Road,female,\n")
                    .arg(i)
                    .arg(n - i)
                    .arg(1000000 + i)
                    .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                    .toUtf8();
        csv += "Dup,Email,PERSON7@example.com,,,,,,\n"; // line n + 2
        csv += "Dup,Phone,phone@example.com,+49 30 1000009,,,,,\n"; // line n + 3

        CsvImporter importer(&f.store, f.validator);
        QStringList during;
        auto connection = connect(&importer, &CsvImporter::progress, &importer, [&] {
            during = indexDefinitions(f.database, f.store.database());
            importer.cancel();
        });
        QVERIFY(f.import(csv, &importer).cancelled);
        // SQLite deferred them (PostgreSQL keeps its indexes), and the rollback brought them back.
        QCOMPARE(during.join('\n').contains(QStringLiteral("employee_profile_dob_idx")),
                 f.database.isPostgres());
        QCOMPARE(f.store.employeeCount(), 0);
        QCOMPARE(indexDefinitions(f.database, f.store.database()), before);
        disconnect(connection);

        const ImportReport report = f.import(csv, &importer);
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, n);
        QCOMPARE(
            report.problems,
            (QStringList{QStringLiteral("line %1: email: Another employee already uses this email address.")
                             .arg(n + 2),
                         QStringLiteral("line %1: phone: Another employee already uses this phone number.")
                             .arg(n + 3)}));
        QCOMPARE(f.store.profileCount(), qint64(n));
        QCOMPARE(indexDefinitions(f.database, f.store.database()), before);
        QSqlQuery q(f.database.db());
        QVERIFY(q.exec(
            QStringLiteral("SELECT e.email FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                           "WHERE lower(e.last_name) = 'last1' AND p.date_of_birth = '1990-01-%1'")
                .arg(1 + (n - 1) % 28, 2, 10, QLatin1Char('0'))));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("person%1@example.com").arg(n - 1));
        if (!f.database.isPostgres()) {
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
    }

    void exportThenImportRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        const QByteArray csv = Header
            + "Ada,Lovelace,ada@example.com,+49 30 123456,1990-02-03,Research,"
              "\"1 Main St, \"\"Apt\"\" 2\nSpringfield\",female,\"=SUM(1)\"\n"
            + "Zoë,Ünal,zoe@example.com,,,,,other,\"-leading minus, and a\r\nCRLF\"\n"
            + "Bob,Quote,bob@example.com,,,research,@home,,\"''=already quoted\"\n"
            + "Nobody,Special,nobody@example.com,,,,,,\n";
        QList<QStringList> before;
        {
            Fixture f;
            QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
            QVERIFY(f.store.createTeam(QStringLiteral("Research")).ok());
            const ImportReport imported = f.import(csv);
            QVERIFY2(imported.ok() && imported.rejected == 0, qPrintable(imported.problems.join(u'\n')));
            before = allEmployees(f.database.db());
            QCOMPARE(before.size(), 4);
            const ExportReport exported = CsvExporter::exportFile(f.database.db(), path);
            QVERIFY2(exported.ok(), qPrintable(exported.error));
            QCOMPARE(exported.rows, 4);
        }
        Fixture fresh;
        QVERIFY2(fresh.database.isOpen(), qPrintable(fresh.database.error()));
        QCOMPARE(fresh.store.employeeCount(), 0);
        QVERIFY(fresh.store.createTeam(QStringLiteral("Research")).ok());
        CsvImporter importer(&fresh.store, fresh.validator);
        const ImportReport report = importer.importFile(path);
        QVERIFY2(report.ok() && report.rejected == 0,
                 qPrintable(report.fatalError + report.problems.join(u'\n')));
        QCOMPARE(report.accepted, 4);
        QCOMPARE(allEmployees(fresh.database.db()), before);
        QCOMPARE(before.at(0).at(6), QStringLiteral("1 Main St, \"Apt\" 2\nSpringfield"));
        QCOMPARE(before.at(0).at(8), QStringLiteral("=SUM(1)"));
        QCOMPARE(before.at(1).at(6), QStringLiteral("@home"));
        QCOMPARE(before.at(1).at(8), QStringLiteral("'=already quoted"));
    }

    // Issue 12: the archived are exported too, last, marked by their leaving
    // date and reason; importing the file archives them again.
    void archivedEmployeesAreExportedMarkedAndComeBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        {
            Fixture f;
            QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
            QCOMPARE(f.import(Header + "Ada,Lovelace,ada@example.com,,1990-02-03,,London,female,\n"
                              + "Alan,Turing,alan@example.com,,,,,male,\n")
                         .accepted,
                     2);
            const std::optional<EmployeeRecord> alan =
                f.store.record(HistoryReader(f.database.db()).employeeIdByEmail(QStringLiteral("alan@example.com")));
            QVERIFY(alan && alan->employee.firstName == QLatin1String("Alan"));
            QVERIFY(f.store.archiveEmployee(*alan, QDate(2026, 6, 30), QStringLiteral("moved, to \"Wilmslow\"")).ok());
            const ExportReport exported = CsvExporter::exportFile(f.database.db(), path);
            QVERIFY2(exported.ok(), qPrintable(exported.error));
            QCOMPARE(exported.rows, 2);
            QCOMPARE(exported.archived, 1);
        }
        const QByteArray bytes = readFile(path);
        QVERIFY2(bytes.contains("\r\nAda,Lovelace,ada@example.com,,1990-02-03,,London,female,,,\r\n"),
                 bytes.constData());
        QVERIFY2(bytes.endsWith("\r\nAlan,Turing,alan@example.com,,,,,male,,2026-06-30,"
                                "\"moved, to \"\"Wilmslow\"\"\"\r\n"),
                 bytes.constData());

        Fixture fresh;
        QVERIFY2(fresh.database.isOpen(), qPrintable(fresh.database.error()));
        const ImportReport report = CsvImporter(&fresh.store, fresh.validator).importFile(path);
        QVERIFY2(report.ok() && report.rejected == 0, qPrintable(report.fatalError + report.problems.join(u'\n')));
        QCOMPARE(report.accepted, 2);
        QCOMPARE(report.archived, 1);
        QCOMPARE(fresh.store.employeeCount(), 1);
        const QList<ArchivedEmployee> archived = fresh.store.archivedEmployees();
        QCOMPARE(archived.size(), 1);
        QCOMPARE(archived.first().email, QStringLiteral("alan@example.com"));
        QCOMPARE(archived.first().leftOn, QDate(2026, 6, 30));
        QCOMPARE(archived.first().reason, QStringLiteral("moved, to \"Wilmslow\""));

        // A leaving date that is not one is the row's error, with its line.
        Fixture other;
        QVERIFY2(other.database.isOpen(), qPrintable(other.database.error()));
        const ImportReport bad = other.import(
            "first_name,last_name,email,left_on\nGrace,Hopper,grace@example.com,31.06.2026\n");   // June has 30 days
        QCOMPARE(bad.accepted, 0);
        QCOMPARE(bad.problems.size(), 1);
        QVERIFY2(bad.problems.first().startsWith(QStringLiteral("line 2: left_on:")), qPrintable(bad.problems.first()));
    }

    void exportNeutralizesFormulas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.import(Header + "Ada,Lovelace,ada@example.com,,,,,,=SUM(1)\n").accepted == 1);
        const ExportReport report = CsvExporter::exportFile(f.database.db(), path);
        QVERIFY2(report.ok(), qPrintable(report.error));
        const QByteArray bytes = readFile(path);
        QVERIFY(
            bytes.startsWith("first_name,last_name,email,phone,date_of_birth,team,address,gender,bio,left_on,"
                             "leaving_reason\r\n"));
        QVERIFY2(bytes.contains(",'=SUM(1),,\r\n"), bytes.constData());
        QVERIFY(!bytes.contains(",=SUM(1)"));
    }

    void failedExportLeavesNoFile()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const QString path = QStringLiteral("/nonexistent-dir-for-test/export.csv");
        const ExportReport report = CsvExporter::exportFile(f.database.db(), path);
        QVERIFY(!report.ok());
        QVERIFY(!report.error.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    // An export that fails once the file is open (here: the query fails)
    // leaves the previous export exactly as it was, not truncated: it is
    // written to a temporary and renamed only when complete.
    void failedExportKeepsThePreviousFile()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("employees.csv"));
        const QByteArray previous("first_name,last_name,email\nAda,Lovelace,ada@example.com\n");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(previous);
        }
        QVERIFY(TestDatabase::exec(f.database.db(), QStringLiteral("DROP TABLE employee_profile")));
        const ExportReport report = CsvExporter::exportFile(f.database.db(), path);
        QVERIFY(!report.ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("employees.csv")}); // no leftovers
    }

    // On PostgreSQL the import's INSERTs use the server's generic plans (the
    // connection otherwise plans every execution, for the views), and a
    // large import leaves its tables analyzed and their pages marked
    // all-visible (VACUUM), which the views' index-only reads rely on; a
    // small one leaves that to autovacuum.
    void postgresImportTunesItsConnectionAndTidiesUp()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        if (!f.database.isPostgres())
            QSKIP("PostgreSQL only (the _postgres run tests this)");
        auto planning = [&] { // on the import's own connection
            QSqlQuery q(f.store.database());
            return q.exec(QStringLiteral("SHOW plan_cache_mode")) && q.next() ? q.value(0).toString()
                                                                              : QString();
        };
        auto vacuumed = [&] {
            QSqlQuery q(f.database.db());
            return q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                                         "('employee', 'employee_profile') AND last_vacuum IS NOT NULL "
                                         "AND last_analyze IS NOT NULL"))
                    && q.next()
                ? q.value(0).toInt()
                : -1;
        };
        QCOMPARE(planning(), QStringLiteral("force_custom_plan"));
        QByteArray small("first_name,last_name,email\n");
        for (int i = 0; i < 100; ++i)
            small += "Small,Row,small" + QByteArray::number(i) + "@example.com\n";
        CsvImporter importer(&f.store, f.validator);
        QStringList during;
        connect(&importer, &CsvImporter::progress, this, [&] { during << planning(); });
        QCOMPARE(f.import(small, &importer).accepted, 100);
        QVERIFY(!during.isEmpty());
        QCOMPARE(during.first(), QStringLiteral("auto"));
        QCOMPARE(planning(), QStringLiteral("force_custom_plan"));
        QCOMPARE(vacuumed(), 0);
        QByteArray large("first_name,last_name,email\n");
        for (int i = 0; i < 10000; ++i)
            large += "Large,Row,large" + QByteArray::number(i) + "@example.com\n";
        QCOMPARE(f.import(large).accepted, 10000);
        QTRY_COMPARE(vacuumed(), 2);
        // Every page marked all-visible, even on this server, whose
        // synchronous_commit = off would leave them unmarked.
        QSqlQuery pages(f.database.db());
        QVERIFY(pages.exec(
            QStringLiteral("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'employee'")));
        QVERIFY(pages.next());
        QVERIFY(pages.value(0).toInt() > 10);
        QCOMPARE(pages.value(1).toInt(), pages.value(0).toInt());
    }
};

QTEST_GUILESS_MAIN(TestImportExport)
#include "TestImportExport.moc"

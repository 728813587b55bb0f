// The headless command line, run as a user would: the real binary, real
// files, exit codes and what it prints.
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <utility>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

qint64 scalar(const QString &dbPath, const QString &sql, bool foreignKeys = true)
{
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peek");
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(foreignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
            else if (q.isActive() || !q.lastError().isValid())
                value = 0;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase("peek");
    return value;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void versionAndHelp();
    void aPasswordInTheUrlIsWarnedAboutAndHiddenFromOtherUsers();
    void importsThousandRowsEachWithItsProfile();
    void badRowsAreReportedWithLineAndReasonAndNothingElseIsLost();
    void unknownColumnIsNotedAndTheRestImported();
    void importsTheGermanSpreadsheetAndOtherSystemsExports();
    void importFlagsOverrideWhatTheFileSuggests();
    void badImportFlagsAreExplained();
    void missingFileIsExplained();
    void checkRestoresADeletedProfileOnNextOpen();
    void checkListsProblemsItCannotFix();
    void exportNeutralizesFormulas();
    void exportFormatComesFromTheFlagOrTheSuffix();
    void newerDatabaseIsRefused();
    void missingDatabaseIsNotCreated();
    void databaseAndExportArePrivate();
    void widerDatabaseIsTightenedOnOpen();
    void readOnlyDatabaseGetsMessage();
    void damagedPagesAreReportedByCheck();
    void corruptDatabaseIsExplainedAndUntouched();
    void badDatabaseUrlIsExplained();
    void historyPrintsOneChangeALineNewestFirst();
    void purgeArchivedBeforeWithAndWithoutDryRun();
    void importExistingUpdateAndSkip();
    void importDryRunChangesNothing();
    void importRejectedRowsFileIsPrivateAndImportsAgain();
    void importCreateTeams();
    void exportPersonWritesJsonAndPdfWithoutADisplay();
    void exportPersonFindsTheArchivedAndExplainsFailures();

private:
    // `launcher`: a command that starts the binary (e.g. as another user).
    Run run(const QStringList &arguments, const QStringList &launcher = {});
    QString writeFile(const QString &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QStringList m_unset;   // environment variables run() leaves out (no display)
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath("x.sqlite");
    m_unset.clear();
}

Run TestCli::run(const QStringList &arguments, const QStringList &launcher)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_dir->path());   // keep the user's real data out of it
    env.insert("XDG_DATA_HOME", m_dir->filePath("data"));
    env.insert("LANG", "C.UTF-8");
    env.insert("LC_ALL", "C.UTF-8");
    for (const QString &name : std::as_const(m_unset))
        env.remove(name);
    process.setProcessEnvironment(env);
    if (launcher.isEmpty())
        process.start(QStringLiteral(ER_BINARY), arguments);
    else
        process.start(launcher.first(), launcher.mid(1) + QStringList{QStringLiteral(ER_BINARY)} + arguments);
    Run result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

void TestCli::versionAndHelp()
{
    const Run version = run({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith("employee-records "), qPrintable(version.out));
    const Run help = run({"--help"});
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--database", "--database-url", "--import", "--export", "--check"})
        QVERIFY2(help.out.contains(option), option);
    const Run bad = run({"--no-such-option"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("no-such-option"));
}

void TestCli::importsThousandRowsEachWithItsProfile()
{
    QByteArray csv = "first_name,last_name,email,phone,date_of_birth,team,address,gender,bio\r\n";
    for (int i = 0; i < 1000; ++i)
        csv += QStringLiteral("First%1,Last%1,user%1@example.com,+49 30 %2,1980-01-%3,Engineering,\"%1 Elm Road, "
                              "Springfield\",female,Bio\r\n")
                   .arg(i)
                   .arg(20000000 + i)
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .toUtf8();
    const Run r = run({"--database", m_db, "--import", writeFile("employees.csv", csv)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("1000"), qPrintable(r.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 1000);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile"), 1000);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE phone LIKE '+4930%'"), 1000);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile p JOIN team t ON t.id = p.team_id "
                          "WHERE t.name = 'Engineering' AND p.gender = 'female'"),
             1000);
    const Run check = run({"--database", m_db, "--check"});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
}

void TestCli::badRowsAreReportedWithLineAndReasonAndNothingElseIsLost()
{
    const QByteArray csv = "email,first_name,last_name,phone,date_of_birth,team\n"     // columns in any order
                           "ok1@example.com,Ok,One,,,\n"                               // line 2
                           "not-an-email,Bad,Email,,,\n"                               // line 3
                           "OK1@EXAMPLE.COM,Dup,Email,,,\n"                            // line 4
                           "ok2@example.com,Bad,Phone,12,,\n"                          // line 5
                           "ok3@example.com,Future,Date,,2999-01-01,\n"                // line 6
                           "ok4@example.com,Unknown,Team,,,Astronauts\n"               // line 7
                           "ok5@example.com,,Nameless,,,\n"                            // line 8
                           "\"ok6@example.com\",\"Multi\nLine\",Ok,,,Product\n"        // line 9-10
                           "ok7@example.com,After,Multiline,,1990-02-03,\n";           // line 11
    const Run r = run({"--database", m_db, "--phone-region", "DE", "--import", writeFile("bad.csv", csv)});
    QCOMPARE(r.exitCode, 1);
    const QStringList errors = r.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(errors.size(), 6);
    const QList<QPair<int, QString>> expected = {
        {3, "email"}, {4, "email"}, {5, "phone"}, {6, "date_of_birth"}, {7, "team"}, {8, "first_name"}};
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(errors[i].contains(QStringLiteral("line %1:").arg(expected[i].first)), qPrintable(errors[i]));
        QVERIFY2(errors[i].contains(expected[i].second), qPrintable(errors[i]));
    }
    QVERIFY2(r.out.contains("3") && r.out.contains("6"), qPrintable(r.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 3);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile"), 3);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE first_name = 'Multi\nLine'"), 1);
}

void TestCli::unknownColumnIsNotedAndTheRestImported()
{
    const Run r = run({"--database", m_db, "--import",
                       writeFile("x.csv", "first_name,last_name,email,salary\nA,B,a@example.com,100\n")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("note:") && r.err.contains("'salary'"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 1);
}

// The issue's four files (13), as written by a German spreadsheet and another HR system.
void TestCli::importsTheGermanSpreadsheetAndOtherSystemsExports()
{
    const QByteArray german = "Vorname;Nachname;E-Mail;Telefon;Geburtsdatum;Geschlecht\r\n"
                              "J\xFCrgen;M\xFCller;juergen@example.com;030 1234567;31.12.1980;m\xE4nnlich\r\n"
                              "Gr\xE4" "fin;K\xF6nig;koenig@example.com;;05.03.1975;weiblich\r\n";
    QByteArray commas = german;
    commas.replace(';', ',');
    // (a) and (b), each into a database of its own.
    const QString commaDb = m_dir->filePath("b.sqlite");
    for (const auto &[db, file] : {std::pair{m_db, writeFile("a.csv", german)}, std::pair{commaDb, writeFile("b.csv", commas)}}) {
        const Run r = run({"--database", db, "--phone-region", "DE", "--import", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("Windows-1252"), qPrintable(r.err));   // the note says how it was read
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                            "WHERE e.last_name = 'M\u00fcller' AND e.first_name = 'J\u00fcrgen' "
                            "AND p.date_of_birth = '1980-12-31' AND p.gender = 'male' AND e.phone = '+49301234567'"),
                 1);
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                            "WHERE e.first_name = 'Gr\u00e4fin' AND e.last_name = 'K\u00f6nig' "
                            "AND p.date_of_birth = '1975-03-05' AND p.gender = 'female'"),
                 1);
    }

    Run r;
    r = run({"--database", m_db, "--import",
             writeFile("c.csv", "First Name,Last Name,Email,Phone\r\nAda,Lovelace,ada@example.com,+44 20 7946 0958\r\n")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE first_name = 'Ada' AND last_name = 'Lovelace' "
                          "AND phone = '+442079460958'"),
             1);

    r = run({"--database", m_db, "--import",
             writeFile("d.csv", "first_name,middle_name,last_name,employee_id,work_email,mobile,date_of_birth,gender\n"
                                "Alan,Mathison,Turing,E-17,alan@example.com,,1912-06-23,Male\n")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("'middle_name'") && r.err.contains("'employee_id'"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                          "WHERE e.email = 'alan@example.com' AND p.gender = 'male' AND p.date_of_birth = '1912-06-23'"),
             1);
}

void TestCli::importFlagsOverrideWhatTheFileSuggests()
{
    // Ambiguous day/month: refused naming the column, then read as told.
    const QString ambiguous = writeFile("dates.csv", "first_name,last_name,email,Birthday\n"
                                                     "Ada,Lovelace,ada@example.com,03/04/1980\n");
    Run r = run({"--database", m_db, "--import", ambiguous});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("'Birthday'") && r.err.contains("--date-order"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 0);
    r = run({"--database", m_db, "--import", ambiguous, "--date-order", "MDY"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile WHERE date_of_birth = '1980-03-04'"), 1);

    // Colons (no sniffer would pick them), Latin-9's euro sign and an own header name.
    r = run({"--database", m_db, "--import",
             writeFile("own.csv", "Rufname:Nachname:Kennung:Bio\nJ\xFCrgen:M\xFCller:j@example.com:\xA4\n"),
             "--delimiter", ":", "--encoding", "ISO-8859-15", "--map", "Rufname=first_name", "--map",
             "Kennung=email"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee e JOIN employee_profile p ON p.employee_id = e.id "
                          "WHERE e.first_name = 'J\u00fcrgen' AND e.email = 'j@example.com' AND p.bio = '\u20ac'"),
             1);

    // A tab given by name.
    r = run({"--database", m_db, "--import",
             writeFile("tab.csv", "first_name\tlast_name\temail\nGrace\tHopper\tgrace@example.com\n"), "--delimiter", "tab"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE last_name = 'Hopper'"), 1);

    // An undecodable byte in the encoding said: its line and column.
    r = run({"--database", m_db, "--import", writeFile("bad.csv", "first_name,last_name,email\nA,B\xFC,b@example.com\n"),
             "--encoding", "UTF-8"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("line 2, column 4"), qPrintable(r.err));
}

void TestCli::badImportFlagsAreExplained()
{
    const QString csv = writeFile("x.csv", "first_name,last_name,email\nA,B,a@example.com\n");
    const QList<QPair<QStringList, QString>> cases = {
        {{"--encoding", "EBCDIC"}, "EBCDIC"},
        {{"--delimiter", ";;"}, "--delimiter"},
        {{"--map", "Salary"}, "--map"},
        {{"--map", "Salary=salary"}, "salary"},
        {{"--date-order", "DDMM"}, "DDMM"},
    };
    for (const auto &[flags, mention] : cases) {
        const Run r = run(QStringList{"--database", m_db, "--import", csv} + flags);
        QVERIFY2(r.exitCode != 0 && r.err.contains(mention), qPrintable(flags.join(' ') + ": " + r.err));
    }
    const Run alone = run({"--database", m_db, "--check", "--date-order", "DMY"});
    QVERIFY2(alone.exitCode != 0 && alone.err.contains("--import"), qPrintable(alone.err));
    QVERIFY(!QFile::exists(m_db));   // refused before any database was opened
}

void TestCli::missingFileIsExplained()
{
    const Run r = run({"--database", m_db, "--import", m_dir->filePath("nope.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nope.csv"), qPrintable(r.err));
}

void TestCli::checkRestoresADeletedProfileOnNextOpen()
{
    const QByteArray csv = "first_name,last_name,email\nA,One,a@example.com\nB,Two,b@example.com\n";
    QCOMPARE(run({"--database", m_db, "--import", writeFile("two.csv", csv)}).exitCode, 0);
    scalar(m_db, "DELETE FROM employee_profile WHERE employee_id = 2");
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile"), 1);
    const Run check = run({"--database", m_db, "--check"});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err + check.out));
    QVERIFY2(check.err.contains("missing profile"), qPrintable(check.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee_profile"), 2);
}

void TestCli::checkListsProblemsItCannotFix()
{
    QCOMPARE(run({"--database", m_db, "--import", writeFile("one.csv", "first_name,last_name,email\nA,One,a@x.org\n")})
                 .exitCode,
             0);
    // Written by a tool that had foreign keys off: a team that does not exist.
    scalar(m_db, "UPDATE employee_profile SET team_id = 999", false);
    const Run check = run({"--database", m_db, "--check"});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.err.contains("team that does not exist"), qPrintable(check.err));
}

void TestCli::exportNeutralizesFormulas()
{
    const QByteArray csv = "first_name,last_name,email,bio\n=SUM(A1),@Attack,a@example.com,\"+1, said \"\"she\"\"\"\n";
    QCOMPARE(run({"--database", m_db, "--import", writeFile("in.csv", csv)}).exitCode, 0);
    const QString out = m_dir->filePath("out.csv");
    const Run r = run({"--database", m_db, "--export", out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.startsWith("first_name,last_name,email,phone,date_of_birth,team,address,gender,bio"), qPrintable(text));
    QVERIFY2(text.contains("'=SUM(A1),'@Attack,a@example.com"), qPrintable(text));
    QVERIFY2(text.contains("\"'+1, said \"\"she\"\"\""), qPrintable(text));
}

// --export FILE.xlsx writes a workbook; --export-format says it outright.
void TestCli::exportFormatComesFromTheFlagOrTheSuffix()
{
    QCOMPARE(run({"--database", m_db, "--import", writeFile("in.csv", "first_name,last_name,email\nJürgen,Müller,j@example.com\n")})
                 .exitCode,
             0);
    auto head = [](const QString &path, int bytes) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
    };
    const QString xlsx = m_dir->filePath("out.xlsx");
    Run r = run({"--database", m_db, "--export", xlsx});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("Exported 1 employee to %1.").arg(xlsx));
    QCOMPARE(head(xlsx, 4), QByteArray("PK\x03\x04"));   // a zip: the workbook
    const QString named = m_dir->filePath("named.csv");
    QCOMPARE(run({"--database", m_db, "--export", named, "--export-format", "xlsx"}).exitCode, 0);
    QCOMPARE(head(named, 4), QByteArray("PK\x03\x04"));
    const QString excel = m_dir->filePath("excel.csv");
    QCOMPARE(run({"--database", m_db, "--export", excel, "--export-format", "excel-csv"}).exitCode, 0);
    QCOMPARE(head(excel, 14), QByteArray("\xEF\xBB\xBF" "first_name,"));   // C.UTF-8 writes decimals with '.'
    const QString plain = m_dir->filePath("plain.csv");
    QCOMPARE(run({"--database", m_db, "--export", plain}).exitCode, 0);
    QCOMPARE(head(plain, 11), QByteArray("first_name,"));

    r = run({"--database", m_db, "--export", plain, "--export-format", "ods"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--export-format needs csv, excel-csv, xlsx, not 'ods'"), qPrintable(r.err));
    r = run({"--database", m_db, "--export-format", "xlsx"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--export-format goes with --export"), qPrintable(r.err));
    const QString unwritable = m_dir->filePath("missing-dir/out.xlsx");
    r = run({"--database", m_db, "--export", unwritable});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(unwritable), qPrintable(r.err));
    QVERIFY(!QFile::exists(unwritable));
}

namespace {
QFileDevice::Permissions mode(const QString &path)
{
    return QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}
constexpr QFileDevice::Permissions OwnerRw = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerRwx = OwnerRw | QFileDevice::ExeOwner;
}

void TestCli::missingDatabaseIsNotCreated()
{
    const QString typo = m_dir->filePath("typo/nested/x.sqlite");
    for (const QStringList &action : {QStringList{"--check"}, QStringList{"--export", m_dir->filePath("out.csv")}}) {
        const Run r = run(QStringList{"--database", typo} + action);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no such database"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_dir->filePath("typo")));   // no folder, no file
        QVERIFY(!QFileInfo::exists(m_dir->filePath("out.csv")));
    }
}

void TestCli::databaseAndExportArePrivate()
{
    // The usual umask: without our care, 0644 files and 0755 folders.
    const mode_t previous = ::umask(022);
    const QString db = m_dir->filePath("new/folder/x.sqlite");
    const QString csv = writeFile("in.csv", "first_name,last_name,email,date_of_birth\nAda,Lovelace,ada@example.com,1985-12-10\n");
    const QString exported = m_dir->filePath("out.csv");
    const Run imported = run({"--database", db, "--import", csv});
    const Run exportRun = run({"--database", db, "--export", exported});
    ::umask(previous);
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(exportRun.exitCode == 0, qPrintable(exportRun.err));
    QCOMPARE(mode(m_dir->filePath("new")), OwnerRwx);
    QCOMPARE(mode(m_dir->filePath("new/folder")), OwnerRwx);
    QCOMPARE(mode(db), OwnerRw);
    QCOMPARE(mode(exported), OwnerRw);
    // SQLite gives its side files the database's mode; open one to see them.
    QSqlDatabase reader = QSqlDatabase::addDatabase("QSQLITE", "wal-reader");
    {
        reader.setDatabaseName(db);
        QVERIFY(reader.open());
        QSqlQuery q(reader);
        QVERIFY(q.exec("SELECT COUNT(*) FROM employee") && q.next());
        for (const char *suffix : {"-wal", "-shm"}) {
            if (QFileInfo::exists(db + suffix))
                QCOMPARE(mode(db + suffix), OwnerRw);
        }
    }
    reader.close();
    reader = QSqlDatabase();
    QSqlDatabase::removeDatabase("wal-reader");
}

void TestCli::widerDatabaseIsTightenedOnOpen()
{
    const QString csv = writeFile("in.csv", "first_name,last_name,email\nAda,Lovelace,ada@example.com\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    QVERIFY(QFile::setPermissions(m_db, OwnerRw | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const Run r = run({"--database", m_db, "--check"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(mode(m_db), OwnerRw);
}

// A database its user may read but not write. Root may write any file, so as
// root the binary runs as the unprivileged user nobody (setpriv, util-linux),
// for whom the 0444 file is read-only as it is for any user.
void TestCli::readOnlyDatabaseGetsMessage()
{
    const QString csv = writeFile("in.csv", "first_name,last_name,email\nAda,Lovelace,ada@example.com\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    QVERIFY(QFile::setPermissions(m_dir->path(), OwnerRwx | QFileDevice::ReadOther | QFileDevice::ExeOther
                                                     | QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(m_db, readOnly));
    QStringList asUser;
    if (::geteuid() == 0)
        asUser = QStringList{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    for (const QStringList &action : {QStringList{"--check"}, QStringList{"--import", csv}}) {
        const Run r = run(QStringList{"--database", m_db} + action, asUser);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("read-only"), qPrintable(r.err));
    }
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(mode(m_db), readOnly);
}

// A valid header over damaged pages opens; --check must find the damage.
void TestCli::damagedPagesAreReportedByCheck()
{
    QByteArray csv("first_name,last_name,email,address\n");
    for (int i = 0; i < 3000; ++i)
        csv += QStringLiteral("F%1,L%1,p%1@example.com,Street %1 %2\n").arg(i).arg(QString(100, 'x')).toUtf8();
    QCOMPARE(run({"--database", m_db, "--import", writeFile("in.csv", csv)}).exitCode, 0);
    QCOMPARE(run({"--database", m_db, "--check"}).exitCode, 0);
    {
        QFile file(m_db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 4096 * 60);
        // Three pages in the middle: the import's table pages; the header and
        // the schema (the first pages, written by the migrations) stay valid.
        file.seek(4096 * (file.size() / 4096 / 2));
        file.write(QByteArray(4096 * 3, '\xff'));
    }
    const Run r = run({"--database", m_db, "--check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("The database file is damaged"), qPrintable(r.err));
}

void TestCli::newerDatabaseIsRefused()
{
    const QString csv = writeFile("in.csv", "first_name,last_name,email\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    scalar(m_db, "INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 'future')");
    const Run r = run({"--database", m_db, "--check"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("newer version"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT MAX(version) FROM schema_migrations"), 9999);
}

void TestCli::corruptDatabaseIsExplainedAndUntouched()
{
    const QByteArray garbage = QByteArray("not a database ") + QByteArray(4096, '\x7f');
    writeFile("x.sqlite", garbage);
    const Run r = run({"--database", m_db, "--check"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("damaged"), qPrintable(r.err));
    QFile f(m_db);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage);
}

void TestCli::badDatabaseUrlIsExplained()
{
    const Run r = run({"--database-url", "mysql://root@localhost/x", "--check"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("postgresql://"), qPrintable(r.err));
}

namespace {
// The command line of a running process as every local user can read it.
QString visibleCommandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll().replace('\0', ' '));
}
}

void TestCli::aPasswordInTheUrlIsWarnedAboutAndHiddenFromOtherUsers()
{
    const QString url = QStringLiteral("postgresql://anna:s3cret@127.0.0.1:1/hr");   // nothing listens on port 1
    const Run headless = run({QStringLiteral("--database-url"), url, QStringLiteral("--check")});
    QVERIFY2(headless.err.contains(QStringLiteral("Warning: a password in --database-url")), qPrintable(headless.err));
    QVERIFY2(!headless.err.contains(QStringLiteral("s3cret")), qPrintable(headless.err));

    // The window stays up on its "could not be opened" message: look at it as another user would.
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_dir->path());
    env.insert("QT_QPA_PLATFORM", "offscreen");
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(ER_BINARY), {QStringLiteral("--database-url=") + url});
    QVERIFY(gui.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(visibleCommandLine(gui.processId()).contains(QStringLiteral("anna:******@")), 10000);
    const QString visible = visibleCommandLine(gui.processId());
    gui.kill();
    gui.waitForFinished();
    QVERIFY2(!visible.contains(QStringLiteral("s3cret")), qPrintable(visible));
    QVERIFY2(visible.contains(QStringLiteral("--database-url=postgresql://anna:******@127.0.0.1:1/hr")), qPrintable(visible));
}

// --history EMAIL: the import that created the employee, then an edit made
// with another tool (as sqlite3 would), newest first; exit 1 for no such one.
void TestCli::historyPrintsOneChangeALineNewestFirst()
{
    const QString csv = writeFile("staff.csv", "first_name,last_name,email\nAda,Lovelace,ada@example.com\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    QCOMPARE(scalar(m_db, "UPDATE employee SET last_name = 'King' WHERE email_normalized = 'ada@example.com'"), 0);
    const Run r = run({"--database", m_db, "--history", "ADA@example.com"});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QRegularExpression iso("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  ");
    for (const QString &line : lines)
        QVERIFY2(iso.match(line).hasMatch(), qPrintable(line));
    QVERIFY2(lines.at(0).endsWith(QString::fromUtf8("another tool  last_name: Lovelace \u2192 King")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).endsWith("(import of staff.csv)  created"), qPrintable(lines.at(1)));
    const Run missing = run({"--database", m_db, "--history", "nobody@example.com"});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("nobody@example.com"), qPrintable(missing.err));
    QVERIFY(missing.out.isEmpty());
}

// --purge-archived-before DATE [--dry-run]: the archived who left before
// DATE are listed (and, without --dry-run, erased); a bad date is an error.
void TestCli::purgeArchivedBeforeWithAndWithoutDryRun()
{
    const QString csv = writeFile("staff.csv", "first_name,last_name,email\nAda,Lovelace,ada@example.com\n"
                                               "Alan,Turing,alan@example.com\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    // Ada left in 2019 (archived as the window would; the archive's own tables).
    QCOMPARE(scalar(m_db, "INSERT INTO archived_employee SELECT id, first_name, last_name, email, email_normalized, "
                          "phone, created_at, updated_at, version, created_change_set, '2019-06-30', NULL, "
                          "'2019-06-30T00:00:00.000Z' FROM employee WHERE email_normalized = 'ada@example.com'"),
             0);
    QCOMPARE(scalar(m_db, "DELETE FROM employee WHERE email_normalized = 'ada@example.com'"), 0);
    const Run dry = run({"--database", m_db, "--purge-archived-before", "2020-01-01", "--dry-run"});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains("2019-06-30  Ada Lovelace  ada@example.com"), qPrintable(dry.out));
    QVERIFY2(dry.out.contains("would be purged"), qPrintable(dry.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM archived_employee"), 1);
    const Run purge = run({"--database", m_db, "--purge-archived-before", "2020-01-01"});
    QCOMPARE(purge.exitCode, 0);
    QVERIFY2(purge.out.contains("Purged 1 archived employee"), qPrintable(purge.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM archived_employee"), 0);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 1);
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM change_set WHERE source = 'purge' AND row_count = 1"), 1);
    const Run bad = run({"--database", m_db, "--purge-archived-before", "30.06.2019"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("YYYY-MM-DD"), qPrintable(bad.err));
    QCOMPARE(run({"--database", m_db, "--dry-run"}).exitCode, 2);
}

// --export-person EMAIL FILE (GDPR Art. 15): the format from the extension,
// 0600, recorded in the history; the PDF too where there is no display at all
// (no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM), as over ssh or in cron.
void TestCli::exportPersonWritesJsonAndPdfWithoutADisplay()
{
    const QString csv = writeFile("staff.csv", "first_name,last_name,email,phone,team\n"
                                               "Ada,Lovelace,ada@example.com,+44 20 7123 4567,Engineering\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    m_unset = QStringList{"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};
    const QString json = m_dir->filePath("ada.json");
    const Run j = run({"--database", m_db, "--export-person", "ADA@example.com", json});
    QVERIFY2(j.exitCode == 0, qPrintable(j.err));
    QVERIFY2(j.out.contains(json), qPrintable(j.out));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(data.value("employee").toObject().value("last_name").toString(), QStringLiteral("Lovelace"));
    QCOMPARE(data.value("employee").toObject().value("phone").toString(), QStringLiteral("+442071234567"));
    QCOMPARE(data.value("profile").toObject().value("team").toObject().value("name").toString(),
             QStringLiteral("Engineering"));
    QVERIFY(data.value("profile").toObject().value("bio").isNull());
    QCOMPARE(data.value("status").toString(), QStringLiteral("current"));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(json).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);

    const QString pdf = m_dir->filePath("Ada.PDF");
    const Run p = run({"--database", m_db, "--export-person", "ada@example.com", pdf});
    QVERIFY2(p.exitCode == 0, qPrintable(p.err));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QCOMPARE(pdfFile.read(5), QByteArray("%PDF-"));
    QCOMPARE(::stat(QFile::encodeName(pdf).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);

    // Both recorded, newest first, from the command line.
    const Run history = run({"--database", m_db, "--history", "ada@example.com"});
    const QStringList lines = history.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).endsWith("(export from the command line)  exported (PDF)"), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).endsWith("(export from the command line)  exported (JSON)"), qPrintable(lines.at(1)));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM change_set WHERE source = 'export' AND detail = 'command line'"), 2);
    // The other headless commands still need no Qt Gui at all.
    QCOMPARE(run({"--database", m_db, "--check"}).exitCode, 0);
}

void TestCli::exportPersonFindsTheArchivedAndExplainsFailures()
{
    const QString csv = writeFile("staff.csv", "first_name,last_name,email\nAda,Lovelace,ada@example.com\n");
    QCOMPARE(run({"--database", m_db, "--import", csv}).exitCode, 0);
    // Ada left (archived as the window would; the archive's own tables).
    QCOMPARE(scalar(m_db, "INSERT INTO archived_employee SELECT id, first_name, last_name, email, email_normalized, "
                          "phone, created_at, updated_at, version, created_change_set, '2025-06-30', 'Retired', "
                          "'2025-06-30T00:00:00.000Z' FROM employee"),
             0);
    QCOMPARE(scalar(m_db, "INSERT INTO archived_profile (employee_id, address, created_at, updated_at, version) "
                          "SELECT employee_id, 'Ockham Park', created_at, updated_at, version FROM employee_profile"),
             0);
    QCOMPARE(scalar(m_db, "DELETE FROM employee"), 0);
    const QString json = m_dir->filePath("ada.json");
    const Run archived = run({"--database", m_db, "--export-person", "ada@example.com", json});
    QVERIFY2(archived.exitCode == 0, qPrintable(archived.err));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(data.value("status").toString(), QStringLiteral("archived"));
    QCOMPARE(data.value("archive").toObject().value("left_on").toString(), QStringLiteral("2025-06-30"));
    QCOMPARE(data.value("archive").toObject().value("reason").toString(), QStringLiteral("Retired"));
    QCOMPARE(data.value("profile").toObject().value("address").toString(), QStringLiteral("Ockham Park"));
    const qint64 sets = scalar(m_db, "SELECT COUNT(*) FROM change_set");

    const Run nobody = run({"--database", m_db, "--export-person", "nobody@example.com", m_dir->filePath("n.json")});
    QCOMPARE(nobody.exitCode, 1);
    QVERIFY2(nobody.err.contains("nobody@example.com"), qPrintable(nobody.err));
    QVERIFY(!QFile::exists(m_dir->filePath("n.json")));
    const Run noFile = run({"--database", m_db, "--export-person", "ada@example.com"});
    QCOMPARE(noFile.exitCode, 2);
    QVERIFY2(noFile.err.contains("FILE"), qPrintable(noFile.err));
    const Run badType = run({"--database", m_db, "--export-person", "ada@example.com", m_dir->filePath("ada.txt")});
    QCOMPARE(badType.exitCode, 2);
    QVERIFY2(badType.err.contains(".pdf"), qPrintable(badType.err));
    QCOMPARE(run({"--database", m_db, "--export-person", "ada@example.com", json, "extra.json"}).exitCode, 2);
    QCOMPARE(run({"--database", m_db, m_dir->filePath("stray.json")}).exitCode, 2); // FILE without the option
    const QString nowhere = m_dir->filePath("missing/ada.json");
    const Run unwritable = run({"--database", m_db, "--export-person", "ada@example.com", nowhere});
    QCOMPARE(unwritable.exitCode, 2);
    QVERIFY2(unwritable.err.contains(nowhere), qPrintable(unwritable.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM change_set"), sets); // failures record nothing
}


namespace {
// The SQLite file and its WAL, byte for byte.
QByteArray databaseHash(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &name : {path, path + "-wal"}) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return hash.result();
}
} // namespace

// --existing update|skip on the command line: the counts printed, bad
// values explained, the flags only with --import.
void TestCli::importExistingUpdateAndSkip()
{
    const QString staff = writeFile("staff.csv", "first_name,last_name,email,phone\n"
                                                 "Ada,Lovelace,ada@example.com,+49 30 1111111\n"
                                                 "Alan,Turing,alan@example.com,+49 30 2222222\n");
    QCOMPARE(run({"--database", m_db, "--import", staff}).exitCode, 0);
    const QString edited = writeFile("edited.csv", "first_name,last_name,email,phone\n"
                                                   "Ada,Lovelace,ada@example.com,+49 30 9999999\n"
                                                   "Alan,Turing,alan@example.com,+49 30 2222222\n"
                                                   "Grace,Hopper,grace@example.com,\n");
    Run r = run({"--database", m_db, "--import", edited, "--existing", "update"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("Imported 1 employee with their profile; 1 updated; 1 left unchanged; 0 skipped; "
                            "0 rows rejected."),
             qPrintable(r.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE phone = '+49309999999'"), 1);
    r = run({"--database", m_db, "--history", "ada@example.com"});
    QVERIFY2(r.out.contains(QString::fromUtf8("(import of edited.csv)  phone: +49301111111 \u2192 +49309999999")),
             qPrintable(r.out));
    r = run({"--database", m_db, "--import", edited, "--existing", "skip"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("0 skipped") == false && r.out.contains("3 skipped"), qPrintable(r.out));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 3);
    r = run({"--database", m_db, "--import", edited, "--existing", "merge"});
    QVERIFY2(r.exitCode != 0 && r.err.contains("--existing") && r.err.contains("merge"), qPrintable(r.err));
    r = run({"--database", m_db, "--check", "--existing", "skip"});
    QVERIFY2(r.exitCode != 0 && r.err.contains("--import"), qPrintable(r.err));
}

// --dry-run with --import: what would happen is printed; the database file
// is the same byte for byte and has the same rows.
void TestCli::importDryRunChangesNothing()
{
    const QString staff = writeFile("staff.csv", "first_name,last_name,email,phone\n"
                                                 "Ada,Lovelace,ada@example.com,+49 30 1111111\n"
                                                 "Alan,Turing,alan@example.com,+49 30 2222222\n");
    QCOMPARE(run({"--database", m_db, "--import", staff}).exitCode, 0);
    const QString edited = writeFile("edited.csv", "first_name,last_name,email,phone\n"
                                                   "Ada,King,ada@example.com,+49 30 1111111\n"
                                                   "Grace,Hopper,grace@example.com,\n"
                                                   "Bad,Row,not-an-email,\n");
    const QByteArray before = databaseHash(m_db);
    const qint64 rows = scalar(m_db, "SELECT (SELECT COUNT(*) FROM employee) + (SELECT COUNT(*) FROM employee_profile)"
                                     " + (SELECT COUNT(*) FROM change_set) + (SELECT COUNT(*) FROM change_entry)");
    for (const QStringList &flags : {QStringList{"--existing", "update"}, QStringList{}}) {
        const Run r = run(QStringList{"--database", m_db, "--import", edited, "--dry-run"} + flags);
        QCOMPARE(r.exitCode, 1);   // a row would be refused
        QVERIFY2(r.err.contains("line 4: email"), qPrintable(r.err));
        QVERIFY2(r.out.contains("Dry run, nothing was changed"), qPrintable(r.out));
        if (flags.isEmpty())
            QVERIFY2(r.out.contains("1 employee would be added; 2 rows would be refused."), qPrintable(r.out));
        else
            QVERIFY2(r.out.contains("1 employee would be added, 1 updated, 0 left unchanged, 0 skipped; "
                                    "1 row would be refused."),
                     qPrintable(r.out));
        QCOMPARE(databaseHash(m_db), before);
        QCOMPARE(scalar(m_db, "SELECT (SELECT COUNT(*) FROM employee) + (SELECT COUNT(*) FROM employee_profile)"
                              " + (SELECT COUNT(*) FROM change_set) + (SELECT COUNT(*) FROM change_entry)"),
                 rows);
    }
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee WHERE last_name = 'King'"), 0);
}

// --create-teams: the unknown team is created (and named in a note);
// without it the row is refused naming the team.
void TestCli::importCreateTeams()
{
    const QString staff = writeFile("teams.csv", "first_name,last_name,email,team\n"
                                                 "Ada,Lovelace,ada@example.com,Research\n"
                                                 "Alan,Turing,alan@example.com,research\n");
    Run r = run({"--database", m_db, "--import", staff});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("line 2: team: unknown team 'Research'"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM team WHERE lower(name) = 'research'"), 0);
    r = run({"--database", m_db, "--import", staff, "--create-teams"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("note: team 'Research' created (--create-teams)"), qPrintable(r.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM team WHERE lower(name) = 'research'"), 1);
    QCOMPARE(scalar(m_db, "SELECT COUNT(DISTINCT team_id) FROM employee_profile WHERE team_id IS NOT NULL"), 1);
    r = run({"--database", m_db, "--create-teams"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("go with --import"), qPrintable(r.err));
}

// --rejected-rows FILE: the refused rows under the file's own header plus
// a reason, 0600 whatever the umask; fixed, the file imports.
void TestCli::importRejectedRowsFileIsPrivateAndImportsAgain()
{
    const QString staff = writeFile("staff.csv", "Email;First Name;Last Name\n"
                                                 "ada@example.com;Ada;Lovelace\n"
                                                 "not-an-email;Alan;\"Turing; Jr\"\n"
                                                 "grace@example.com;Grace;\n");
    const QString rejected = m_dir->filePath("rejected.csv");
    const mode_t previous = ::umask(022);
    const Run r = run({"--database", m_db, "--import", staff, "--rejected-rows", rejected});
    ::umask(previous);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(mode(rejected), OwnerRw);
    QFile file(rejected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    const QStringList lines = text.split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("Email,First Name,Last Name,reason"));
    QVERIFY2(lines.at(1).startsWith("not-an-email,Alan,Turing; Jr,email:"), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith("grace@example.com,Grace,,last_name:"), qPrintable(lines.at(2)));
    // Fixed in place (the reason column is ignored with a note), it imports.
    const QString fixed = writeFile("fixed.csv", text.replace("not-an-email", "alan@example.com")
                                                     .replace("Grace,,", "Grace,Hopper,")
                                                     .toUtf8());
    const Run again = run({"--database", m_db, "--import", fixed});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QVERIFY2(again.err.contains("'reason'"), qPrintable(again.err));
    QCOMPARE(scalar(m_db, "SELECT COUNT(*) FROM employee"), 3);
    // Nothing refused: a file with the header alone.
    const Run clean = run({"--database", m_db, "--import", writeFile("new.csv", "first_name,last_name,email\nK,J,kj@example.com\n"),
                           "--rejected-rows", rejected});
    QCOMPARE(clean.exitCode, 0);
    QFile again2(rejected);
    QVERIFY(again2.open(QIODevice::ReadOnly));
    QCOMPARE(again2.readAll(), QByteArray("first_name,last_name,email,reason\r\n"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"

// The import's --create-teams (ImportOptions::createTeams), both backends:
// a team the file names and no one has is created once, in the import's
// transaction, so a dry run or a cancelled import leaves none; without the
// option such rows are refused naming the team.
#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "validation/EmployeeValidator.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace {

struct Fixture
{
    TestDatabase database;
    QString sessionError;
    std::unique_ptr<AppSession> session = database.openSession(&sessionError);
    EmployeeStore &store = *session->store();
    EmployeeValidator validator{QStringLiteral("DE")};

    ImportReport import(const QByteArray &csv, ImportOptions options, bool cancelAfterFirstBatch = false)
    {
        QByteArray data = csv;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvImporter importer(&store, validator);
        importer.setOptions(options);
        if (cancelAfterFirstBatch) // progress comes after a batch is written: its teams exist by then
            QObject::connect(&importer, &CsvImporter::progress, &importer, [&importer] { importer.cancel(); },
                             Qt::DirectConnection);
        return importer.importDevice(&buffer, data.size());
    }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(database.db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    QStringList teamNames()
    {
        QStringList names;
        for (const Team &team : store.teams())
            names << team.name;
        return names;
    }
    // The teams besides those a new database starts with, by name.
    QStringList newTeams()
    {
        QStringList names;
        for (const QString &name : teamNames()) {
            if (!seeded.contains(name))
                names << name;
        }
        names.sort();
        return names;
    }
    const QStringList seeded = teamNames();
    qint64 teamOf(const char *email)
    {
        QSqlQuery q(database.db());
        q.prepare(QStringLiteral("SELECT p.team_id FROM employee_profile p JOIN employee e ON e.id = p.employee_id "
                                 "WHERE e.email = ?"));
        q.addBindValue(QString::fromLatin1(email));
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }
};

ImportOptions creating(bool createTeams = true, bool dryRun = false)
{
    ImportOptions options;
    options.createTeams = createTeams;
    options.dryRun = dryRun;
    return options;
}

// Three rows name the same new team, spelled three ways; a fourth names another.
const QByteArray NewTeams = "first_name,last_name,email,team\n"
                            "Ada,Lovelace,ada@example.com,  Research  \n"
                            "Alan,Turing,alan@example.com,research\n"
                            "Grace,Hopper,grace@example.com,RESEARCH\n"
                            "Edsger,Dijkstra,edsger@example.com,Compilers\n";

} // namespace

class TestImportTeams : public QObject
{
    Q_OBJECT

private slots:
    void anUnknownTeamIsCreatedOnceForAllItsRows()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QSignalSpy teamsChanged(&f.store, &EmployeeStore::teamsChanged);
        const ImportReport report = f.import(NewTeams, creating());
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
        QCOMPARE(report.accepted, 4);
        // Trimmed, as the file first spells it; one team per name whatever its case.
        QCOMPARE(f.newTeams(), (QStringList{"Compilers", "Research"}));
        QCOMPARE(report.createdTeams, (QStringList{"Research", "Compilers"}));
        QCOMPARE(report.notes.filter(u"team 'Research' created").size(), 1);
        const qint64 research = f.teamOf("ada@example.com");
        QVERIFY(research > 0);
        QCOMPARE(f.teamOf("alan@example.com"), research);
        QCOMPARE(f.teamOf("grace@example.com"), research);
        QVERIFY(f.teamOf("edsger@example.com") != research);
        // Announced once, after the commit, and recorded in the import's change set.
        QCOMPARE(teamsChanged.size(), 1);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM change_entry WHERE subject = 'team' AND action = "
                                        "'created' AND change_set_id = %1")
                             .arg(report.changeSetId)),
                 2);
    }

    // A team only rows that are never written name (skipped, refused as a
    // duplicate by the database) is not left behind, in any mode.
    void aTeamNoWrittenRowUsesIsNotLeftBehind()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QVERIFY(f.import("first_name,last_name,email\nAda,Lovelace,ada@example.com\n", creating()).ok());
        const QByteArray again = "first_name,last_name,email,team\n"
                                 "Ada,Lovelace,ada@example.com,Cartography\n"
                                 "Alan,Turing,alan@example.com,Research\n";
        for (const ExistingRowPolicy::Mode mode : {ExistingRowPolicy::Mode::Skip, ExistingRowPolicy::Mode::Reject}) {
            ImportOptions options = creating();
            options.existing = mode;
            QSignalSpy teamsChanged(&f.store, &EmployeeStore::teamsChanged);
            const ImportReport report = f.import(again, options);
            QVERIFY2(report.ok(), qPrintable(report.fatalError));
            QCOMPARE(teamsChanged.size(), 1);   // once, after the commit: taking a team back says nothing before
            QCOMPARE(report.createdTeams, QStringList{"Research"});
            QCOMPARE(f.newTeams(), QStringList{"Research"});
            QVERIFY(report.notes.filter(u"Cartography").isEmpty());
            QSqlQuery undo(f.database.db());
            QVERIFY(undo.exec(QStringLiteral("DELETE FROM employee WHERE email = 'alan@example.com'")));
            QVERIFY(undo.exec(QStringLiteral("DELETE FROM team WHERE name = 'Research'")));
        }
    }

    void aTeamInAnotherCaseIsTheExistingOne()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const StoreResult sales = f.store.createTeam(QStringLiteral("Sales"));
        QVERIFY(sales.ok());
        const ImportReport report = f.import("first_name,last_name,email,team\n"
                                             "Ada,Lovelace,ada@example.com,SALES\n"
                                             "Alan,Turing,alan@example.com,sales \n",
                                             creating());
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 2);
        QVERIFY(report.createdTeams.isEmpty());
        QCOMPARE(f.newTeams(), QStringList{"Sales"});
        QCOMPARE(f.teamOf("ada@example.com"), sales.id());
        QCOMPARE(f.teamOf("alan@example.com"), sales.id());
    }

    void aDryRunCreatesNoTeam()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QSignalSpy teamsChanged(&f.store, &EmployeeStore::teamsChanged);
        const ImportReport report = f.import(NewTeams, creating(true, true));
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QVERIFY(report.dryRun);
        QCOMPARE(report.accepted, 4);
        QCOMPARE(report.createdTeams, (QStringList{"Research", "Compilers"}));
        QCOMPARE(report.notes.filter(u"would be created").size(), 2);
        QVERIFY(f.newTeams().isEmpty());
        QCOMPARE(f.store.employeeCount(), 0);
        QCOMPARE(teamsChanged.size(), 0);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM change_entry")), 0);
    }

    void aCancelledImportLeavesNoTeam()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import(NewTeams, creating(), true);
        QVERIFY(report.cancelled);
        QVERIFY(f.newTeams().isEmpty());
        QCOMPARE(f.store.employeeCount(), 0);
    }

    void withoutTheOptionTheRowsAreRefusedNamingTheTeam()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import(NewTeams + "Barbara,Liskov,barbara@example.com,\n", creating(false));
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 1);
        QCOMPARE(report.rejected, 4);
        QCOMPARE(report.problems.at(0), QStringLiteral("line 2: team: unknown team 'Research'"));
        QCOMPARE(report.problems.at(3), QStringLiteral("line 5: team: unknown team 'Compilers'"));
        QVERIFY(f.newTeams().isEmpty());
    }

    // A name the store refuses (too long) costs only its rows, with the store's reason.
    void aTeamThatCannotBeCreatedRefusesItsRows()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const QByteArray longName(EmployeeValidator::MaxNameLength + 1, 'x');
        const ImportReport report = f.import("first_name,last_name,email,team\n"
                                             "Ada,Lovelace,ada@example.com," + longName + "\n"
                                             "Alan,Turing,alan@example.com," + longName + "\n"
                                             "Grace,Hopper,grace@example.com,Navy\n",
                                             creating());
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 1);
        QCOMPARE(report.rejected, 2);
        QVERIFY2(report.problems.at(0).startsWith(QStringLiteral("line 2: team: team '") + QString::fromLatin1(longName)
                                                  + QStringLiteral("' could not be created: ")),
                 qPrintable(report.problems.at(0)));
        QVERIFY2(report.problems.at(1).startsWith(u"line 3: "), qPrintable(report.problems.at(1)));
        QCOMPARE(f.newTeams(), QStringList{"Navy"});
    }

    // An invalid row creates nothing: only rows that are written need their team.
    void anInvalidRowCreatesNoTeam()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report =
            f.import("first_name,last_name,email,team\nAda,Lovelace,not-an-email,Research\n", creating());
        QCOMPARE(report.rejected, 1);
        QVERIFY(f.newTeams().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportTeams)
#include "TestImportTeams.moc"

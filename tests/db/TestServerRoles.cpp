// ServerRoles: the reader, editor and admin roles that --setup-roles creates,
// enforced by the PostgreSQL server, and what a connection may do as the
// server answers it. The SQLite run checks that a file has no roles.
#include "app/AppSession.h"
#include "csv/CsvImporter.h"
#include "validation/EmployeeValidator.h"
#include "db/Database.h"
#include "db/SchemaMigrator.h"
#include "db/ServerRoles.h"
#include "store/EmployeeStore.h"
#include "TestDatabase.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>
#include <memory>

class TestServerRoles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void anSqliteFileHasNoRoles();
    void setUpIsIdempotentAndGrantsByRole();
    void aReaderMayOnlyRead();
    void anEditorChangesEmployeesButNotTeams();
    void anEditorsImportCannotCreateTeams();
    void onlyAnAdminDeletesForGood();
    void theCommandLineSetsUpTheRoles();
    void aRoleThatMayNotUpgradeTheSchemaSaysSoAndOpensNothing();

private:
    // A login role of `group`, unique to this run; "" and a failure on error.
    QString personIn(const char *group);
    DatabaseLocation as(const QString &user) const;
    // Sets the roles up and opens `session` as a new person in `group`.
    bool openAsMemberOf(const char *group, AppSession &session);

    std::unique_ptr<TestDatabase> m_tdb;
    QStringList m_people;
};

void TestServerRoles::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
}

void TestServerRoles::cleanup()
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("role-")))
            Database::close(name);
    }
    if (m_tdb && m_tdb->isPostgres()) {
        for (const QString &person : std::as_const(m_people))
            TestDatabase::exec(m_tdb->db(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(person));
    }
    m_people.clear();
    m_tdb.reset();
}

QString TestServerRoles::personIn(const char *group)
{
    const QString name = QStringLiteral("er_test_%1_%2_%3")
                             .arg(QString::fromLatin1(group).section(QLatin1Char('_'), 2))
                             .arg(QCoreApplication::applicationPid())
                             .arg(m_people.size());
    if (!TestDatabase::exec(m_tdb->db(), QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2").arg(name, QLatin1String(group))))
        return {};
    m_people << name;
    return name;
}

DatabaseLocation TestServerRoles::as(const QString &user) const
{
    const DatabaseLocation here = m_tdb->location();
    return *DatabaseLocation::fromUrl(QStringLiteral("postgresql://%1@%2:%3/%4")
                                          .arg(user, here.host())
                                          .arg(here.port())
                                          .arg(here.databaseName()),
                                      nullptr);
}

bool TestServerRoles::openAsMemberOf(const char *group, AppSession &session)
{
    QString error;
    if (!ServerRoles::setUp(m_tdb->db(), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    const QString person = personIn(group);
    if (person.isEmpty() || !session.open(as(person), &error, Database::Missing::Refuse)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

void TestServerRoles::anSqliteFileHasNoRoles()
{
    if (m_tdb->isPostgres())
        QSKIP("the SQLite run's check");
    const ServerRoles::Privileges privileges = ServerRoles::privileges(m_tdb->db());
    QVERIFY(!privileges.readOnly());
    QVERIFY(privileges.editTeams);
    QString error;
    QVERIFY(!ServerRoles::setUp(m_tdb->db(), &error));
    QVERIFY2(error.contains(QStringLiteral("PostgreSQL")), qPrintable(error));
}

void TestServerRoles::setUpIsIdempotentAndGrantsByRole()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    QString error;
    QVERIFY2(ServerRoles::setUp(m_tdb->db(), &error), qPrintable(error));
    QVERIFY2(ServerRoles::setUp(m_tdb->db(), &error), qPrintable(error));
    QSqlQuery q(m_tdb->db());
    QVERIFY(q.exec(QStringLiteral("SELECT has_table_privilege('employee_records_reader', 'employee', 'SELECT'),"
                                  " has_table_privilege('employee_records_reader', 'employee', 'INSERT'),"
                                  " has_table_privilege('employee_records_editor', 'employee_profile', 'UPDATE'),"
                                  " has_table_privilege('employee_records_editor', 'team', 'INSERT'),"
                                  " has_table_privilege('employee_records_admin', 'team', 'INSERT'),"
                                  " (SELECT tableowner FROM pg_tables WHERE tablename = 'employee')"))
            && q.next());
    QVERIFY(q.value(0).toBool());
    QVERIFY(!q.value(1).toBool());
    QVERIFY(q.value(2).toBool());
    QVERIFY(!q.value(3).toBool());
    QVERIFY(q.value(4).toBool());
    QCOMPARE(q.value(5).toString(), QStringLiteral("employee_records_admin"));
}

void TestServerRoles::aReaderMayOnlyRead()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    AppSession session;
    QVERIFY(openAsMemberOf(ServerRoles::Reader, session));
    const ServerRoles::Privileges privileges = ServerRoles::privileges(session.store()->database());
    QVERIFY(privileges.readOnly());
    QVERIFY(!privileges.editTeams);
    QCOMPARE(session.store()->employeeCount(), qint64(0));   // it reads
    Employee e;
    e.firstName = QStringLiteral("Ada");
    e.lastName = QStringLiteral("Lovelace");
    e.email = QStringLiteral("ada@example.com");
    const StoreResult refused = session.store()->createEmployee(e);
    QVERIFY(!refused.ok());   // the server refuses, the store says so
    QVERIFY2(refused.errorText().contains(QStringLiteral("permission denied")), qPrintable(refused.errorText()));
}

void TestServerRoles::anEditorChangesEmployeesButNotTeams()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    AppSession session;
    QVERIFY(openAsMemberOf(ServerRoles::Editor, session));
    const ServerRoles::Privileges privileges = ServerRoles::privileges(session.store()->database());
    QVERIFY(!privileges.readOnly());
    QVERIFY(!privileges.editTeams);
    Employee e;
    e.firstName = QStringLiteral("Ada");
    e.lastName = QStringLiteral("Lovelace");
    e.email = QStringLiteral("ada@example.com");
    const StoreResult created = session.store()->createEmployee(e);
    QVERIFY2(created.ok(), qPrintable(created.errorText()));
    QVERIFY(session.store()->profileOf(created.id()).has_value());   // employeeCreated ran as the editor
    QVERIFY(!session.store()->createTeam(QStringLiteral("Operations")).ok());
}

// --create-teams as an editor: the rows that need a new team are refused
// saying why (the role), the others imported; nothing fails on the server.
// The SQLite run: a file has no roles, so the team is created.
void TestServerRoles::anEditorsImportCannotCreateTeams()
{
    AppSession editorSession;
    std::unique_ptr<AppSession> fileSession;
    EmployeeStore *store = nullptr;
    if (m_tdb->isPostgres()) {
        QVERIFY(openAsMemberOf(ServerRoles::Editor, editorSession));
        store = editorSession.store();
    } else {
        QString error;
        fileSession = m_tdb->openSession(&error);
        QVERIFY2(fileSession, qPrintable(error));
        store = fileSession->store();
    }
    QByteArray csv = "first_name,last_name,email,team\n"
                     "Ada,Lovelace,ada@example.com,Research\n"
                     "Alan,Turing,alan@example.com,\n";
    QBuffer buffer(&csv);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const qsizetype teams = store->teams().size();
    CsvImporter importer(store, EmployeeValidator(QStringLiteral("DE")));
    ImportOptions options;
    options.createTeams = true;
    importer.setOptions(options);
    const ImportReport report = importer.importDevice(&buffer);
    QVERIFY2(report.ok(), qPrintable(report.fatalError));
    if (!m_tdb->isPostgres()) {
        QCOMPARE(report.accepted, 2);
        QCOMPARE(store->teams().size(), teams + 1);
        return;
    }
    QCOMPARE(report.accepted, 1);
    QCOMPARE(report.rejected, 1);
    QVERIFY2(report.problems.at(0).startsWith(u"line 2: team: unknown team 'Research', and your role on the "
                                              u"server may not create teams"),
             qPrintable(report.problems.at(0)));
    QVERIFY2(report.problems.at(0).contains(QLatin1String(ServerRoles::Admin)), qPrintable(report.problems.at(0)));
    QCOMPARE(store->teams().size(), teams);
}

// Schema step 7 (DeletionGuardSchema): editors archive and restore, and take
// back their own additions; deleting someone else for good, deleting from
// the archive and purging are the administrator's, enforced by the server.
void TestServerRoles::onlyAnAdminDeletesForGood()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    AppSession adminSession;
    QVERIFY(openAsMemberOf(ServerRoles::Admin, adminSession));
    EmployeeStore *admin = adminSession.store();
    QVERIFY(ServerRoles::privileges(admin->database()).deleteForGood);
    AppSession editorSession;
    QVERIFY(openAsMemberOf(ServerRoles::Editor, editorSession));
    EmployeeStore *editor = editorSession.store();
    const ServerRoles::Privileges privileges = ServerRoles::privileges(editor->database());
    QVERIFY(!privileges.readOnly());
    QVERIFY(!privileges.deleteForGood);

    auto person = [](const char *first, const char *email) {
        Employee e;
        e.firstName = QString::fromLatin1(first);
        e.lastName = QStringLiteral("Test");
        e.email = QString::fromLatin1(email);
        return e;
    };
    const qint64 ada = admin->createEmployee(person("Ada", "ada@example.com")).id();
    const qint64 alan = admin->createEmployee(person("Alan", "alan@example.com")).id();
    QVERIFY(ada && alan);

    // Temporary tables of the editor's do not answer for the real ones.
    QSqlQuery temp(editor->database());
    QVERIFY(temp.exec(QStringLiteral("CREATE TEMP TABLE pg_roles (rolname name)")));
    QVERIFY(temp.exec(QStringLiteral("CREATE TEMP TABLE archived_employee (id bigint)")));
    QVERIFY(temp.exec(QStringLiteral("INSERT INTO pg_temp.archived_employee VALUES (%1)").arg(ada)));
    // Someone else's employee: not for good, but archived and restored.
    const StoreResult refused = editor->deleteEmployee(*editor->record(ada));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorText().contains(QStringLiteral("permission denied")), qPrintable(refused.errorText()));
    QVERIFY(editor->record(ada));
    QVERIFY(temp.exec(QStringLiteral("DROP TABLE pg_temp.pg_roles, pg_temp.archived_employee")));
    QVERIFY(editor->archiveEmployee(*editor->record(ada), QDate(2026, 3, 31)).ok());
    QVERIFY(editor->restoreEmployee(ada).ok());
    QVERIFY(editor->archiveEmployee(*editor->record(ada), QDate(2026, 3, 31)).ok());
    QVERIFY(!editor->deleteArchivedEmployee(ada).ok());
    QVERIFY(!editor->purgeArchivedBefore(QDate(2027, 1, 1), false).ok());
    QCOMPARE(editor->archivedEmployees().size(), 1);

    // Their own addition (an undo of it): theirs to take back.
    const qint64 grace = editor->createEmployee(person("Grace", "grace@example.com")).id();
    QVERIFY(grace);
    const StoreResult own = editor->deleteEmployee(*editor->record(grace));
    QVERIFY2(own.ok(), qPrintable(own.errorText()));

    // The administrator may.
    QVERIFY(admin->deleteEmployee(*admin->record(alan)).ok());
    QVERIFY(admin->deleteArchivedEmployee(ada).ok());
}

void TestServerRoles::theCommandLineSetsUpTheRoles()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    const DatabaseLocation here = m_tdb->location();
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(ER_BINARY),
              {QStringLiteral("--database-url"),
               QStringLiteral("postgresql://%1@%2:%3/%4").arg(here.userName(), here.host()).arg(here.port()).arg(here.databaseName()),
               QStringLiteral("--setup-roles")});
    QVERIFY(cli.waitForFinished(30000));
    const QString out = QString::fromUtf8(cli.readAll());
    QVERIFY2(cli.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("IN ROLE employee_records_editor")), qPrintable(out));
    QVERIFY(!personIn(ServerRoles::Admin).isEmpty());   // the group exists now
}

void TestServerRoles::aRoleThatMayNotUpgradeTheSchemaSaysSoAndOpensNothing()
{
    if (!m_tdb->isPostgres())
        QSKIP("roles are a PostgreSQL server's (the _postgres run)");
    QString error;
    QVERIFY2(ServerRoles::setUp(m_tdb->db(), &error), qPrintable(error));
    const QString editor = personIn(ServerRoles::Editor);
    QVERIFY(!editor.isEmpty());
    // The database as the previous version left it: without the last step
    // (its indexes are back as they were: an editor's DROP INDEX is refused
    // before the step changes anything).
    const QSqlDatabase owner = m_tdb->db();
    const int latest = SchemaMigrator::latestVersion();
    QVERIFY(TestDatabase::exec(owner, QStringLiteral("DELETE FROM schema_migrations WHERE version = %1").arg(latest)));

    AppSession session;
    QVERIFY(!session.open(as(editor), &error, Database::Missing::Refuse));
    QVERIFY2(error.contains(QStringLiteral("may not upgrade the schema")), qPrintable(error));
    QSqlQuery q(owner);
    QVERIFY(q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) && q.next());
    QCOMPARE(q.value(0).toInt(), latest - 1);   // nothing changed
}

QTEST_GUILESS_MAIN(TestServerRoles)
#include "TestServerRoles.moc"

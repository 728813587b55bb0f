#pragma once

#include "app/AppSession.h"
#include "db/DatabaseLocation.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <memory>

// A fresh, migrated database for one test function. SQLite in a temporary
// directory by default; when ER_TEST_DATABASE_URL is set (ctest's *_postgres
// runs), a database of its own on that PostgreSQL server, emptied first.
// Failing to reach the server is a test failure, never a skip.
class TestDatabase
{
public:
    explicit TestDatabase(const QString &connectionName = QStringLiteral("test"));
    ~TestDatabase();

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QSqlDatabase db() const;
    DatabaseLocation location() const { return m_location; }
    bool isPostgres() const { return m_location.kind() == DatabaseLocation::Kind::Postgres; }
    // For tests that reopen the same database (backfill, migrations): close
    // this connection and open it again through Database::open().
    bool reopen();
    void close();
    // A session on this database opened by the application's own
    // composition code: its store, with the employeeCreated receivers wired
    // as the window and the command line have them. nullptr and *error when
    // it cannot be opened.
    std::unique_ptr<AppSession> openSession(QString *error) const;

    static bool postgresRequested();
    // Runs `sql` (no user input; test fixtures only) and fails the test on error.
    static bool exec(const QSqlDatabase &db, const QString &sql);

private:
    bool preparePostgres();

    QString m_name;
    std::unique_ptr<QTemporaryDir> m_dir;
    DatabaseLocation m_location;
    QString m_error;
};

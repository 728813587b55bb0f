// The server ends the window's connection (pg_terminate_backend, as a DBA or
// a server restart would): the status bar says so at once and that it is
// reconnecting, the views keep what they show, nothing can write, an open
// form keeps its input and a save fails without losing it; when the server
// answers, the window is on a new connection, the form saves, and the window
// listens again. PostgreSQL only (an SQLite file is not a connection): ctest
// registers this test for the _postgres run alone.
#include "app/AppSession.h"
#include "app/DatabaseSwitcher.h"
#include "editor/EmployeeEditDialog.h"
#include "mainwindow/MainWindow.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"
#include "FormParts.h"
#include "TestDatabase.h"
#include "WindowParts.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <memory>

class TestConnectionLoss : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aLostConnectionIsSaidAndTheWindowComesBack();

private:
    static QString status(const QWidget &window);
    static Employee person(const QString &first, const QString &last);
};

void TestConnectionLoss::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestConnectionLoss"));
    QSettings().clear();
    QVERIFY2(TestDatabase::postgresRequested(), "PostgreSQL only: run as TestConnectionLoss_postgres");
}

QString TestConnectionLoss::status(const QWidget &window)
{
    return window.findChild<QLabel *>(QStringLiteral("databaseLabel"))->text();
}

Employee TestConnectionLoss::person(const QString &first, const QString &last)
{
    Employee e;
    e.firstName = first;
    e.lastName = last;
    e.email = first.toLower() + QStringLiteral("@example.com");
    return e;
}

void TestConnectionLoss::aLostConnectionIsSaidAndTheWindowComesBack()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isOpen(), qPrintable(tdb.error()));
    QString error;
    std::unique_ptr<AppSession> session = tdb.openSession(&error);
    QVERIFY2(session, qPrintable(error));
    const Employee ada = person(QStringLiteral("Ada"), QStringLiteral("Lovelace"));
    const qint64 adaId = session->store()->createEmployee(ada).id();
    QVERIFY(adaId > 0);
    QSqlQuery pid(session->store()->database());
    QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
    const qint64 windowBackend = pid.value(0).toLongLong();
    pid.finish();

    const QString name = session->location().displayName();
    auto window = std::make_unique<MainWindow>(session->store(), name);
    DatabaseSwitcher switcher(window.get(), std::move(session));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->selectEmployee(adaId);
    EmployeeEditDialog *form = window->openEditor(adaId);
    QVERIFY(form);
    auto *lastName = qobject_cast<QLineEdit *>(FormParts::input(*form, QStringLiteral("last_name")));
    lastName->setText(QStringLiteral("King"));   // typed, not saved

    // A DBA ends the window's session.
    QSqlQuery kill(tdb.db());
    QVERIFY(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(windowBackend)) && kill.next());
    QVERIFY(kill.value(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(window->isConnectionLost(), 5000);
    QVERIFY2(status(*window).contains(QStringLiteral("lost; reconnecting")), qPrintable(status(*window)));
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("actionNewEmployee"))->isEnabled());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("actionDeleteEmployee"))->isEnabled());
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 1);   // the view keeps what it shows
    // A colleague's change while the window cannot read: the view stays as it was
    // (no re-read on a dead connection), and catches up once it is back.
    std::unique_ptr<AppSession> colleague = tdb.openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    const Employee grace = person(QStringLiteral("Grace"), QStringLiteral("Hopper"));
    QVERIFY(colleague->store()->createEmployee(grace).ok());
    QTest::qWait(400);
    if (window->isConnectionLost()) {
        QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 1);
        QCOMPARE(WindowParts::employeeModel(*window)->index(0, EmployeeTableModel::LastName).data().toString(),
                 QStringLiteral("Lovelace"));
    }

    // The server answers at once here: the window is back on a new connection,
    // with the form and its input.
    QTRY_VERIFY_WITH_TIMEOUT(!window->isConnectionLost(), 15000);
    QVERIFY2(status(*window).startsWith(QStringLiteral("Database:")), qPrintable(status(*window)));
    QVERIFY(window->findChild<QAction *>(QStringLiteral("actionNewEmployee"))->isEnabled());
    QVERIFY(form == window->findChild<EmployeeEditDialog *>());
    QCOMPARE(lastName->text(), QStringLiteral("King"));
    QVERIFY(form->save());
    QSqlQuery saved(tdb.db());
    QVERIFY(saved.exec(QStringLiteral("SELECT last_name FROM employee WHERE id = %1").arg(adaId)) && saved.next());
    QCOMPARE(saved.value(0).toString(), QStringLiteral("King"));

    // Caught up with what was missed, and listening again: the next new employee appears by itself.
    QTRY_COMPARE_WITH_TIMEOUT(WindowParts::employeeModel(*window)->rowCount(), 2, 5000);
    const Employee alan = person(QStringLiteral("Alan"), QStringLiteral("Turing"));
    QVERIFY(colleague->store()->createEmployee(alan).ok());
    QTRY_COMPARE_WITH_TIMEOUT(WindowParts::employeeModel(*window)->rowCount(), 3, 5000);
}

QTEST_MAIN(TestConnectionLoss)
#include "TestConnectionLoss.moc"

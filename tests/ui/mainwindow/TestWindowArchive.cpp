// Archive instead of delete, from the window (issue 12, part 2): the Delete
// key asks when the employee left and archives them; View > Show Archived
// lists them greyed with that date; Restore brings them back into the views;
// Delete Permanently asks, naming what is lost.
#include "MessageBoxAnswerer.h"
#include "ShownWindow.h"
#include "TestDatabase.h"
#include "WindowParts.h"
#include "employees/ArchivedPanel.h"
#include "employees/EmployeeView.h"
#include "mainwindow/MainWindow.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"

#include <QAction>
#include <QApplication>
#include <QDateEdit>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <memory>

namespace {
// Fills in the next ArchiveDialog (at most 5 s) and presses Archive, or
// Cancel; answered() stays false when none came, so the test fails.
class ArchiveAnswer
{
public:
    ArchiveAnswer(const QDate &leftOn, const QString &reason, bool archive = true)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [=] {
            if (++m_ticks > 500)
                m_timer.stop();
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != QLatin1String("ArchiveDialog"))
                return;
            m_timer.stop();
            dialog->findChild<QDateEdit *>(QStringLiteral("leftOnEdit"))->setDate(leftOn);
            dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->setText(reason);
            if (archive)
                dialog->findChild<QPushButton *>(QStringLiteral("archiveButton"))->click();
            else
                dialog->reject();
            m_answered = true;
        });
        m_timer.start();
    }
    bool answered() const { return m_answered; }

private:
    QTimer m_timer;
    int m_ticks = 0;
    bool m_answered = false;
};

qint64 add(EmployeeStore *store, const char *first, const char *last, const char *email)
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    return store->createEmployee(e).id();
}
} // namespace

class TestWindowArchive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void deleteKeyArchivesAndShowArchivedRestores();
    void cancellingTheArchiveKeepsTheEmployee();
    void deletePermanentlyAsksNamingWhatIsLost();

private:
    std::unique_ptr<MainWindow> makeWindow();
    ArchivedPanel *showArchived(MainWindow &window);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
};

void TestWindowArchive::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestWindowArchive"));
}

void TestWindowArchive::init()
{
    QSettings().clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestWindowArchive::cleanup()
{
    const int unanswered = pendingMessageBoxAnswers();
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
    QCOMPARE(unanswered, 0);
}

std::unique_ptr<MainWindow> TestWindowArchive::makeWindow()
{
    return showMainWindow(m_store, QSize(900, 600));
}

ArchivedPanel *TestWindowArchive::showArchived(MainWindow &window)
{
    QAction *toggle = window.findChild<QAction *>(QStringLiteral("actionShowArchived"));
    if (!toggle)
        qFatal("no actionShowArchived");
    if (!toggle->isChecked())
        toggle->trigger();
    return window.findChild<ArchivedPanel *>(QStringLiteral("archivedPanel"));
}

void TestWindowArchive::deleteKeyArchivesAndShowArchivedRestores()
{
    add(m_store, "Amy", "Adams", "amy@example.com");
    const qint64 ada = add(m_store, "Ada", "Lovelace", "ada@example.com");
    auto window = makeWindow();
    window->selectEmployee(ada);
    WindowParts::employeeView(*window)->setFocus();
    ArchiveAnswer answer(QDate(2026, 11, 30), QStringLiteral("Moved to Paris"));
    QTest::keyClick(window->windowHandle(), Qt::Key_Delete); // QKeySequence::Delete
    QVERIFY(answer.answered());
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 1);
    QCOMPARE(WindowParts::employeeModel(*window)->rowOfEmployee(ada), -1);
    QVERIFY(!m_store->record(ada));

    ArchivedPanel *panel = showArchived(*window);
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    auto *table = panel->findChild<QTableWidget *>(QStringLiteral("archivedTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(table->item(0, 3)->text(), QLocale().toString(QDate(2026, 11, 30), QLocale::ShortFormat));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Moved to Paris"));
    QCOMPARE(table->item(0, 0)->foreground().color(),
             panel->palette().color(QPalette::Disabled, QPalette::Text));
    auto *restore = panel->findChild<QPushButton *>(QStringLiteral("restoreButton"));
    QVERIFY(!restore->isEnabled());
    table->selectRow(0);
    QVERIFY(restore->isEnabled());
    restore->click();
    QTRY_COMPARE(WindowParts::employeeModel(*window)->rowCount(), 2);
    QVERIFY(WindowParts::employeeModel(*window)->rowOfEmployee(ada) >= 0);
    QCOMPARE(table->rowCount(), 0);
}

void TestWindowArchive::cancellingTheArchiveKeepsTheEmployee()
{
    const qint64 ada = add(m_store, "Ada", "Lovelace", "ada@example.com");
    auto window = makeWindow();
    window->selectEmployee(ada);
    ArchiveAnswer answer(QDate(2026, 11, 30), {}, false);
    window->findChild<QAction *>(QStringLiteral("actionArchiveEmployee"))->trigger();
    QVERIFY(answer.answered());
    QVERIFY(m_store->record(ada));
    QVERIFY(m_store->archivedEmployees().isEmpty());
    QCOMPARE(WindowParts::employeeModel(*window)->rowCount(), 1);
}

void TestWindowArchive::deletePermanentlyAsksNamingWhatIsLost()
{
    const qint64 ada = add(m_store, "Ada", "Lovelace", "ada@example.com");
    auto window = makeWindow();
    window->selectEmployee(ada);
    ArchiveAnswer answer(QDate(2026, 11, 30), {});
    window->findChild<QAction *>(QStringLiteral("actionArchiveEmployee"))->trigger();
    QVERIFY(answer.answered());
    ArchivedPanel *panel = showArchived(*window);
    auto *table = panel->findChild<QTableWidget *>(QStringLiteral("archivedTable"));
    QTRY_COMPARE(table->rowCount(), 1);
    table->selectRow(0);
    QString question;
    answerNextMessageBox(QStringLiteral("Delete Permanently"), &question);
    panel->findChild<QPushButton *>(QStringLiteral("deleteArchivedButton"))->click();
    QVERIFY2(question.contains(QStringLiteral("Ada Lovelace")), qPrintable(question));
    QVERIFY2(question.contains(QStringLiteral("profile")), qPrintable(question));
    QVERIFY(m_store->archivedEmployees().isEmpty());
    QVERIFY(!m_store->record(ada));
    QTRY_COMPARE(table->rowCount(), 0);
}

QTEST_MAIN(TestWindowArchive)
#include "TestWindowArchive.moc"

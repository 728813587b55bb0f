// View > History and Edit > Purge Archived Employees… (issue 12): the panel
// follows the window's saves and other connections' commits and narrows as
// the user types; the purge asks for a retention period, remembers it, lists
// who would go, asks twice (cancelling either purges nothing) and erases
// exactly those who left before it.
#include "ShownWindow.h"
#include "TestDatabase.h"
#include "WindowParts.h"
#include "history/DatabaseHistoryPanel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/WindowSettings.h"
#include "store/EmployeeStore.h"
#include "views/HistoryTableModel.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace {
// Answers the modal dialogs and message boxes that come up next, in order,
// each recognised by its objectName; a step that does not come within 10 s
// leaves done() short of steps(), and a question more than scripted is
// cancelled and makes done() exceed it: the test fails instead of hanging.
class ModalScript
{
public:
    using Step = std::pair<QString, std::function<void(QWidget *)>>;
    explicit ModalScript(QList<Step> steps) : m_steps(std::move(steps)), m_deadline(10000)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (m_done >= m_steps.size()) {
                // One more question than scripted: cancelled, and counted,
                // so done() exceeds steps().
                if (auto *dialog = qobject_cast<QDialog *>(modal); dialog && modal != m_last) {
                    m_last = modal;
                    ++m_done;
                    dialog->reject();
                }
                if (m_deadline.hasExpired())
                    m_timer.stop();
                return;
            }
            if (m_deadline.hasExpired()) {
                // An unexpected dialog must not hang the test: it is
                // cancelled, and done() stays short of steps().
                m_timer.stop();
                if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                    dialog->reject();
                return;
            }
            if (!modal || modal == m_last || modal->objectName() != m_steps.at(m_done).first)
                return;
            m_last = modal;
            m_steps.at(m_done++).second(modal);
        });
        m_timer.start();
    }
    qsizetype done() const { return m_done; }
    qsizetype steps() const { return m_steps.size(); }

private:
    QList<Step> m_steps;
    QDeadlineTimer m_deadline;
    QTimer m_timer;
    qsizetype m_done = 0;
    QPointer<QWidget> m_last;
};

void click(QWidget *box, const QString &text)
{
    for (QAbstractButton *b : box->findChildren<QAbstractButton *>()) {
        // (Starts with: an untranslated plural reads "Employee(s)".)
        if (b->text().remove(QLatin1Char('&')).startsWith(text)) {
            b->click();
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no button %1 in %2").arg(text, box->objectName())));
}

// The purge dialog: the period it opened with, `years` of retention set
// (unless negative), what it said, then Purge… or Close.
ModalScript::Step purgeDialog(int years, bool purge, QString *summary = nullptr, int *listed = nullptr,
                              int *openedWithMonths = nullptr)
{
    return {QStringLiteral("PurgeDialog"), [=](QWidget *dialog) {
                auto *yearsSpin = dialog->findChild<QSpinBox *>(QStringLiteral("retentionYearsSpin"));
                if (openedWithMonths)
                    *openedWithMonths = yearsSpin->value() * 12
                        + dialog->findChild<QSpinBox *>(QStringLiteral("retentionMonthsSpin"))->value();
                if (years >= 0)
                    yearsSpin->setValue(years);
                if (summary)
                    *summary = dialog->findChild<QLabel *>(QStringLiteral("purgeSummary"))->text();
                if (listed)
                    *listed = dialog->findChild<QListWidget *>(QStringLiteral("purgeList"))->count();
                auto *button = dialog->findChild<QPushButton *>(QStringLiteral("purgeButton"));
                if (purge && button->isEnabled())
                    button->click();
                else
                    static_cast<QDialog *>(dialog)->reject();
            }};
}

ModalScript::Step box(const char *name, const QString &button, QString *text = nullptr)
{
    return {QString::fromLatin1(name), [=](QWidget *w) {
                if (text)
                    *text = static_cast<QMessageBox *>(w)->text();
                click(w, button);
            }};
}

Employee person(const char *first, const char *last, const char *email)
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    return e;
}
} // namespace

class TestWindowHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void historyPanelFollowsSavesAndColleaguesAndFilters();
    void purgeWithoutARetentionPeriodPurgesNobody();
    void purgeAsksTwiceAndErasesThoseWhoLeftBeforeThePeriod();
    void purgeErasesOnlyThoseTheUserSaw();
    void purgeIsDisabledWithoutAConnection();

private:
    std::unique_ptr<MainWindow> makeWindow();
    HistoryTableModel *showHistory(MainWindow &window);
    qint64 archived(const char *first, const char *last, const char *email, const QDate &leftOn);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
};

void TestWindowHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestWindowHistory"));
}

void TestWindowHistory::init()
{
    QSettings().clear();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestWindowHistory::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

std::unique_ptr<MainWindow> TestWindowHistory::makeWindow()
{
    return showMainWindow(m_store, QSize(1000, 700));
}

HistoryTableModel *TestWindowHistory::showHistory(MainWindow &window)
{
    auto *toggle = window.findChild<QAction *>(QStringLiteral("actionShowHistory"));
    if (!toggle)
        qFatal("no actionShowHistory");
    if (!toggle->isChecked())
        toggle->trigger();
    return window.findChild<HistoryTableModel *>(QStringLiteral("historyModel"));
}

qint64 TestWindowHistory::archived(const char *first, const char *last, const char *email, const QDate &leftOn)
{
    const qint64 id = m_store->createEmployee(person(first, last, email)).id();
    if (id <= 0 || !m_store->archiveEmployee(*m_store->record(id), leftOn, {}).ok())
        return 0;
    return id;
}

void TestWindowHistory::historyPanelFollowsSavesAndColleaguesAndFilters()
{
    const qint64 ada = m_store->createEmployee(person("Ada", "Lovelace", "ada@example.com")).id();
    const qint64 grace = m_store->createEmployee(person("Grace", "Hopper", "grace@example.com")).id();
    auto window = makeWindow();
    auto *toggle = window->findChild<QAction *>(QStringLiteral("actionShowHistory"));
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
    HistoryTableModel *model = showHistory(*window);
    QVERIFY(model);
    QTRY_VERIFY(window->findChild<DatabaseHistoryPanel *>(QStringLiteral("historyPanel"))->isVisible());
    QCOMPARE(model->rowCount(), 2);   // the two additions
    QCOMPARE(model->index(0, HistoryTableModel::Change).data().toString(), QStringLiteral("created"));

    // The window's own save: no refresh asked for.
    Employee e = *m_store->employee(ada);
    e.lastName = QStringLiteral("Byron");
    QVERIFY(m_store->updateEmployee(e).ok());
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, HistoryTableModel::Field).data().toString(), QStringLiteral("Last name"));
    QCOMPARE(model->index(0, HistoryTableModel::Change).data().toString(), QStringLiteral("Lovelace \u2192 Byron"));

    // A colleague's save on another connection appears by itself, at the top.
    QString error;
    std::unique_ptr<AppSession> colleague = m_db->openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    Employee g = *colleague->store()->employee(grace);
    g.firstName = QStringLiteral("Amazing Grace");
    QVERIFY(colleague->store()->updateEmployee(g).ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 5000);
    QCOMPARE(model->index(0, HistoryTableModel::Employee).data().toString(), QStringLiteral("Amazing Grace Hopper"));

    // Typing a person narrows; clearing brings everything back.
    auto *personEdit = window->findChild<QLineEdit *>(QStringLiteral("historyPersonEdit"));
    QTest::keyClicks(personEdit, QStringLiteral("ada"));
    QCOMPARE(model->rowCount(), 2);   // her save and her addition
    QCOMPARE(model->index(0, HistoryTableModel::Employee).data().toString(), QStringLiteral("Ada Byron"));
    personEdit->clear();
    QCOMPARE(model->rowCount(), 4);
    auto *userEdit = window->findChild<QLineEdit *>(QStringLiteral("historyUserEdit"));
    QTest::keyClicks(userEdit, QStringLiteral("nobody-by-this-name"));
    QCOMPARE(model->rowCount(), 0);
}

void TestWindowHistory::purgeWithoutARetentionPeriodPurgesNobody()
{
    const qint64 old = archived("Olga", "Old", "olga@example.com", QDate(2010, 1, 31));
    QVERIFY(old > 0);
    auto window = makeWindow();
    auto *action = window->findChild<QAction *>(QStringLiteral("actionPurgeArchived"));
    QVERIFY(action && action->isEnabled());
    QString summary;
    int listed = -1;
    int openedWith = -1;
    ModalScript script({purgeDialog(-1, true, &summary, &listed, &openedWith)});
    action->trigger();
    QCOMPARE(script.done(), script.steps());
    QCOMPARE(openedWith, 0);   // the default: no period
    QVERIFY2(summary.contains(QStringLiteral("No retention period")), qPrintable(summary));
    QCOMPARE(listed, 0);
    QCOMPARE(m_store->archivedEmployees().size(), 1);
    QCOMPARE(WindowSettings::retentionMonths(), 0);
}

void TestWindowHistory::purgeAsksTwiceAndErasesThoseWhoLeftBeforeThePeriod()
{
    const qint64 old = archived("Olga", "Old", "olga@example.com", QDate::currentDate().addYears(-3));
    const qint64 recent = archived("Rita", "Recent", "rita@example.com", QDate::currentDate().addMonths(-6));
    QVERIFY(old > 0 && recent > 0);
    auto window = makeWindow();
    auto *action = window->findChild<QAction *>(QStringLiteral("actionPurgeArchived"));

    // Cancel at the first question: nothing goes.
    int listed = -1;
    {
        ModalScript script({purgeDialog(2, true, nullptr, &listed), box("purgeFirstConfirmation", QStringLiteral("Cancel"))});
        action->trigger();
        QCOMPARE(script.done(), script.steps());
    }
    QCOMPARE(listed, 1);
    QCOMPARE(m_store->archivedEmployees().size(), 2);
    // The period is remembered, and the dialog opens with it.
    QCOMPARE(WindowSettings::retentionMonths(), 24);

    // Cancel at the second: nothing goes either.
    QString second;
    int yearsShown = -1;
    {
        ModalScript script({{QStringLiteral("PurgeDialog"),
                             [&](QWidget *dialog) {
                                 yearsShown = dialog->findChild<QSpinBox *>(QStringLiteral("retentionYearsSpin"))->value();
                                 dialog->findChild<QPushButton *>(QStringLiteral("purgeButton"))->click();
                             }},
                            box("purgeFirstConfirmation", QStringLiteral("Continue…")),
                            box("purgeSecondConfirmation", QStringLiteral("Cancel"), &second)});
        action->trigger();
        QCOMPARE(script.done(), script.steps());
    }
    QCOMPARE(yearsShown, 2);
    QVERIFY2(second.contains(QStringLiteral("1 employee")), qPrintable(second));
    QCOMPARE(m_store->archivedEmployees().size(), 2);

    // Both answered: only the one who left before the period goes.
    {
        ModalScript script({purgeDialog(2, true), box("purgeFirstConfirmation", QStringLiteral("Continue…")),
                            box("purgeSecondConfirmation", QStringLiteral("Erase 1 Employee")),
                            box("purgeReportBox", QStringLiteral("OK"))});
        action->trigger();
        QCOMPARE(script.done(), script.steps());
    }
    const QList<ArchivedEmployee> left = m_store->archivedEmployees();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().id, recent);
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM change_set WHERE source = 'purge' AND row_count = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

// Someone else archives an old leaver while the questions are open: the
// count the user confirmed would be wrong, so nothing is purged.
void TestWindowHistory::purgeErasesOnlyThoseTheUserSaw()
{
    QVERIFY(archived("Olga", "Old", "olga@example.com", QDate::currentDate().addYears(-3)) > 0);
    const qint64 late = m_store->createEmployee(person("Lars", "Late", "lars@example.com")).id();
    auto window = makeWindow();
    QString error;
    std::unique_ptr<AppSession> colleague = m_db->openSession(&error);
    QVERIFY2(colleague, qPrintable(error));
    ModalScript script({purgeDialog(2, true), box("purgeFirstConfirmation", QStringLiteral("Continue…")),
                        {QStringLiteral("purgeSecondConfirmation"),
                         [&](QWidget *w) {
                             QVERIFY(colleague->store()
                                         ->archiveEmployee(*colleague->store()->record(late),
                                                           QDate::currentDate().addYears(-4), {})
                                         .ok());
                             click(w, QStringLiteral("Erase 1 Employee"));
                         }},
                        box("purgeChangedBox", QStringLiteral("OK"))});
    window->findChild<QAction *>(QStringLiteral("actionPurgeArchived"))->trigger();
    QCOMPARE(script.done(), script.steps());
    QCOMPARE(m_store->archivedEmployees().size(), 2);
}

void TestWindowHistory::purgeIsDisabledWithoutAConnection()
{
    auto window = makeWindow();
    auto *action = window->findChild<QAction *>(QStringLiteral("actionPurgeArchived"));
    QVERIFY(action->isEnabled());
    window->showConnectionLost(QStringLiteral("test"));
    QVERIFY(!action->isEnabled());
    QVERIFY(!action->toolTip().isEmpty());
}

QTEST_MAIN(TestWindowHistory)
#include "TestWindowHistory.moc"

// The form's History tab (issue 12): the employee's saves, newest first, one
// group per save with a line per field; Restore This Value / This Version
// put old values back into the form as edits, which Save writes as any
// other (and records in the history again).
#include "editor/EmployeeEditDialog.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "TestDatabase.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <memory>

class TestFormHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsEverySaveNewestFirstWithItsFields();
    void restoreThisValueIsAnEditThatSaveWrites();
    void restoreThisVersionPutsBackEveryFieldOfTheSave();
    void aNewEmployeeOrAReadOnlyFormCannotRestore();

private:
    qint64 addEdited();
    QTreeWidget *tree(EmployeeEditDialog &dialog);
    QPushButton *button(EmployeeEditDialog &dialog, const char *name);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
};

void TestFormHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFormHistory::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    m_session = m_db->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestFormHistory::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_db.reset();
}

// Ada Lovelace, then one save: last name King, bio written.
qint64 TestFormHistory::addEdited()
{
    Employee e;
    e.firstName = QStringLiteral("Ada");
    e.lastName = QStringLiteral("Lovelace");
    e.email = QStringLiteral("ada@example.com");
    const qint64 id = m_store->createEmployee(e).id();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = QStringLiteral("King");
    edited.profile.bio = QStringLiteral("Wrote the first program.");
    const StoreResult saved = m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Bio});
    if (!saved.ok())
        qWarning("save failed: %s", qPrintable(saved.errorText()));
    return id;
}

QTreeWidget *TestFormHistory::tree(EmployeeEditDialog &dialog)
{
    auto *t = dialog.findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    if (!t)
        qFatal("no historyTree");
    return t;
}

QPushButton *TestFormHistory::button(EmployeeEditDialog &dialog, const char *name)
{
    auto *b = dialog.findChild<QPushButton *>(QLatin1String(name));
    if (!b)
        qFatal("no %s", name);
    return b;
}

void TestFormHistory::showsEverySaveNewestFirstWithItsFields()
{
    const qint64 id = addEdited();
    EmployeeEditDialog dialog(m_store, id);
    dialog.show();
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("formTabs"));
    QVERIFY(tabs);
    QVERIFY(tabs->isTabEnabled(1));
    tabs->setCurrentIndex(1);
    QTreeWidget *t = tree(dialog);
    QCOMPARE(t->topLevelItemCount(), 2);   // the save, then the creation
    const QTreeWidgetItem *save = t->topLevelItem(0);
    QVERIFY(save->text(1).contains(QStringLiteral("window")));
    QStringList lines;
    for (int i = 0; i < save->childCount(); ++i)
        lines << QStringLiteral("%1: %2 -> %3").arg(save->child(i)->text(2), save->child(i)->text(3), save->child(i)->text(4));
    QCOMPARE(lines, (QStringList{QStringLiteral("Last name: Lovelace -> King"),   // in the form's order
                                 QStringLiteral("Bio: (empty) -> Wrote the first program.")}));
    QCOMPARE(t->topLevelItem(1)->child(0)->text(2), QStringLiteral("Created"));
}

void TestFormHistory::restoreThisValueIsAnEditThatSaveWrites()
{
    const qint64 id = addEdited();
    EmployeeEditDialog dialog(m_store, id);
    dialog.show();
    QTreeWidget *t = tree(dialog);
    QPushButton *restoreValue = button(dialog, "restoreValueButton");
    t->setCurrentItem(t->topLevelItem(1)->child(0));   // "Created": nothing to restore
    QVERIFY(!restoreValue->isEnabled());
    t->setCurrentItem(t->topLevelItem(0)->child(0));   // Last name: Lovelace -> King
    QVERIFY(restoreValue->isEnabled());
    QVERIFY(!dialog.isWindowModified());
    restoreValue->click();
    auto *lastName = dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"));
    QCOMPARE(lastName->text(), QStringLiteral("Lovelace"));
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("bioEdit"))->toPlainText(),
             QStringLiteral("Wrote the first program."));   // only that value
    QVERIFY(dialog.isWindowModified());
    QCOMPARE(m_store->employee(id)->lastName, QStringLiteral("King"));   // not saved yet
    button(dialog, "saveButton")->click();
    QTRY_COMPARE(m_store->employee(id)->lastName, QStringLiteral("Lovelace"));
    QCOMPARE(m_store->record(id)->profile.bio, QStringLiteral("Wrote the first program."));
    const QList<HistoryEntry> history = HistoryReader(m_store->database()).employeeHistory(id);
    QCOMPARE(history.first().field, QStringLiteral("last_name"));
    QCOMPARE(history.first().oldValue.toString(), QStringLiteral("King"));
    QCOMPARE(history.first().newValue.toString(), QStringLiteral("Lovelace"));
}

void TestFormHistory::restoreThisVersionPutsBackEveryFieldOfTheSave()
{
    const qint64 id = addEdited();
    EmployeeEditDialog dialog(m_store, id);
    dialog.show();
    QTreeWidget *t = tree(dialog);
    t->setCurrentItem(t->topLevelItem(0)->child(0));
    QPushButton *restoreVersion = button(dialog, "restoreVersionButton");
    QVERIFY(restoreVersion->isEnabled());
    restoreVersion->click();
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(), QStringLiteral("Lovelace"));
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("bioEdit"))->toPlainText(), QString());
    button(dialog, "saveButton")->click();
    QTRY_COMPARE(m_store->employee(id)->lastName, QStringLiteral("Lovelace"));
    QVERIFY(m_store->record(id)->profile.bio.isEmpty());
}

void TestFormHistory::aNewEmployeeOrAReadOnlyFormCannotRestore()
{
    {
        EmployeeEditDialog dialog(m_store, 0);
        QVERIFY(!dialog.findChild<QTabWidget *>(QStringLiteral("formTabs"))->isTabEnabled(1));
    }
    const qint64 id = addEdited();
    EmployeeEditDialog dialog(m_store, id);
    dialog.setReadOnly(true);
    dialog.show();
    QTreeWidget *t = tree(dialog);
    t->setCurrentItem(t->topLevelItem(0)->child(1));
    QVERIFY(!button(dialog, "restoreValueButton")->isEnabled());
    QVERIFY(!button(dialog, "restoreVersionButton")->isEnabled());
}

QTEST_MAIN(TestFormHistory)
#include "TestFormHistory.moc"

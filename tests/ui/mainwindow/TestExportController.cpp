// File > Export…'s file dialog (ExportController): the format comes from the
// chosen file type, is remembered for the next time, and the file ends in
// what it is.

#include "MessageBoxAnswerer.h"
#include "TestDatabase.h"
#include "app/AppSession.h"
#include "mainwindow/ExportController.h"
#include "mainwindow/WindowSettings.h"
#include "store/EmployeeStore.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileDialog>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

// Once the next file dialog is up (at most 10 s): the file type and the name
// the user would choose, then Save. Records the type the dialog offered first.
void answerNextFileDialog(const QString &filter, const QString &name, QString *offered)
{
    auto deadline = std::make_shared<QDeadlineTimer>(10000);
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [=] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (!deadline->hasExpired())
                QTimer::singleShot(20, *poll);
            return;
        }
        *offered = dialog->selectedNameFilter();
        dialog->selectNameFilter(filter);
        dialog->selectFile(name);
        QMetaObject::invokeMethod(dialog, "accept"); // protected: as the Save button does
    };
    QTimer::singleShot(0, *poll);
}

} // namespace

class TestExportController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
        QCoreApplication::setApplicationName(QStringLiteral("TestExportController"));
        QSettings().clear();
    }

    void theChosenTypeDecidesTheFormatAndTheSuffix()
    {
        TestDatabase database;
        QVERIFY2(database.isOpen(), qPrintable(database.error()));
        QMainWindow window;
        ExportController controller(&window);
        controller.setSessionOpener(AppSession::openerFor(database.location()));
        QSignalSpy finished(&controller, &ExportController::finished);
        QTemporaryDir dir;

        // The first time a workbook is offered; the user picks CSV for Excel
        // and keeps the suggested name: it becomes .csv, not .xlsx.csv.
        QString offered;
        answerNextFileDialog(QStringLiteral("CSV for Excel (*.csv)"),
                             dir.filePath(QStringLiteral("employees.xlsx")), &offered);
        controller.exportWithDialog();
        QVERIFY(finished.wait(60000));
        QCOMPARE(offered, QStringLiteral("Excel Workbook (*.xlsx)"));
        QFile excel(dir.filePath(QStringLiteral("employees.csv")));
        QVERIFY(excel.open(QIODevice::ReadOnly));
        QVERIFY(excel.readAll().startsWith("\xEF\xBB\xBF"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("employees.xlsx"))));

        // Next time the dialog offers CSV for Excel; a name without a
        // suffix gets the chosen type's.
        answerNextFileDialog(QStringLiteral("Excel Workbook (*.xlsx)"), dir.filePath(QStringLiteral("staff")),
                             &offered);
        controller.exportWithDialog();
        QVERIFY(finished.wait(60000));
        QCOMPARE(offered, QStringLiteral("CSV for Excel (*.csv)"));
        QFile workbook(dir.filePath(QStringLiteral("staff.xlsx")));
        QVERIFY(workbook.open(QIODevice::ReadOnly));
        QCOMPARE(workbook.read(4), QByteArray("PK\x03\x04"));
        QCOMPARE(WindowSettings::exportFormat(), ExportFormat::Xlsx);
    }

    // The dialog asked about replacing the name it returned, not about the
    // one the suffix makes of it: an existing employees.csv is replaced only
    // when the user says so.
    void aFileTheSuffixNamesIsReplacedOnlyWhenTheUserSaysSo()
    {
        TestDatabase database;
        QVERIFY2(database.isOpen(), qPrintable(database.error()));
        QMainWindow window;
        ExportController controller(&window);
        controller.setSessionOpener(AppSession::openerFor(database.location()));
        QSignalSpy finished(&controller, &ExportController::finished);
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("employees.csv"));
        QFile yesterday(existing);
        QVERIFY(yesterday.open(QIODevice::WriteOnly));
        yesterday.write("yesterday's file\n");
        yesterday.close();

        QString offered;
        QString asked;
        answerNextFileDialog(QStringLiteral("CSV (*.csv)"), dir.filePath(QStringLiteral("employees.xlsx")), &offered);
        answerNextMessageBox(QStringLiteral("No"), &asked);
        controller.exportWithDialog();
        QVERIFY2(asked.contains(QStringLiteral("employees.csv")), qPrintable(asked));
        QVERIFY(!finished.wait(500));
        QVERIFY(yesterday.open(QIODevice::ReadOnly));
        QCOMPARE(yesterday.readAll(), QByteArray("yesterday's file\n"));
        yesterday.close();

        answerNextFileDialog(QStringLiteral("CSV (*.csv)"), dir.filePath(QStringLiteral("employees.xlsx")), &offered);
        answerNextMessageBox(QStringLiteral("Yes"), &asked);
        controller.exportWithDialog();
        QVERIFY(finished.wait(60000));
        QVERIFY(yesterday.open(QIODevice::ReadOnly));
        QVERIFY(yesterday.readAll().startsWith("first_name,"));
    }

    void cleanup() { QCOMPARE(pendingMessageBoxAnswers(), 0); }
};

QTEST_MAIN(TestExportController)
#include "TestExportController.moc"

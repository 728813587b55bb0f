#include "mainwindow/ImportController.h"

#include "import/ImportDialog.h"
#include "import/ImportJob.h"
#include "import/RefusedRowsSaver.h"
#include "mainwindow/WindowSettings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <utility>

namespace {
constexpr int ProgressSteps = 1000;
}

ImportController::ImportController(QWidget *window) : QObject(window), m_window(window) { }

QString ImportController::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import CSV"), WindowSettings::startDirectory(WindowSettings::Folder::CsvFiles),
        tr("CSV files (*.csv)") + QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        WindowSettings::rememberDirectory(WindowSettings::Folder::CsvFiles, path);
    return path;
}

void ImportController::openDialog(const QString &path, const EmployeeValidator &validator)
{
    auto *dialog = new ImportDialog(path, m_sessionOpener, validator, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, validator] {
        start(dialog->path(), validator, dialog->options());
    });
    dialog->open();
}

bool ImportController::start(const QString &path, const EmployeeValidator &validator, const ImportOptions &options)
{
    if (isRunning())
        return false;
    if (!m_sessionOpener) {
        QMessageBox::warning(m_window, tr("Import CSV"),
                             tr("This window cannot import: it has no way to open the database a second time."));
        return false;
    }
    m_fileName = QFileInfo(path).fileName();
    m_path = path;
    m_job = new ImportJob(m_sessionOpener, validator, path, options, this);
    // Not modal: the views stay usable (reading, scrolling, sorting,
    // searching) while the import writes through its own connection.
    auto *progress = new QProgressDialog(tr("Importing “%1”…").arg(m_fileName), tr("Cancel"), 0, ProgressSteps,
                                         m_window);
    progress->setObjectName(QStringLiteral("importProgress"));
    progress->setWindowTitle(tr("Import CSV"));
    progress->setWindowModality(Qt::NonModal);
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setValue(0);
    m_progress = progress;
    connect(progress, &QProgressDialog::canceled, m_job, &ImportJob::cancel);
    connect(m_job, &ImportJob::progressed, progress, [progress](qint64 done, qint64 total) {
        if (total > 0)
            progress->setValue(int(qBound(qint64(0), done * ProgressSteps / total, qint64(ProgressSteps - 1))));
    });
    connect(m_job, &ImportJob::savingStarted, progress, [progress](int rows) {
        // The commit (and the index rebuild) cannot be cancelled: say so.
        progress->setLabelText(tr("Saving %Ln employee(s) and updating the indexes…", nullptr, rows));
        progress->setCancelButton(nullptr);
        progress->setValue(ProgressSteps - 1);
    });
    connect(m_job, &ImportJob::finished, this, &ImportController::onJobFinished);
    emit started(m_fileName);
    m_job->start();
    return true;
}

bool ImportController::askToCancelForClosing()
{
    QMessageBox box(QMessageBox::Question, tr("Import Running"),
                    tr("An import is still running. Cancel it and close? Nothing of it will be kept."),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("importRunningBox"));
    QPushButton *cancelImport = box.addButton(tr("Cancel Import and &Close"), QMessageBox::DestructiveRole);
    cancelImport->setObjectName(QStringLiteral("cancelImportButton"));
    QPushButton *keep = box.addButton(tr("&Keep Importing"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == cancelImport;
}

void ImportController::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ImportController::onJobFinished(const ImportReport &report)
{
    m_job->deleteLater();
    m_job = nullptr;
    if (m_progress)
        m_progress->close();
    const QString fileName = std::exchange(m_fileName, QString());
    m_reportPath = std::exchange(m_path, QString());
    emit finished(report, fileName);
}

void ImportController::showReport(const ImportReport &report, const QString &fileName)
{
    if (!report.fatalError.isEmpty()) {
        QMessageBox::warning(m_window, tr("Import CSV"),
                             tr("Nothing was imported from “%1”: %2").arg(fileName, report.fatalError));
        emit reportClosed();
        return;
    }
    auto *box = new QMessageBox(report.rejected ? QMessageBox::Warning : QMessageBox::Information, tr("Import CSV"),
                                tr("%Ln employee(s) imported.", nullptr, report.accepted), QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("importReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // What was read differently from a plain file (columns ignored, the
    // encoding found) is said, not only logged: the user chose that file.
    QStringList informative = report.notes;
    if (report.rejected) {
        informative << tr("%Ln row(s) rejected; see the details.", nullptr, report.rejected);
        box->setDetailedText(report.problems.join(QLatin1Char('\n')));
    }
    if (!report.rejectedRows.isEmpty()) {
        // The rows as the file wrote them, with why: fixed, they can be imported again.
        QPushButton *save = box->addButton(tr("Save Re&fused Rows…"), QMessageBox::ActionRole);
        save->setObjectName(QStringLiteral("saveRefusedButton"));
        const QString path = m_reportPath;
        connect(save, &QPushButton::clicked, this, [this, report, path] {
            RefusedRowsSaver::save(m_window, report, path);
        });
    }
    box->setInformativeText(informative.join(QLatin1Char('\n')));
    connect(box, &QMessageBox::finished, this, &ImportController::reportClosed);
    box->open();
}

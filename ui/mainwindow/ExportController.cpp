#include "mainwindow/ExportController.h"

#include "mainwindow/ExportJob.h"
#include "mainwindow/WindowSettings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace {

// The file dialog's choices, in the order offered.
constexpr ExportFormat Offered[] = {ExportFormat::Xlsx, ExportFormat::ExcelCsv, ExportFormat::Csv};

QString nameFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return ExportController::tr("Excel Workbook (*.xlsx)");
    case ExportFormat::ExcelCsv:
        return ExportController::tr("CSV for Excel (*.csv)");
    case ExportFormat::Csv:
        break;
    }
    return ExportController::tr("CSV (*.csv)");
}

ExportFormat formatOfFilter(const QString &filter)
{
    for (ExportFormat format : Offered) {
        if (nameFilter(format) == filter)
            return format;
    }
    return WindowSettings::exportFormat();
}

// The file ends in what it is: "employees" and "employees.backup" get
// ".xlsx" or ".csv" added; the suggested "employees.xlsx" saved after
// choosing a CSV type (the dialog keeps the name) becomes "employees.csv".
QString withSuffix(const QString &path, ExportFormat format)
{
    const QString suffix = ExportFormats::suffix(format);
    const QString typed = QFileInfo(path).suffix();
    if (typed.compare(suffix, Qt::CaseInsensitive) == 0)
        return path;
    const bool otherFormat =
        typed.compare(ExportFormats::suffix(ExportFormat::Xlsx), Qt::CaseInsensitive) == 0
        || typed.compare(ExportFormats::suffix(ExportFormat::Csv), Qt::CaseInsensitive) == 0;
    const QString stem = otherFormat ? path.chopped(typed.size() + 1) : path;
    return stem + QLatin1Char('.') + suffix;
}

} // namespace

ExportController::ExportController(QMainWindow *window) : QObject(window), m_window(window) { }

ExportController::~ExportController() = default; // m_job waits for its worker

bool ExportController::isRunning() const
{
    return m_job && m_job->isRunning();
}

void ExportController::exportWithDialog()
{
    QStringList filters;
    for (ExportFormat format : Offered)
        filters << nameFilter(format);
    const ExportFormat last = WindowSettings::exportFormat();
    QString selected = nameFilter(last);
    const QString start = WindowSettings::startDirectory(WindowSettings::Folder::CsvFiles)
        + QStringLiteral("/employees.") + ExportFormats::suffix(last);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export"), start,
                                                      filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const ExportFormat format = formatOfFilter(selected);
    WindowSettings::setExportFormat(format);
    WindowSettings::rememberDirectory(WindowSettings::Folder::CsvFiles, path);
    const QString target = withSuffix(path, format);
    if (target != path && QFileInfo::exists(target) && !confirmReplacing(target))
        return;
    startExport(target, format);
}

// The dialog asked about replacing the name it returned; a suffix added or
// changed afterwards names another file, which must not be replaced unasked.
bool ExportController::confirmReplacing(const QString &path) const
{
    return QMessageBox::question(m_window, tr("Export"),
                                 tr("“%1” already exists. Do you want to replace it?")
                                     .arg(QFileInfo(path).fileName()),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

bool ExportController::startExport(const QString &path, ExportFormat format)
{
    if (isRunning())
        return false;
    m_job = std::make_unique<ExportJob>(m_opener, path, format);
    connect(m_job.get(), &ExportJob::finished, this, &ExportController::onFinished);
    m_window->statusBar()->showMessage(tr("Exporting to %1…").arg(path));
    emit runningChanged(true);
    m_job->start();
    return true;
}

void ExportController::onFinished(const ExportReport &report)
{
    const QString path = m_job->path();
    m_job.release()->deleteLater(); // we are in its signal
    emit runningChanged(false);
    emit finished(report);
    if (!report.ok()) {
        m_window->statusBar()->clearMessage();
        QMessageBox::warning(m_window, tr("Export"), tr("“%1” was not written: %2").arg(path, report.error));
        return;
    }
    m_window->statusBar()->showMessage(
        tr("Exported %n employee(s) to %1.", nullptr, int(report.rows)).arg(path), 8000);
}

#include "mainwindow/CsvExportController.h"

#include "csv/CsvExporter.h"
#include "mainwindow/WindowSettings.h"
#include "store/EmployeeStore.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

CsvExportController::CsvExportController(QMainWindow *window) : QObject(window), m_window(window) { }

void CsvExportController::exportWithDialog()
{
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export CSV"),
        WindowSettings::startDirectory(WindowSettings::Folder::CsvFiles) + QStringLiteral("/employees.csv"),
        tr("CSV files (*.csv)") + QStringLiteral(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    WindowSettings::rememberDirectory(WindowSettings::Folder::CsvFiles, path);
    exportTo(path);
}

bool CsvExportController::exportTo(const QString &path)
{
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const ExportReport report = CsvExporter::exportFile(m_store->database(), path);
    QApplication::restoreOverrideCursor();
    if (!report.ok()) {
        QMessageBox::warning(m_window, tr("Export CSV"), tr("“%1” was not written: %2").arg(path, report.error));
        return false;
    }
    m_window->statusBar()->showMessage(tr("Exported %n employee(s) to %1.", nullptr, int(report.rows)).arg(path), 8000);
    return true;
}

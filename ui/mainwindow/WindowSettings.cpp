#include "mainwindow/WindowSettings.h"

#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTabWidget>

namespace {
const QString kGeometry = QStringLiteral("MainWindow/geometry");
const QString kState = QStringLiteral("MainWindow/state");
const QString kCurrentTab = QStringLiteral("MainWindow/currentTab");
const QString kEmployeesHeader = QStringLiteral("MainWindow/employeesHeader");
const QString kProfilesHeader = QStringLiteral("MainWindow/profilesHeader");
const QString kLastDatabase = QStringLiteral("Database/lastSqlitePath");
const QString kLastDirectory = QStringLiteral("Database/lastDirectory");
const QString kLastCsvDirectory = QStringLiteral("Csv/lastDirectory");
const QString kRetentionMonths = QStringLiteral("Archive/retentionMonths");
const QString kExportFormat = QStringLiteral("Export/format");

QString folderKey(WindowSettings::Folder folder)
{
    return folder == WindowSettings::Folder::Databases ? kLastDirectory : kLastCsvDirectory;
}

QString headerKey(WindowSettings::View view)
{
    return view == WindowSettings::View::Employees ? kEmployeesHeader : kProfilesHeader;
}
}

QString WindowSettings::lastDatabasePath()
{
    return QSettings().value(kLastDatabase).toString();
}

void WindowSettings::rememberDatabase(const QSqlDatabase &db)
{
    if (db.driverName() == QLatin1String("QSQLITE"))
        QSettings().setValue(kLastDatabase, QFileInfo(db.databaseName()).absoluteFilePath());
}

QString WindowSettings::startDirectory(Folder folder)
{
    const QString dir = QSettings().value(folderKey(folder)).toString();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : dir;
}

void WindowSettings::rememberDirectory(Folder folder, const QString &chosenFile)
{
    QSettings().setValue(folderKey(folder), QFileInfo(chosenFile).absolutePath());
}

void WindowSettings::restoreWindow(QMainWindow *window, QTabWidget *tabs)
{
    const QSettings settings;
    if (!window->restoreGeometry(settings.value(kGeometry).toByteArray()))
        window->resize(1000, 640);
    window->restoreState(settings.value(kState).toByteArray());
    tabs->setCurrentIndex(qBound(0, settings.value(kCurrentTab, 0).toInt(), tabs->count() - 1));
}

void WindowSettings::saveWindow(const QMainWindow *window, const QTabWidget *tabs)
{
    QSettings settings;
    settings.setValue(kGeometry, window->saveGeometry());
    settings.setValue(kState, window->saveState());
    settings.setValue(kCurrentTab, tabs->currentIndex());
}

QByteArray WindowSettings::headerState(View view)
{
    return QSettings().value(headerKey(view)).toByteArray();
}

void WindowSettings::saveHeaderState(View view, const QByteArray &state)
{
    QSettings().setValue(headerKey(view), state);
}

int WindowSettings::retentionMonths()
{
    return qMax(0, QSettings().value(kRetentionMonths, 0).toInt());
}

void WindowSettings::setRetentionMonths(int months)
{
    QSettings().setValue(kRetentionMonths, qMax(0, months));
}

ExportFormat WindowSettings::exportFormat()
{
    return ExportFormats::forName(QSettings().value(kExportFormat).toString()).value_or(ExportFormat::Xlsx);
}

void WindowSettings::setExportFormat(ExportFormat format)
{
    QSettings().setValue(kExportFormat, ExportFormats::name(format));
}

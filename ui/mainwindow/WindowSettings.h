#pragma once

#include "csv/ExportFormat.h"

#include <QByteArray>
#include <QString>

class QMainWindow;
class QSqlDatabase;
class QTabWidget;

// What the main window remembers between runs, in QSettings: its geometry
// and toolbar state, the open tab, each view's columns and sort, the SQLite
// file last open, the folders the file dialogs start in, the export's format
// and the archive's retention period. One place for the keys, so a renamed key cannot lose
// half of a user's layout.
class WindowSettings
{
public:
    enum class Folder { Databases, CsvFiles };
    enum class View { Employees, Profiles };

    // The SQLite file the user last had open; empty if none.
    static QString lastDatabasePath();
    // Remembers `db` when it is an SQLite file (a server is not a path).
    static void rememberDatabase(const QSqlDatabase &db);

    // Where a file dialog for `folder` starts: the last one used, else Documents.
    static QString startDirectory(Folder folder);
    static void rememberDirectory(Folder folder, const QString &chosenFile);

    static void restoreWindow(QMainWindow *window, QTabWidget *tabs);
    static void saveWindow(const QMainWindow *window, const QTabWidget *tabs);
    static QByteArray headerState(View view);
    static void saveHeaderState(View view, const QByteArray &state);

    // How long archived employees are kept after they left, in months,
    // before Purge Archived Employees may erase them; 0: no period set
    // (the default: nobody is purged until the user sets one).
    static int retentionMonths();
    static void setRetentionMonths(int months);

    // The format File > Export… offered last (default: an Excel workbook,
    // what most people open an export with).
    static ExportFormat exportFormat();
    static void setExportFormat(ExportFormat format);
};

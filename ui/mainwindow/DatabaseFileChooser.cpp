#include "mainwindow/DatabaseFileChooser.h"

#include "mainwindow/WindowSettings.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSqlDatabase>

namespace {
QString sqliteFilter()
{
    return DatabaseFileChooser::tr("Employee Records databases (*.sqlite *.sqlite3 *.db)") + QStringLiteral(";;")
        + DatabaseFileChooser::tr("All files (*)");
}

bool isOpenNow(const QSqlDatabase &open, const QString &path)
{
    return open.driverName() == QLatin1String("QSQLITE")
        && QFileInfo(open.databaseName()).absoluteFilePath() == QFileInfo(path).absoluteFilePath();
}
}

std::optional<DatabaseLocation> DatabaseFileChooser::chooseNew(QWidget *parent, const QSqlDatabase &open,
                                                               QString *error)
{
    const QString start = WindowSettings::startDirectory(WindowSettings::Folder::Databases);
    QString path = QFileDialog::getSaveFileName(parent, tr("New Database"), start + QStringLiteral("/employees.sqlite"),
                                                sqliteFilter());
    if (path.isEmpty())
        return std::nullopt;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    WindowSettings::rememberDirectory(WindowSettings::Folder::Databases, path);
    if (isOpenNow(open, path)) {
        *error = tr("“%1” is the database that is open now; choose another name.").arg(path);
        return std::nullopt;
    }
    // The file dialog has asked whether to replace an existing file.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::remove(path + suffix)) {
            *error = tr("“%1” cannot be replaced.").arg(path);
            return std::nullopt;
        }
    }
    return DatabaseLocation::sqlite(path);
}

std::optional<DatabaseLocation> DatabaseFileChooser::chooseExisting(QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, tr("Open Database"), WindowSettings::startDirectory(WindowSettings::Folder::Databases), sqliteFilter());
    if (path.isEmpty())
        return std::nullopt;
    WindowSettings::rememberDirectory(WindowSettings::Folder::Databases, path);
    return DatabaseLocation::sqlite(path);
}

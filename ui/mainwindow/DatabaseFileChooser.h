#pragma once

#include "db/DatabaseLocation.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class QSqlDatabase;
class QWidget;

// File > New Database… and Open Database…: the file dialogs, the folder they
// start in, and making room for a new file where the user agreed to replace
// one. The window then asks the composition root to open the location.
class DatabaseFileChooser
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFileChooser)
public:
    // A new, empty SQLite file; nullopt when the user cancelled, or when the
    // file cannot be used (then `error` says why: it is the one open now, or
    // the old one cannot be removed).
    static std::optional<DatabaseLocation> chooseNew(QWidget *parent, const QSqlDatabase &open, QString *error);
    static std::optional<DatabaseLocation> chooseExisting(QWidget *parent);
};

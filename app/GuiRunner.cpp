#include "GuiRunner.h"

#include "app/AppSession.h"
#include "app/DatabaseSwitcher.h"
#include "store/EmployeeStore.h"
#include "language/LanguageMenu.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/WindowSettings.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <memory>

namespace {

// The database to start with: the one on the command line, else the one the
// user had open last time (if it is still there), else the default file.
DatabaseLocation startLocation(const CommandLineOptions &options)
{
    if (options.locationGiven)
        return options.location;
    const QString last = WindowSettings::lastDatabasePath();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return DatabaseLocation::sqlite(last);
    return options.location;
}

} // namespace

int GuiRunner::run(const CommandLineOptions &options)
{
    auto session = std::make_unique<AppSession>();
    QString error;
    const DatabaseLocation location = startLocation(options);
    // The default file is created on first use; a path given on the command
    // line must exist (New Database in the window creates one).
    const Database::Missing missing = options.locationGiven ? Database::Missing::Refuse : Database::Missing::Create;
    if (!session->open(location, &error, missing, AppSession::Backfill::InBackground)) {
        QMessageBox::critical(nullptr, tr("Employee Records"),
                              tr("The database could not be opened.") + QStringLiteral("\n\n") + error);
        return 2;
    }
    MainWindow window(session->store(), session->location().displayName());
    window.setPhoneRegion(options.phoneRegion);
    LanguageMenu::attachTo(window.viewMenu());   // View > Language (issue 4)
    DatabaseSwitcher switcher(&window, std::move(session));
    window.show();
    return QApplication::exec();
}

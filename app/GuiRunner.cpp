#include "GuiRunner.h"

#include "AppSession.h"
#include "EmployeeStore.h"
#include "LanguageMenu.h"
#include "MainWindow.h"

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
    const QString last = MainWindow::lastDatabasePath();
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
    if (!session->open(location, &error, missing)) {
        QMessageBox::critical(nullptr, tr("Employee Records"),
                              tr("The database could not be opened.") + QStringLiteral("\n\n") + error);
        return 2;
    }
    MainWindow window(session->store(), session->location().displayName());
    window.setPhoneRegion(options.phoneRegion);
    window.setSessionOpener(AppSession::openerFor(session->location()));
    LanguageMenu::attachTo(window.viewMenu());   // View > Language (issue 4)
    QObject::connect(&window, &MainWindow::openDatabaseRequested, &window,
                     [&window, &session](const DatabaseLocation &requested) {
                         auto next = std::make_unique<AppSession>();
                         QString openError;
                         if (!next->open(requested, &openError)) {
                             window.showDatabaseError(openError);
                             return;
                         }
                         // The window lets go of the old store before the old session closes it.
                         window.setStore(next->store(), next->location().displayName());
                         window.setSessionOpener(AppSession::openerFor(next->location()));
                         session = std::move(next);
                     });
    window.show();
    return QApplication::exec();
}

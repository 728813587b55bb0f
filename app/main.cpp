#include "app/AppSession.h"
#include "CommandLine.h"
#include "GuiRunner.h"
#include "HeadlessRunner.h"
#include "translations/LanguageLoader.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <memory>

namespace {
// Names QSettings and QStandardPaths build on: ~/.config/EmployeeRecords/,
// ~/.local/share/EmployeeRecords/employee-records/employees.sqlite.
void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecords"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("employee-records"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EMPLOYEE_RECORDS_VERSION));
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::setDesktopFileName(QStringLiteral("org.example.EmployeeRecords"));
}
}

int main(int argc, char **argv)
{
    // Headless runs must not need a display: only the GUI gets a QApplication.
    std::unique_ptr<QCoreApplication> app;
    const bool headless = CommandLine::isHeadless(argc, argv);
    if (headless && CommandLine::rendersDocuments(argc, argv)) {
        // --export-person's PDF is laid out with Qt Gui (QTextDocument, fonts),
        // which needs a QGuiApplication, and that a platform: offscreen needs no
        // display, so the export runs over ssh and in cron as every other action.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else if (headless) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
    }
    describeApplication();
    // Before the command line is parsed, so --help and its errors are translated too.
    LanguageLoader languages(app.get());
    languages.load();

    CommandLineOptions options;
    switch (CommandLine::parse(QCoreApplication::arguments(), &options)) {
    case CommandLine::Outcome::ExitSuccess: return 0;
    case CommandLine::Outcome::ExitFailure: return HeadlessRunner::Failure;
    case CommandLine::Outcome::Run: break;
    }
    CommandLine::hidePasswords(argc, argv);
    if (options.hasAction())
        return HeadlessRunner::run(options);
    return GuiRunner::run(options);
}

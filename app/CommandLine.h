#pragma once

#include <QDate>

#include "csv/ExportFormat.h"
#include "csv/ImportOptions.h"
#include "db/DatabaseLocation.h"

#include <QCoreApplication>

class QCommandLineParser;
#include <QString>

// What the user asked for on the command line.
struct CommandLineOptions
{
    DatabaseLocation location;
    QString importPath;
    ImportOptions importOptions;   // --encoding, --delimiter, --map, --date-order, --existing, --dry-run, --create-teams
    QString rejectedRowsPath;      // --rejected-rows: the import's refused rows as CSV
    QString exportPath;
    ExportFormat exportFormat = ExportFormat::Csv;   // --export-format, else from the path's suffix
    QString phoneRegion;   // empty: from the system locale
    bool check = false;
    QString historyEmail;   // --history: print that employee's history
    QString exportPersonEmail;   // --export-person EMAIL FILE: that person's data (GDPR Art. 15)
    QString exportPersonPath;    // FILE: .json or .pdf
    QDate purgeBefore;      // --purge-archived-before
    bool dryRun = false;    // --dry-run: say what would be purged or imported, change nothing
    bool setupRoles = false;   // PostgreSQL: create and grant the reader, editor and admin roles
    bool locationGiven = false;   // --database or --database-url was on the command line

    bool hasAction() const
    {
        return !importPath.isEmpty() || !exportPath.isEmpty() || check || setupRoles || !historyEmail.isEmpty()
            || purgeBefore.isValid() || !exportPersonEmail.isEmpty();
    }
};

// QCommandLineParser set-up shared by the headless and GUI start.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Outcome { Run, ExitSuccess, ExitFailure };

    // Before any QCoreApplication exists: does this command line run headless
    // (an action, --help or --version), so no display is needed?
    static bool isHeadless(int argc, char **argv);
    // Before any QCoreApplication exists: does this headless run render a
    // document (--export-person's PDF), which needs a QGuiApplication?
    static bool rendersDocuments(int argc, char **argv);

    // Parses the application's arguments; prints help, version or errors itself.
    static Outcome parse(const QStringList &arguments, CommandLineOptions *options);

    // Overwrites a password given in --database-url in the process's own
    // argument memory (what /proc/PID/cmdline and ps show other users), once
    // parse() has read it.
    static void hidePasswords(int argc, char **argv);

private:
    static bool parseImportOptions(const QCommandLineParser &parser, ImportOptions *options);
    static bool parseExportOptions(const QCommandLineParser &parser, CommandLineOptions *options);
};

#pragma once

#include <QDate>

#include "CommandLine.h"

#include <QCoreApplication>

class AppSession;

// Runs --import, --export, --check, --history, --export-person, --purge-archived-before and
// --setup-roles without a window, in that order, and
// turns their outcome into an exit code: 0 when everything was accepted and
// clean, 1 when rows (or a whole file) were rejected or problems found, 2 when
// the work could not run at all (bad arguments, a database that cannot be
// opened, an export that cannot be written).
class HeadlessRunner
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessRunner)
public:
    enum ExitCode { Success = 0, Problems = 1, Failure = 2 };

    static int run(const CommandLineOptions &options);

private:
    static int runImport(AppSession &session, const CommandLineOptions &options);
    static int runExport(AppSession &session, const QString &path, ExportFormat format);
    static int runCheck(AppSession &session);
    static int runHistory(AppSession &session, const QString &email);
    static int runExportPerson(AppSession &session, const QString &email, const QString &path);
    static int runPurge(AppSession &session, const QDate &leftBefore, bool dryRun);
    static int runSetupRoles(AppSession &session);
};

#include "HeadlessRunner.h"

#include "app/AppSession.h"
#include "csv/EmployeeExporter.h"
#include "csv/CsvImporter.h"
#include "csv/RejectedRowsWriter.h"
#include "db/IntegrityChecker.h"
#include "db/ServerRoles.h"
#include "domain/HistoryFormat.h"
#include "personaldata/PersonalDataFile.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "validation/EmployeeValidator.h"

#include <QFileInfo>
#include <QTextStream>
#include <algorithm>

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}
QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}
} // namespace

int HeadlessRunner::run(const CommandLineOptions &options)
{
    AppSession session;
    QString error;
    // Only an import may start a new database; --check and --export of a
    // mistyped path say so instead of reporting an empty database.
    const Database::Missing missing =
        options.importPath.isEmpty() ? Database::Missing::Refuse : Database::Missing::Create;
    if (!session.open(options.location, &error, missing)) {
        err() << error << Qt::endl;
        return Failure;
    }
    session.store()->setChangeOrigin({QString::fromLatin1(ChangeOrigin::CommandLine), {}});
    if (session.backfilled() > 0)
        err() << tr("Created the missing profiles of %n employee(s).", nullptr, session.backfilled())
              << Qt::endl;

    int code = Success;
    if (!options.importPath.isEmpty())
        code = std::max(code, runImport(session, options));
    if (code != Failure && !options.exportPath.isEmpty())
        code = std::max(code, runExport(session, options.exportPath, options.exportFormat));
    if (code != Failure && options.check)
        code = std::max(code, runCheck(session));
    if (code != Failure && !options.historyEmail.isEmpty())
        code = std::max(code, runHistory(session, options.historyEmail));
    if (code != Failure && !options.exportPersonEmail.isEmpty())
        code = std::max(code, runExportPerson(session, options.exportPersonEmail, options.exportPersonPath));
    if (code != Failure && options.purgeBefore.isValid())
        code = std::max(code, runPurge(session, options.purgeBefore, options.dryRun));
    if (code != Failure && options.setupRoles)
        code = std::max(code, runSetupRoles(session));
    return code;
}

int HeadlessRunner::runImport(AppSession &session, const CommandLineOptions &options)
{
    const EmployeeValidator validator =
        options.phoneRegion.isEmpty() ? EmployeeValidator() : EmployeeValidator(options.phoneRegion);
    CsvImporter importer(session.store(), validator);
    importer.setOptions(options.importOptions);
    const QString file = QFileInfo(options.importPath).fileName();
    const ImportReport report = importer.importFile(options.importPath);
    // Notes first, on stderr (what was read differently), so a failure's reason stays last.
    for (const QString &note : report.notes)
        err() << file << ": " << tr("note: %1").arg(note) << Qt::endl;
    if (!report.fatalError.isEmpty()) {
        err() << file << ": " << report.fatalError << Qt::endl;
        err() << tr("Nothing was imported.") << Qt::endl;
        return Problems;
    }
    for (const QString &problem : report.problems)
        err() << file << ": " << problem << Qt::endl;
    if (!options.rejectedRowsPath.isEmpty()) {
        QString error;
        if (!RejectedRowsWriter::write(options.rejectedRowsPath, report, &error)) {
            err() << error << Qt::endl;
            return Failure;
        }
    }
    const bool existingRows = options.importOptions.existing != ExistingRowPolicy::Mode::Reject;
    if (report.dryRun) {
        out() << tr("Dry run, nothing was changed: %n employee(s) would be added", nullptr, report.accepted);
        if (existingRows)
            out() << ", " << tr("%n updated", nullptr, report.updated) << ", "
                  << tr("%n left unchanged", nullptr, report.unchanged) << ", "
                  << tr("%n skipped", nullptr, report.skipped);
        out() << "; " << tr("%n row(s) would be refused.", nullptr, report.rejected) << Qt::endl;
    } else {
        out() << tr("Imported %n employee(s) with their profiles", nullptr, report.accepted) << "; ";
        if (existingRows)
            out() << tr("%n updated", nullptr, report.updated) << "; "
                  << tr("%n left unchanged", nullptr, report.unchanged) << "; "
                  << tr("%n skipped", nullptr, report.skipped) << "; ";
        out() << tr("%n row(s) rejected.", nullptr, report.rejected) << Qt::endl;
    }
    return report.rejected == 0 ? Success : Problems;
}

int HeadlessRunner::runExport(AppSession &session, const QString &path, ExportFormat format)
{
    const ExportReport report = EmployeeExporter::exportFile(session.store()->database(), path, format);
    if (!report.ok()) {
        err() << report.error << Qt::endl;
        return Failure;
    }
    out() << tr("Exported %n employee(s) to %1.", nullptr, int(report.rows)).arg(path) << Qt::endl;
    return Success;
}

int HeadlessRunner::runSetupRoles(AppSession &session)
{
    QString error;
    if (!ServerRoles::setUp(session.store()->database(), &error)) {
        err() << error << Qt::endl;
        return Failure;
    }
    out() << tr("The roles %1 (read), %2 (read, change and archive employees and profiles) and %3 (also "
                "deleting for good, teams and schema upgrades) are set up. Add a person with: CREATE ROLE name LOGIN PASSWORD '…' IN ROLE "
                "%2;")
                 .arg(QLatin1String(ServerRoles::Reader), QLatin1String(ServerRoles::Editor),
                      QLatin1String(ServerRoles::Admin))
          << Qt::endl;
    return Success;
}

int HeadlessRunner::runCheck(AppSession &session)
{
    const QStringList problems = IntegrityChecker::check(session.store()->database());
    const qint64 employees = session.store()->employeeCount();
    if (problems.isEmpty()) {
        out() << tr("The database is consistent: %n employee(s), each with exactly one profile.", nullptr,
                    int(employees))
              << Qt::endl;
        return Success;
    }
    for (const QString &problem : problems)
        err() << problem << Qt::endl;
    out() << tr("%n problem(s) found.", nullptr, int(problems.size())) << Qt::endl;
    return Problems;
}

// One change a line, newest first; exit 1 when there is no such employee.
int HeadlessRunner::runHistory(AppSession &session, const QString &email)
{
    const HistoryReader reader(session.store()->database());
    const qint64 id = reader.employeeIdByEmail(email);
    if (id == 0) {
        err() << (reader.lastError().isEmpty() ? tr("No employee has the email address %1.").arg(email)
                                               : reader.lastError())
              << Qt::endl;
        return Problems;
    }
    const QList<HistoryEntry> entries = reader.employeeHistory(id);
    if (!reader.lastError().isEmpty()) {
        err() << reader.lastError() << Qt::endl;
        return Failure;
    }
    for (const HistoryEntry &entry : entries)
        out() << HistoryFormat::line(entry) << Qt::endl;
    return Success;
}

// GDPR Art. 15: one person's data, current or archived, as the file's
// extension says (CommandLine checked it); exit 1 when there is no such person.
int HeadlessRunner::runExportPerson(AppSession &session, const QString &email, const QString &path)
{
    const PersonalDataExport exporter(session.store());
    const qint64 id = exporter.employeeIdByEmail(email);
    if (id == 0) {
        if (!exporter.lastError().isEmpty()) {
            err() << exporter.lastError() << Qt::endl;
            return Failure;
        }
        err() << tr("No employee, current or archived, has the email address %1.").arg(email) << Qt::endl;
        return Problems;
    }
    QString error;
    if (!PersonalDataFile::write(session.store(), id, path, *PersonalDataExport::formatOf(path), &error)) {
        err() << tr("Nothing was exported: %1").arg(error) << Qt::endl;
        return Failure;
    }
    out() << tr("Exported the data of %1 to %2.").arg(email, path) << Qt::endl;
    return Success;
}

// Names who is (or would be) erased on the terminal; the database keeps only how many.
int HeadlessRunner::runPurge(AppSession &session, const QDate &leftBefore, bool dryRun)
{
    const PurgeReport report = session.store()->purgeArchivedBefore(leftBefore, dryRun);
    if (!report.ok()) {
        err() << tr("Nothing was purged: %1").arg(report.error) << Qt::endl;
        return Failure;
    }
    for (const ArchivedEmployee &a : report.purged)
        out() << a.leftOn.toString(Qt::ISODate) << "  " << a.firstName << ' ' << a.lastName << "  " << a.email
              << Qt::endl;
    out() << (dryRun ? tr("%n archived employee(s) would be purged; nothing was changed (--dry-run).", nullptr,
                          int(report.purged.size()))
                     : tr("Purged %n archived employee(s) who left before %1.", nullptr, int(report.purged.size()))
                           .arg(leftBefore.toString(Qt::ISODate)))
          << Qt::endl;
    return Success;
}

#include "CommandLine.h"

#include "csv/ColumnAliases.h"
#include "store/PersonalDataExport.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>
#include <cstring>
#include <initializer_list>

namespace {

bool matches(const char *argument, const char *option)
{
    const size_t length = std::strlen(option);
    return std::strncmp(argument, option, length) == 0 && (argument[length] == '\0' || argument[length] == '=');
}

bool isAnyOf(const char *argument, std::initializer_list<const char *> options)
{
    for (const char *option : options) {
        if (matches(argument, option))
            return true;
    }
    return false;
}

} // namespace

bool CommandLine::isHeadless(int argc, char **argv)
{
    // Options that need the window, and Qt's own GUI options (QApplication consumes them).
    const auto guiWithValue = {"--database", "--database-url", "--database-service", "--phone-region", "-platform", "-style",
                               "-stylesheet", "-qwindowgeometry", "-geometry", "-display", "-session", "-name",
                               "-title", "-platformtheme", "-plugin"};
    const auto guiFlags = {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"};
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (isAnyOf(argument, guiWithValue)) {
            if (!std::strchr(argument, '='))
                ++i;   // skip the value
            continue;
        }
        if (isAnyOf(argument, guiFlags))
            continue;
        // An action, --help, --version, or anything unknown: the parser
        // answers on the terminal, no display needed.
        return true;
    }
    return false;
}

bool CommandLine::rendersDocuments(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (matches(argv[i], "--export-person"))
            return true;
    }
    return false;
}

CommandLine::Outcome CommandLine::parse(const QStringList &arguments, CommandLineOptions *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Keep employee records: employees, their profiles and teams.\n"
                                        "Without an action option the application window opens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("database"),
                                      tr("Use the SQLite database file <path> (default: %1).")
                                          .arg(DatabaseLocation::defaultSqlitePath()),
                                      tr("path"));
    const QCommandLineOption databaseUrl(QStringLiteral("database-url"),
                                         tr("Use a PostgreSQL server: postgresql://user@host:port/dbname (libpq reads the password from "
                                            "~/.pgpass)."),
                                         tr("url"));
    const QCommandLineOption databaseService(QStringLiteral("database-service"),
                                             tr("Use the PostgreSQL server that the service <name> of pg_service.conf "
                                                "describes (PGSERVICEFILE, ~/.pg_service.conf), as psql service=<name>."),
                                             tr("name"));
    const QCommandLineOption importOption(QStringLiteral("import"),
                                          tr("Import employees from the CSV file <file> and exit."), tr("file"));
    const QCommandLineOption exportOption(QStringLiteral("export"),
                                          tr("Export all employees to <file> and exit: an Excel workbook if it ends "
                                             "in .xlsx, else CSV (see --export-format)."),
                                          tr("file"));
    const QCommandLineOption exportFormatOption(
        QStringLiteral("export-format"),
        tr("With --export: write <format>: csv (RFC 4180, UTF-8; the default), excel-csv (UTF-8 with a BOM, "
           "separated by ';' where the locale writes decimals with a comma) or xlsx (an Excel workbook)."),
        tr("format"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         tr("Check the database's integrity, list any problems and exit."));
    const QCommandLineOption regionOption(QStringLiteral("phone-region"),
                                          tr("Read phone numbers without a country code as numbers of <region> "
                                             "(ISO code such as DE; default: from the system locale)."),
                                          tr("region"));
    const QCommandLineOption rolesOption(QStringLiteral("setup-roles"),
                                         tr("PostgreSQL: create the reader, editor and admin roles and grant them "
                                            "(run as the tables' owner), then exit."));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           tr("Print the history of the employee with <email>, newest first, and exit."),
                                           tr("email"));
    const QCommandLineOption exportPersonOption(
        QStringLiteral("export-person"),
        tr("Export everything stored about the employee (current or archived) with <email>, history included, to "
           "FILE, given after the email: a JSON file (.json) or a readable PDF (.pdf); the export is recorded in "
           "the history. Then exit."),
        tr("email"));
    const QCommandLineOption purgeOption(
        QStringLiteral("purge-archived-before"),
        tr("Erase the personal data of archived employees who left before <date> (YYYY-MM-DD), their history "
           "included, and exit."),
        tr("date"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          tr("With --purge-archived-before: list who would be erased, change nothing. "
                                             "With --import: import the whole file, then roll it back and say what "
                                             "would be added, updated, skipped and refused."));
    const QCommandLineOption existingOption(
        QStringLiteral("existing"),
        tr("With --import: what to do with a row whose email an employee already has: reject it (the default), "
           "skip it, or update that employee with the file's columns."),
        tr("reject|skip|update"));
    const QCommandLineOption rejectedRowsOption(
        QStringLiteral("rejected-rows"),
        tr("With --import: write the refused rows to the CSV file <file>, with a reason column, to fix and import "
           "again."),
        tr("file"));
    const QCommandLineOption createTeamsOption(
        QStringLiteral("create-teams"),
        tr("With --import: create a team that a row names and that does not exist yet (in any case), instead of "
           "refusing the row; created only if the import is saved."));
    const QCommandLineOption encodingOption(
        QStringLiteral("encoding"),
        tr("With --import: read the file in <name> (%1) instead of finding out from the file.")
            .arg(TextDecoder::names().join(QStringLiteral(", "))),
        tr("name"));
    const QCommandLineOption delimiterOption(
        QStringLiteral("delimiter"),
        tr("With --import: the fields are separated by <c> (a character, or 'tab') instead of the one found in the file."),
        tr("c"));
    const QCommandLineOption mapOption(
        QStringLiteral("map"),
        tr("With --import: read the column <header> as the field <field> (%1); may be given several times.")
            .arg(ColumnAliases::fieldNames().join(QStringLiteral(", "))),
        tr("header=field"));
    const QCommandLineOption dateOrderOption(
        QStringLiteral("date-order"),
        tr("With --import: read dates such as 03/04/1980 in <order>: DMY (day first), MDY (month first) or YMD."),
        tr("order"));
    parser.addOptions({database, databaseUrl, databaseService, importOption, exportOption, checkOption, historyOption,
                       exportPersonOption, purgeOption, dryRunOption, regionOption, rolesOption, encodingOption,
                       delimiterOption, mapOption, dateOrderOption, existingOption, rejectedRowsOption,
                       exportFormatOption, createTeamsOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("With --export-person: the file to write."),
                                 QStringLiteral("[FILE]"));

    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return Outcome::ExitFailure;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Outcome::ExitSuccess;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return Outcome::ExitSuccess;
    }
    // --export-person takes two values, EMAIL FILE: the file is the one positional argument.
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(exportPersonOption)) {
        if (positional.size() != 1) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(positional.isEmpty()
                                        ? tr("--export-person needs the email and the file: --export-person EMAIL "
                                             "FILE.json or FILE.pdf.")
                                        : tr("Unexpected argument '%1'; see --help.").arg(positional.at(1))));
            return Outcome::ExitFailure;
        }
        if (!PersonalDataExport::formatOf(positional.first())) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("--export-person writes a .json or a .pdf file, not '%1'.")
                                        .arg(positional.first())));
            return Outcome::ExitFailure;
        }
        if (parser.value(exportPersonOption).trimmed().isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("--export-person needs an email address.")));
            return Outcome::ExitFailure;
        }
        options->exportPersonEmail = parser.value(exportPersonOption);
        options->exportPersonPath = positional.first();
    } else if (!positional.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("Unexpected argument '%1'; see --help.").arg(positional.first())));
        return Outcome::ExitFailure;
    }
    if (int(parser.isSet(database)) + int(parser.isSet(databaseUrl)) + int(parser.isSet(databaseService)) > 1) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("Give one of --database, --database-url and --database-service, not several.")));
        return Outcome::ExitFailure;
    }
    if (parser.isSet(databaseService)) {
        QString error;
        const auto location = DatabaseLocation::fromService(parser.value(databaseService), &error);
        if (!location) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return Outcome::ExitFailure;
        }
        options->location = *location;
    } else if (parser.isSet(databaseUrl)) {
        QString error;
        const auto location = DatabaseLocation::fromUrl(parser.value(databaseUrl), &error);
        if (!location) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return Outcome::ExitFailure;
        }
        options->location = *location;
        if (!location->password().isEmpty())
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("Warning: a password in --database-url can be read by other users of this "
                                       "computer while the program starts. Leave it out and put it in ~/.pgpass "
                                       "(or a pg_service.conf service), where libpq finds it.")));
    } else {
        options->location = DatabaseLocation::sqlite(parser.isSet(database) ? parser.value(database)
                                                                            : DatabaseLocation::defaultSqlitePath());
    }
    options->locationGiven = parser.isSet(database) || parser.isSet(databaseUrl) || parser.isSet(databaseService);
    options->importPath = parser.value(importOption);
    if (!parseImportOptions(parser, &options->importOptions))
        return Outcome::ExitFailure;
    if (options->importPath.isEmpty()
        && (parser.isSet(encodingOption) || parser.isSet(delimiterOption) || parser.isSet(mapOption)
            || parser.isSet(dateOrderOption) || parser.isSet(existingOption) || parser.isSet(rejectedRowsOption)
            || parser.isSet(createTeamsOption))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("--encoding, --delimiter, --map, --date-order, --existing, --rejected-rows and "
                                   "--create-teams go with --import.")));
        return Outcome::ExitFailure;
    }
    options->rejectedRowsPath = parser.value(rejectedRowsOption);
    options->importOptions.keepRejectedRows = !options->rejectedRowsPath.isEmpty();
    if (!parseExportOptions(parser, options))
        return Outcome::ExitFailure;
    options->check = parser.isSet(checkOption);
    options->historyEmail = parser.value(historyOption);
    options->dryRun = parser.isSet(dryRunOption);
    options->importOptions.dryRun = options->dryRun && !options->importPath.isEmpty();
    if (parser.isSet(purgeOption)) {
        options->purgeBefore = QDate::fromString(parser.value(purgeOption), Qt::ISODate);
        if (!options->purgeBefore.isValid()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("--purge-archived-before needs a date as YYYY-MM-DD, not '%1'.")
                                        .arg(parser.value(purgeOption))));
            return Outcome::ExitFailure;
        }
    } else if (options->dryRun && options->importPath.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(tr("--dry-run goes with --import or --purge-archived-before.")));
        return Outcome::ExitFailure;
    }
    options->setupRoles = parser.isSet(rolesOption);
    options->phoneRegion = parser.value(regionOption).toUpper();
    return Outcome::Run;
}

bool CommandLine::parseImportOptions(const QCommandLineParser &parser, ImportOptions *options)
{
    const auto refuse = [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return false;
    };
    if (parser.isSet(QStringLiteral("encoding"))) {
        const QString name = parser.value(QStringLiteral("encoding"));
        options->encoding = TextDecoder::encodingForName(name);
        if (!options->encoding)
            return refuse(tr("--encoding: '%1' is not an encoding the import reads; use one of %2.")
                              .arg(name, TextDecoder::names().join(QStringLiteral(", "))));
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString value = parser.value(QStringLiteral("delimiter"));
        if (value.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0 || value == QLatin1String("\\t"))
            options->delimiter = u'\t';
        else if (value.size() == 1 && value != QLatin1String("\"") && value != QLatin1String("\n")
                 && value != QLatin1String("\r"))
            options->delimiter = value.at(0);
        else
            return refuse(tr("--delimiter needs one character such as ; or | (or 'tab'), not '%1'.").arg(value));
    }
    for (const QString &mapping : parser.values(QStringLiteral("map"))) {
        const qsizetype equals = mapping.lastIndexOf(u'=');
        const QString field = equals < 0 ? QString() : mapping.mid(equals + 1).trimmed();
        if (equals <= 0 || ColumnAliases::columnForFieldName(field) < 0)
            return refuse(tr("--map needs \"Header=field\" with one of the fields %1, not '%2'.")
                              .arg(ColumnAliases::fieldNames().join(QStringLiteral(", ")), mapping));
        options->columnMap.append({mapping.left(equals), field});
    }
    if (parser.isSet(QStringLiteral("date-order"))) {
        options->dateOrder = DateOrder::orderForName(parser.value(QStringLiteral("date-order")));
        if (!options->dateOrder)
            return refuse(tr("--date-order needs DMY, MDY or YMD, not '%1'.").arg(parser.value(QStringLiteral("date-order"))));
    }
    options->createTeams = parser.isSet(QStringLiteral("create-teams"));
    if (parser.isSet(QStringLiteral("existing"))) {
        const QString name = parser.value(QStringLiteral("existing"));
        const std::optional<ExistingRowPolicy::Mode> mode = ExistingRowPolicy::modeForName(name);
        if (!mode)
            return refuse(tr("--existing needs reject, skip or update, not '%1'.").arg(name));
        options->existing = *mode;
    }
    return true;
}

bool CommandLine::parseExportOptions(const QCommandLineParser &parser, CommandLineOptions *options)
{
    options->exportPath = parser.value(QStringLiteral("export"));
    options->exportFormat = ExportFormats::forPath(options->exportPath);
    if (!parser.isSet(QStringLiteral("export-format")))
        return true;
    const QString name = parser.value(QStringLiteral("export-format"));
    const std::optional<ExportFormat> format = ExportFormats::forName(name);
    const QString error = options->exportPath.isEmpty() ? tr("--export-format goes with --export.")
        : !format ? tr("--export-format needs %1, not '%2'.").arg(ExportFormats::names().join(QStringLiteral(", ")), name)
                  : QString();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    options->exportFormat = *format;
    return true;
}

namespace {
// "postgresql://user:secret@host/db" -> the span of "secret" in `url`, or {0, 0}.
std::pair<size_t, size_t> passwordSpan(const char *url)
{
    const char *scheme = std::strstr(url, "://");
    if (!scheme)
        return {0, 0};
    const char *userInfo = scheme + 3;
    const char *at = std::strchr(userInfo, '@');
    const char *slash = std::strchr(userInfo, '/');
    if (!at || (slash && slash < at))
        return {0, 0};
    const char *colon = std::strchr(userInfo, ':');
    if (!colon || colon > at)
        return {0, 0};
    return {size_t(colon + 1 - url), size_t(at - (colon + 1))};
}

void blank(char *url)
{
    const auto [start, length] = passwordSpan(url);
    std::memset(url + start, '*', length);
}
}

void CommandLine::hidePasswords(int argc, char **argv)
{
    static const char option[] = "--database-url";
    for (int i = 1; i < argc; ++i) {
        char *argument = argv[i];
        if (std::strcmp(argument, option) == 0 && i + 1 < argc)
            blank(argv[++i]);
        else if (std::strncmp(argument, option, sizeof option - 1) == 0 && argument[sizeof option - 1] == '=')
            blank(argument + sizeof option);
    }
}

#include "csv/CsvExporter.h"

#include "csv/CsvWriter.h"
#include "csv/EmployeeRowSource.h"

#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

QStringList rowCells(const EmployeeRowSource &rows, int columns)
{
    QStringList cells;
    cells.reserve(columns);
    for (int i = 0; i < columns; ++i)
        cells << CsvWriter::neutralizeFormula(rows.text(i));
    return cells;
}

} // namespace

QChar CsvExporter::excelDelimiter(const QLocale &locale)
{
    return locale.decimalPoint() == QLatin1String(",") ? u';' : u',';
}

ExportReport CsvExporter::exportFile(const QSqlDatabase &db, const QString &path, Dialect dialect,
                                     const std::atomic<bool> *cancelled)
{
    ExportReport report;
    // QSaveFile writes to a temporary and renames on commit(): a failed or
    // interrupted export never leaves a truncated file in place of a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        report.error = tr("cannot write '%1': %2").arg(path, file.errorString());
        return report;
    }
    // An export holds every employee's personal data: owner-only, whatever
    // the umask (the rename in commit() keeps the temporary's mode).
#ifdef Q_OS_UNIX
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
#endif
    const bool excel = dialect == Dialect::Excel;
    bool written = !excel || file.write("\xEF\xBB\xBF") == 3;
    CsvWriter writer(&file, excel ? excelDelimiter() : QChar(u','));
    const QStringList header = EmployeeRowSource::columns();
    written = written && writer.writeRecord(header);
    EmployeeRowSource rows(db, cancelled);
    while (written && rows.next()) {
        written = writer.writeRecord(rowCells(rows, int(header.size())));
        ++report.rows;
        report.archived += rows.isArchived() ? 1 : 0;
    }
    if (!written || !rows.error().isEmpty()) {
        report = {};
        report.error = !written ? tr("cannot write '%1': %2").arg(path, file.errorString()) : rows.error();
        file.cancelWriting();
        return report;
    }
    if (!file.commit()) {
        report = {};
        report.error = tr("cannot save '%1': %2").arg(path, file.errorString());
    }
    return report;
}

#include "csv/CsvExporter.h"

#include "csv/CsvWriter.h"
#include "csv/EmployeeRowSource.h"
#include "db/PrivateSaveFile.h"

#include <QSaveFile>


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
    QSaveFile file(path);
    if (!openPrivately(file)) {
        report.error = tr("cannot write '%1': %2").arg(path, file.errorString());
        return report;
    }
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

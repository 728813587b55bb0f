#include "csv/EmployeeExporter.h"

#include "csv/CsvExporter.h"
#include "csv/XlsxExporter.h"

ExportReport EmployeeExporter::exportFile(const QSqlDatabase &db, const QString &path, ExportFormat format,
                                          const std::atomic<bool> *cancelled)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return XlsxExporter::exportFile(db, path, cancelled);
    case ExportFormat::ExcelCsv:
        return CsvExporter::exportFile(db, path, CsvExporter::Dialect::Excel, cancelled);
    case ExportFormat::Csv:
        break;
    }
    return CsvExporter::exportFile(db, path, CsvExporter::Dialect::Rfc4180, cancelled);
}

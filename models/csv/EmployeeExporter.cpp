#include "csv/EmployeeExporter.h"

#include "csv/CsvExporter.h"
#include "csv/XlsxExporter.h"

ExportReport EmployeeExporter::exportFile(const QSqlDatabase &db, const QString &path, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return XlsxExporter::exportFile(db, path);
    case ExportFormat::ExcelCsv:
        return CsvExporter::exportFile(db, path, CsvExporter::Dialect::Excel);
    case ExportFormat::Csv:
        break;
    }
    return CsvExporter::exportFile(db, path, CsvExporter::Dialect::Rfc4180);
}

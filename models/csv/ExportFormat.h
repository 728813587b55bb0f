#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// The files an export writes.
enum class ExportFormat {
    Csv, // RFC 4180, UTF-8 without a BOM, comma: for programs (and our own import)
    ExcelCsv, // UTF-8 with a BOM, ';' where the locale writes decimals with a comma
    Xlsx // an Excel workbook (libxlsxwriter)
};

// Names and file suffixes of the formats, for the command line and the file dialog.
class ExportFormats
{
public:
    // "csv", "excel-csv", "xlsx": --export-format's values.
    static QStringList names();
    static std::optional<ExportFormat> forName(const QString &name);
    static QString name(ExportFormat format);
    // What a path asks for without --export-format: .xlsx is a workbook, anything else plain CSV.
    static ExportFormat forPath(const QString &path);
    // "xlsx" or "csv", without the dot.
    static QString suffix(ExportFormat format);
};

#pragma once

#include "csv/ExportReport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlDatabase>
#include <QString>
#include <atomic>

// Writes EmployeeRowSource's rows as CSV with the formula-injection guard,
// replacing the file only once it is complete (0600).
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)
public:
    using ExportReport = ::ExportReport;

    enum class Dialect {
        Rfc4180, // UTF-8 without a BOM, comma
        Excel // UTF-8 with a BOM (Excel reads UTF-8 only then), excelDelimiter()
    };

    // Setting *cancelled (from any thread) ends the export with an error and no file.
    static ExportReport exportFile(const QSqlDatabase &db, const QString &path,
                                   Dialect dialect = Dialect::Rfc4180,
                                   const std::atomic<bool> *cancelled = nullptr);

    // What Excel splits a CSV on in that locale: ';' where decimals are
    // written with a comma (German, French), else ','.
    static QChar excelDelimiter(const QLocale &locale = QLocale());
};

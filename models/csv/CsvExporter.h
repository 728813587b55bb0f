#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// What an export wrote: the number of employee rows, or why it failed (in
// which case no file was left behind).
struct ExportReport
{
    qint64 rows = 0;
    qint64 archived = 0;   // of the rows, archived employees (marked by left_on)
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Writes every employee with their profile as CSV, in the column order
// CsvImporter reads, so an export can be imported into another database:
// the archived ones too, last, with their leaving date and reason.
// Streams with a forward-only query: a million employees never sit in memory.
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)
public:
    using ExportReport = ::ExportReport;

    static ExportReport exportFile(const QSqlDatabase &db, const QString &path);
};

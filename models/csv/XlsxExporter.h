#pragma once

#include "csv/ExportReport.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <atomic>

// Writes EmployeeRowSource's rows as an Excel workbook through libxlsxwriter:
// one sheet, the CSV's columns under a bold frozen header, dates as Excel
// dates (numbers with a date format), NULL as no cell, every other value a
// string cell. In libxlsxwriter's constant-memory mode each row goes to a
// temporary file as it is written, so a million employees never sit in
// memory; the workbook is zipped to a temporary beside the target (0600) and
// renamed over it only when complete.
//
// The formula-injection guard: a string cell is never evaluated, so opening
// the workbook runs nothing. The CSV's leading apostrophe is still added to
// values starting with = + - @ TAB or CR, so that editing such a cell (F2,
// Enter) or saving the sheet as CSV does not turn it into a formula either
// (our import takes it off again). Not to text that could do nothing as a
// formula, digits and + - ( ) . / and spaces only: every phone number
// ("+4930…") would otherwise show an apostrophe.
class XlsxExporter
{
    Q_DECLARE_TR_FUNCTIONS(XlsxExporter)
public:
    // A sheet's rows (1,048,576) less the header.
    static constexpr qint64 MaxRows = 1048575;

    // Setting *cancelled (from any thread) ends the export with an error and no file.
    static ExportReport exportFile(const QSqlDatabase &db, const QString &path,
                                   const std::atomic<bool> *cancelled = nullptr);
};

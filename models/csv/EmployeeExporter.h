#pragma once

#include "csv/ExportFormat.h"
#include "csv/ExportReport.h"

#include <QSqlDatabase>
#include <QString>
#include <atomic>

// Every employee, current and archived, to a file in one of the export
// formats: what File > Export… (on a worker thread's own connection) and
// --export call.
class EmployeeExporter
{
public:
    // Setting *cancelled (from any thread) ends the export with an error and no file.
    static ExportReport exportFile(const QSqlDatabase &db, const QString &path, ExportFormat format,
                                   const std::atomic<bool> *cancelled = nullptr);
};

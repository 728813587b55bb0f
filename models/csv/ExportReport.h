#pragma once

#include <QMetaType>
#include <QString>

// What an export wrote: the number of employee rows, or why it failed (in
// which case no file was left behind).
struct ExportReport
{
    qint64 rows = 0;
    qint64 archived = 0; // of the rows, archived employees (marked by left_on)
    QString error;

    bool ok() const { return error.isEmpty(); }
};

Q_DECLARE_METATYPE(ExportReport)

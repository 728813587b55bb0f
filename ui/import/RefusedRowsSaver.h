#pragma once

#include "csv/ImportReport.h"

#include <QCoreApplication>

class QWidget;

// "Save Refused Rows…": asks where, then writes the report's refused rows
// with a reason column (RejectedRowsWriter: 0600, atomic), a file the user
// can fix and import again. Used by Test's results and the import's report.
class RefusedRowsSaver
{
    Q_DECLARE_TR_FUNCTIONS(RefusedRowsSaver)
public:
    // `importedPath` suggests the folder and name. False if cancelled or failed (said).
    static bool save(QWidget *parent, const ImportReport &report, const QString &importedPath);
};

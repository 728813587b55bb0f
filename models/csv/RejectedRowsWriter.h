#pragma once

#include "csv/ImportReport.h"

#include <QCoreApplication>
#include <QString>

// The import's refused rows as a CSV file the user can fix and import
// again (--rejected-rows): the file's header plus a `reason` column, each
// row as the file wrote it with why it was refused. Written like an export:
// owner-only (0600) and atomically (QSaveFile), never a half file.
class RejectedRowsWriter
{
    Q_DECLARE_TR_FUNCTIONS(RejectedRowsWriter)
public:
    // The added last column. HeaderMatcher reads a last column of exactly
    // this name as this one (ignored), not as the alias of leaving_reason.
    static constexpr const char *ReasonColumn = "reason";

    // False with `error` set when the file cannot be written.
    static bool write(const QString &path, const ImportReport &report, QString *error);
};

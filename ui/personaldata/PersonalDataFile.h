#pragma once

#include "store/PersonalDataExport.h"

#include <QCoreApplication>
#include <QString>

class EmployeeStore;

// One export of a person's data to a file, as the form's "Export Employee's
// Data…" and `--export-person EMAIL FILE` both do it: collect everything
// stored (PersonalDataExport), render it as JSON or as a PDF
// (PersonalDataPdf), and save it 0600 and atomically, recorded in the history.
class PersonalDataFile
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataFile)
public:
    // False and *error (nothing written, `path` left as it was) on failure.
    static bool write(EmployeeStore *store, qint64 employeeId, const QString &path,
                      PersonalDataExport::Format format, QString *error);
};

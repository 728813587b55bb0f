#include "csv/RejectedRowsWriter.h"

#include "csv/CsvWriter.h"
#include "db/PrivateSaveFile.h"

#include <QSaveFile>


bool RejectedRowsWriter::write(const QString &path, const ImportReport &report, QString *error)
{
    QSaveFile file(path);
    if (!openPrivately(file)) {
        *error = tr("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    CsvWriter writer(&file);
    bool written = writer.writeRecord(QStringList(report.header) << QLatin1String(ReasonColumn));
    for (const ImportReport::RejectedRow &row : report.rejectedRows) {
        if (!written)
            break;
        written = writer.writeRecord(QStringList(row.fields) << CsvWriter::neutralizeFormula(row.reason));
    }
    if (!written || !file.commit()) {
        *error = tr("cannot write '%1': %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

#include "csv/RejectedRowsWriter.h"

#include "csv/CsvWriter.h"

#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

bool RejectedRowsWriter::write(const QString &path, const ImportReport &report, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    // The rows hold personal data: owner-only whatever the umask (the
    // rename in commit() keeps the temporary's mode).
#ifdef Q_OS_UNIX
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
#endif
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

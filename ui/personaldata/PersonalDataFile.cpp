#include "personaldata/PersonalDataFile.h"

#include "personaldata/PersonalDataPdf.h"

bool PersonalDataFile::write(EmployeeStore *store, qint64 employeeId, const QString &path,
                             PersonalDataExport::Format format, QString *error)
{
    const PersonalDataExport exporter(store);
    const QJsonObject data = exporter.collect(employeeId);
    if (data.isEmpty()) {
        *error = exporter.lastError();
        return false;
    }
    const QByteArray bytes = format == PersonalDataExport::Format::Pdf ? PersonalDataPdf::render(data)
                                                                       : PersonalDataExport::toJson(data);
    if (bytes.isEmpty()) {
        *error = tr("The document could not be rendered.");
        return false;
    }
    return exporter.save(employeeId, format, path, bytes, error);
}

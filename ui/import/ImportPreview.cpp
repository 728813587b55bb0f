#include "import/ImportPreview.h"

#include "csv/CsvImporter.h"

#include <QFile>
#include <algorithm>

bool ImportPreview::read(const QString &path, std::optional<TextDecoder::Encoding> encoding, QChar delimiter)
{
    m_header.clear();
    m_sample.clear();
    m_error.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("Cannot open “%1”: %2").arg(path, file.errorString());
        return false;
    }
    m_format = CsvFormat::sniff(&file, encoding, delimiter);
    CsvReader reader(&file, m_format);
    CsvRecord record;
    if (!reader.readRecord(&record)) {
        m_error = reader.hasError() ? reader.errorString() : tr("The file is empty.");
        return false;
    }
    m_header = record.fields;
    m_sample.reserve(CsvImporter::BatchSize);
    while (m_sample.size() < size_t(CsvImporter::BatchSize) && reader.readRecord(&record))
        m_sample.push_back(record);
    if (reader.hasError())
        m_error = reader.errorString();
    return true;
}

int ImportPreview::rowCount() const
{
    return int(std::min(m_sample.size(), size_t(PreviewRows)));
}

DateOrder ImportPreview::dateOrderOf(int index) const
{
    DateOrder order;
    for (const CsvRecord &record : m_sample) {
        if (index < record.fields.size())
            order.observe(record.fields.at(index));
    }
    return order;
}

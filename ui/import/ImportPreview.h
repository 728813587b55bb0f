#pragma once

#include "csv/CsvFormat.h"
#include "csv/CsvReader.h"
#include "csv/DateOrder.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// The start of a file as the importer will read it: the format (what the
// user chose, else what CsvFormat::sniff finds), the header and the first
// records, decoded and split exactly as CsvReader does for the import. It
// also keeps as many records as the importer decides date orders from
// (CsvImporter::BatchSize), so the dialog can tell beforehand whether a
// date column stays ambiguous. Reads a few hundred KiB at most: fine on the
// GUI thread.
class ImportPreview
{
    Q_DECLARE_TR_FUNCTIONS(ImportPreview)
public:
    static constexpr int PreviewRows = 20;

    // False when nothing could be read (error() says why); a decoding error
    // after some rows keeps those rows and sets error() too.
    bool read(const QString &path, std::optional<TextDecoder::Encoding> encoding, QChar delimiter);

    QString error() const { return m_error; }
    const CsvFormat &format() const { return m_format; }
    const QStringList &header() const { return m_header; }
    int rowCount() const;                     // at most PreviewRows
    const CsvRecord &row(int i) const { return m_sample.at(size_t(i)); }

    // How the importer would judge the dates of file column `index` on its own.
    DateOrder dateOrderOf(int index) const;

private:
    CsvFormat m_format;
    QStringList m_header;
    std::vector<CsvRecord> m_sample;
    QString m_error;
};

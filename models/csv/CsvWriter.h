#pragma once

#include <QStringList>

class QIODevice;

#include <QChar>

// RFC 4180 writer (UTF-8, CRLF line ends, quotes only where needed). The
// delimiter is a comma unless told otherwise (Excel reads ';' in locales
// whose decimal separator is a comma).
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, QChar delimiter = u',');

    bool writeRecord(const QStringList &fields);   // false when the device refused the write

    // OWASP CSV injection: a cell starting with = + - @ TAB or CR gets a
    // leading apostrophe so spreadsheets show it as text instead of running it.
    static QString neutralizeFormula(const QString &cell);
    // The inverse, for the importer: our own exports (and spreadsheets saving
    // "'=x" typed as text) give back the exact value.
    static QString restoreFormula(const QString &cell);

private:
    QIODevice *m_device;
    QChar m_delimiter;
};

#pragma once

#include <QStringList>

class QIODevice;

// RFC 4180 writer (UTF-8, CRLF line ends, quotes only where needed).
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);

    bool writeRecord(const QStringList &fields);   // false when the device refused the write

    // OWASP CSV injection: a cell starting with = + - @ TAB or CR gets a
    // leading apostrophe so spreadsheets show it as text instead of running it.
    static QString neutralizeFormula(const QString &cell);
    // The inverse, for the importer: our own exports (and spreadsheets saving
    // "'=x" typed as text) give back the exact value.
    static QString restoreFormula(const QString &cell);

private:
    QIODevice *m_device;
};

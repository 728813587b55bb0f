#include "csv/CsvWriter.h"

#include <QIODevice>

namespace {

bool startsFormula(QChar c)
{
    switch (c.unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r':
        return true;
    default:
        return false;
    }
}

bool needsQuotes(const QString &cell, char16_t delimiter)
{
    if (cell.isEmpty())
        return false;
    if (cell.front() == u' ' || cell.back() == u' ')
        return true;   // many readers trim unquoted spaces
    for (QChar c : cell) {
        const char16_t u = c.unicode();
        if (u == delimiter || u == u'"' || u == u'\r' || u == u'\n')
            return true;
    }
    return false;
}

void appendCell(QString &line, const QString &cell, char16_t delimiter)
{
    if (!needsQuotes(cell, delimiter)) {
        line += cell;
        return;
    }
    line += u'"';
    qsizetype from = 0;
    for (qsizetype quote = cell.indexOf(u'"'); quote >= 0; quote = cell.indexOf(u'"', from)) {
        line += QStringView(cell).mid(from, quote - from + 1);
        line += u'"';   // doubled
        from = quote + 1;
    }
    line += QStringView(cell).mid(from);
    line += u'"';
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, QChar delimiter) : m_device(device), m_delimiter(delimiter) { }

// One write() per record: QFile and QSaveFile buffer internally, so this
// costs one UTF-8 conversion per line and no per-cell system call.
bool CsvWriter::writeRecord(const QStringList &fields)
{
    QString line;
    qsizetype size = 2 + fields.size();
    for (const QString &field : fields)
        size += field.size() + 2;
    line.reserve(size);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += m_delimiter;
        appendCell(line, fields.at(i), m_delimiter.unicode());
    }
    line += QLatin1String("\r\n");
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

// Besides the OWASP prefix, a cell that already is "'" + formula gets one
// more apostrophe, so an importer that strips one leading apostrophe before
// a formula character gets every value back exactly (see CsvImporter).
QString CsvWriter::neutralizeFormula(const QString &cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell.at(i) == u'\'')
        ++i;
    if (i < cell.size() && startsFormula(cell.at(i)))
        return QLatin1Char('\'') + cell;
    return cell;
}

QString CsvWriter::restoreFormula(const QString &cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell.at(i) == u'\'')
        ++i;
    if (i > 0 && i < cell.size() && startsFormula(cell.at(i)))
        return cell.mid(1);
    return cell;
}

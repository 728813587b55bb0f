#include "csv/CsvReader.h"

#include <QIODevice>

namespace {

constexpr qint64 ChunkSize = 1 << 20;   // 1 MiB: big enough to amortize read(), small enough for memory
constexpr qint64 MinChunkSize = 4096;
constexpr qint64 MinPipeChunkSize = 64 * 1024;

// Where the parser is inside the decoded buffer. The parser works on a copy
// and only commits it once a whole record is parsed, so running out of
// buffered text simply means "read more and start this record again".
struct Cursor
{
    const QChar *p;
    const QChar *end;
    qint64 line;
    bool atEnd;   // no more input after `end`
    char16_t delimiter;
};

enum class FieldResult { Ok, NeedMore, StrayQuote, TextAfterQuote, Unterminated };

// Counts a line break at c.p (LF, CRLF or a lone CR) and steps over it.
// Returns false when a CR is the last buffered character and more input may
// hold its LF.
bool consumeLineBreak(Cursor &c)
{
    if (*c.p == u'\r') {
        if (c.p + 1 == c.end && !c.atEnd)
            return false;
        if (c.p + 1 < c.end && c.p[1] == u'\n')
            ++c.p;
    }
    ++c.p;
    ++c.line;
    return true;
}

bool isLineBreak(QChar ch)
{
    return ch == u'\n' || ch == u'\r';
}

FieldResult parseUnquoted(Cursor &c, QString *field)
{
    const QChar *start = c.p;
    while (c.p < c.end) {
        const char16_t ch = c.p->unicode();
        if (ch == c.delimiter || ch == u'\n' || ch == u'\r')
            break;
        if (ch == u'"')
            return FieldResult::StrayQuote;
        ++c.p;
    }
    if (c.p == c.end && !c.atEnd)
        return FieldResult::NeedMore;
    *field = QString(start, c.p - start);
    return FieldResult::Ok;
}

// c.p is on the opening quote.
FieldResult parseQuoted(Cursor &c, QString *field)
{
    ++c.p;
    field->clear();
    while (true) {
        const QChar *start = c.p;
        while (c.p < c.end && *c.p != u'"') {
            // Line breaks inside quotes still move the physical line on.
            if (*c.p == u'\n' || (*c.p == u'\r' && (c.p + 1 == c.end || c.p[1] != u'\n')))
                ++c.line;
            ++c.p;
        }
        field->append(start, c.p - start);
        if (c.p == c.end)
            return c.atEnd ? FieldResult::Unterminated : FieldResult::NeedMore;
        if (c.p + 1 == c.end && !c.atEnd)
            return FieldResult::NeedMore;   // is it "" or the closing quote?
        if (c.p + 1 < c.end && c.p[1] == u'"') {
            field->append(u'"');
            c.p += 2;
            continue;
        }
        ++c.p;   // the closing quote
        if (c.p < c.end && *c.p != c.delimiter && !isLineBreak(*c.p))
            return FieldResult::TextAfterQuote;
        return FieldResult::Ok;
    }
}

} // namespace

CsvReader::CsvReader(QIODevice *device, CsvFormat format)
    : m_device(device), m_decoder(format.encoding), m_delimiter(format.delimiter.unicode())
{
}

bool CsvReader::readRecord(CsvRecord *record)
{
    while (!hasError()) {
        switch (parseRecord(record)) {
        case Step::Record:
            return true;
        case Step::End:
        case Step::Error:
            return false;
        case Step::NeedMore:
            if (!fillBuffer())
                return false;
            break;
        }
    }
    return false;
}

void CsvReader::fail(qint64 line, const QString &message)
{
    m_error = tr("line %1: %2").arg(line).arg(message);
}

void CsvReader::failUndecodable(qint64 line, qint64 column)
{
    const QString encoding = TextDecoder::name(m_decoder.encoding());
    const QString what = m_decoder.firstErrorByte() >= 0
        ? tr("byte 0x%1 is not a character in %2")
              .arg(QString::number(m_decoder.firstErrorByte(), 16).toUpper(), encoding)
        : (m_decoder.encoding() == TextDecoder::Encoding::Utf8
               ? tr("the file is not valid UTF-8 text here")
               : tr("the bytes here are not text in %1").arg(encoding));
    m_error = tr("line %1, column %2: %3; save the file as UTF-8, or name its encoding with --encoding")
                  .arg(line)
                  .arg(column)
                  .arg(what);
}

CsvReader::Step CsvReader::skipEmptyLines()
{
    Cursor c{m_buffer.constData() + m_pos, m_buffer.constData() + m_buffer.size(), m_line, m_atEnd, m_delimiter};
    while (c.p < c.end && isLineBreak(*c.p)) {
        if (!consumeLineBreak(c))
            break;
        // Committing skipped lines at once keeps them out of later retries.
        m_pos = c.p - m_buffer.constData();
        m_line = c.line;
    }
    if (c.p < c.end && !isLineBreak(*c.p))
        return Step::Record;
    return m_atEnd && c.p == c.end ? Step::End : Step::NeedMore;
}

CsvReader::Step CsvReader::parseRecord(CsvRecord *record)
{
    const Step skipped = skipEmptyLines();
    if (skipped != Step::Record)
        return skipped;

    const QChar *begin = m_buffer.constData();
    Cursor c{begin + m_pos, begin + m_buffer.size(), m_line, m_atEnd, m_delimiter};
    record->line = m_line;
    record->fields.clear();   // keeps the list's capacity for the next record
    QString field;
    while (true) {
        const qint64 fieldLine = c.line;
        const FieldResult result = (c.p < c.end && *c.p == u'"') ? parseQuoted(c, &field) : parseUnquoted(c, &field);
        if (result != FieldResult::Ok && result != FieldResult::NeedMore && undecodableBefore(c.p - begin, record->line))
            return Step::Error;   // the byte that could not be read comes first, and what follows it is no text
        switch (result) {
        case FieldResult::Ok:
            break;
        case FieldResult::NeedMore:
            return Step::NeedMore;
        case FieldResult::StrayQuote:
            fail(c.line, tr("a quote (\") inside a field that does not start with a quote; "
                            "enclose the whole field in quotes and double the quotes inside it"));
            return Step::Error;
        case FieldResult::TextAfterQuote:
            fail(c.line, tr("text after the closing quote of a field"));
            return Step::Error;
        case FieldResult::Unterminated:
            fail(fieldLine, tr("a quoted field starting here is never closed"));
            return Step::Error;
        }
        record->fields.append(field);
        if (c.p == c.end)
            break;   // last record, no line break after it (atEnd is guaranteed here)
        if (*c.p == m_delimiter) {
            ++c.p;
            continue;
        }
        if (!consumeLineBreak(c))
            return Step::NeedMore;
        break;
    }

    if (undecodableBefore(c.p - begin, record->line))
        return Step::Error;
    m_pos = c.p - begin;
    m_line = c.line;
    return Step::Record;
}

// Fails naming its line and column when the record from m_pos (on `line`)
// to `end` holds the first character that could not be decoded.
bool CsvReader::undecodableBefore(qsizetype end, qint64 line)
{
    if (m_invalidPos < m_pos || m_invalidPos >= end)
        return false;
    const QStringView before = QStringView(m_buffer).mid(m_pos, m_invalidPos - m_pos);
    const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;   // 0 when the record's first line
    failUndecodable(line + before.count(u'\n'), before.size() - lineStart + 1);
    return true;
}

qint64 CsvReader::bytesConsumed() const
{
    if (m_charsDecoded == 0)
        return 0;
    // Unparsed characters count at the file's average bytes per character.
    const double unparsed = double(m_buffer.size() - m_pos) * double(m_bytesRead) / double(m_charsDecoded);
    return qBound(qint64(0), m_bytesRead - qint64(unparsed), m_bytesRead);
}

bool CsvReader::fillBuffer()
{
    // Drop what the parser consumed, so the buffer holds at most one record
    // plus one chunk.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        if (m_invalidPos >= 0)
            m_invalidPos -= m_pos;
        m_pos = 0;
    }
    // A file smaller than a chunk needs no MiB of memory (the fuzz target
    // reads thousands of small files a second; sanitizers make each MiB dear).
    // A pipe hands out at most its buffer (64 KiB on Linux) a read anyway.
    const qint64 floor = m_device->isSequential() ? MinPipeChunkSize : MinChunkSize;
    const qint64 size = qBound(floor, m_device->bytesAvailable() + 1, ChunkSize);
    m_chunk.resize(size);
    qint64 n = m_device->read(m_chunk.data(), size);
    if (n == 0 && m_device->waitForReadyRead(30000))   // pipes and sockets: wait for more
        n = m_device->read(m_chunk.data(), size);
    if (n < 0) {
        fail(m_line, tr("cannot read the file: %1").arg(m_device->errorString()));
        return false;
    }
    const qsizetype old = m_buffer.size();
    if (n == 0) {
        m_atEnd = true;
        // A character the file began but did not finish is undecodable too.
        m_buffer.resize(old + 1);
        m_buffer.resize(m_decoder.finish(m_buffer.data() + old) - m_buffer.constData());
        noteDecoded(old);
        return true;
    }

    m_buffer.resize(old + m_decoder.requiredSpace(n));
    QChar *out = m_decoder.appendToBuffer(m_buffer.data() + old, QByteArrayView(m_chunk.constData(), n));
    m_buffer.resize(out - m_buffer.constData());
    m_bytesRead += n;
    noteDecoded(old);
    // The decoder drops a UTF-8 BOM already; this catches one it kept.
    // (A pipe's first read may end inside the BOM and decode to nothing yet.)
    if (m_firstChunk && !m_buffer.isEmpty()) {
        if (m_buffer.startsWith(QChar(0xFEFF)))
            m_pos = 1;
        m_firstChunk = false;
    }
    return true;
}

// The decoder counts characters over the whole file; `old` is where the
// characters it just wrote begin in the buffer.
void CsvReader::noteDecoded(qsizetype old)
{
    if (m_decoder.hasError() && m_invalidPos < 0 && m_decoder.firstErrorAt() >= m_charsDecoded)
        m_invalidPos = old + (m_decoder.firstErrorAt() - m_charsDecoded);
    m_charsDecoded += m_buffer.size() - old;
}

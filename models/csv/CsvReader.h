#pragma once

#include "csv/CsvFormat.h"
#include "csv/TextDecoder.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QStringList>

class QIODevice;

// One CSV record and the physical line it starts on (1-based), so errors can
// name the line a person sees in their editor even when quoted fields span lines.
struct CsvRecord
{
    qint64 line = 0;
    QStringList fields;
};

// Streaming RFC 4180 reader: text in the format's encoding (UTF-8 by default;
// a leading BOM is skipped), fields separated by the format's delimiter (a
// comma by default), CRLF or LF, quoted fields with delimiters, doubled quotes
// and newlines. Reads the device in chunks, so a million-row file never sits
// in memory as a whole. A byte the encoding cannot read is an error naming
// its line and column, never a replacement character in the data.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    explicit CsvReader(QIODevice *device, CsvFormat format = {});

    // Reads the next record. Returns false at the end of input or on an error;
    // hasError() tells which. Empty lines are skipped.
    bool readRecord(CsvRecord *record);

    // How far into the device the records read so far reach, in bytes: what
    // was read minus the read-ahead not parsed yet (the reader reads a MiB
    // at a time, so the device's own position says little about progress).
    qint64 bytesConsumed() const;

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }   // names the line

private:
    enum class Step { Record, NeedMore, End, Error };

    Step parseRecord(CsvRecord *record);
    Step skipEmptyLines();
    bool fillBuffer();
    void noteDecoded(qsizetype old);
    void fail(qint64 line, const QString &message);
    void failUndecodable(qint64 line, qint64 column);
    bool undecodableBefore(qsizetype end, qint64 line);

    QIODevice *m_device;
    TextDecoder m_decoder;
    char16_t m_delimiter;
    QByteArray m_chunk;
    QString m_buffer;              // decoded text not yet consumed starts at m_pos
    qsizetype m_pos = 0;
    qsizetype m_invalidPos = -1;   // first undecodable character in m_buffer, -1 if none
    qint64 m_line = 1;             // physical line of m_pos
    bool m_atEnd = false;
    bool m_firstChunk = true;
    qint64 m_bytesRead = 0;
    qint64 m_charsDecoded = 0;
    QString m_error;
};

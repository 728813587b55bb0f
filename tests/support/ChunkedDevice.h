#pragma once

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

// A pipe-like device over fixed bytes: sequential, and each read() returns at
// most `chunk` bytes, so the reader meets every record, quote, CRLF and
// multi-byte character cut at a chunk's end (a file gives it a MiB at once).
class ChunkedDevice : public QIODevice
{
public:
    ChunkedDevice(const QByteArray &bytes, qint64 chunk) : m_bytes(bytes), m_chunk(std::max<qint64>(1, chunk)) { }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_bytes.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min({maxSize, m_chunk, qint64(m_bytes.size()) - m_pos});
        std::copy_n(m_bytes.constData() + m_pos, n, data);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

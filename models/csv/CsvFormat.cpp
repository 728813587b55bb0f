#include "csv/CsvFormat.h"

#include "csv/DelimiterSniffer.h"
#include "csv/EncodingSniffer.h"

#include <QIODevice>

#include <algorithm>

namespace {

// Enough for the header and the first rows of any sensible file and for
// libuchardet to see a few accented letters; small enough that sniffing
// costs nothing next to the import (peek() keeps it for the reader).
constexpr qint64 HeadSize = 64 * 1024;

// The file's first HeadSize bytes, left for the reader. A pipe hands out
// what it holds at the moment (a peek may see a few bytes of the header):
// peek on, waiting as the reader does, until the head is whole or the input ends.
QByteArray peekHead(QIODevice *device, bool *wholeFile)
{
    if (!device->isSequential()) {
        const QByteArray head = device->peek(std::min(HeadSize, device->bytesAvailable()));
        *wholeFile = device->size() - device->pos() <= head.size();
        return head;
    }
    // Each peek asks for a little more than it has (a few bytes at a time
    // must not cost a 64 KiB buffer each).
    const auto wanted = [device](qint64 have) {
        return std::min(HeadSize, have + std::max<qint64>(device->bytesAvailable() - have, 4096));
    };
    QByteArray head = device->peek(wanted(0));
    while (head.size() < HeadSize) {
        QByteArray more = device->peek(wanted(head.size()));
        if (more.size() == head.size() && device->waitForReadyRead(30000))
            more = device->peek(wanted(head.size()));
        if (more.size() == head.size())
            break;
        head = more;
    }
    *wholeFile = head.size() < HeadSize;
    return head;
}

} // namespace

CsvFormat CsvFormat::sniff(QIODevice *device, std::optional<TextDecoder::Encoding> encoding, QChar delimiter)
{
    CsvFormat format;
    bool wholeFile = false;
    const QByteArray head = peekHead(device, &wholeFile);
    if (encoding) {
        format.encoding = *encoding;
    } else {
        const EncodingSniffer::Result sniffed = EncodingSniffer::sniff(head, wholeFile);
        format.encoding = sniffed.encoding;
        format.encodingDetected = sniffed.evidence == EncodingSniffer::Evidence::Detected;
    }
    if (!delimiter.isNull()) {
        format.delimiter = delimiter;
    } else {
        TextDecoder decoder(format.encoding);
        QString text(decoder.requiredSpace(head.size()), Qt::Uninitialized);
        text.truncate(decoder.appendToBuffer(text.data(), head) - text.constData());
        format.delimiter = DelimiterSniffer::sniff(text, wholeFile);
    }
    return format;
}

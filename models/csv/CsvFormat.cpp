#include "csv/CsvFormat.h"

#include "csv/DelimiterSniffer.h"
#include "csv/EncodingSniffer.h"

#include <QIODevice>

namespace {

// Enough for the header and the first rows of any sensible file and for
// libuchardet to see a few accented letters; small enough that sniffing
// costs nothing next to the import (peek() keeps it for the reader).
constexpr qint64 HeadSize = 64 * 1024;

} // namespace

CsvFormat CsvFormat::sniff(QIODevice *device, std::optional<TextDecoder::Encoding> encoding, QChar delimiter)
{
    CsvFormat format;
    const QByteArray head = device->peek(HeadSize);
    const bool wholeFile =
        device->isSequential() ? head.size() < HeadSize : device->size() - device->pos() <= head.size();
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

#include "csv/EncodingSniffer.h"

#include <QStringDecoder>

#include <uchardet.h>

#include <algorithm>

namespace {

bool startsWith(QByteArrayView head, std::initializer_list<unsigned char> bytes)
{
    if (head.size() < qsizetype(bytes.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char b : bytes) {
        if (static_cast<unsigned char>(head[i++]) != b)
            return false;
    }
    return true;
}

bool isUtf8(QByteArrayView head, bool wholeFile)
{
    // (decode() is lazy: only turning its result into a QString decodes.)
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    if (!wholeFile) {
        // Drop a sequence cut off at the end: at most 3 bytes of a lead byte
        // (11xxxxxx) and its continuation bytes (10xxxxxx).
        qsizetype end = head.size();
        for (qsizetype back = 1; back <= 3 && back <= head.size(); ++back) {
            const auto b = static_cast<unsigned char>(head[head.size() - back]);
            if ((b & 0xC0) == 0xC0) {
                end = head.size() - back;
                break;
            }
            if ((b & 0xC0) != 0x80)
                break;
        }
        head = head.first(end);
    }
    const QString text = decoder.decode(head);
    return !decoder.hasError();
}

TextDecoder::Encoding detectLegacy(QByteArrayView head)
{
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, head.data(), size_t(head.size()));
    uchardet_data_end(detector);
    const QString charset = QString::fromLatin1(uchardet_get_charset(detector));
    uchardet_delete(detector);
    // Western text comes out as ISO-8859-1, -15 or Windows-1252. Read
    // ISO-8859-1 as Windows-1252, as browsers do (WHATWG): they agree on every
    // printable character, and bytes 0x80..0x9F in a table are Windows' „“€…,
    // never Latin-1's control characters. ISO-8859-15 (its € at 0xA4) only
    // when no such byte says Windows. Any other answer (uchardet may name a
    // cousin such as ISO-8859-2 for a short, mostly ASCII sample) falls back
    // to Windows-1252, which still refuses its unassigned bytes.
    const std::optional<TextDecoder::Encoding> named = TextDecoder::encodingForName(charset);
    if (named == TextDecoder::Encoding::Latin9) {
        const bool windowsBytes = std::any_of(head.begin(), head.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return b >= 0x80 && b < 0xA0;
        });
        if (!windowsBytes)
            return TextDecoder::Encoding::Latin9;
    }
    return TextDecoder::Encoding::Windows1252;
}

} // namespace

EncodingSniffer::Result EncodingSniffer::sniff(QByteArrayView head, bool wholeFile)
{
    if (startsWith(head, {0xEF, 0xBB, 0xBF}))
        return {TextDecoder::Encoding::Utf8, Evidence::ByteOrderMark};
    if (startsWith(head, {0xFF, 0xFE}))
        return {TextDecoder::Encoding::Utf16LE, Evidence::ByteOrderMark};
    if (startsWith(head, {0xFE, 0xFF}))
        return {TextDecoder::Encoding::Utf16BE, Evidence::ByteOrderMark};
    if (isUtf8(head, wholeFile))
        return {TextDecoder::Encoding::Utf8, Evidence::ValidUtf8};
    return {detectLegacy(head), Evidence::Detected};
}

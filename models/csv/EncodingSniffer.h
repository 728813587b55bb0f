#pragma once

#include "csv/TextDecoder.h"

#include <QByteArrayView>

// Decides a file's encoding from its first bytes: a byte order mark (UTF-8,
// or UTF-16LE/BE as Excel's "Unicode Text" writes it) says it outright; else
// text that is valid UTF-8 is UTF-8 (the fast path: a plain file costs one
// decode of its first bytes); else libuchardet names the legacy encoding:
// Windows-1252 (for ISO-8859-1 too) or ISO-8859-15, what Western spreadsheets
// write; a file in another one needs --encoding.
class EncodingSniffer
{
public:
    enum class Evidence { ByteOrderMark, ValidUtf8, Detected };
    struct Result
    {
        TextDecoder::Encoding encoding = TextDecoder::Encoding::Utf8;
        Evidence evidence = Evidence::ValidUtf8;
    };

    // `head` is the start of the file (a sequence cut in the middle at its
    // end does not count against UTF-8 unless `wholeFile`).
    static Result sniff(QByteArrayView head, bool wholeFile);
};

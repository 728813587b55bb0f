#pragma once

#include "csv/TextDecoder.h"

#include <QChar>
#include <optional>

class QIODevice;

// How a file's text is written: its encoding and the character between fields.
struct CsvFormat
{
    TextDecoder::Encoding encoding = TextDecoder::Encoding::Utf8;
    QChar delimiter = u',';
    bool encodingDetected = false; // neither a BOM nor valid UTF-8 said it: libuchardet guessed

    // Looks at the start of `device` without consuming it (peek) and fills in
    // what the user did not say: the encoding (EncodingSniffer) and the
    // delimiter (DelimiterSniffer).
    static CsvFormat sniff(QIODevice *device, std::optional<TextDecoder::Encoding> encoding, QChar delimiter);
};

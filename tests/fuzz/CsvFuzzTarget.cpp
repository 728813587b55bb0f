// The fuzz target of the CSV import's reading front end: everything that
// touches a file's bytes before the database. libFuzzer calls
// LLVMFuzzerTestOneInput (the ER_FUZZ build, clang's -fsanitize=fuzzer);
// FuzzCsvReaderSmoke calls the same function with seeds and mutations of its
// own (the normal build, CI).
//
// Besides crashes, hangs and sanitizer reports it checks what must hold for
// any input, and aborts when it does not:
//   - text decoded in pieces is the text decoded at once, up to the same
//     first error (files arrive in chunks);
//   - text decoded without an error encodes back to the input bytes: nothing
//     was dropped or replaced silently;
//   - a file read from a pipe that hands out a few bytes at a time gives the
//     same format, records and error as read from a file at once.
#include "ChunkedDevice.h"

#include "csv/ColumnAliases.h"
#include "csv/CsvFormat.h"
#include "csv/CsvReader.h"
#include "csv/DateColumns.h"
#include "csv/DateOrder.h"
#include "csv/DelimiterSniffer.h"
#include "csv/EncodingSniffer.h"
#include "csv/GenderWords.h"
#include "csv/HeaderMatcher.h"
#include "csv/TextDecoder.h"

#include <QBuffer>
#include <QStringEncoder>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using Encoding = TextDecoder::Encoding;
constexpr Encoding Encodings[] = {Encoding::Utf8,        Encoding::Utf16LE, Encoding::Utf16BE,
                                  Encoding::Windows1252, Encoding::Latin1,  Encoding::Latin9};
constexpr char16_t Delimiters[] = {0, u',', u';', u'\t', u'|', u':'};   // 0: sniffed

[[noreturn]] void violated(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "FuzzCsvReader: property violated: %s\ninput (%lld bytes): %s\n", what,
                 static_cast<long long>(input.size()), input.toHex().constData());
    std::abort();
}

void check(bool holds, const char *what, const QByteArray &input)
{
    if (!holds)
        violated(what, input);
}

struct Decoded
{
    QString text;
    bool error = false;
    qint64 errorAt = -1;
    int errorByte = -1;
};

// Decodes `bytes` in pieces cut at `cuts` (ascending offsets).
Decoded decode(Encoding encoding, QByteArrayView bytes, const std::vector<qsizetype> &cuts)
{
    TextDecoder decoder(encoding);
    Decoded d;
    qsizetype from = 0;
    std::vector<qsizetype> ends = cuts;
    ends.push_back(bytes.size());
    for (const qsizetype to : ends) {
        const QByteArrayView piece = bytes.sliced(from, to - from);
        const qsizetype old = d.text.size();
        d.text.resize(old + decoder.requiredSpace(piece.size()));
        d.text.truncate(decoder.appendToBuffer(d.text.data() + old, piece) - d.text.constData());
        from = to;
    }
    const qsizetype old = d.text.size();
    d.text.resize(old + 1);
    d.text.truncate(decoder.finish(d.text.data() + old) - d.text.constData());
    d.error = decoder.hasError();
    d.errorAt = decoder.firstErrorAt();
    d.errorByte = decoder.firstErrorByte();
    return d;
}

// What the text encodes back to, BOM dropped: a decoding without an error
// must give the input (minus its BOM) back.
QByteArray encodeBack(Encoding encoding, const QString &text)
{
    switch (encoding) {
    case Encoding::Utf8:
        return text.toUtf8();
    case Encoding::Utf16LE:
        return QStringEncoder(QStringEncoder::Utf16LE).encode(text);
    case Encoding::Utf16BE:
        return QStringEncoder(QStringEncoder::Utf16BE).encode(text);
    default:
        return {};   // single-byte: checked by length
    }
}

QByteArrayView withoutBom(Encoding encoding, QByteArrayView bytes)
{
    const char *bom = encoding == Encoding::Utf8 ? "\xEF\xBB\xBF"
        : encoding == Encoding::Utf16LE          ? "\xFF\xFE"
        : encoding == Encoding::Utf16BE          ? "\xFE\xFF"
                                                 : nullptr;
    return bom && bytes.startsWith(QByteArrayView(bom)) ? bytes.sliced(qstrlen(bom)) : bytes;
}

void checkDecoding(const QByteArray &input, quint32 seed)
{
    EncodingSniffer::sniff(input, true);
    EncodingSniffer::sniff(QByteArrayView(input).first(input.size() / 2), false);
    std::vector<qsizetype> cuts;
    if (!input.isEmpty()) {
        qsizetype at = 0;
        for (quint32 s = seed; at < input.size(); s = s * 1103515245u + 12345u) {
            at += 1 + qsizetype((s >> 16) % 7);
            if (at < input.size())
                cuts.push_back(at);
        }
    }
    for (const Encoding encoding : Encodings) {
        const Decoded whole = decode(encoding, input, {});
        const Decoded pieces = decode(encoding, input, cuts);
        check(whole.error == pieces.error && whole.errorAt == pieces.errorAt && whole.errorByte == pieces.errorByte,
              "decoding in pieces finds another first error", input);
        // After the first error nothing is read (the reader stops at its record).
        const qsizetype valid = whole.error ? whole.errorAt : whole.text.size();
        check(QStringView(whole.text).first(valid) == QStringView(pieces.text).first(std::min(valid, pieces.text.size())),
              "decoding in pieces gives other text", input);
        check(!whole.error || (whole.errorAt >= 0 && whole.errorAt <= whole.text.size()),
              "the first error lies outside the text", input);
        if (!whole.error) {
            const QByteArrayView expected = withoutBom(encoding, input);
            const QByteArray back = encodeBack(encoding, whole.text);
            check(back.isNull() ? whole.text.size() == input.size() : back == expected,
                  "text decoded without an error does not encode back to the input", input);
        }
        DelimiterSniffer::sniff(whole.text, true);
        DelimiterSniffer::sniff(QStringView(whole.text).first(whole.text.size() / 2), false);
    }
}

struct Reading
{
    CsvFormat format;
    std::vector<CsvRecord> records;
    QString error;
};

// `format`: null to sniff it from the device, as the import does.
Reading readAll(QIODevice *device, std::optional<Encoding> encoding, QChar delimiter, const CsvFormat *format = nullptr)
{
    Reading r;
    r.format = format ? *format : CsvFormat::sniff(device, encoding, delimiter);
    CsvReader reader(device, r.format);
    CsvRecord record;
    qint64 lastLine = 0;
    while (reader.readRecord(&record)) {
        if (record.line <= lastLine || record.fields.isEmpty()) {
            std::fprintf(stderr, "FuzzCsvReader: a record's line went back or it had no field\n");
            std::abort();
        }
        lastLine = record.line;
        r.records.push_back(record);
    }
    r.error = reader.errorString();
    return r;
}

bool sameReading(const Reading &a, const Reading &b)
{
    if (a.format.encoding != b.format.encoding || a.format.delimiter != b.format.delimiter || a.error != b.error
        || a.records.size() != b.records.size())
        return false;
    for (size_t i = 0; i < a.records.size(); ++i) {
        if (a.records[i].line != b.records[i].line || a.records[i].fields != b.records[i].fields)
            return false;
    }
    return true;
}

QString describe(const Reading &r)
{
    QString text = QStringLiteral("%1, '%2', %3 records, error '%4'")
                       .arg(TextDecoder::name(r.format.encoding), r.format.delimiter)
                       .arg(r.records.size())
                       .arg(r.error);
    for (const CsvRecord &record : r.records)
        text += QStringLiteral("\n  line %1: [%2]").arg(record.line).arg(record.fields.join(QStringLiteral("][")));
    return text;
}

// The importer's reading of the records: header, date columns, genders.
void interpret(const Reading &r, std::optional<DateOrder::Order> order, const QByteArray &input)
{
    if (r.records.empty())
        return;
    const QStringList &header = r.records.front().fields;
    for (const QString &name : header)
        ColumnAliases::columnFor(name);
    DateOrder column;
    for (size_t i = 1; i < r.records.size(); ++i) {
        for (const QString &field : r.records[i].fields) {
            GenderWords::fromText(field);
            bool ambiguous = false;
            const QDate date = DateOrder::parse(field, std::nullopt, &ambiguous);
            check(!(date.isValid() && ambiguous), "a date read without an order was ambiguous", input);
            if (order)
                DateOrder::parse(field, order);
            column.observe(field);
        }
    }
    column.verdict();
    HeaderMatcher matcher({{QStringLiteral("Rufname"), QStringLiteral("first_name")}});
    QString error;
    if (!matcher.match(header, &error)) {
        check(!error.isEmpty(), "a header refused without a reason", input);
        return;
    }
    const auto batchEnd = r.records.begin() + std::min<ptrdiff_t>(ptrdiff_t(r.records.size()), 2001);
    const std::vector<CsvRecord> first(r.records.begin() + 1, batchEnd);
    DateColumns dates;
    if (!dates.decide(first, matcher.columnIndex(), header, order, &error)) {
        check(!error.isEmpty(), "date columns refused without a reason", input);
        return;
    }
    for (size_t i = 1; i < r.records.size(); ++i) {
        const QStringList &fields = r.records[i].fields;
        if (fields.size() != header.size())
            continue;
        for (const int c : {int(ColumnAliases::DateOfBirth), int(ColumnAliases::LeftOn)}) {
            const int index = matcher.columnIndex()[c];
            if (index < 0)
                continue;
            FieldErrors errors;
            const QDate date = dates.read(fields.at(index), c, errors);
            check(!(date.isValid() && !errors.isEmpty()), "a date read with an error", input);
        }
        const int gender = matcher.columnIndex()[ColumnAliases::Gender];
        if (gender >= 0)
            GenderWords::fromText(fields.at(gender));
    }
}

void checkReading(const QByteArray &input, quint32 seed)
{
    // As the import reads a file by default, and with the user's overrides.
    const std::optional<Encoding> encoding =
        seed % 3 == 0 ? std::nullopt : std::optional<Encoding>(Encodings[(seed / 3) % std::size(Encodings)]);
    const QChar delimiter(Delimiters[(seed / 17) % std::size(Delimiters)]);
    for (const auto &[forcedEncoding, forcedDelimiter] :
         {std::pair{std::optional<Encoding>(), QChar()}, std::pair{encoding, delimiter}}) {
        QByteArray bytes = input;
        QBuffer file(&bytes);
        file.open(QIODevice::ReadOnly);
        const Reading atOnce = readAll(&file, forcedEncoding, forcedDelimiter);
        // A pipe is sniffed from as many bytes as a file (peeked a few at a time)...
        ChunkedDevice pipe(input, 1 + (seed >> 8) % 61);
        pipe.open(QIODevice::ReadOnly);
        const CsvFormat piped = CsvFormat::sniff(&pipe, forcedEncoding, forcedDelimiter);
        check(piped.encoding == atOnce.format.encoding && piped.delimiter == atOnce.format.delimiter,
              "a pipe is sniffed otherwise", input);
        // ...and the reader meets every record, quote and character cut at a chunk's end.
        ChunkedDevice trickle(input, 1 + (seed >> 8) % 13);
        trickle.open(QIODevice::ReadOnly);
        const Reading inPieces = readAll(&trickle, forcedEncoding, forcedDelimiter, &atOnce.format);
        if (!sameReading(atOnce, inPieces)) {
            std::fprintf(stderr, "at once:   %s\nin pieces: %s\n", qPrintable(describe(atOnce)),
                         qPrintable(describe(inPieces)));
            violated("a file read in small pieces reads otherwise", input);
        }
        const std::optional<DateOrder::Order> order =
            seed % 4 == 0 ? std::nullopt : std::optional<DateOrder::Order>(DateOrder::Order(seed % 3));
        interpret(atOnce, order, input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    quint32 seed = 2166136261u;   // FNV-1a: the same input always takes the same options
    for (const char c : input)
        seed = (seed ^ quint8(c)) * 16777619u;
    checkDecoding(input, seed);
    checkReading(input, seed);
    return 0;
}

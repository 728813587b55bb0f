#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringDecoder>
#include <array>
#include <optional>

// Turns a file's bytes into text, chunk by chunk, in one named encoding, and
// never replaces a character silently: the first byte it cannot read is
// remembered (where it landed in the text) so the reader can report its line
// and column. UTF-8 and UTF-16 go through Qt's decoders (the import's fast
// path is Qt's UTF-8 decoder, as before); the single-byte encodings that
// spreadsheets write on Western Windows are decoded from our own tables,
// because Qt's or ICU's converters map Windows-1252's five unassigned bytes
// to control characters instead of refusing them.
class TextDecoder
{
    Q_DECLARE_TR_FUNCTIONS(TextDecoder)
public:
    enum class Encoding { Utf8, Utf16LE, Utf16BE, Windows1252, Latin1, Latin9 };

    explicit TextDecoder(Encoding encoding = Encoding::Utf8);

    // "UTF-8", "utf16le", "cp1252", "ISO-8859-15", "latin1", … (case and
    // punctuation do not matter); nullopt for a name we cannot decode.
    static std::optional<Encoding> encodingForName(const QString &name);
    static QString name(Encoding encoding); // the canonical name, e.g. "Windows-1252"
    static QStringList names(); // the names --encoding accepts, for messages

    Encoding encoding() const { return m_encoding; }

    // The most characters decoding `bytes` more bytes can produce.
    qsizetype requiredSpace(qsizetype bytes) const;
    // Decodes `in` to `out` (requiredSpace() characters free) and returns the
    // end of what was written. A byte that cannot be read becomes U+FFFD and
    // sets hasError(); firstErrorAt() says how many characters were written
    // before it, counted over all calls.
    QChar *appendToBuffer(QChar *out, QByteArrayView in);
    // The input ended: a character it began but did not finish (a cut UTF-8
    // sequence, an odd byte of UTF-16) becomes U+FFFD and an error, as any
    // other byte that cannot be read. Needs one character free at `out`.
    QChar *finish(QChar *out);

    bool hasError() const { return m_errorAt >= 0; }
    qint64 firstErrorAt() const { return m_errorAt; }
    int firstErrorByte() const { return m_errorByte; } // the byte, -1 when a decoder of Qt's found it

private:
    Encoding m_encoding;
    // Qt's decoders keep the bytes of a character cut at a chunk's end for
    // the next call; at the input's end nothing comes, so they would vanish.
    // And they mark what they cannot read with U+FFFD, as a file may write
    // it too: which one is the error, firstInvalid() finds out.
    class QtDecoder : public QStringDecoder
    {
    public:
        // What a decoder carries from one call to the next (UTF-8 and UTF-16 keep no pointers in it).
        struct Carry
        {
            int internalState = 0;
            qsizetype remainingChars = 0;
            std::array<uint, 4> data{};
        };
        QtDecoder(QStringDecoder::Encoding encoding, Flags flags = Flag::Default)
            : QStringDecoder(encoding, flags), m_encoding(encoding)
        {
        }
        bool holdsPartialCharacter() const { return state.remainingChars != 0; }
        Carry carry() const;
        // Where the first character that could not be read lies in `out`
        // (`in` decoded from `before`): decoded again with such characters as
        // NUL, it is the first U+FFFD that becomes a NUL.
        qsizetype firstInvalid(const Carry &before, QByteArrayView in, QStringView out) const;

    private:
        QStringDecoder::Encoding m_encoding;
    };

    QtDecoder m_qt; // UTF-8 and UTF-16
    const std::array<char16_t, 32> *m_high = nullptr; // 0x80..0x9F of a single-byte table, 0 = unassigned
    qint64 m_written = 0;
    qint64 m_errorAt = -1;
    int m_errorByte = -1;
};

#include "csv/TextDecoder.h"

#include <QStringList>

#include <algorithm>

namespace {

// Windows-1252's 0x80..0x9F (0: unassigned, an error); the rest is Latin-1.
constexpr std::array<char16_t, 32> Windows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
// ISO-8859-1 and -15 assign 0x80..0x9F to C1 control characters, which no
// spreadsheet writes into a table: meeting one means the file is in another
// encoding, so it is refused rather than imported as invisible controls.
constexpr std::array<char16_t, 32> NoHigh = {};

QString normalized(const QString &name)
{
    QString key;
    for (QChar c : name) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

// ISO-8859-15 differs from Latin-1 in eight places (the euro sign among them).
char16_t latin9(unsigned char b)
{
    switch (b) {
    case 0xA4: return 0x20AC;
    case 0xA6: return 0x0160;
    case 0xA8: return 0x0161;
    case 0xB4: return 0x017D;
    case 0xB8: return 0x017E;
    case 0xBC: return 0x0152;
    case 0xBD: return 0x0153;
    case 0xBE: return 0x0178;
    default: return b;
    }
}

QStringDecoder::Encoding qtEncoding(TextDecoder::Encoding encoding)
{
    switch (encoding) {
    case TextDecoder::Encoding::Utf16LE: return QStringDecoder::Utf16LE;
    case TextDecoder::Encoding::Utf16BE: return QStringDecoder::Utf16BE;
    default: return QStringDecoder::Utf8;
    }
}

} // namespace

TextDecoder::TextDecoder(Encoding encoding) : m_encoding(encoding), m_qt(qtEncoding(encoding))
{
    if (encoding == Encoding::Windows1252)
        m_high = &Windows1252High;
    else if (encoding == Encoding::Latin1 || encoding == Encoding::Latin9)
        m_high = &NoHigh;
}

std::optional<TextDecoder::Encoding> TextDecoder::encodingForName(const QString &name)
{
    const QString key = normalized(name);
    if (key == u"utf8")
        return Encoding::Utf8;
    if (key == u"utf16le" || key == u"utf16" || key == u"unicode")
        return Encoding::Utf16LE;   // Excel's "Unicode Text" is little-endian
    if (key == u"utf16be")
        return Encoding::Utf16BE;
    if (key == u"windows1252" || key == u"cp1252" || key == u"ansi")
        return Encoding::Windows1252;
    if (key == u"iso88591" || key == u"latin1")
        return Encoding::Latin1;
    if (key == u"iso885915" || key == u"latin9")
        return Encoding::Latin9;
    return std::nullopt;
}

QString TextDecoder::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return QStringLiteral("UTF-8");
    case Encoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE: return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252: return QStringLiteral("Windows-1252");
    case Encoding::Latin1: return QStringLiteral("ISO-8859-1");
    case Encoding::Latin9: return QStringLiteral("ISO-8859-15");
    }
    return {};
}

QStringList TextDecoder::names()
{
    QStringList list;
    for (Encoding e : {Encoding::Utf8, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Windows1252, Encoding::Latin1,
                       Encoding::Latin9})
        list << name(e);
    return list;
}

qsizetype TextDecoder::requiredSpace(qsizetype bytes) const
{
    return m_high ? bytes : m_qt.requiredSpace(bytes);
}

QChar *TextDecoder::appendToBuffer(QChar *out, QByteArrayView in)
{
    QChar *const start = out;
    if (!m_high) {
        const bool hadError = m_qt.hasError();
        const QtDecoder::Carry before = m_qt.carry();
        out = m_qt.appendToBuffer(out, in);
        if (m_qt.hasError() && !hadError && m_errorAt < 0)
            m_errorAt = m_written + m_qt.firstInvalid(before, in, QStringView(start, out));
    } else {
        for (const char c : in) {
            const auto b = static_cast<unsigned char>(c);
            char16_t u = b;
            if (b >= 0x80 && b < 0xA0) {
                u = (*m_high)[b - 0x80];
                if (u == 0) {
                    if (m_errorAt < 0) {
                        m_errorAt = m_written + (out - start);
                        m_errorByte = b;
                    }
                    u = QChar::ReplacementCharacter;
                }
            } else if (m_encoding == Encoding::Latin9 && b >= 0xA4) {
                u = latin9(b);
            }
            *out++ = QChar(u);
        }
    }
    m_written += out - start;
    return out;
}

QChar *TextDecoder::finish(QChar *out)
{
    if (m_high || !m_qt.holdsPartialCharacter())
        return out;
    m_qt.resetState();   // once: a second finish() adds nothing
    if (m_errorAt < 0)
        m_errorAt = m_written;
    ++m_written;
    *out++ = QChar(QChar::ReplacementCharacter);
    return out;
}

TextDecoder::QtDecoder::Carry TextDecoder::QtDecoder::carry() const
{
    return {state.internalState, state.remainingChars, {state.state_data[0], state.state_data[1],
                                                        state.state_data[2], state.state_data[3]}};
}

// Runs only when a chunk held an error: a valid file never pays for it.
qsizetype TextDecoder::QtDecoder::firstInvalid(const Carry &before, QByteArrayView in, QStringView out) const
{
    QtDecoder probe(m_encoding, Flag::ConvertInvalidToNull);
    probe.state.internalState = before.internalState;
    probe.state.remainingChars = before.remainingChars;
    std::copy(before.data.begin(), before.data.end(), probe.state.state_data);
    QString nulled(probe.requiredSpace(in.size()), Qt::Uninitialized);
    nulled.truncate(probe.appendToBuffer(nulled.data(), in) - nulled.constData());
    const qsizetype n = std::min(nulled.size(), out.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (out[i] == QChar::ReplacementCharacter && nulled[i].isNull())
            return i;
    }
    return out.indexOf(QChar(QChar::ReplacementCharacter));   // not expected: the first U+FFFD, as before
}

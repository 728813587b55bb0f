#pragma once

#include <QString>

// "anna" -> "anna%": a LIKE pattern matching what starts with `text`, with
// LIKE's wildcards in the user's text escaped by '!' (the statements say
// ESCAPE '!'). The one spelling for the search field and the history filter.
inline QString likePrefix(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('!'))
            out += QLatin1Char('!');
        out += c;
    }
    return out + QLatin1Char('%');
}

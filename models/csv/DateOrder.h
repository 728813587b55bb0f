#pragma once

#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

// Dates as people write them: 1980-12-31 (and 1980/12/31), 31.12.1980 (a dot
// means day first, as German and French write it), and 31/12/1980 or
// 12/31/1980, which only the column as a whole can tell apart: a day over 12
// settles it. Years have four digits; "1.2.80" is refused, not guessed.
//
// A column's order is decided by observe()-ing its values before it is read
// (the importer shows it the first batch of rows), never guessed: a column
// that stays ambiguous needs the user's order (--date-order).
class DateOrder
{
public:
    enum Order { DMY, MDY, YMD };
    enum class Verdict { Open, Decided, Ambiguous, Conflict };

    static std::optional<Order> orderForName(const QString &name); // "DMY", "mdy", …
    static QString name(Order order);

    // The date `text` is when read in `order` (nullopt: the column's order is
    // not known, so only values that say it themselves are read); invalid
    // when it is none. *ambiguous is set when it failed only for want of an order.
    static QDate parse(QStringView text, std::optional<Order> order, bool *ambiguous = nullptr);

    // Learning a column's order from its values.
    void observe(QStringView text);
    // Open: no value needed an order; Decided: order() says it; Ambiguous:
    // some values read both ways and none settled it; Conflict: values say both.
    Verdict verdict() const;
    std::optional<Order> order() const;
    QString ambiguousExample() const { return m_ambiguous; }
    QString dayFirstExample() const { return m_dayFirst; }
    QString monthFirstExample() const { return m_monthFirst; }

private:
    QString m_dayFirst; // a value only day first can read, e.g. 31/12/1980
    QString m_monthFirst; // a value only month first can read, e.g. 12/31/1980
    QString m_ambiguous; // a value both can read differently, e.g. 03/04/1980
};

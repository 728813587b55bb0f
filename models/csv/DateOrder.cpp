#include "csv/DateOrder.h"

namespace {

// "31.12.1980" -> {31, 12, 1980, '.', digits of the first and last part}.
struct Parts
{
    int a = 0, b = 0, c = 0;
    QChar separator;
    int firstDigits = 0, lastDigits = 0;
};

std::optional<Parts> split(QStringView text)
{
    Parts parts;
    int values[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int part = 0;
    for (QChar ch : text) {
        if (ch >= u'0' && ch <= u'9') {
            if (++digits[part] > 4)
                return std::nullopt;
            values[part] = values[part] * 10 + (ch.unicode() - u'0');
        } else if (ch == u'.' || ch == u'/' || ch == u'-') {
            if (part == 2 || digits[part] == 0 || (part == 1 && ch != parts.separator))
                return std::nullopt;
            parts.separator = ch;
            ++part;
        } else {
            return std::nullopt;
        }
    }
    if (part != 2 || digits[2] == 0 || digits[1] > 2)
        return std::nullopt;
    parts.a = values[0];
    parts.b = values[1];
    parts.c = values[2];
    parts.firstDigits = digits[0];
    parts.lastDigits = digits[2];
    return parts;
}

bool yearFirst(const Parts &p)
{
    return p.firstDigits == 4 && p.lastDigits <= 2;
}

bool yearLast(const Parts &p)
{
    return p.lastDigits == 4 && p.firstDigits <= 2;
}

} // namespace

std::optional<DateOrder::Order> DateOrder::orderForName(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n == u"DMY")
        return DMY;
    if (n == u"MDY")
        return MDY;
    if (n == u"YMD")
        return YMD;
    return std::nullopt;
}

QString DateOrder::name(Order order)
{
    switch (order) {
    case DMY:
        return QStringLiteral("DMY");
    case MDY:
        return QStringLiteral("MDY");
    case YMD:
        return QStringLiteral("YMD");
    }
    return {};
}

QDate DateOrder::parse(QStringView text, std::optional<Order> order, bool *ambiguous)
{
    if (ambiguous)
        *ambiguous = false;
    // Today's files (and our exports) write ISO: its fast, strict reading first.
    if (text.size() == 10 && text[4] == u'-' && text[7] == u'-')
        return QDate::fromString(text.toString(), Qt::ISODate);
    const std::optional<Parts> p = split(text);
    if (!p)
        return {};
    if (yearFirst(*p))
        return QDate(p->a, p->b, p->c);
    if (!yearLast(*p))
        return {};
    if (p->separator == u'.')
        return QDate(p->c, p->b, p->a);
    // 31/12/1980 or 12/31/1980: the order decides, or a day over 12 does.
    Order read;
    if (order && *order != YMD)
        read = *order;
    else if (order)
        return {}; // the user said year first
    else if (p->a > 12 && p->b <= 12)
        read = DMY;
    else if (p->b > 12 && p->a <= 12)
        read = MDY;
    else if (p->a == p->b)
        read = DMY; // 05/05/1980 is the same date either way
    else {
        if (ambiguous)
            *ambiguous = true;
        return {};
    }
    return read == DMY ? QDate(p->c, p->b, p->a) : QDate(p->c, p->a, p->b);
}

void DateOrder::observe(QStringView text)
{
    const std::optional<Parts> p = split(text.trimmed());
    if (!p || !yearLast(*p) || p->separator == u'.')
        return; // says its order itself, or is no date: the row's validation reports it
    if (p->a > 12 && p->b <= 12) {
        if (m_dayFirst.isEmpty())
            m_dayFirst = text.trimmed().toString();
    } else if (p->b > 12 && p->a <= 12) {
        if (m_monthFirst.isEmpty())
            m_monthFirst = text.trimmed().toString();
    } else if (p->a != p->b && m_ambiguous.isEmpty()) {
        m_ambiguous = text.trimmed().toString();
    }
}

DateOrder::Verdict DateOrder::verdict() const
{
    if (!m_dayFirst.isEmpty() && !m_monthFirst.isEmpty())
        return Verdict::Conflict;
    if (!m_dayFirst.isEmpty() || !m_monthFirst.isEmpty())
        return Verdict::Decided;
    return m_ambiguous.isEmpty() ? Verdict::Open : Verdict::Ambiguous;
}

std::optional<DateOrder::Order> DateOrder::order() const
{
    if (verdict() != Verdict::Decided)
        return std::nullopt;
    return m_dayFirst.isEmpty() ? MDY : DMY;
}

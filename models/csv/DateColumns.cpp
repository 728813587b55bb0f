#include "csv/DateColumns.h"

// Each date column's order (31/12 or 12/31) is decided from the first batch's
// values (BatchSize rows), before any of them is validated; later rows are
// read in that order, and one that does not fit it is refused with its line.
// Deciding from all values would mean a second pass over the file or holding
// a million rows in memory; the first batch decides nearly every real file,
// and one it leaves ambiguous fails here, naming the column, rather than being
// guessed (the user then gives --date-order). A column that the first batch
// leaves open (only ISO or dotted dates) still reads a later 31/12/1980, and
// refuses a later 03/04/1980 as ambiguous.
bool DateColumns::decide(const std::vector<CsvRecord> &first, const ColumnIndex &columnIndex,
                         const QStringList &header, std::optional<DateOrder::Order> userOrder, QString *error)
{
    m_order.fill(std::nullopt);
    for (int column : {ColumnAliases::DateOfBirth, ColumnAliases::LeftOn}) {
        const int index = columnIndex[column];
        if (index < 0)
            continue;
        if (userOrder) {
            m_order[column] = userOrder;
            continue;
        }
        DateOrder order;
        for (const CsvRecord &record : first) {
            if (index < record.fields.size())
                order.observe(record.fields.at(index));
        }
        const QString name = header.at(index).trimmed();
        switch (order.verdict()) {
        case DateOrder::Verdict::Open:
            break;
        case DateOrder::Verdict::Decided:
            m_order[column] = order.order();
            break;
        case DateOrder::Verdict::Ambiguous:
            *error = tr("the dates in column '%1' can be read day first or month first (such as '%2'); "
                        "say which with --date-order DMY or --date-order MDY")
                         .arg(name, order.ambiguousExample());
            return false;
        case DateOrder::Verdict::Conflict:
            *error = tr("the dates in column '%1' are written both day first ('%2') and month first "
                        "('%3'); correct them or say which to read with --date-order DMY or MDY")
                         .arg(name, order.dayFirstExample(), order.monthFirstExample());
            return false;
        }
    }
    return true;
}

// An empty cell is no date (and no error); anything else must be a date in
// the column's order (decide()).
QDate DateColumns::read(const QString &cell, int column, FieldErrors &errors) const
{
    const QString text = cell.trimmed();
    if (text.isEmpty())
        return {};
    bool ambiguous = false;
    const QDate date = DateOrder::parse(text, m_order[column], &ambiguous);
    if (!date.isValid()) {
        const QString label = column == ColumnAliases::LeftOn ? tr("The leaving date") : tr("Date of birth");
        const QString field = ColumnAliases::fieldName(column);
        if (ambiguous)
            errors.append({field,
                           tr("%1 '%2' can be read day first or month first; say which with --date-order")
                               .arg(label, text)});
        else if (m_order[column] && *m_order[column] != DateOrder::YMD)
            errors.append({field,
                           tr("%1 must be a date such as 1980-12-31, 31.12.1980 or %2, not '%3'")
                               .arg(label,
                                    *m_order[column] == DateOrder::DMY ? QStringLiteral("31/12/1980")
                                                                       : QStringLiteral("12/31/1980"),
                                    text)});
        else
            errors.append(
                {field, tr("%1 must be a date such as 1980-12-31 or 31.12.1980, not '%2'").arg(label, text)});
    }
    return date;
}

#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// What a windowed model asks SqlRowWindow for: plain data, written by
// EmployeeTableModel/ProfileTableModel (buildSpec()) and SearchCondition.
// The parts are spelt here together because they only mean something as
// one spec.

// SQLite only: one alternative of a search word, an index range on one
// column (see StreamMerge).
struct SearchStream
{
    QString expr;        // the column expression the range is on
    QString indexed;     // condition using its index
    QString scanned;     // same condition, index use disabled
    QVariantList binds;
    int word = 0;        // which word of the search it belongs to
};

struct WindowSegment
{
    WindowSegment() = default;
    WindowSegment(const QString &where, const QVariantList &binds, const QStringList &keys, const QString &keyFrom = {})
        : where(where), binds(binds), keys(keys), keyFrom(keyFrom)
    {
    }

    QString where;        // extra condition ("" = none), with ? placeholders
    QVariantList binds;
    QStringList keys;     // ascending order; never NULL inside the segment; last one unique
    // Optional: a FROM clause (one table) enough for the keys, `where` and
    // the filter, whose rows are one-to-one with the result's. Positions
    // (OFFSET skips, rowOfId counts) are then found on its index alone
    // instead of through the joins.
    QString keyFrom;
    // Without a filter the segments cover the whole table: this one is
    // counted as the table's COUNT(*) minus the others (cheaper when it
    // is the big one).
    bool countByDifference = false;
};

struct WindowSpec
{
    QString idColumn;          // the id the model exposes (employee id)
    QStringList columns;       // the values the model shows
    QString from;              // FROM clause (joins) the columns, keys and filter need
    QString countFrom;         // cheaper FROM for COUNT(*) without filter (segments only use it)
    QString filter;            // "" or a condition, placeholders bound from filterBinds
    QVariantList filterBinds;
    QString scanFilter;        // same condition spelt so the planner keeps the sort index (broad filters)
    QString countFilter;       // "" or the same condition spelt for COUNTs (see SearchCondition)
    QList<WindowSegment> segments;
    bool descending = false;
    // SQLite only: the alternatives of the filter's first word, each an
    // index range on one column. A block read from a known position is
    // then merged from one ordered read per alternative (see
    // StreamMerge), instead of a scan of the sort index that may have
    // to walk most of the table before the first match.
    using Stream = SearchStream;
    QList<Stream> streams;   // of every word; the most selective word's are read

    QString filterForCounts() const { return countFilter.isEmpty() ? filter : countFilter; }

    // "SELECT id, columns..., keys... FROM from": the head of every row read.
    QString selectRows(const WindowSegment &seg) const
    {
        return QStringLiteral("SELECT ") + idColumn + QLatin1String(", ") + columns.join(QLatin1String(", "))
            + QLatin1String(", ") + seg.keys.join(QLatin1String(", ")) + QLatin1String(" FROM ") + from;
    }
};

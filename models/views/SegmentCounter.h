#pragma once

#include "views/StatementCache.h"
#include "views/WindowSpec.h"

#include <QHash>
#include <QString>
#include <QVariant>

// How SqlRowWindow counts a segment's rows: exactly, remembering exact counts
// by statement and values until forget() (clearing the search or sorting
// back then counts nothing again), or up to a cap, the cheapest way the
// backend allows.
class SegmentCounter
{
public:
    // The segment's matches in `from`: exactly, or (cap > 0) up to cap + 1.
    bool count(StatementCache &statements, const WindowSpec &spec, const WindowSegment &seg,
               const QString &from, qint64 cap, qint64 *n);
    // A COUNT(*) statement's result, remembered.
    bool exact(StatementCache &statements, const QString &sql, const QVariantList &binds, qint64 *n);
    // The data may have changed: count again.
    void forget() { m_exact.clear(); }

private:
    static bool anyStreamOver(StatementCache &statements, const WindowSpec &spec, const WindowSegment &seg,
                              qint64 cap, bool *over);

    QHash<QString, qint64> m_exact;
};

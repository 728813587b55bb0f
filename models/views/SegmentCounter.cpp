#include "views/SegmentCounter.h"

#include "views/SqlText.h"

bool SegmentCounter::exact(StatementCache &statements, const QString &sql, const QVariantList &binds,
                           qint64 *n)
{
    QString key = sql;
    for (const QVariant &v : binds)
        key += QLatin1Char('\x1f') + v.toString();
    const auto known = m_exact.constFind(key);
    if (known != m_exact.constEnd()) {
        *n = *known;
        return true;
    }
    QSqlQuery *q = statements.exec(sql, binds);
    if (!q)
        return false;
    *n = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    m_exact.insert(key, *n);
    return true;
}

// The segment's matches, exactly or (cap > 0) up to cap + 1.
bool SegmentCounter::count(StatementCache &statements, const WindowSpec &spec, const WindowSegment &seg,
                           const QString &from, qint64 cap, qint64 *n)
{
    const QString where = SqlText::where({spec.filterForCounts(), seg.where});
    const QVariantList binds = spec.filterBinds + seg.binds;
    if (cap <= 0)
        return exact(statements, SqlText::count(from, where, false), binds, n);
    bool over = false;
    if (!anyStreamOver(statements, spec, seg, cap, &over))
        return false;
    if (over) {
        *n = cap + 1;
        return true;
    }
    QSqlQuery *q = statements.exec(SqlText::count(from, where, true), binds + QVariantList{cap + 1});
    if (!q)
        return false;
    *n = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return true;
}

// PostgreSQL answers a search of one word, an OR of index ranges, with a
// bitmap of every match before the first row, so LIMIT does not shorten it
// (a pasted phone prefix matching most of a million rows: 230-290 ms). Each
// range alone is an index scan that stops at the cap, and when one range has
// more than cap matches so has the OR: the segment is provisional at once.
bool SegmentCounter::anyStreamOver(StatementCache &statements, const WindowSpec &spec,
                                   const WindowSegment &seg, qint64 cap, bool *over)
{
    *over = false;
    if (!statements.isPostgres() || spec.streams.isEmpty())
        return true;
    for (const SearchStream &stream : std::as_const(spec.streams)) {
        if (stream.word != 0)
            return true; // more words: a range alone says nothing of the AND
    }
    for (const SearchStream &stream : std::as_const(spec.streams)) {
        QSqlQuery *q =
            statements.exec(SqlText::count(spec.from, SqlText::where({stream.indexed, seg.where}), true),
                            stream.binds + seg.binds + QVariantList{cap + 1});
        if (!q)
            return false;
        const qint64 n = q->next() ? q->value(0).toLongLong() : 0;
        q->finish();
        if (n > cap) {
            *over = true;
            return true;
        }
    }
    return true;
}

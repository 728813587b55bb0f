#include "views/SqlRowWindow.h"

#include "views/KeysetPredicate.h"
#include "views/SqlText.h"

#include <algorithm>

namespace {
// Above this many matches a filtered block is read by walking the sort index
// and testing the filter (a match turns up every few rows), below it by
// collecting the matches through the filter's indexes and sorting them.
constexpr qint64 ScanFilterThreshold = 4000;
} // namespace

SqlRowWindow::SqlRowWindow(const QSqlDatabase &db) : m_db(db), m_statements(db) { }

void SqlRowWindow::setSpec(const Spec &spec)
{
    m_spec = spec;
    if (m_spec.descending)
        std::reverse(m_spec.segments.begin(), m_spec.segments.end());
    if (m_spec.countFrom.isEmpty())
        m_spec.countFrom = m_spec.from;
    m_segCounts.clear();
    m_segCapped.clear();
    m_total = 0;
    m_anchors.clear();
    m_statements.clear();
    clearCache();
}

void SqlRowWindow::clearCache()
{
    m_blocks.clear();
}

QString SqlRowWindow::currentFilter() const
{
    return m_useScanFilter && !m_spec.scanFilter.isEmpty() ? m_spec.scanFilter : m_spec.filter;
}

bool SqlRowWindow::recount(qint64 cap)
{
    m_statements.clearError();
    m_segCounts.clear();
    m_segCapped.clear();
    m_anchors.clear();
    m_total = 0;
    const QString from = m_spec.filter.isEmpty() ? m_spec.countFrom : m_spec.from;
    const bool capped = cap > 0 && !m_spec.filter.isEmpty();
    int byDifference = -1;
    for (const Segment &seg : std::as_const(m_spec.segments)) {
        if (seg.countByDifference && m_spec.filter.isEmpty() && byDifference < 0) {
            byDifference = int(m_segCounts.size());
            m_segCounts << 0;
            m_segCapped << false;
            continue;
        }
        qint64 n = 0;
        if (!m_counter.count(m_statements, m_spec, seg, from, capped ? cap : 0, &n))
            return false;
        const bool over = capped && n > cap;
        if (over)
            n = cap;
        m_segCounts << n;
        m_segCapped << over;
        m_total += n;
    }
    if (byDifference >= 0) {
        qint64 all = 0;
        if (!m_counter.exact(m_statements, QStringLiteral("SELECT COUNT(*) FROM ") + m_spec.countFrom, {},
                             &all))
            return false;
        m_segCounts[byDifference] = std::max<qint64>(0, all - m_total);
        m_total += m_segCounts.at(byDifference);
    }
    QSqlQuery *q = m_statements.exec(
        QStringLiteral("SELECT MAX(%1) FROM %2").arg(m_spec.idColumn, m_spec.countFrom), {});
    if (!q)
        return false;
    m_maxId = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    // (Provisional counts mean many matches too.)
    m_useScanFilter = m_total > ScanFilterThreshold || m_segCapped.contains(true);
    m_merge.clear();
    if (capped && m_useScanFilter && !m_merge.choose(m_statements, m_spec))
        return false;
    clearCache();
    return true;
}

CountJob SqlRowWindow::countJob() const
{
    CountJob job;
    const QString from = m_spec.filter.isEmpty() ? m_spec.countFrom : m_spec.from;
    for (const Segment &seg : std::as_const(m_spec.segments))
        job.statements.append({SqlText::count(from, SqlText::where({m_spec.filterForCounts(), seg.where}), false),
                               m_spec.filterBinds + seg.binds});
    return job;
}

void SqlRowWindow::setSegmentCount(int seg, qint64 exact)
{
    if (seg < 0 || seg >= m_segCounts.size())
        return;
    m_total += exact - m_segCounts.at(seg);
    m_segCounts[seg] = exact;
    m_segCapped[seg] = false;
    m_useScanFilter = m_total > ScanFilterThreshold;
    clearCache();
}

void SqlRowWindow::setAnchors(const QList<QList<QVariantList>> &anchors, int step)
{
    m_anchors = anchors;
    m_anchorStep = step;
}

AnchorScan SqlRowWindow::anchorScan(int step) const
{
    AnchorScan scan;
    scan.step = step;
    for (int s = 0; s < m_spec.segments.size(); ++s) {
        const Segment &seg = m_spec.segments.at(s);
        const KeysetPredicate keyset(seg.keys, !m_spec.descending);
        const QString head = QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", "))
            + QLatin1String(" FROM ") + (seg.keyFrom.isEmpty() ? m_spec.from : seg.keyFrom);
        const QString tail =
            QLatin1String(" ORDER BY ") + keyset.orderBy() + QLatin1String(" LIMIT 1 OFFSET ?");
        AnchorScan::Segment scanned;
        scanned.firstSql = head + SqlText::where({currentFilter(), seg.where}) + tail;
        scanned.nextSql = head + SqlText::where({currentFilter(), seg.where, keyset.after()}) + tail;
        scanned.binds = m_spec.filterBinds + seg.binds;
        scanned.keyCount = int(seg.keys.size());
        scanned.count = m_segCounts.value(s);
        scan.segments << scanned;
    }
    return scan;
}

qint64 SqlRowWindow::segmentStart(int seg) const
{
    qint64 start = 0;
    for (int i = 0; i < seg; ++i)
        start += m_segCounts.at(i);
    return start;
}

const SqlRowWindow::Row *SqlRowWindow::cachedRow(qint64 row) const
{
    return row >= 0 && row < m_total ? m_blocks.find(row) : nullptr;
}

const SqlRowWindow::Row *SqlRowWindow::row(qint64 row)
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const qint64 block = row / BlockSize;
    if (!m_blocks.hasBlock(block) && !loadBlock(block))
        return nullptr;
    return m_blocks.use(row);
}

bool SqlRowWindow::loadBlock(qint64 block)
{
    const qint64 begin = block * BlockSize;
    const qint64 end = std::min(begin + BlockSize, m_total);
    std::vector<Row> rows;
    rows.reserve(size_t(end - begin));
    qint64 segStart = 0;
    for (int seg = 0; seg < m_segCounts.size() && segStart < end; ++seg) {
        const qint64 segEnd = segStart + m_segCounts.at(seg);
        const qint64 from = std::max(begin, segStart);
        const qint64 to = std::min(end, segEnd);
        if (from < to && !fetchSegmentRange(seg, from - segStart, to - segStart, from, rows))
            return false;
        segStart = segEnd;
    }
    m_rowsFetched += qint64(rows.size());
    m_blocks.insert(block, std::move(rows));
    return true;
}

// Which way to read a segment's range, and from where: the cheapest of its
// start or end with OFFSET, or by keyset from a known row (an anchor of the
// background scan, or a row at the edge of a cached block) plus the OFFSET
// of the distance to it.
SqlRowWindow::ReadStart SqlRowWindow::readStart(int segIndex, qint64 localBegin, qint64 localEnd,
                                                qint64 globalBegin) const
{
    const qint64 segCount = m_segCounts.at(segIndex);
    const qint64 wanted = localEnd - localBegin;
    const qint64 segStart = globalBegin - localBegin;
    const int keyOffset = int(m_spec.columns.size());
    const int keyCount = int(m_spec.segments.at(segIndex).keys.size());
    ReadStart start;
    start.offset = localBegin;
    // A provisional segment's end is unknown: read it from its start.
    if (!isSegmentProvisional(segIndex) && segCount - localEnd < start.offset) {
        start.forward = false;
        start.offset = segCount - localEnd;
    }
    if (segIndex < m_anchors.size() && m_anchorStep > 0) {
        const QList<QVariantList> &anchors = m_anchors.at(segIndex);
        const qint64 i = (localBegin + 1) / m_anchorStep - 1; // anchor i is local row (i + 1) * step - 1
        const qint64 cost = localBegin - ((i + 1) * m_anchorStep - 1) - 1;
        if (i >= 0 && i < anchors.size() && cost < start.offset)
            start = {true, cost, anchors.at(i)};
    }
    const auto edges = m_blocks.edgeRows();
    for (const auto &[g, row] : edges) {
        if (start.offset == 0)
            break;
        if (g < segStart || g >= segStart + segCount || (g >= globalBegin && g < globalBegin + wanted))
            continue;
        const qint64 cost = g < globalBegin ? globalBegin - g - 1 : g - (globalBegin + wanted);
        if (cost < start.offset)
            start = {g < globalBegin, cost, row->values.mid(keyOffset, keyCount)};
    }
    return start;
}

// A long skip through joins: finds the row before the range on the key
// table's index alone, so the range itself is a keyset read from it.
bool SqlRowWindow::skipOnKeyTable(const Segment &seg, bool ascending, ReadStart &start)
{
    const KeysetPredicate keyset(seg.keys, ascending);
    const bool fromRow = !start.anchorKeys.isEmpty();
    const QString sql = QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", "))
        + QLatin1String(" FROM ") + (seg.keyFrom.isEmpty() ? m_spec.from : seg.keyFrom)
        + SqlText::where({m_spec.filter, seg.where, fromRow ? keyset.after() : QString()})
        + QLatin1String(" ORDER BY ") + keyset.orderBy() + QLatin1String(" LIMIT 1 OFFSET ?");
    const QVariantList binds = m_spec.filterBinds + seg.binds
        + (fromRow ? KeysetPredicate::binds(start.anchorKeys) : QVariantList{})
        + QVariantList{start.offset - 1};
    QSqlQuery *k = m_statements.exec(sql, binds);
    if (!k)
        return false;
    if (k->next()) {
        start.anchorKeys.clear();
        for (int i = 0; i < seg.keys.size(); ++i)
            start.anchorKeys << k->value(i);
        start.offset = 0;
    }
    k->finish();
    return true;
}

bool SqlRowWindow::fetchSegmentRange(int segIndex, qint64 localBegin, qint64 localEnd, qint64 globalBegin,
                                     std::vector<Row> &out)
{
    const Segment &seg = m_spec.segments.at(segIndex);
    const qint64 wanted = localEnd - localBegin;
    ReadStart start = readStart(segIndex, localBegin, localEnd, globalBegin);
    const bool ascending = start.forward != m_spec.descending;
    // PostgreSQL skips on the keys alone for a plain table too: with the
    // covering sort indexes (schema step 4) that is an index-only scan,
    // where reading whole rows to skip them visits the table for each.
    const bool keysApart = !seg.keyFrom.isEmpty() && seg.keyFrom != m_spec.from;
    if (start.offset > BlockSize && (keysApart || m_statements.isPostgres())
        && !skipOnKeyTable(seg, ascending, start))
        return false;

    std::vector<Row> rows;
    rows.reserve(size_t(wanted));
    // Merging costs the rows skipped (an OFFSET into a merge is a longer merge).
    constexpr qint64 MaxMergedOffset = 20000;
    if (start.offset <= MaxMergedOffset && m_useScanFilter && m_merge.isChosen()) {
        if (!m_merge.read(m_statements, m_spec, seg, start.offset + wanted, ascending, start.anchorKeys,
                          m_maxId, rows))
            return false;
        rows.erase(rows.begin(), rows.begin() + std::min<qint64>(start.offset, qint64(rows.size())));
    } else {
        const KeysetPredicate keyset(seg.keys, ascending);
        const bool fromRow = !start.anchorKeys.isEmpty();
        const QString sql = m_spec.selectRows(seg)
            + SqlText::where({currentFilter(), seg.where, fromRow ? keyset.after() : QString()})
            + QLatin1String(" ORDER BY ") + keyset.orderBy() + QLatin1String(" LIMIT ? OFFSET ?");
        const QVariantList binds = m_spec.filterBinds + seg.binds
            + (fromRow ? KeysetPredicate::binds(start.anchorKeys) : QVariantList{})
            + QVariantList{wanted, start.offset};
        QSqlQuery *q = m_statements.exec(sql, binds);
        if (!q)
            return false;
        Row::append(q, int(m_spec.columns.size() + seg.keys.size()), wanted, rows);
    }
    if (!start.forward)
        std::reverse(rows.begin(), rows.end());
    // The data changed under us (before the next refresh): keep positions aligned.
    rows.resize(size_t(wanted));
    for (Row &r : rows)
        out.push_back(std::move(r));
    return true;
}

qint64 SqlRowWindow::cachedRowOfId(qint64 id) const
{
    return m_blocks.rowOf(id);
}

QList<QPair<qint64, qint64>> SqlRowWindow::cachedRowsAndIds() const
{
    return m_blocks.rowsAndIds();
}

qint64 SqlRowWindow::rowOfId(qint64 id)
{
    const qint64 cached = cachedRowOfId(id);
    if (cached >= 0)
        return cached;
    for (int s = 0; s < m_spec.segments.size(); ++s) {
        const Segment &seg = m_spec.segments.at(s);
        const QString idCond = m_spec.idColumn + QLatin1String(" = ?");
        QSqlQuery *q = m_statements.exec(QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", "))
                                             + QLatin1String(" FROM ") + m_spec.from
                                             + SqlText::where({m_spec.filter, seg.where, idCond}),
                                         m_spec.filterBinds + seg.binds + QVariantList{id});
        if (!q)
            return -1;
        if (!q->next()) {
            q->finish();
            continue;
        }
        QVariantList keyValues;
        for (int i = 0; i < seg.keys.size(); ++i)
            keyValues << q->value(i);
        q->finish();
        // Rows before it in the model's order are the rows after it in the
        // reverse order.
        const KeysetPredicate before(seg.keys, m_spec.descending);
        const QString from = seg.keyFrom.isEmpty() ? m_spec.from : seg.keyFrom;
        // A provisional segment shows only its first rows: count no further.
        const bool provisional = isSegmentProvisional(s);
        const QVariantList binds = m_spec.filterBinds + seg.binds + KeysetPredicate::binds(keyValues)
            + (provisional ? QVariantList{m_segCounts.at(s)} : QVariantList{});
        QSqlQuery *c = m_statements.exec(
            SqlText::count(from, SqlText::where({m_spec.filterForCounts(), seg.where, before.after()}),
                           provisional),
            binds);
        if (!c)
            return -1;
        const qint64 rowsBefore = c->next() ? c->value(0).toLongLong() : -1;
        c->finish();
        if (rowsBefore < 0 || rowsBefore >= m_segCounts.at(s)) // beyond a provisional count
            return -1;
        return segmentStart(s) + rowsBefore;
    }
    return -1;
}

QList<qint64> SqlRowWindow::idsAbove(qint64 id, int limit)
{
    QList<qint64> ids;
    QSqlQuery *q =
        m_statements.exec(QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(" FROM ") + m_spec.from
                              + SqlText::where({m_spec.filter, m_spec.idColumn + QLatin1String(" > ?")})
                              + QLatin1String(" LIMIT ?"),
                          m_spec.filterBinds + QVariantList{id, limit + 1});
    if (!q)
        return ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    q->finish();
    return ids;
}

QList<qint64> SqlRowWindow::existingIds(const QList<qint64> &ids)
{
    QList<qint64> result;
    for (qsizetype start = 0; start < ids.size(); start += 500) {
        QStringList literal; // our own integers, not user text
        for (qsizetype i = start; i < std::min(ids.size(), start + 500); ++i)
            literal << QString::number(ids.at(i));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(" FROM ") + m_spec.from
                  + SqlText::where({m_spec.filter,
                                    m_spec.idColumn + QLatin1String(" IN (") + literal.join(QLatin1Char(','))
                                        + QLatin1Char(')')}));
        if (!m_statements.run(q, m_spec.filterBinds))
            return ids; // cannot tell: assume nothing went
        while (q.next())
            result << q.value(0).toLongLong();
    }
    return result;
}

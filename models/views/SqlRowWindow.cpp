#include "views/SqlRowWindow.h"

#include <QSqlDriver>
#include <QElapsedTimer>
#include <QSet>
#include <QSqlError>
#include <algorithm>

namespace {
// Above this many matches a filtered block is read by walking the sort index
// and testing the filter (a match turns up every few rows), below it by
// collecting the matches through the filter's indexes and sorting them.
constexpr qint64 ScanFilterThreshold = 4000;
// Alternatives of a search word are counted up to this many matches.
constexpr qint64 StreamCountCap = 200000;
}

SqlRowWindow::SqlRowWindow(const QSqlDatabase &db) : m_db(db) { }

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
    m_queries.clear();
    clearCache();
}

void SqlRowWindow::clearCache()
{
    m_blocks.clear();
}

QString SqlRowWindow::where(const QStringList &parts) const
{
    QStringList nonEmpty;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            nonEmpty << QLatin1Char('(') + p + QLatin1Char(')');
    }
    return nonEmpty.isEmpty() ? QString() : QStringLiteral(" WHERE ") + nonEmpty.join(QLatin1String(" AND "));
}

QString SqlRowWindow::currentFilter() const
{
    return m_useScanFilter && !m_spec.scanFilter.isEmpty() ? m_spec.scanFilter : m_spec.filter;
}

QSqlQuery *SqlRowWindow::query(const QString &sql)
{
    m_lastSql = sql;
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            qWarning("SqlRowWindow: cannot prepare %s: %s", qPrintable(sql), qPrintable(m_error));
            return nullptr;
        }
        it = m_queries.insert(sql, q);
    }
    return &it.value();
}

namespace {
// ER_WINDOW_TRACE=MS logs every statement that takes longer than MS ms.
const int g_traceMs = qEnvironmentVariableIsSet("ER_WINDOW_TRACE") ? qEnvironmentVariableIntValue("ER_WINDOW_TRACE") : -1;

bool run(QSqlQuery *q, const QVariantList &binds, QString *error)
{
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    QElapsedTimer timer;
    timer.start();
    const bool ok = q->exec();
    if (g_traceMs >= 0 && timer.elapsed() >= g_traceMs)
        qInfo("SqlRowWindow: %lld ms: %s", qint64(timer.elapsed()), qPrintable(q->lastQuery()));
    if (!ok) {
        *error = q->lastError().text();
        qWarning("SqlRowWindow: %s: %s", qPrintable(q->lastQuery()), qPrintable(*error));
        return false;
    }
    return true;
}
}

bool SqlRowWindow::recount(qint64 cap)
{
    m_error.clear();
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
        const QString condition = where({m_spec.filter, seg.where});
        const QString sql = capped ? QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1%2 LIMIT ?) capped").arg(from, condition)
                                   : QStringLiteral("SELECT COUNT(*) FROM ") + from + condition;
        QSqlQuery *q = query(sql);
        if (!q || !run(q, m_spec.filterBinds + seg.binds + (capped ? QVariantList{cap + 1} : QVariantList{}), &m_error))
            return false;
        qint64 n = q->next() ? q->value(0).toLongLong() : 0;
        q->finish();
        const bool over = capped && n > cap;
        if (over)
            n = cap;
        m_segCounts << n;
        m_segCapped << over;
        m_total += n;
    }
    if (byDifference >= 0) {
        QSqlQuery *all = query(QStringLiteral("SELECT COUNT(*) FROM ") + m_spec.countFrom);
        if (!all || !run(all, {}, &m_error))
            return false;
        const qint64 n = all->next() ? all->value(0).toLongLong() - m_total : 0;
        all->finish();
        m_segCounts[byDifference] = std::max<qint64>(0, n);
        m_total += m_segCounts.at(byDifference);
    }
    QSqlQuery *q = query(QStringLiteral("SELECT MAX(%1) FROM %2").arg(m_spec.idColumn, m_spec.countFrom));
    if (!q || !run(q, {}, &m_error))
        return false;
    m_maxId = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    // (Provisional counts mean many matches too.)
    m_useScanFilter = m_total > ScanFilterThreshold || m_segCapped.contains(true);
    m_cap = cap;
    m_streamCounts.clear();
    m_streamIndexes.clear();
    m_wordCount = 0;
    if (capped && m_useScanFilter) {
        // Count every word's alternatives (index-only, capped) and read the
        // most selective word's.
        QList<qint64> counts;
        for (const Spec::Stream &stream : std::as_const(m_spec.streams)) {
            QSqlQuery *c = query(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1 WHERE %2 LIMIT ?) capped")
                                     .arg(m_spec.from, stream.indexed));
            // An index-only count (no row is read): cheap even when capped high.
            if (!c || !run(c, stream.binds + QVariantList{StreamCountCap}, &m_error))
                return false;
            counts << (c->next() ? c->value(0).toLongLong() : StreamCountCap);
            c->finish();
            m_wordCount = std::max(m_wordCount, stream.word + 1);
        }
        int best = -1;
        qint64 bestSum = 0;
        for (int w = 0; w < m_wordCount; ++w) {
            qint64 sum = 0;
            for (int i = 0; i < m_spec.streams.size(); ++i)
                sum += m_spec.streams.at(i).word == w ? counts.at(i) : 0;
            if (best < 0 || sum < bestSum) {
                best = w;
                bestSum = sum;
            }
        }
        for (int i = 0; i < m_spec.streams.size(); ++i) {
            if (m_spec.streams.at(i).word == best) {
                m_streamIndexes << i;
                m_streamCounts << counts.at(i);
            }
        }
    }
    clearCache();
    return true;
}

QList<QPair<QString, QVariantList>> SqlRowWindow::countStatements() const
{
    QList<QPair<QString, QVariantList>> statements;
    const QString from = m_spec.filter.isEmpty() ? m_spec.countFrom : m_spec.from;
    for (const Segment &seg : std::as_const(m_spec.segments))
        statements.append({QStringLiteral("SELECT COUNT(*) FROM ") + from + where({m_spec.filter, seg.where}),
                           m_spec.filterBinds + seg.binds});
    return statements;
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

SqlRowWindow::AnchorJob SqlRowWindow::anchorJob(int step) const
{
    AnchorJob job;
    job.step = step;
    for (int s = 0; s < m_spec.segments.size(); ++s) {
        const Segment &seg = m_spec.segments.at(s);
        const bool ascending = !m_spec.descending;
        const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
        QStringList order;
        for (const QString &k : seg.keys)
            order << k + (ascending ? QLatin1String(" ASC") : QLatin1String(" DESC"));
        QStringList marks(seg.keys.size(), QStringLiteral("?"));
        const QString keyset = seg.keys.size() == 1
            ? seg.keys.first() + op + QLatin1String(" ?")
            : seg.keys.first() + op + QLatin1String("= ? AND (") + seg.keys.join(QLatin1String(", ")) + QLatin1String(") ")
                + op + QLatin1String(" (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
        const QString head = QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", ")) + QLatin1String(" FROM ")
            + (seg.keyFrom.isEmpty() ? m_spec.from : seg.keyFrom);
        const QString tail = QLatin1String(" ORDER BY ") + order.join(QLatin1String(", ")) + QLatin1String(" LIMIT 1 OFFSET ?");
        AnchorJob::Segment js;
        js.firstSql = head + where({currentFilter(), seg.where}) + tail;
        js.nextSql = head + where({currentFilter(), seg.where, keyset}) + tail;
        js.binds = m_spec.filterBinds + seg.binds;
        js.keyCount = int(seg.keys.size());
        js.count = m_segCounts.value(s);
        job.segments << js;
    }
    return job;
}

QList<QList<QVariantList>> SqlRowWindow::runAnchorJob(const QSqlDatabase &db, const AnchorJob &job,
                                                      const std::function<bool()> &cancelled)
{
    QList<QList<QVariantList>> result;
    for (const AnchorJob::Segment &seg : job.segments) {
        QList<QVariantList> anchors;
        QSqlQuery first(db), next(db);
        first.setForwardOnly(true);
        next.setForwardOnly(true);
        if (!first.prepare(seg.firstSql) || !next.prepare(seg.nextSql))
            return {};
        for (qint64 row = job.step - 1; row < seg.count; row += job.step) {
            if (cancelled())
                return {};
            QSqlQuery &q = anchors.isEmpty() ? first : next;
            QVariantList binds = seg.binds;
            if (!anchors.isEmpty()) {
                if (seg.keyCount > 1)
                    binds << anchors.last().value(0);
                binds += anchors.last();
            }
            binds << qint64(anchors.isEmpty() ? job.step - 1 : job.step - 1);
            for (int i = 0; i < binds.size(); ++i)
                q.bindValue(i, binds.at(i));
            if (!q.exec())
                return {};
            if (!q.next())
                break;
            QVariantList keys;
            for (int i = 0; i < seg.keyCount; ++i)
                keys << q.value(i);
            q.finish();
            anchors << keys;
        }
        result << anchors;
    }
    return result;
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
    if (row < 0 || row >= m_total)
        return nullptr;
    const auto it = m_blocks.constFind(row / BlockSize);
    if (it == m_blocks.cend())
        return nullptr;
    const qsizetype i = row % BlockSize;
    return i < qsizetype(it->rows.size()) && it->rows[i].id != 0 ? &it->rows[i] : nullptr;
}

const SqlRowWindow::Row *SqlRowWindow::row(qint64 row)
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const qint64 block = row / BlockSize;
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) {
        if (!loadBlock(block))
            return nullptr;
        it = m_blocks.find(block);
        if (it == m_blocks.end())
            return nullptr;
    }
    it->lastUse = ++m_clock;
    const qsizetype i = row % BlockSize;
    return i < qsizetype(it->rows.size()) && it->rows[i].id != 0 ? &it->rows[i] : nullptr;
}

bool SqlRowWindow::loadBlock(qint64 block)
{
    const qint64 begin = block * BlockSize;
    const qint64 end = std::min(begin + BlockSize, m_total);
    Block b;
    b.rows.reserve(size_t(end - begin));
    qint64 segStart = 0;
    for (int seg = 0; seg < m_segCounts.size() && segStart < end; ++seg) {
        const qint64 segEnd = segStart + m_segCounts.at(seg);
        const qint64 from = std::max(begin, segStart);
        const qint64 to = std::min(end, segEnd);
        if (from < to && !fetchSegmentRange(seg, from - segStart, to - segStart, from, b.rows))
            return false;
        segStart = segEnd;
    }
    b.lastUse = ++m_clock;
    m_blocks.insert(block, std::move(b));
    evict();
    return true;
}

bool SqlRowWindow::fetchSegmentRange(int segIndex, qint64 localBegin, qint64 localEnd, qint64 globalBegin,
                                     std::vector<Row> &out)
{
    const Segment &seg = m_spec.segments.at(segIndex);
    const qint64 segCount = m_segCounts.at(segIndex);
    const qint64 wanted = localEnd - localBegin;
    const int keyCount = int(seg.keys.size());
    const int keyOffset = int(m_spec.columns.size());

    // Which way to read, and from where: the cheapest of reading from the
    // segment's start or end with OFFSET, or by keyset from a known row (a
    // cached row, or an anchor row of the background scan) plus the OFFSET of
    // the distance to it.
    const qint64 segStart = globalBegin - localBegin;
    bool forward = true;   // in the model's order
    qint64 offset = localBegin;
    QVariantList anchorKeys;
    // A provisional segment's end is unknown: read it from its start.
    if (!isSegmentProvisional(segIndex) && segCount - localEnd < offset) {
        forward = false;
        offset = segCount - localEnd;
    }
    if (segIndex < m_anchors.size() && m_anchorStep > 0) {
        const QList<QVariantList> &anchors = m_anchors.at(segIndex);
        const qint64 i = (localBegin + 1) / m_anchorStep - 1;   // anchor i is local row (i + 1) * step - 1
        if (i >= 0 && i < anchors.size()) {
            const qint64 cost = localBegin - ((i + 1) * m_anchorStep - 1) - 1;
            if (cost < offset) {
                forward = true;
                offset = cost;
                anchorKeys = anchors.at(i);
            }
        }
    }
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend() && offset > 0; ++it) {
        const std::vector<Row> &rows = it->rows;
        for (size_t k : {size_t(0), rows.size() - 1}) {
            if (k >= rows.size() || rows[k].id == 0)
                continue;
            const qint64 g = it.key() * BlockSize + qint64(k);
            if (g < segStart || g >= segStart + segCount)
                continue;
            const qint64 cost = g < globalBegin ? globalBegin - g - 1 : g - (globalBegin + wanted);
            if (g >= globalBegin && g < globalBegin + wanted)
                continue;
            if (cost < offset) {
                forward = g < globalBegin;
                offset = cost;
                anchorKeys = rows[k].values.mid(keyOffset, keyCount);
            }
        }
    }
    const bool ascending = forward != m_spec.descending;

    // A long skip through joins: find the row before the block on the key
    // table's index alone, then read the block by keyset from it.
    if (offset > BlockSize && !seg.keyFrom.isEmpty() && seg.keyFrom != m_spec.from) {
        QStringList order;
        for (const QString &k : seg.keys)
            order << k + (ascending ? QLatin1String(" ASC") : QLatin1String(" DESC"));
        QString keyset;
        QVariantList binds = m_spec.filterBinds + seg.binds;
        if (!anchorKeys.isEmpty()) {
            const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
            QStringList marks(keyCount, QStringLiteral("?"));
            keyset = keyCount == 1 ? seg.keys.first() + op + QLatin1String(" ?")
                                   : seg.keys.first() + op + QLatin1String("= ? AND (") + seg.keys.join(QLatin1String(", "))
                                         + QLatin1String(") ") + op + QLatin1String(" (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
            if (keyCount > 1)
                binds << anchorKeys.value(0);
            binds += anchorKeys;
        }
        QSqlQuery *k = query(QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", ")) + QLatin1String(" FROM ") + seg.keyFrom
                             + where({m_spec.filter, seg.where, keyset}) + QLatin1String(" ORDER BY ")
                             + order.join(QLatin1String(", ")) + QLatin1String(" LIMIT 1 OFFSET ?"));
        if (!k || !run(k, binds + QVariantList{offset - 1}, &m_error))
            return false;
        if (k->next()) {
            anchorKeys.clear();
            for (int i = 0; i < keyCount; ++i)
                anchorKeys << k->value(i);
            offset = 0;
        }
        k->finish();
    }

    // Merging costs the rows skipped (an OFFSET into a merge is a longer merge).
    constexpr qint64 MaxMergedOffset = 20000;
    if (offset <= MaxMergedOffset && m_useScanFilter && !m_streamCounts.isEmpty()
        && m_streamCounts.size() == m_streamIndexes.size()) {
        std::vector<Row> rows;
        if (!fetchMerged(segIndex, offset + wanted, ascending, anchorKeys, rows))
            return false;
        rows.erase(rows.begin(), rows.begin() + std::min<qint64>(offset, qint64(rows.size())));
        if (!forward)
            std::reverse(rows.begin(), rows.end());
        rows.resize(size_t(wanted));
        for (Row &r : rows)
            out.push_back(std::move(r));
        return true;
    }

    QStringList order;
    for (const QString &k : seg.keys)
        order << k + (ascending ? QLatin1String(" ASC") : QLatin1String(" DESC"));
    QVariantList binds = m_spec.filterBinds + seg.binds;
    QString keyset;
    if (!anchorKeys.isEmpty()) {
        const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
        QStringList marks(keyCount, QStringLiteral("?"));
        if (keyCount == 1) {
            keyset = seg.keys.first() + op + QLatin1String(" ?");
        } else {
            // The leading key alone lets every planner seek the index; the row
            // value then skips the ties.
            keyset = seg.keys.first() + op + QLatin1String("= ? AND (") + seg.keys.join(QLatin1String(", "))
                + QLatin1String(") ") + op + QLatin1String(" (") + marks.join(QLatin1String(", "))
                + QLatin1Char(')');
            binds << anchorKeys.value(0);
        }
        binds += anchorKeys;
    }
    const QString sql = QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(", ")
        + m_spec.columns.join(QLatin1String(", ")) + QLatin1String(", ") + seg.keys.join(QLatin1String(", "))
        + QLatin1String(" FROM ") + m_spec.from + where({currentFilter(), seg.where, keyset})
        + QLatin1String(" ORDER BY ") + order.join(QLatin1String(", ")) + QLatin1String(" LIMIT ? OFFSET ?");
    binds << wanted << offset;

    QSqlQuery *q = query(sql);
    if (!q || !run(q, binds, &m_error))
        return false;
    std::vector<Row> rows;
    rows.reserve(size_t(wanted));
    const int valueCount = keyOffset + keyCount;
    while (q->next() && qint64(rows.size()) < wanted) {
        Row r;
        r.id = q->value(0).toLongLong();
        r.values.reserve(valueCount);
        for (int i = 0; i < valueCount; ++i)
            r.values << q->value(i + 1);
        rows.push_back(std::move(r));
    }
    q->finish();
    if (!forward)
        std::reverse(rows.begin(), rows.end());
    // The data changed under us (before the next refresh): keep positions aligned.
    rows.resize(size_t(wanted));
    for (Row &r : rows)
        out.push_back(std::move(r));
    return true;
}

namespace {
// A byte string whose memcmp order is SQLite's order of the key values
// (BINARY collation: integers by value before text, text by UTF-8 bytes),
// so merged reads sort without converting on every comparison.
QByteArray sortableKey(const QVariantList &values, int from, int count)
{
    QByteArray key;
    for (int i = from; i < from + count; ++i) {
        const QVariant &v = values.at(i);
        const int type = v.typeId();
        if (type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::ULongLong
            || type == QMetaType::UInt) {
            const quint64 biased = quint64(v.toLongLong()) ^ (quint64(1) << 63);
            key += char(1);
            for (int b = 7; b >= 0; --b)
                key += char((biased >> (8 * b)) & 0xff);
        } else {
            key += char(2);
            key += v.toString().toUtf8();
            key += char(0);   // ends the text: shorter sorts first
        }
    }
    return key;
}
}

// One ordered read per alternative of the first search word, each on the
// plan that is cheap for it: an alternative on the sort's own leading key is
// an ordered index range; a narrow one (at most the count cap) is its index
// range sorted; a broad one walks the sort index, where its matches are
// dense. The reads are merged in the sort order (SQLite's BINARY order, which
// the keys use) and the first `wanted` distinct rows kept.
bool SqlRowWindow::fetchMerged(int segIndex, qint64 wanted, bool ascending, const QVariantList &anchorKeys,
                               std::vector<Row> &rows)
{
    const Segment &seg = m_spec.segments.at(segIndex);
    const int keyCount = int(seg.keys.size());
    const int keyOffset = int(m_spec.columns.size());
    QStringList order;
    for (const QString &k : seg.keys)
        order << k + (ascending ? QLatin1String(" ASC") : QLatin1String(" DESC"));
    QString keyset;
    QVariantList keysetBinds;
    if (!anchorKeys.isEmpty()) {
        const QString op = ascending ? QStringLiteral(">") : QStringLiteral("<");
        QStringList marks(keyCount, QStringLiteral("?"));
        if (keyCount == 1) {
            keyset = seg.keys.first() + op + QLatin1String(" ?");
        } else {
            keyset = seg.keys.first() + op + QLatin1String("= ? AND (") + seg.keys.join(QLatin1String(", "))
                + QLatin1String(") ") + op + QLatin1String(" (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
            keysetBinds << anchorKeys.value(0);
        }
        keysetBinds += anchorKeys;
    }
    std::vector<Row> all;
    for (int i = 0; i < m_streamIndexes.size(); ++i) {
        const Spec::Stream &stream = m_spec.streams.at(m_streamIndexes.at(i));
        if (m_streamCounts.at(i) == 0)
            continue;
        // Its index range costs a row read per match and a sort (about 3 steps
        // of a walk each, measured); walking the sort index costs about
        // wanted * rows / matches steps.
        const double matches = double(m_streamCounts.at(i));
        // (With more words the walk finds fewer matches still: index.)
        const bool useIndex = stream.expr == seg.keys.first() || m_wordCount > 1
            || 3 * matches * matches <= double(wanted) * double(std::max<qint64>(m_maxId, 1));
        const QString sql = QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(", ")
            + m_spec.columns.join(QLatin1String(", ")) + QLatin1String(", ") + seg.keys.join(QLatin1String(", "))
            + QLatin1String(" FROM ") + m_spec.from
            + where({useIndex ? stream.indexed : stream.scanned, m_spec.scanFilter, seg.where, keyset})
            + QLatin1String(" ORDER BY ") + order.join(QLatin1String(", ")) + QLatin1String(" LIMIT ?");
        QSqlQuery *q = query(sql);
        if (!q || !run(q, stream.binds + m_spec.filterBinds + seg.binds + keysetBinds + QVariantList{wanted}, &m_error))
            return false;
        while (q->next()) {
            Row r;
            r.id = q->value(0).toLongLong();
            for (int v = 0; v < keyOffset + keyCount; ++v)
                r.values << q->value(v + 1);
            all.push_back(std::move(r));
        }
        q->finish();
    }
    std::vector<std::pair<QByteArray, size_t>> order2;
    order2.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i)
        order2.emplace_back(sortableKey(all[i].values, keyOffset, keyCount), i);
    std::sort(order2.begin(), order2.end(), [ascending](const auto &a, const auto &b) {
        return ascending ? a.first < b.first : b.first < a.first;
    });
    QSet<qint64> seen;
    for (const auto &entry : order2) {
        if (qint64(rows.size()) >= wanted)
            break;
        Row &r = all[entry.second];
        if (!seen.contains(r.id)) {
            seen.insert(r.id);
            rows.push_back(std::move(r));
        }
    }
    return true;
}

void SqlRowWindow::evict()
{
    if (m_blocks.size() <= MaxBlocks)
        return;
    std::vector<std::pair<quint64, qint64>> uses;
    uses.reserve(m_blocks.size());
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
        uses.emplace_back(it->lastUse, it.key());
    std::sort(uses.begin(), uses.end());
    const size_t drop = uses.size() - size_t(MaxBlocks * 3 / 4);
    for (size_t i = 0; i < drop; ++i)
        m_blocks.remove(uses[i].second);
}

qint64 SqlRowWindow::cachedRowOfId(qint64 id) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (size_t i = 0; i < it->rows.size(); ++i) {
            if (it->rows[i].id == id)
                return it.key() * BlockSize + qint64(i);
        }
    }
    return -1;
}

QList<QPair<qint64, qint64>> SqlRowWindow::cachedRowsAndIds() const
{
    QList<QPair<qint64, qint64>> result;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (size_t i = 0; i < it->rows.size(); ++i) {
            if (it->rows[i].id != 0)
                result.append({it.key() * BlockSize + qint64(i), it->rows[i].id});
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

qint64 SqlRowWindow::rowOfId(qint64 id)
{
    const qint64 cached = cachedRowOfId(id);
    if (cached >= 0)
        return cached;
    for (int s = 0; s < m_spec.segments.size(); ++s) {
        const Segment &seg = m_spec.segments.at(s);
        const QString idCond = m_spec.idColumn + QLatin1String(" = ?");
        QSqlQuery *q = query(QStringLiteral("SELECT ") + seg.keys.join(QLatin1String(", ")) + QLatin1String(" FROM ")
                             + m_spec.from + where({m_spec.filter, seg.where, idCond}));
        if (!q || !run(q, m_spec.filterBinds + seg.binds + QVariantList{id}, &m_error))
            return -1;
        if (!q->next()) {
            q->finish();
            continue;
        }
        QVariantList keyValues;
        for (int i = 0; i < seg.keys.size(); ++i)
            keyValues << q->value(i);
        q->finish();
        // Rows before it in the model's order.
        const QString op = m_spec.descending ? QStringLiteral(">") : QStringLiteral("<");
        QStringList marks(seg.keys.size(), QStringLiteral("?"));
        QString keyset;
        QVariantList binds = m_spec.filterBinds + seg.binds;
        if (seg.keys.size() == 1) {
            keyset = seg.keys.first() + op + QLatin1String(" ?");
        } else {
            keyset = seg.keys.first() + op + QLatin1String("= ? AND (") + seg.keys.join(QLatin1String(", "))
                + QLatin1String(") ") + op + QLatin1String(" (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
            binds << keyValues.first();
        }
        binds += keyValues;
        const QString from = seg.keyFrom.isEmpty() ? m_spec.from : seg.keyFrom;
        const bool provisional = isSegmentProvisional(s);
        // A provisional segment shows only its first rows: count no further.
        QSqlQuery *c = query(provisional ? QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1%2 LIMIT ?) capped")
                                               .arg(from, where({m_spec.filter, seg.where, keyset}))
                                         : QStringLiteral("SELECT COUNT(*) FROM ") + from + where({m_spec.filter, seg.where, keyset}));
        if (provisional)
            binds << m_segCounts.at(s);
        if (!c || !run(c, binds, &m_error))
            return -1;
        const qint64 before = c->next() ? c->value(0).toLongLong() : -1;
        c->finish();
        if (before < 0 || before >= m_segCounts.at(s))   // beyond a provisional count
            return -1;
        return segmentStart(s) + before;
    }
    return -1;
}

QList<qint64> SqlRowWindow::idsAbove(qint64 id, int limit)
{
    QList<qint64> ids;
    QSqlQuery *q = query(QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(" FROM ") + m_spec.from
                         + where({m_spec.filter, m_spec.idColumn + QLatin1String(" > ?")})
                         + QLatin1String(" LIMIT ?"));
    if (!q || !run(q, m_spec.filterBinds + QVariantList{id, limit + 1}, &m_error))
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
        QStringList literal;   // our own integers, not user text
        for (qsizetype i = start; i < std::min(ids.size(), start + 500); ++i)
            literal << QString::number(ids.at(i));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + m_spec.idColumn + QLatin1String(" FROM ") + m_spec.from
                  + where({m_spec.filter, m_spec.idColumn + QLatin1String(" IN (") + literal.join(QLatin1Char(','))
                                              + QLatin1Char(')')}));
        if (!run(&q, m_spec.filterBinds, &m_error))
            return ids;   // cannot tell: assume nothing went
        while (q.next())
            result << q.value(0).toLongLong();
    }
    return result;
}

#pragma once

#include "views/AnchorScan.h"
#include "views/BlockCache.h"
#include "views/CountJob.h"
#include "views/SegmentCounter.h"
#include "views/StatementCache.h"
#include "views/StreamMerge.h"
#include "views/WindowRow.h"
#include "views/WindowSpec.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

// The engine behind EmployeeTableModel and ProfileTableModel: a window of rows
// over an ordered, filtered SQL result that may have a million rows.
//
// The ordering is a concatenation of *segments*; inside a segment rows are
// ordered by a list of key expressions backed by an index (the last key is
// unique, so the order is total). Segments are how NULLs (phone, date of
// birth) and small enumerations ordered by display text (team, gender) stay
// on an index: "team = Engineering ordered by id", then "team = Marketing"...
//
// Only the segment counts (cached COUNT(*)s) and a few blocks of rows around
// what the view asked for are held. A missing block is read
//   - by keyset from a cached neighbour row: (k1, k2, id) > (?, ?, ?) LIMIT B,
//     an index seek, O(log n), whatever the depth (scrolling);
//   - otherwise by OFFSET from the nearer end of its segment (a jump: Ctrl+End
//     reads the end in reverse order, so only the middle costs a scan).
// Blocks far from the last use are evicted, so memory stays flat.
class SqlRowWindow
{
public:
    using Segment = WindowSegment;
    using Spec = WindowSpec;
    using Row = WindowRow; // values: the spec's columns, then the segment's keys

    static constexpr int BlockSize = BlockCache::BlockSize;

    explicit SqlRowWindow(const QSqlDatabase &db);

    const Spec &spec() const { return m_spec; }
    void setSpec(const Spec &spec); // clears counts and cache; call recount()

    // Re-reads the segment counts (and the largest id, for refresh()). With
    // `cap` > 0 and a filter, a segment with more than `cap` matches is
    // counted as `cap` and marked provisional: only its first `cap` rows are
    // addressable until setExactCounts() (the caller counts in the
    // background, see countJob()). Typing a broad first letter into the
    // search then costs a LIMITed count, not a count of half the table.
    bool recount(qint64 cap = 0);
    // Exact counts are kept across setSpec() (clearing the search or sorting
    // back counts nothing again) until the data may have changed: the model
    // calls this before every re-read that follows a write.
    void forgetCounts() { m_counter.forget(); }
    bool isProvisional() const { return m_segCapped.contains(true); }
    bool isSegmentProvisional(int seg) const { return m_segCapped.value(seg); }
    // The exact COUNT(*) per segment, for running on another connection.
    CountJob countJob() const;
    void setSegmentCount(int seg, qint64 exact);
    qint64 count() const { return m_total; }
    QList<qint64> segmentCounts() const { return m_segCounts; }
    qint64 maxId() const { return m_maxId; }
    QString lastError() const { return m_statements.lastError(); }

    // The row at `row`, reading its block if needed; nullptr past the end or on error.
    const Row *row(qint64 row);
    const Row *cachedRow(qint64 row) const;
    qint64 cachedRowOfId(qint64 id) const; // -1 when not cached
    // Position of `id` in the current order and filter, -1 when filtered out.
    qint64 rowOfId(qint64 id);
    // Ids (matching the filter) greater than `id`, at most `limit` + 1 of them.
    QList<qint64> idsAbove(qint64 id, int limit);
    // Which of `ids` still match the filter.
    QList<qint64> existingIds(const QList<qint64> &ids);
    QList<QPair<qint64, qint64>> cachedRowsAndIds() const; // (row, id)

    // Anchors: the keys of every `step`-th row of each segment, found by the
    // background AnchorScan. Dropped whenever counts change.
    AnchorScan anchorScan(int step) const;
    void setAnchors(const QList<QList<QVariantList>> &anchors, int step);
    bool hasAnchors() const { return !m_anchors.isEmpty(); }

    void clearCache();
    int cachedBlockCount() const { return m_blocks.blockCount(); }
    // Rows read into blocks since construction: what a test of "windowed"
    // counts (a view over a million rows must not have read them all).
    qint64 rowsFetched() const { return m_rowsFetched; }

private:
    // Where a read of a segment's range starts: `offset` rows after the
    // segment's start (forward) or end, or after the row with `anchorKeys`.
    struct ReadStart
    {
        bool forward = true; // in the model's order
        qint64 offset = 0;
        QVariantList anchorKeys;
    };

    bool loadBlock(qint64 block);
    ReadStart readStart(int seg, qint64 localBegin, qint64 localEnd, qint64 globalBegin) const;
    bool skipOnKeyTable(const Segment &seg, bool ascending, ReadStart &start);
    bool fetchSegmentRange(int seg, qint64 localBegin, qint64 localEnd, qint64 globalBegin,
                           std::vector<Row> &out);
    QString currentFilter() const;
    qint64 segmentStart(int seg) const;

    QSqlDatabase m_db;
    Spec m_spec;
    QList<qint64> m_segCounts;
    QList<bool> m_segCapped;
    QList<QList<QVariantList>> m_anchors;
    StreamMerge m_merge;
    int m_anchorStep = 0;
    qint64 m_total = 0;
    qint64 m_maxId = 0;
    qint64 m_rowsFetched = 0;
    bool m_useScanFilter = false;
    BlockCache m_blocks;
    StatementCache m_statements;
    SegmentCounter m_counter;
};

#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
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
    struct Segment
    {
        Segment() = default;
        Segment(const QString &where, const QVariantList &binds, const QStringList &keys, const QString &keyFrom = {})
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

    struct Spec
    {
        QString idColumn;          // the id the model exposes (employee id)
        QStringList columns;       // the values the model shows
        QString from;              // FROM clause (joins) the columns, keys and filter need
        QString countFrom;         // cheaper FROM for COUNT(*) without filter (segments only use it)
        QString filter;            // "" or a condition, placeholders bound from filterBinds
        QVariantList filterBinds;
        QString scanFilter;        // same condition spelt so the planner keeps the sort index (broad filters)
        QList<Segment> segments;
        bool descending = false;
        // SQLite only: the alternatives of the filter's first word, each an
        // index range on one column. A block read from a known position is
        // then merged from one ordered read per alternative (see
        // fetchMerged()), instead of a scan of the sort index that may have
        // to walk most of the table before the first match.
        struct Stream
        {
            QString expr;        // the column expression the range is on
            QString indexed;     // condition using its index
            QString scanned;     // same condition, index use disabled
            QVariantList binds;
            int word = 0;        // which word of the search it belongs to
        };
        QList<Stream> streams;   // of every word; the most selective word's are read
    };

    struct Row
    {
        qint64 id = 0;
        QVariantList values;   // columns, then keys
    };

    static constexpr int BlockSize = 128;
    static constexpr int MaxBlocks = 96;   // ~12k rows cached at most

    explicit SqlRowWindow(const QSqlDatabase &db);

    const Spec &spec() const { return m_spec; }
    void setSpec(const Spec &spec);   // clears counts and cache; call recount()

    // Re-reads the segment counts (and the largest id, for refresh()). With
    // `cap` > 0 and a filter, a segment with more than `cap` matches is
    // counted as `cap` and marked provisional: only its first `cap` rows are
    // addressable until setExactCounts() (the caller counts in the
    // background, see countStatements()). Typing a broad first letter into the
    // search then costs a LIMITed count, not a count of half the table.
    bool recount(qint64 cap = 0);
    bool isProvisional() const { return m_segCapped.contains(true); }
    bool isSegmentProvisional(int seg) const { return m_segCapped.value(seg); }
    // The exact COUNT(*) per segment, for running on another connection.
    QList<QPair<QString, QVariantList>> countStatements() const;
    void setSegmentCount(int seg, qint64 exact);
    qint64 count() const { return m_total; }
    QList<qint64> segmentCounts() const { return m_segCounts; }
    qint64 maxId() const { return m_maxId; }
    QString lastError() const { return m_error; }

    // The row at `row`, reading its block if needed; nullptr past the end or on error.
    const Row *row(qint64 row);
    const Row *cachedRow(qint64 row) const;
    qint64 cachedRowOfId(qint64 id) const;   // -1 when not cached
    // Position of `id` in the current order and filter, -1 when filtered out.
    qint64 rowOfId(qint64 id);
    // Ids (matching the filter) greater than `id`, at most `limit` + 1 of them.
    QList<qint64> idsAbove(qint64 id, int limit);
    // Which of `ids` still match the filter.
    QList<qint64> existingIds(const QList<qint64> &ids);
    QList<QPair<qint64, qint64>> cachedRowsAndIds() const;   // (row, id)

    // Anchors: the keys of every `step`-th row of each segment, found by a
    // background scan (AnchorJob on another connection: one index walk at C
    // speed, `count / step` tiny queries). With them a jump anywhere is a
    // keyset seek plus an OFFSET below `step`. Dropped whenever counts change.
    struct AnchorJob
    {
        struct Segment
        {
            QString firstSql;
            QString nextSql;
            QVariantList binds;
            int keyCount = 0;
            qint64 count = 0;
        };
        QList<Segment> segments;
        int step = 0;
    };
    AnchorJob anchorJob(int step) const;
    static QList<QList<QVariantList>> runAnchorJob(const QSqlDatabase &db, const AnchorJob &job,
                                                   const std::function<bool()> &cancelled);
    void setAnchors(const QList<QList<QVariantList>> &anchors, int step);
    bool hasAnchors() const { return !m_anchors.isEmpty(); }

    void clearCache();
    int cachedBlockCount() const { return int(m_blocks.size()); }

    // How many of the keys/filters of the current spec were executed (for tests).
    QString lastStatement() const { return m_lastSql; }

private:
    struct Block
    {
        std::vector<Row> rows;
        quint64 lastUse = 0;
    };

    bool loadBlock(qint64 block);
    bool fetchSegmentRange(int seg, qint64 localBegin, qint64 localEnd, qint64 globalBegin,
                           std::vector<Row> &out);
    bool fetchMerged(int seg, qint64 wanted, bool ascending, const QVariantList &anchorKeys, std::vector<Row> &rows);
    QSqlQuery *query(const QString &sql);
    void evict();
    QString where(const QStringList &parts) const;
    QString currentFilter() const;
    qint64 segmentStart(int seg) const;

    QSqlDatabase m_db;
    Spec m_spec;
    QList<qint64> m_segCounts;
    QList<bool> m_segCapped;
    QList<QList<QVariantList>> m_anchors;
    QList<qint64> m_streamCounts;   // per stream of the chosen word, capped
    QList<int> m_streamIndexes;     // which of spec.streams those are
    int m_wordCount = 0;
    qint64 m_cap = 0;
    int m_anchorStep = 0;
    qint64 m_total = 0;
    qint64 m_maxId = 0;
    bool m_useScanFilter = false;
    QHash<qint64, Block> m_blocks;
    quint64 m_clock = 0;
    QHash<QString, QSqlQuery> m_queries;
    QString m_error;
    QString m_lastSql;
};

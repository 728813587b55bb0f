#pragma once

#include "views/WindowRow.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <vector>

// The blocks of rows SqlRowWindow has read, by block number. Blocks far from
// the last use are evicted, so memory stays flat however deep the view
// scrolls.
class BlockCache
{
public:
    static constexpr int BlockSize = 128;
    static constexpr int MaxBlocks = 96;   // ~12k rows cached at most

    bool hasBlock(qint64 block) const { return m_blocks.contains(block); }
    void insert(qint64 block, std::vector<WindowRow> rows);
    void clear() { m_blocks.clear(); }
    int blockCount() const { return int(m_blocks.size()); }

    const WindowRow *find(qint64 row) const;   // nullptr when not cached or a hole
    const WindowRow *use(qint64 row);          // find(), and marks its block as used
    qint64 rowOf(qint64 id) const;             // -1 when not cached
    QList<QPair<qint64, qint64>> rowsAndIds() const;   // (row, id), by row
    // The first and last row of every block: rows a keyset read can start from.
    QList<QPair<qint64, const WindowRow *>> edgeRows() const;

private:
    struct Block
    {
        std::vector<WindowRow> rows;
        quint64 lastUse = 0;
    };
    void evict();

    QHash<qint64, Block> m_blocks;
    quint64 m_clock = 0;
};

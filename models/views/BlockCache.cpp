#include "views/BlockCache.h"

#include <algorithm>

void BlockCache::insert(qint64 block, std::vector<WindowRow> rows)
{
    Block b;
    b.rows = std::move(rows);
    b.lastUse = ++m_clock;
    m_blocks.insert(block, std::move(b));
    evict();
}

const WindowRow *BlockCache::find(qint64 row) const
{
    const auto it = m_blocks.constFind(row / BlockSize);
    if (it == m_blocks.cend())
        return nullptr;
    const qsizetype i = row % BlockSize;
    return i < qsizetype(it->rows.size()) && it->rows[i].id != 0 ? &it->rows[i] : nullptr;
}

const WindowRow *BlockCache::use(qint64 row)
{
    const auto it = m_blocks.find(row / BlockSize);
    if (it == m_blocks.end())
        return nullptr;
    it->lastUse = ++m_clock;
    return find(row);
}

qint64 BlockCache::rowOf(qint64 id) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (size_t i = 0; i < it->rows.size(); ++i) {
            if (it->rows[i].id == id)
                return it.key() * BlockSize + qint64(i);
        }
    }
    return -1;
}

QList<QPair<qint64, qint64>> BlockCache::rowsAndIds() const
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

QList<QPair<qint64, const WindowRow *>> BlockCache::edgeRows() const
{
    QList<QPair<qint64, const WindowRow *>> edges;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        const std::vector<WindowRow> &rows = it->rows;
        if (rows.empty())
            continue;
        for (size_t k : {size_t(0), rows.size() - 1}) {
            if (rows[k].id != 0)
                edges.append({it.key() * BlockSize + qint64(k), &rows[k]});
        }
    }
    return edges;
}

void BlockCache::evict()
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

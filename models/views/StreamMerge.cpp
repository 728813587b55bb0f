#include "views/StreamMerge.h"

#include "views/KeysetPredicate.h"
#include "views/SqlText.h"

#include <QSet>
#include <algorithm>

namespace {
// Alternatives of a search word are counted up to this many matches. SQLite
// counts from the index alone; PostgreSQL reads the rows of an expression
// index's matches too (measured at 1M: 200k "s…" last names, 225 ms), so it
// counts up to where the choice of plan below stops depending on the count
// (about sqrt(wanted * rows / 3), 6.5k at 1M).
constexpr qint64 StreamCountCap = 200000;
constexpr qint64 PostgresStreamCountCap = 20000;

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
            key += char(0); // ends the text: shorter sorts first
        }
    }
    return key;
}

// The first `wanted` distinct rows of `all` in the sort order of their keys.
void mergeDistinct(std::vector<WindowRow> &all, int keyOffset, int keyCount, bool ascending, qint64 wanted,
                   std::vector<WindowRow> &rows)
{
    std::vector<std::pair<QByteArray, size_t>> order;
    order.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i)
        order.emplace_back(sortableKey(all[i].values, keyOffset, keyCount), i);
    std::sort(order.begin(), order.end(), [ascending](const auto &a, const auto &b) {
        return ascending ? a.first < b.first : b.first < a.first;
    });
    QSet<qint64> seen;
    for (const auto &entry : order) {
        if (qint64(rows.size()) >= wanted)
            break;
        WindowRow &r = all[entry.second];
        if (!seen.contains(r.id)) {
            seen.insert(r.id);
            rows.push_back(std::move(r));
        }
    }
}
} // namespace

void StreamMerge::clear()
{
    m_counts.clear();
    m_indexes.clear();
    m_wordCount = 0;
}

bool StreamMerge::choose(StatementCache &statements, const WindowSpec &spec)
{
    clear();
    QList<qint64> counts;
    int wordCount = 0;
    for (const SearchStream &stream : spec.streams) {
        // An index-only count (no row is read): cheap even when capped high.
        QSqlQuery *c = statements.exec(
            SqlText::count(spec.from, SqlText::where({stream.indexed}), true),
            stream.binds + QVariantList{statements.isPostgres() ? PostgresStreamCountCap : StreamCountCap});
        if (!c)
            return false;
        counts << (c->next() ? c->value(0).toLongLong() : PostgresStreamCountCap);
        c->finish();
        wordCount = std::max(wordCount, stream.word + 1);
    }
    int best = -1;
    qint64 bestSum = 0;
    for (int w = 0; w < wordCount; ++w) {
        qint64 sum = 0;
        for (int i = 0; i < spec.streams.size(); ++i)
            sum += spec.streams.at(i).word == w ? counts.at(i) : 0;
        if (best < 0 || sum < bestSum) {
            best = w;
            bestSum = sum;
        }
    }
    for (int i = 0; i < spec.streams.size(); ++i) {
        if (spec.streams.at(i).word == best) {
            m_indexes << i;
            m_counts << counts.at(i);
        }
    }
    m_wordCount = wordCount;
    return true;
}

// Each read is on the plan that is cheap for it: an alternative on the sort's
// own leading key is an ordered index range; a narrow one is its index range
// sorted; a broad one walks the sort index, where its matches are dense.
// The merge is in SQLite's BINARY order, which the keys use.
bool StreamMerge::read(StatementCache &statements, const WindowSpec &spec, const WindowSegment &seg,
                       qint64 wanted, bool ascending, const QVariantList &anchorKeys, qint64 tableRows,
                       std::vector<WindowRow> &rows) const
{
    const int keyCount = int(seg.keys.size());
    const int keyOffset = int(spec.columns.size());
    const KeysetPredicate keyset(seg.keys, ascending);
    const bool fromRow = !anchorKeys.isEmpty();
    const QVariantList keysetBinds = fromRow ? KeysetPredicate::binds(anchorKeys) : QVariantList{};
    std::vector<WindowRow> all;
    for (int i = 0; i < m_indexes.size(); ++i) {
        const SearchStream &stream = spec.streams.at(m_indexes.at(i));
        if (m_counts.at(i) == 0)
            continue;
        // Its index range costs a row read per match and a sort (about 3 steps
        // of a walk each, measured); walking the sort index costs about
        // wanted * rows / matches steps.
        const double matches = double(m_counts.at(i));
        // (With more words the walk finds fewer matches still: index.)
        const bool useIndex = stream.expr == seg.keys.first() || m_wordCount > 1
            || 3 * matches * matches <= double(wanted) * double(std::max<qint64>(tableRows, 1));
        // One word on PostgreSQL: the alternative implies the filter, and
        // ANDed with it the planner expects a few dozen matches and sorts
        // them all (20k "z…" first names: 30 ms) instead of walking the sort
        // index, which stops at `wanted` (2 ms, measured at 1M).
        const bool filterImplied = statements.isPostgres() && m_wordCount == 1;
        const QString sql = spec.selectRows(seg)
            + SqlText::where({useIndex ? stream.indexed : stream.scanned,
                              filterImplied ? QString() : spec.scanFilter, seg.where,
                              fromRow ? keyset.after() : QString()})
            + QLatin1String(" ORDER BY ") + keyset.orderBy() + QLatin1String(" LIMIT ?");
        QSqlQuery *q = statements.exec(sql,
                                       stream.binds + (filterImplied ? QVariantList{} : spec.filterBinds)
                                           + seg.binds + keysetBinds + QVariantList{wanted});
        if (!q)
            return false;
        WindowRow::append(q, keyOffset + keyCount, wanted, all);
    }
    mergeDistinct(all, keyOffset, keyCount, ascending, wanted, rows);
    return true;
}

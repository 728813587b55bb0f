#pragma once

#include "views/StatementCache.h"
#include "views/WindowRow.h"
#include "views/WindowSpec.h"

#include <QList>
#include <vector>

// SQLite only: a block of a broad search, read as a merge. A filter whose
// first match may be deep in the sort index would otherwise cost a walk of
// most of the table; instead each alternative of the search's most
// selective word (a SearchStream: an index range on one column) is read in
// the sort order on the plan that is cheap for it, and the reads are merged.
class StreamMerge
{
public:
    void clear();
    // Counts every word's alternatives (index-only, capped) and keeps the most
    // selective word's. False on a database error (see statements' lastError()).
    bool choose(StatementCache &statements, const WindowSpec &spec);
    bool isChosen() const { return !m_counts.isEmpty(); }

    // The first `wanted` rows of `seg` in its order (after the row with
    // `anchorKeys` when given). `tableRows` estimates the table's size.
    bool read(StatementCache &statements, const WindowSpec &spec, const WindowSegment &seg, qint64 wanted,
              bool ascending, const QVariantList &anchorKeys, qint64 tableRows, std::vector<WindowRow> &rows) const;

private:
    QList<qint64> m_counts;   // per stream of the chosen word, capped
    QList<int> m_indexes;     // which of spec.streams those are
    int m_wordCount = 0;
};

#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <functional>

// The keys of every `step`-th row of each segment of a SqlRowWindow, found in
// the background on another connection: one index walk at C speed, `count /
// step` tiny keyset queries. With them a jump anywhere in the window is a
// keyset seek plus an OFFSET below `step`. SqlRowWindow::anchorScan() writes
// the statements; run() needs nothing of the window, so it is safe off the
// GUI thread.
struct AnchorScan
{
    struct Segment
    {
        QString firstSql;   // the step-th row of the segment
        QString nextSql;    // the step-th row after the previous anchor
        QVariantList binds;
        int keyCount = 0;
        qint64 count = 0;
    };
    QList<Segment> segments;
    int step = 0;

    // Per segment, the key values of every anchor; {} on error or when `cancelled` says so.
    QList<QList<QVariantList>> run(const QSqlDatabase &db, const std::function<bool()> &cancelled) const;
};

#include "views/AnchorScan.h"

#include "views/KeysetPredicate.h"

#include <QSqlQuery>

QList<QList<QVariantList>> AnchorScan::run(const QSqlDatabase &db, const std::function<bool()> &cancelled) const
{
    QList<QList<QVariantList>> result;
    for (const Segment &seg : segments) {
        QList<QVariantList> anchors;
        QSqlQuery first(db), next(db);
        first.setForwardOnly(true);
        next.setForwardOnly(true);
        if (!first.prepare(seg.firstSql) || !next.prepare(seg.nextSql))
            return {};
        for (qint64 row = step - 1; row < seg.count; row += step) {
            if (cancelled())
                return {};
            QSqlQuery &q = anchors.isEmpty() ? first : next;
            const QVariantList binds = seg.binds + (anchors.isEmpty() ? QVariantList{} : KeysetPredicate::binds(anchors.last()))
                + QVariantList{qint64(step - 1)};
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

#include "views/CountJob.h"

#include <QSqlError>
#include <QSqlQuery>

bool CountJob::run(const QSqlDatabase &db, QList<qint64> &counts) const
{
    for (const auto &[sql, binds] : statements) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec() || !q.next()) {
            qWarning("background count failed: %s", qPrintable(q.lastError().text()));
            return false;
        }
        counts << q.value(0).toLongLong();
    }
    return true;
}

#include "views/WindowRow.h"

#include <QSqlQuery>

void WindowRow::append(QSqlQuery *q, int valueCount, qint64 limit, std::vector<WindowRow> &rows)
{
    const size_t before = rows.size();
    while (q->next() && qint64(rows.size() - before) < limit) {
        WindowRow r;
        r.id = q->value(0).toLongLong();
        r.values.reserve(valueCount);
        for (int i = 0; i < valueCount; ++i)
            r.values << q->value(i + 1);
        rows.push_back(std::move(r));
    }
    q->finish();
}

#pragma once

#include <QVariant>
#include <vector>

class QSqlQuery;

// One row of SqlRowWindow: the id the model exposes, then the values it
// shows followed by the segment's key values (where keyset reads start).
// An id of 0 is a hole: the data changed under a read.
struct WindowRow
{
    qint64 id = 0;
    QVariantList values;

    // Appends at most `limit` rows of `q` (id, then `valueCount` values) and finishes it.
    static void append(QSqlQuery *q, int valueCount, qint64 limit, std::vector<WindowRow> &rows);
};

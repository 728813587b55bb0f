#include "RowSnapshot.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

QStringList rowSnapshot(const QSqlDatabase &db, const QString &table, const QString &keyColumn, qint64 key)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    const QSqlRecord columns = db.record(table);
    QStringList names;
    QStringList expressions;
    for (int i = 0; i < columns.count(); ++i) {
        const QString c = columns.fieldName(i);   // from the schema, not from input
        names << c;
        expressions << (postgres ? QStringLiteral("pg_typeof(%1)::text || ':' || coalesce(quote_nullable(%1), 'NULL')")
                                 : QStringLiteral("typeof(%1) || ':' || quote(%1)"))
                           .arg(c);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(expressions.join(QStringLiteral(", ")), table, keyColumn));
    q.addBindValue(key);
    QStringList row;
    if (!q.exec()) {
        row << QStringLiteral("error=") + q.lastError().text();
        return row;
    }
    if (!q.next())
        return row;
    for (int i = 0; i < names.size(); ++i)
        row << names[i] + QLatin1Char('=') + q.value(i).toString();
    return row;
}

QStringList changedColumns(const QStringList &before, const QStringList &after)
{
    QStringList changed;
    for (int i = 0; i < qMax(before.size(), after.size()); ++i) {
        const QString b = before.value(i);
        const QString a = after.value(i);
        if (a != b)
            changed << (a.isEmpty() ? b : a).section(QLatin1Char('='), 0, 0);
    }
    return changed;
}

#include "views/SqlText.h"

namespace SqlText {
QString where(const QStringList &parts)
{
    QStringList nonEmpty;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            nonEmpty << QLatin1Char('(') + part + QLatin1Char(')');
    }
    return nonEmpty.isEmpty() ? QString() : QStringLiteral(" WHERE ") + nonEmpty.join(QLatin1String(" AND "));
}

QString count(const QString &from, const QString &where, bool capped)
{
    return capped ? QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1%2 LIMIT ?) capped").arg(from, where)
                  : QStringLiteral("SELECT COUNT(*) FROM ") + from + where;
}
}

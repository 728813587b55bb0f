#include "views/KeysetPredicate.h"

KeysetPredicate::KeysetPredicate(const QStringList &keys, bool ascending) : m_keys(keys), m_ascending(ascending) { }

QString KeysetPredicate::orderBy() const
{
    QStringList order;
    for (const QString &key : m_keys)
        order << key + (m_ascending ? QLatin1String(" ASC") : QLatin1String(" DESC"));
    return order.join(QLatin1String(", "));
}

QString KeysetPredicate::after() const
{
    const QString op = m_ascending ? QStringLiteral(">") : QStringLiteral("<");
    if (m_keys.size() == 1)
        return m_keys.first() + op + QLatin1String(" ?");
    // The leading key alone lets every planner seek the index; the row value
    // then skips the ties.
    const QStringList marks(m_keys.size(), QStringLiteral("?"));
    return m_keys.first() + op + QLatin1String("= ? AND (") + m_keys.join(QLatin1String(", ")) + QLatin1String(") ")
        + op + QLatin1String(" (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
}

QVariantList KeysetPredicate::binds(const QVariantList &keyValues)
{
    QVariantList binds;
    if (keyValues.size() > 1)
        binds << keyValues.value(0);
    return binds + keyValues;
}

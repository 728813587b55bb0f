#include "Timestamp.h"

namespace Timestamp {

QString toText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QString now()
{
    return toText(QDateTime::currentDateTimeUtc());
}

QDateTime fromText(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.toUTC();
}

} // namespace Timestamp

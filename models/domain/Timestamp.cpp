#include "domain/Timestamp.h"

namespace Timestamp {

QString toText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QString now()
{
    // An import stamps thousands of rows per millisecond; formatting the
    // same instant again each time showed up in its profile.
    thread_local qint64 lastMs = -1;
    thread_local QString lastText;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms != lastMs) {
        lastMs = ms;
        lastText = toText(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
    }
    return lastText;
}

QDateTime fromText(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.toUTC();
}

} // namespace Timestamp

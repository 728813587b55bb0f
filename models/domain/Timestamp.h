#pragma once

#include <QDateTime>
#include <QString>

// Timestamps are stored as UTC ISO 8601 text with milliseconds
// ("2026-11-22T10:15:00.123Z") on both backends, so they sort as text.
namespace Timestamp {
QString now();
QString toText(const QDateTime &dateTime);
QDateTime fromText(const QString &text);
}

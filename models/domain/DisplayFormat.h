#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

// How values look to a person, as opposed to how they are stored: views and
// forms show these, sorting and searching keep using the stored values.
namespace DisplayFormat {

// The locale's short date format, always with a four-digit year (a birth
// year "15" could be 1915 or 2015).
QString dateFormat(const QLocale &locale = QLocale());
QString date(const QDate &date, const QLocale &locale = QLocale());

// A stored E.164 number in international notation ("+49 30 12345678");
// anything libphonenumber cannot read is shown as stored.
QString phone(const QString &e164);

} // namespace DisplayFormat

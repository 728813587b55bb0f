#pragma once

#include <QString>

// Parses, validates and formats phone numbers to E.164 with libphonenumber.
// Numbers written without a leading '+' are read in the default region
// (from the system locale unless overridden). Thread-safe: import validation
// calls it from several threads at once.
class QLocale;

class PhoneNumberNormalizer
{
public:
    explicit PhoneNumberNormalizer(const QString &defaultRegion = systemRegion());

    // ISO 3166 region of QLocale::system(), "US" when the locale names none.
    static QString systemRegion();
    // The region of `locale`'s territory (de_CH: CH), or US when it names none
    // libphonenumber knows (C, or a numeric area such as es_419).
    static QString regionOf(const QLocale &locale);

    QString defaultRegion() const { return m_region; }

    // E.164 ("+493012345678") of `input`, or an empty string with *error set
    // to a user-facing reason.
    QString normalize(const QString &input, QString *error) const;

    // The two paths normalize() takes, public so tests can compare them.
    // The fast one reads only '+' <digits> with single spaces, hyphens or
    // dots between digits, and returns "" when it cannot tell (then
    // normalize() asks Parse()); it never disagrees with normalizeWithParse().
    static QString normalizeSimpleInternational(const QString &input);
    // The same for numbers written nationally in `region` ("030 1234 5678",
    // "(030) 1234-5678" in DE): digit groups after the national prefix.
    static QString normalizeSimpleNational(const QString &input, const QString &region);
    QString normalizeWithParse(const QString &input, QString *error) const;

private:
    QString m_region;
};

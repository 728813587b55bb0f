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

    // normalize() without the fast path (SimplePhoneParser): libphonenumber's
    // Parse() for every input, the source of every error message.
    QString normalizeWithParse(const QString &input, QString *error) const;

private:
    QString m_region;
};

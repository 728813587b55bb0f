#include "validation/PhoneNumberNormalizer.h"

#include "validation/SimplePhoneParser.h"

#include <QCoreApplication>
#include <QLocale>

#include "validation/PhoneNumberUtilInstance.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <string_view>
#include <unordered_map>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

bool isKnownRegion(const std::string &region)
{
    return region.size() == 2 && phoneNumberUtil().GetCountryCodeForRegion(region) != 0;
}

// The region a parsed number belongs to, for messages ("for region DE").
QString regionOf(const PhoneNumber &number)
{
    std::string region;
    phoneNumberUtil().GetRegionCodeForCountryCode(number.country_code(), &region);
    if (region.empty() || region == "ZZ")
        return QStringLiteral("+%1").arg(number.country_code());
    return QString::fromLatin1(region.data(), qsizetype(region.size()));
}

QString parseErrorMessage(PhoneNumberUtil::ErrorType error, const QString &input, const QString &region)
{
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' has no valid country code; write it as +<country code> <number>").arg(input);
    case PhoneNumberUtil::NOT_A_NUMBER:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is not a phone number").arg(input);
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is too short to be a phone number").arg(input);
    case PhoneNumberUtil::TOO_LONG_NSN:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is too long to be a phone number").arg(input);
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    }
    return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is not a valid phone number for region %2").arg(input, region);
}

// Why a parsed number is not valid: length problems are the most common and
// the most useful to name; everything else is "not valid for region X".
QString invalidNumberMessage(const PhoneNumber &number, const QString &input)
{
    const QString region = regionOf(number);
    switch (phoneNumberUtil().IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is too short for a phone number in region %2").arg(input, region);
    case PhoneNumberUtil::TOO_LONG:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is too long for a phone number in region %2").arg(input, region);
    case PhoneNumberUtil::INVALID_LENGTH:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' does not have the length of a phone number in region %2").arg(input, region);
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' has no valid country code; write it as +<country code> <number>").arg(input);
    default:
        break;
    }
    return QCoreApplication::translate("PhoneNumberNormalizer", "'%1' is not a valid phone number for region %2").arg(input, region);
}

} // namespace

QString PhoneNumberNormalizer::normalizeWithParse(const QString &input, QString *error) const
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("PhoneNumberNormalizer", "Phone number is empty");
        return {};
    }
    const std::string region = m_region.toStdString();
    PhoneNumber number;
    const auto parsed = phoneNumberUtil().Parse(trimmed.toStdString(), region, &number);
    if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
        if (error)
            *error = parseErrorMessage(parsed, trimmed, m_region);
        return {};
    }
    if (!phoneNumberUtil().IsValidNumber(number)) {
        if (error)
            *error = invalidNumberMessage(number, trimmed);
        return {};
    }
    std::string e164;
    phoneNumberUtil().Format(number, PhoneNumberUtil::E164, &e164);
    if (error)
        error->clear();
    return QString::fromLatin1(e164.data(), qsizetype(e164.size()));
}

PhoneNumberNormalizer::PhoneNumberNormalizer(const QString &defaultRegion)
    : m_region(defaultRegion.trimmed().toUpper())
{
}

QString PhoneNumberNormalizer::systemRegion()
{
    return regionOf(QLocale::system());
}

QString PhoneNumberNormalizer::regionOf(const QLocale &locale)
{
    const QLocale::Territory territory = locale.territory();
    if (territory != QLocale::AnyTerritory) {
        const QString code = QLocale::territoryToCode(territory);
        // Numeric UN M.49 areas ("419") mean nothing to libphonenumber.
        if (isKnownRegion(code.toStdString()))
            return code;
    }
    return QStringLiteral("US");
}

QString PhoneNumberNormalizer::normalize(const QString &input, QString *error) const
{
    // The fast path gives Parse()'s answer for valid simple numbers; all
    // else (and every error message) comes from the full path.
    QString fast = SimplePhoneParser::international(input);
    if (fast.isEmpty())
        fast = SimplePhoneParser::national(input, m_region);
    if (!fast.isEmpty()) {
        if (error)
            error->clear();
        return fast;
    }
    return normalizeWithParse(input, error);
}

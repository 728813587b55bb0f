#include "validation/SimplePhoneParser.h"

#include <phonenumbers/phonemetadata.pb.h>
#include "validation/PhoneNumberUtilInstance.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace i18n::phonenumbers {
// libphonenumber's compiled-in metadata (exported by libphonenumber.so; the
// same bytes PhoneNumberUtil loads at start).
int metadata_size();
const void *metadata_get();
} // namespace i18n::phonenumbers

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// Import validation spends most of its time in Parse() (~8 us a number, all
// ICU regular expressions), although most numbers are written the simple
// way: '+', country code, digits, with spaces, hyphens or dots between them.
// For those, the PhoneNumber that Parse() would build is computed directly,
// and only IsValidNumber() runs. The result is the same as Parse()'s: the
// steps Parse() takes on such input are exactly country code extraction
// (the 1-3 digit prefix libphonenumber knows), leading-zero bookkeeping and
// national prefix stripping. The last one depends on the country's
// national_prefix_for_parsing, read from libphonenumber's own metadata: a
// number that starts with that prefix (or any number of a country whose
// prefix is a pattern rather than digits) takes the full Parse() path, and
// so does every number the fast path finds invalid (so error messages come
// from Parse() too). tests/TestValidation compares both paths.

// libphonenumber's metadata as a message, parsed once for both fast paths'
// rule tables; empty if it cannot be read (then every number takes Parse()).
const i18n::phonenumbers::PhoneMetadataCollection &metadataCollection()
{
    static const i18n::phonenumbers::PhoneMetadataCollection collection = [] {
        i18n::phonenumbers::PhoneMetadataCollection parsed;
        if (!parsed.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size()))
            parsed.Clear();
        return parsed;
    }();
    return collection;
}

// The national number and leading-zero fields exactly as Parse() sets them
// (SetItalianLeadingZerosForPhoneNumber) for the national significant digits.
void setNationalNumber(std::string_view national, PhoneNumber *number)
{
    if (national.size() > 1 && national[0] == '0') {
        number->set_italian_leading_zero(true);
        size_t zeros = 1;
        while (zeros < national.size() - 1 && national[zeros] == '0')
            ++zeros;
        if (zeros != 1)
            number->set_number_of_leading_zeros(int(zeros));
    }
    quint64 value = 0;
    for (const char digit : national)
        value = value * 10 + quint64(digit - '0');
    number->set_national_number(value);
}

// E.164 of a number a fast path built, "" unless it is valid.
QString validE164(const PhoneNumber &number)
{
    if (!phoneNumberUtil().IsValidNumber(number))
        return {};
    std::string e164;
    phoneNumberUtil().Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromLatin1(e164.data(), qsizetype(e164.size()));
}

// How national prefix stripping can touch a number of a country code.
struct PrefixRule
{
    enum Kind { Never, Digits, Pattern } kind = Never;
    std::string digits;   // Kind::Digits: numbers starting with these take Parse()
};

const std::unordered_map<int, PrefixRule> &prefixRules()
{
    static const std::unordered_map<int, PrefixRule> rules = [] {
        std::unordered_map<int, PrefixRule> result;
        for (const auto &metadata : metadataCollection().metadata()) {
            const int code = metadata.country_code();
            std::string mainRegion;
            phoneNumberUtil().GetRegionCodeForCountryCode(code, &mainRegion);
            // Parse() strips with the metadata of the country code's main
            // region, or of the non-geographic entity ("001").
            if (metadata.id() != mainRegion)
                continue;
            PrefixRule rule;
            const std::string &prefix = metadata.national_prefix_for_parsing();
            if (!prefix.empty()) {
                const bool digitsOnly = prefix.find_first_not_of("0123456789") == std::string::npos;
                rule.kind = digitsOnly ? PrefixRule::Digits : PrefixRule::Pattern;
                if (digitsOnly)
                    rule.digits = prefix;
            }
            result.emplace(code, rule);
        }
        return result;
    }();
    return rules;
}

// The PhoneNumber Parse() gives for '+' digits [separator digits]..., when
// the fast path can know it; false: use Parse().
bool buildSimpleInternational(const QString &input, PhoneNumber *number)
{
    const qsizetype size = input.size();
    if (size < 4 || input.at(0) != u'+')
        return false;
    char digits[24];
    int count = 0;
    bool previousWasDigit = false;
    for (qsizetype i = 1; i < size; ++i) {
        const char16_t c = input.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            if (count == int(sizeof digits))
                return false;
            digits[count++] = char(c);
            previousWasDigit = true;
        } else if ((c == u' ' || c == u'-' || c == u'.') && previousWasDigit) {
            previousWasDigit = false;   // one separator between digits
        } else {
            return false;
        }
    }
    if (!previousWasDigit || digits[0] == '0')
        return false;
    // Country calling codes are prefix-free: at most one of these is known.
    int countryCode = 0;
    int codeLength = 0;
    for (int length = 1; length <= 3 && length < count; ++length) {
        const int candidate = std::stoi(std::string(digits, size_t(length)));
        const auto rule = prefixRules().find(candidate);
        if (rule != prefixRules().end()) {
            countryCode = candidate;
            codeLength = length;
            break;
        }
    }
    if (countryCode == 0)
        return false;
    const char *national = digits + codeLength;
    const int nationalLength = count - codeLength;
    if (nationalLength < 2 || nationalLength > 17)   // Parse()'s TOO_SHORT_NSN / TOO_LONG_NSN
        return false;
    const PrefixRule &rule = prefixRules().at(countryCode);
    if (rule.kind == PrefixRule::Pattern)
        return false;
    if (rule.kind == PrefixRule::Digits && std::string_view(national, size_t(nationalLength)).substr(0, rule.digits.size()) == rule.digits)
        return false;
    number->Clear();
    number->set_country_code(countryCode);
    setNationalNumber(std::string_view(national, size_t(nationalLength)), number);
    return true;
}

// --- national numbers ---------------------------------------------------------
//
// A number written nationally, "030 1234 5678" or "(030) 1234-5678" in DE,
// is what Parse() reads as: national prefix stripped, the rest the national
// number of the default region's country code, provided that
//   - the region is its country code's main one, its international prefix
//     (IDD) and national prefix are plain digits and it has no prefix
//     transform rule (else: Parse());
//   - the digits start with the national prefix, but neither with the IDD
//     (Parse() would read an international number) nor with the country
//     code (Parse() may strip that instead);
//   - the result is valid and of a possible national length: Parse() strips
//     the prefix exactly when the rest is viable and of such a length, and
//     valid implies both. Anything else takes Parse().

struct NationalRule
{
    int countryCode = 0;
    std::string nationalPrefix;
    std::string internationalPrefix;
};

const std::unordered_map<std::string, NationalRule> &nationalRules()
{
    static const std::unordered_map<std::string, NationalRule> rules = [] {
        std::unordered_map<std::string, NationalRule> result;
        auto digitsOnly = [](const std::string &text) {
            return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        };
        for (const auto &metadata : metadataCollection().metadata()) {
            // Only a country code's main region: IsPossibleNumberWithReason()
            // reads that region's lengths, the ones Parse() tests.
            std::string mainRegion;
            phoneNumberUtil().GetRegionCodeForCountryCode(metadata.country_code(), &mainRegion);
            if (metadata.id() != mainRegion || !metadata.national_prefix_transform_rule().empty()
                || !digitsOnly(metadata.national_prefix_for_parsing()) || !digitsOnly(metadata.international_prefix()))
                continue;
            result.emplace(metadata.id(), NationalRule{metadata.country_code(), metadata.national_prefix_for_parsing(),
                                                       metadata.international_prefix()});
        }
        return result;
    }();
    return rules;
}

// Digits of `input` when it is digit groups with single separators (space,
// hyphen, dot, slash) between them, the first group perhaps in parentheses.
bool simpleNationalDigits(const QString &input, std::string *digits)
{
    qsizetype i = 0;
    const qsizetype size = input.size();
    const bool parenthesized = size > 0 && input.at(0) == u'(';
    if (parenthesized)
        ++i;
    bool previousWasDigit = false;
    bool closed = !parenthesized;
    for (; i < size; ++i) {
        const char16_t c = input.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            if (digits->size() == 20)
                return false;
            digits->push_back(char(c));
            previousWasDigit = true;
        } else if (c == u')' && !closed && previousWasDigit) {
            closed = true;
            previousWasDigit = false;
            if (i + 1 < size && input.at(i + 1) == u' ')
                ++i;   // "(030) 1234"
        } else if ((c == u' ' || c == u'-' || c == u'.' || c == u'/') && previousWasDigit && closed) {
            previousWasDigit = false;
        } else {
            return false;
        }
    }
    return previousWasDigit && closed;
}

bool buildSimpleNational(const QString &input, const std::string &region, PhoneNumber *number)
{
    const auto found = nationalRules().find(region);
    if (found == nationalRules().end() || input.isEmpty() || input.at(0) == u'+')
        return false;
    const NationalRule &rule = found->second;
    std::string digits;
    if (!simpleNationalDigits(input, &digits))
        return false;
    const std::string countryCode = std::to_string(rule.countryCode);
    if (digits.compare(0, rule.nationalPrefix.size(), rule.nationalPrefix) != 0
        || digits.compare(0, rule.internationalPrefix.size(), rule.internationalPrefix) == 0
        || digits.compare(0, countryCode.size(), countryCode) == 0)
        return false;
    const std::string national = digits.substr(rule.nationalPrefix.size());
    if (national.size() < 2 || national.size() > 17)
        return false;
    number->Clear();
    number->set_country_code(rule.countryCode);
    setNationalNumber(national, number);
    return phoneNumberUtil().IsPossibleNumberWithReason(*number) == PhoneNumberUtil::IS_POSSIBLE;
}

} // namespace

QString SimplePhoneParser::international(const QString &input)
{
    PhoneNumber number;
    return buildSimpleInternational(input.trimmed(), &number) ? validE164(number) : QString();
}

QString SimplePhoneParser::national(const QString &input, const QString &region)
{
    PhoneNumber number;
    return buildSimpleNational(input.trimmed(), region.toStdString(), &number) ? validE164(number) : QString();
}

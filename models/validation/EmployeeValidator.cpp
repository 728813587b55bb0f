#include "validation/EmployeeValidator.h"

namespace {

constexpr int MaxAddressLength = 500;
constexpr int MaxBioLength = 5000;
constexpr qsizetype MaxPhotoBytes = 5 * 1024 * 1024;
constexpr int MaxDomainLabelLength = 63;

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// The local part of the WHATWG rule: [a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]
bool isLocalPartChar(char16_t c)
{
    if (isAsciiAlnum(c))
        return true;
    switch (c) {
    case u'.': case u'!': case u'#': case u'$': case u'%': case u'&': case u'\'':
    case u'*': case u'+': case u'/': case u'=': case u'?': case u'^': case u'_':
    case u'`': case u'{': case u'|': case u'}': case u'~': case u'-':
        return true;
    default:
        return false;
    }
}

// [a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?
bool isDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > MaxDomainLabelLength)
        return false;
    if (!isAsciiAlnum(label.front().unicode()) || !isAsciiAlnum(label.back().unicode()))
        return false;
    for (QChar c : label) {
        if (!isAsciiAlnum(c.unicode()) && c != u'-')
            return false;
    }
    return true;
}

} // namespace

EmployeeValidator::EmployeeValidator(const QString &phoneRegion) : m_phone(phoneRegion) { }

// A hand-written matcher of the HTML spec's regular expression: several
// times faster than QRegularExpression and trivially thread-safe, which
// matters when an import checks a million addresses on worker threads.
bool EmployeeValidator::isValidEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0)
        return false;
    for (qsizetype i = 0; i < at; ++i) {
        if (!isLocalPartChar(email.at(i).unicode()))
            return false;
    }
    const QStringView domain = QStringView(email).mid(at + 1);
    qsizetype start = 0;
    while (true) {
        const qsizetype dot = domain.indexOf(u'.', start);
        const QStringView label = domain.mid(start, dot < 0 ? -1 : dot - start);
        if (!isDomainLabel(label))
            return false;   // also rejects a second '@', empty labels and a trailing dot
        if (dot < 0)
            return true;
        start = dot + 1;
    }
}

QString EmployeeValidator::normalizedEmail(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

FieldErrors EmployeeValidator::validate(Employee &employee) const
{
    FieldErrors errors;
    employee.firstName = employee.firstName.trimmed();
    employee.lastName = employee.lastName.trimmed();
    employee.email = employee.email.trimmed();
    employee.phone = employee.phone.trimmed();

    if (employee.firstName.isEmpty())
        errors.append({QStringLiteral("first_name"), tr("First name is required")});
    else if (employee.firstName.size() > MaxNameLength)
        errors.append({QStringLiteral("first_name"),
                       tr("First name is too long (at most %n characters)", nullptr, MaxNameLength)});

    if (employee.lastName.isEmpty())
        errors.append({QStringLiteral("last_name"), tr("Last name is required")});
    else if (employee.lastName.size() > MaxNameLength)
        errors.append({QStringLiteral("last_name"),
                       tr("Last name is too long (at most %n characters)", nullptr, MaxNameLength)});

    if (employee.email.isEmpty())
        errors.append({QStringLiteral("email"), tr("Email is required")});
    else if (!isValidEmail(employee.email))
        errors.append({QStringLiteral("email"), tr("Email is not a valid address")});

    // The phone is optional: empty stays empty (NULL in the database).
    if (!employee.phone.isEmpty()) {
        QString reason;
        const QString e164 = m_phone.normalize(employee.phone, &reason);
        if (e164.isEmpty())
            errors.append({QStringLiteral("phone"), reason});   // already translated, names the input
        else
            employee.phone = e164;
    }
    return errors;
}

FieldErrors EmployeeValidator::validate(EmployeeProfile &profile) const
{
    FieldErrors errors;
    static const QDate earliestBirth(1900, 1, 1);
    if (profile.dateOfBirth.isValid()) {
        if (profile.dateOfBirth > QDate::currentDate())
            errors.append({QStringLiteral("date_of_birth"), tr("Date of birth cannot be in the future")});
        else if (profile.dateOfBirth < earliestBirth)
            errors.append({QStringLiteral("date_of_birth"), tr("Date of birth cannot be before 1900-01-01")});
    }

    profile.address = profile.address.trimmed();
    if (profile.address.size() > MaxAddressLength)
        errors.append({QStringLiteral("address"),
                       tr("Address is too long (at most %n characters)", nullptr, MaxAddressLength)});

    // The bio keeps its inner layout; only surrounding blank space goes.
    profile.bio = profile.bio.trimmed();
    if (profile.bio.size() > MaxBioLength)
        errors.append({QStringLiteral("bio"), tr("Bio is too long (at most %n characters)", nullptr, MaxBioLength)});

    if (profile.photo.size() > MaxPhotoBytes)
        errors.append({QStringLiteral("photo"), tr("Photo is too large (at most 5 MB)")});

    if (profile.teamId < 0)
        errors.append({QStringLiteral("team"), tr("Team is not valid")});
    return errors;
}

#include "domain/Gender.h"

#include <QCoreApplication>

QString genderCode(Gender gender)
{
    switch (gender) {
    case Gender::Female: return QStringLiteral("female");
    case Gender::Male: return QStringLiteral("male");
    case Gender::Other: return QStringLiteral("other");
    case Gender::Unspecified: break;
    }
    return {};
}

std::optional<Gender> genderFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c.isEmpty())
        return Gender::Unspecified;
    for (Gender g : {Gender::Female, Gender::Male, Gender::Other}) {
        if (c == genderCode(g))
            return g;
    }
    return std::nullopt;
}

QString genderDisplayName(Gender gender)
{
    switch (gender) {
    case Gender::Female: return QCoreApplication::translate("Gender", "Female");
    case Gender::Male: return QCoreApplication::translate("Gender", "Male");
    case Gender::Other: return QCoreApplication::translate("Gender", "Other");
    case Gender::Unspecified: break;
    }
    return QCoreApplication::translate("Gender", "Unspecified");
}

#include "csv/GenderWords.h"

#include "csv/ColumnAliases.h"

#include <QHash>

namespace {

const QHash<QString, Gender> &words()
{
    // Keys as ColumnAliases::key() writes them: lower case, no accents.
    static const QHash<QString, Gender> table = {
        {QStringLiteral("f"), Gender::Female},      {QStringLiteral("w"), Gender::Female},
        {QStringLiteral("woman"), Gender::Female},  {QStringLiteral("weiblich"), Gender::Female},
        {QStringLiteral("frau"), Gender::Female},   {QStringLiteral("femme"), Gender::Female},
        {QStringLiteral("feminin"), Gender::Female},
        {QStringLiteral("m"), Gender::Male},        {QStringLiteral("man"), Gender::Male},
        {QStringLiteral("mannlich"), Gender::Male}, {QStringLiteral("maennlich"), Gender::Male},
        {QStringLiteral("mann"), Gender::Male},     {QStringLiteral("homme"), Gender::Male},
        {QStringLiteral("h"), Gender::Male},        {QStringLiteral("masculin"), Gender::Male},
        {QStringLiteral("d"), Gender::Other},       {QStringLiteral("x"), Gender::Other},
        {QStringLiteral("divers"), Gender::Other},  {QStringLiteral("diverse"), Gender::Other},
        {QStringLiteral("autre"), Gender::Other},   {QStringLiteral("nonbinary"), Gender::Other},
    };
    return table;
}

} // namespace

std::optional<Gender> GenderWords::fromText(const QString &text)
{
    // The stored codes (female, male, other, empty) first: what our exports write.
    if (const std::optional<Gender> code = genderFromCode(text))
        return code;
    const auto it = words().constFind(ColumnAliases::key(text));
    if (it == words().cend())
        return std::nullopt;
    return *it;
}

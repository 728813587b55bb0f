#pragma once

#include "domain/Gender.h"

#include <QString>
#include <optional>

// A gender as people write it in English, German and French, or as a letter:
// "female", "Male", "weiblich", "Männlich", "divers", "Femme", "Homme", "F",
// "M", "W", "D", "H", "X"; empty is Unspecified; nullopt for anything else,
// which the row's validation refuses rather than guesses.
class GenderWords
{
public:
    static std::optional<Gender> fromText(const QString &text);
};

#pragma once

#include <QString>
#include <optional>

// Stored as the codes 'female', 'male', 'other' or NULL (Unspecified).
enum class Gender { Unspecified, Female, Male, Other };

QString genderCode(Gender gender);                                // "" for Unspecified
std::optional<Gender> genderFromCode(const QString &code);        // "" -> Unspecified; unknown -> nullopt
QString genderDisplayName(Gender gender);                         // translated, for views and forms

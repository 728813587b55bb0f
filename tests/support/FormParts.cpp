#include "FormParts.h"

#include <QLabel>

namespace {
struct Names
{
    const char *field;
    const char *input;
    const char *error;
};

// The .ui's objectNames, one row per field.
constexpr Names kNames[] = {
    {"first_name", "firstNameEdit", "firstNameError"},
    {"last_name", "lastNameEdit", "lastNameError"},
    {"email", "emailEdit", "emailError"},
    {"phone", "phoneEdit", "phoneError"},
    {"date_of_birth", "dateOfBirthEdit", "dateOfBirthError"},
    {"team", "teamCombo", "teamError"},
    {"gender", "genderCombo", "genderError"},
    {"address", "addressEdit", "addressError"},
    {"bio", "bioEdit", "bioError"},
    {"photo", "photoField", "photoError"},
    {"", nullptr, "generalError"},
};

const Names &names(const QString &field)
{
    for (const Names &n : kNames) {
        if (field == QLatin1String(n.field))
            return n;
    }
    qFatal("FormParts: the form has no field %s", qPrintable(field));
}

template<typename T>
T *part(const QWidget &dialog, const char *name)
{
    T *found = name ? dialog.findChild<T *>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qFatal("FormParts: the form has no %s", name ? name : "(input)");
    return found;
}
}

namespace FormParts {
QWidget *input(const QWidget &dialog, const QString &field)
{
    return part<QWidget>(dialog, names(field).input);
}

QString errorFor(const QWidget &dialog, const QString &field)
{
    const QLabel *label = part<QLabel>(dialog, names(field).error);
    return label->isHidden() ? QString() : label->text();
}
}

#include "csv/ColumnAliases.h"

#include <QHash>

namespace {

constexpr const char *FieldNames[] = {"first_name", "last_name", "email", "phone", "date_of_birth",
                                      "team", "address", "gender", "bio", "left_on", "leaving_reason"};

struct Alias
{
    const char *key;   // already a key(): lower case, no accents, letters and digits only
    ColumnAliases::Column column;
};

// The window's titles (EmployeeTableModel, ProfileTableModel, the archive's
// list; English, then the German and French of translations/*.ts), then other
// systems' exports (Personio, BambooHR, Odoo, Google and Outlook contacts).
// Only names that mean exactly one field: "Name" (first? full?) is not here,
// and a column nobody recognises is ignored with a note, never guessed.
constexpr Alias Aliases[] = {
    {"firstname", ColumnAliases::FirstName}, {"vorname", ColumnAliases::FirstName},
    {"prenom", ColumnAliases::FirstName}, {"givenname", ColumnAliases::FirstName},
    {"forename", ColumnAliases::FirstName}, {"first", ColumnAliases::FirstName},

    {"lastname", ColumnAliases::LastName}, {"nachname", ColumnAliases::LastName},
    {"nom", ColumnAliases::LastName}, {"nomdefamille", ColumnAliases::LastName},
    {"surname", ColumnAliases::LastName}, {"familyname", ColumnAliases::LastName},
    {"familienname", ColumnAliases::LastName}, {"last", ColumnAliases::LastName},

    {"email", ColumnAliases::Email}, {"emailaddress", ColumnAliases::Email},
    {"workemail", ColumnAliases::Email}, {"businessemail", ColumnAliases::Email},
    {"mail", ColumnAliases::Email}, {"emailadresse", ColumnAliases::Email},
    {"adresseemail", ColumnAliases::Email}, {"courriel", ColumnAliases::Email},
    {"email1value", ColumnAliases::Email},

    {"phone", ColumnAliases::Phone}, {"phonenumber", ColumnAliases::Phone},
    {"mobile", ColumnAliases::Phone}, {"mobilephone", ColumnAliases::Phone},
    {"mobilenumber", ColumnAliases::Phone}, {"cellphone", ColumnAliases::Phone},
    {"workphone", ColumnAliases::Phone}, {"telephone", ColumnAliases::Phone},
    {"tel", ColumnAliases::Phone}, {"telefon", ColumnAliases::Phone},
    {"telefonnummer", ColumnAliases::Phone}, {"mobil", ColumnAliases::Phone},
    {"handy", ColumnAliases::Phone}, {"mobiltelefon", ColumnAliases::Phone},
    {"portable", ColumnAliases::Phone}, {"numerodetelephone", ColumnAliases::Phone},

    {"dateofbirth", ColumnAliases::DateOfBirth}, {"birthdate", ColumnAliases::DateOfBirth},
    {"birthday", ColumnAliases::DateOfBirth}, {"dob", ColumnAliases::DateOfBirth},
    {"geburtsdatum", ColumnAliases::DateOfBirth}, {"geburtstag", ColumnAliases::DateOfBirth},
    {"datedenaissance", ColumnAliases::DateOfBirth},

    {"team", ColumnAliases::Team}, {"department", ColumnAliases::Team},
    {"abteilung", ColumnAliases::Team}, {"equipe", ColumnAliases::Team},
    {"departement", ColumnAliases::Team},

    {"address", ColumnAliases::Address}, {"adresse", ColumnAliases::Address},
    {"anschrift", ColumnAliases::Address}, {"homeaddress", ColumnAliases::Address},
    {"streetaddress", ColumnAliases::Address},

    {"gender", ColumnAliases::Gender}, {"geschlecht", ColumnAliases::Gender},
    {"genre", ColumnAliases::Gender}, {"sex", ColumnAliases::Gender},
    {"sexe", ColumnAliases::Gender},

    {"bio", ColumnAliases::Bio}, {"biografie", ColumnAliases::Bio},
    {"biographie", ColumnAliases::Bio}, {"biography", ColumnAliases::Bio},

    {"lefton", ColumnAliases::LeftOn}, {"ausgetretenam", ColumnAliases::LeftOn},
    {"partile", ColumnAliases::LeftOn}, {"leavingdate", ColumnAliases::LeftOn},
    {"austrittsdatum", ColumnAliases::LeftOn}, {"terminationdate", ColumnAliases::LeftOn},

    {"leavingreason", ColumnAliases::LeavingReason}, {"reason", ColumnAliases::LeavingReason},
    {"grund", ColumnAliases::LeavingReason}, {"motif", ColumnAliases::LeavingReason},
    {"austrittsgrund", ColumnAliases::LeavingReason}, {"terminationreason", ColumnAliases::LeavingReason},
};

const QHash<QString, int> &aliasTable()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        for (const Alias &alias : Aliases)
            t.insert(QLatin1String(alias.key), alias.column);
        for (int column = 0; column < ColumnAliases::ColumnCount; ++column)
            t.insert(ColumnAliases::key(QLatin1String(FieldNames[column])), column);
        return t;
    }();
    return table;
}

} // namespace

QStringList ColumnAliases::fieldNames()
{
    QStringList names;
    for (const char *name : FieldNames)
        names << QLatin1String(name);
    return names;
}

QString ColumnAliases::fieldName(int column)
{
    return QLatin1String(FieldNames[column]);
}

QString ColumnAliases::key(const QString &header)
{
    // NFKD splits "é" into "e" and a combining accent, which is then dropped
    // with the punctuation; "ß" folds to "ss".
    const QString decomposed = header.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString key;
    key.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.isLetterOrNumber())
            key += c;
    }
    return key;
}

int ColumnAliases::columnFor(const QString &header)
{
    return aliasTable().value(key(header), -1);
}

int ColumnAliases::columnForFieldName(const QString &name)
{
    const QString k = key(name);
    for (int column = 0; column < ColumnCount; ++column) {
        if (key(QLatin1String(FieldNames[column])) == k)
            return column;
    }
    return -1;
}

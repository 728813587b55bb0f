#pragma once

#include <QString>
#include <QStringList>

// The columns an import reads, and the names people give them.
class ColumnAliases
{
public:
    // In export order; left_on and leaving_reason mark an archived employee
    // (an export writes them last, empty for current employees).
    enum Column {
        FirstName,
        LastName,
        Email,
        Phone,
        DateOfBirth,
        Team,
        Address,
        Gender,
        Bio,
        LeftOn,
        LeavingReason
    };
    static constexpr int ColumnCount = LeavingReason + 1;

    static QStringList fieldNames(); // "first_name", … in Column order
    static QString fieldName(int column);

    // A header's key: case-folded, accents dropped, only letters and digits
    // ("E-Mail", "e_mail" and "EMAIL" are all "email"; "Prénom" is "prenom").
    static QString key(const QString &header);

    // The column a header means, -1 when none does: the field names, the
    // window's own column titles in English, German and French, and the
    // names other HR systems and spreadsheets use.
    static int columnFor(const QString &header);
    // The column a field name or a key of one names ("first_name", "firstname"), -1 when none.
    static int columnForFieldName(const QString &name);
};

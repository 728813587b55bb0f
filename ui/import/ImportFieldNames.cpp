#include "import/ImportFieldNames.h"

#include "csv/ColumnAliases.h"

QString ImportFieldNames::label(int column)
{
    switch (column) {
    case ColumnAliases::FirstName:
        return tr("First name");
    case ColumnAliases::LastName:
        return tr("Last name");
    case ColumnAliases::Email:
        return tr("Email");
    case ColumnAliases::Phone:
        return tr("Phone");
    case ColumnAliases::DateOfBirth:
        return tr("Date of birth");
    case ColumnAliases::Team:
        return tr("Team");
    case ColumnAliases::Address:
        return tr("Address");
    case ColumnAliases::Gender:
        return tr("Gender");
    case ColumnAliases::Bio:
        return tr("Bio");
    case ColumnAliases::LeftOn:
        return tr("Left on");
    case ColumnAliases::LeavingReason:
        return tr("Leaving reason");
    default:
        return tr("Ignore");
    }
}

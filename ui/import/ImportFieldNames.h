#pragma once

#include <QCoreApplication>
#include <QString>

// What the import dialog calls the importer's fields (ColumnAliases::Column)
// and the choice of none: the words a user reads in the mapping combos.
class ImportFieldNames
{
    Q_DECLARE_TR_FUNCTIONS(ImportFieldNames)
public:
    static constexpr int Ignore = -1;

    static QString label(int column); // "First name", …; "Ignore" for Ignore
};

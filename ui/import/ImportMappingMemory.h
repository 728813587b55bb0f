#pragma once

#include <QList>
#include <QStringList>
#include <optional>

// The column mappings a user chose, remembered per header signature: the
// next file with the same columns (in any spelling of case and punctuation)
// opens with the same choices. Stored in QSettings under a hash of the
// normalized header, as field names, so no header text and no value of the
// file (personal data) ever lands in the settings.
class ImportMappingMemory
{
public:
    // The key of a header: SHA-256 over its normalized names (ColumnAliases::key).
    static QString signature(const QStringList &header);

    // The mapping remembered for `header` (a ColumnAliases::Column or
    // ImportFieldNames::Ignore per file column), nullopt when none fits.
    static std::optional<QList<int>> recall(const QStringList &header);
    static void remember(const QStringList &header, const QList<int> &mapping);
};

#include "import/ImportMappingMemory.h"

#include "csv/ColumnAliases.h"
#include "import/ImportFieldNames.h"

#include <QCryptographicHash>
#include <QSettings>

namespace {
QString settingsKey(const QStringList &header)
{
    return QStringLiteral("import/mappings/") + ImportMappingMemory::signature(header);
}
} // namespace

QString ImportMappingMemory::signature(const QStringList &header)
{
    QStringList keys;
    keys.reserve(header.size());
    for (const QString &name : header)
        keys << ColumnAliases::key(name);
    // A separator no key contains (keys are letters and digits only).
    return QString::fromLatin1(
        QCryptographicHash::hash(keys.join(u'\x1f').toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::optional<QList<int>> ImportMappingMemory::recall(const QStringList &header)
{
    const QStringList fields = QSettings().value(settingsKey(header)).toStringList();
    if (fields.size() != header.size())
        return std::nullopt;
    QList<int> mapping;
    for (const QString &field : fields)
        mapping << (field.isEmpty() ? ImportFieldNames::Ignore : ColumnAliases::columnForFieldName(field));
    return mapping;
}

void ImportMappingMemory::remember(const QStringList &header, const QList<int> &mapping)
{
    QStringList fields;
    for (int column : mapping)
        fields << (column < 0 ? QString() : ColumnAliases::fieldName(column));
    QSettings().setValue(settingsKey(header), fields);
}

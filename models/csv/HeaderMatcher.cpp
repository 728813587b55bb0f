#include "csv/HeaderMatcher.h"

#include "csv/RejectedRowsWriter.h"

#include <algorithm>

HeaderMatcher::HeaderMatcher(QList<std::pair<QString, QString>> columnMap) : m_map(std::move(columnMap))
{
    m_index.fill(-1);
}

int HeaderMatcher::columnOf(const QString &header) const
{
    const QString key = ColumnAliases::key(header);
    for (const auto &[mapped, field] : m_map) {
        if (ColumnAliases::key(mapped) == key)
            return field.isEmpty() ? -1 : ColumnAliases::columnForFieldName(field);
    }
    return ColumnAliases::columnFor(header);
}

bool HeaderMatcher::match(const QStringList &header, QString *error)
{
    m_index.fill(-1);
    m_ignored.clear();
    for (const auto &[mapped, field] : m_map) {
        if (!field.isEmpty() && ColumnAliases::columnForFieldName(field) < 0) {
            *error = tr("--map '%1=%2': there is no field '%2'; the fields are %3")
                         .arg(mapped, field, ColumnAliases::fieldNames().join(QStringLiteral(", ")));
            return false;
        }
    }
    for (qsizetype i = 0; i < header.size(); ++i) {
        // The last column of a file of refused rows (--rejected-rows) says why
        // each was refused: not a leaving reason, whatever the alias says,
        // unless --map names it.
        const bool refusalReason = i == header.size() - 1 && header.at(i) == QLatin1String(RejectedRowsWriter::ReasonColumn)
            && std::none_of(m_map.begin(), m_map.end(), [&](const auto &entry) {
                   return ColumnAliases::key(entry.first) == ColumnAliases::key(header.at(i));
               });
        const int column = refusalReason ? -1 : columnOf(header.at(i));
        if (column < 0) {
            m_ignored << header.at(i).trimmed();
            continue;
        }
        if (m_index[column] >= 0) {
            *error =
                tr("the columns '%1' and '%2' both mean '%3'; remove one, or say which to read with --map")
                    .arg(header.at(m_index[column]).trimmed(), header.at(i).trimmed(),
                         ColumnAliases::fieldName(column));
            return false;
        }
        m_index[column] = int(i);
    }
    for (int column : RequiredColumns) {
        if (m_index[column] < 0) {
            *error = tr("the header has no column for '%1'; it is required (name a column with --map "
                        "\"Header=%1\")")
                         .arg(ColumnAliases::fieldName(column));
            return false;
        }
    }
    return true;
}

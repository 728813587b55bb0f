#pragma once

#include "csv/ColumnAliases.h"

#include <QCoreApplication>
#include <QStringList>
#include <array>
#include <utility>

// Which field each header names: the user's --map first (an empty field name
// there means "ignore this column": the import dialog's Ignore), then the aliases
// (ColumnAliases). Headers naming no field are ignored and listed, so the
// report can say what was left out; a field named twice, or a required one
// missing, is an error.
class HeaderMatcher
{
    Q_DECLARE_TR_FUNCTIONS(HeaderMatcher)
public:
    static constexpr int RequiredColumns[] = {ColumnAliases::FirstName, ColumnAliases::LastName,
                                              ColumnAliases::Email};

    explicit HeaderMatcher(QList<std::pair<QString, QString>> columnMap = {});

    bool match(const QStringList &header, QString *error);

    // Column -> its field position in a row, -1 when the file has none.
    const std::array<int, ColumnAliases::ColumnCount> &columnIndex() const { return m_index; }
    const QStringList &ignoredHeaders() const { return m_ignored; }

private:
    int columnOf(const QString &header) const;

    QList<std::pair<QString, QString>> m_map;
    std::array<int, ColumnAliases::ColumnCount> m_index{};
    QStringList m_ignored;
};

#pragma once

#include "csv/ColumnAliases.h"
#include "csv/CsvReader.h"
#include "csv/DateOrder.h"
#include "domain/FieldError.h"

#include <QCoreApplication>
#include <QDate>
#include <array>
#include <optional>
#include <vector>

// The import's date columns (date_of_birth, left_on): the order each is
// written in, decided once before the rows are read, and each cell read in it.
class DateColumns
{
    Q_DECLARE_TR_FUNCTIONS(DateColumns)
public:
    using ColumnIndex = std::array<int, ColumnAliases::ColumnCount>;

    // Decides each date column's order from `first` (the first batch of
    // records; see the .cpp for why not all of them), or takes `userOrder`.
    // False, with *error naming the column, when a column's values leave the
    // order open or contradict each other.
    bool decide(const std::vector<CsvRecord> &first, const ColumnIndex &columnIndex,
                const QStringList &header, std::optional<DateOrder::Order> userOrder, QString *error);

    // The date in `text`, a cell of `column`; invalid for an empty cell (no
    // error) and for one that is no date in the column's order (an error in
    // `errors`). Const and thread-safe: the pool threads validate with it.
    QDate read(const QString &text, int column, FieldErrors &errors) const;

private:
    // nullopt: the order is not known, so only values that say it are read.
    std::array<std::optional<DateOrder::Order>, ColumnAliases::ColumnCount> m_order{};
};

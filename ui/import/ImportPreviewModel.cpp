#include "import/ImportPreviewModel.h"

#include "csv/ColumnAliases.h"
#include "csv/GenderWords.h"
#include "import/ImportFieldNames.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

void ImportPreviewModel::setPreview(const ImportPreview *preview, const QList<int> &mapping,
                                    std::optional<DateOrder::Order> dateOrder)
{
    beginResetModel();
    m_preview = preview;
    m_mapping = mapping;
    m_dateOrder = dateOrder;
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_preview ? 0 : m_preview->rowCount();
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_preview ? 0 : int(m_preview->header().size());
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_preview)
        return {};
    const QStringList &fields = m_preview->row(index.row()).fields;
    const QString text = fields.value(index.column());
    const auto [shown, accepted] = readAs(index.column(), text);
    switch (role) {
    case Qt::DisplayRole:
        return shown;
    case Qt::ToolTipRole:
        return text;
    case Qt::ForegroundRole:
        if (m_mapping.value(index.column(), ImportFieldNames::Ignore) < 0)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return accepted ? QVariant() : QVariant(QBrush(QColor(Qt::red)));
    default:
        return {};
    }
}

std::pair<QString, bool> ImportPreviewModel::readAs(int fileColumn, const QString &text) const
{
    const int column = m_mapping.value(fileColumn, ImportFieldNames::Ignore);
    if (column == ColumnAliases::DateOfBirth || column == ColumnAliases::LeftOn) {
        if (text.trimmed().isEmpty())
            return {text, true};
        std::optional<DateOrder::Order> order = m_dateOrder;
        if (!order)
            order = m_preview->dateOrderOf(fileColumn).order();
        const QDate date = DateOrder::parse(text.trimmed(), order);
        return date.isValid() ? std::pair{date.toString(Qt::ISODate), true} : std::pair{text, false};
    }
    if (column == ColumnAliases::Gender) {
        const std::optional<Gender> gender = GenderWords::fromText(text);
        return gender ? std::pair{genderDisplayName(*gender), true} : std::pair{text, false};
    }
    return {text, true};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_preview)
        return {};
    if (orientation == Qt::Vertical)
        return m_preview->row(section).line;
    const int column = m_mapping.value(section, ImportFieldNames::Ignore);
    return QStringLiteral("%1\n→ %2").arg(m_preview->header().value(section).trimmed(),
                                          ImportFieldNames::label(column));
}

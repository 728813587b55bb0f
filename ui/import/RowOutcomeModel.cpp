#include "import/RowOutcomeModel.h"

#include <QBrush>
#include <QColor>

void RowOutcomeModel::setOutcomes(const QList<ImportReport::RowOutcome> &outcomes)
{
    beginResetModel();
    m_outcomes = outcomes;
    endResetModel();
}

QString RowOutcomeModel::resultText(ImportReport::RowOutcome::Kind kind)
{
    switch (kind) {
    case ImportReport::RowOutcome::Added:
        return tr("Would add");
    case ImportReport::RowOutcome::Updated:
        return tr("Would update");
    case ImportReport::RowOutcome::Unchanged:
        return tr("Unchanged");
    case ImportReport::RowOutcome::Skipped:
        return tr("Skipped (exists)");
    case ImportReport::RowOutcome::Refused:
        return tr("Refused");
    }
    return {};
}

int RowOutcomeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_outcomes.size());
}

int RowOutcomeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RowOutcomeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ImportReport::RowOutcome &outcome = m_outcomes.at(index.row());
    if (role == Qt::ForegroundRole && outcome.kind == ImportReport::RowOutcome::Refused)
        return QBrush(QColor(Qt::red));
    if (role == Qt::TextAlignmentRole && index.column() == Line)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Line:
        return outcome.line;
    case Result:
        return resultText(outcome.kind);
    case Reason:
        return outcome.reason;
    }
    return {};
}

QVariant RowOutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Result:
        return tr("Result");
    case Reason:
        return tr("Reason");
    }
    return {};
}

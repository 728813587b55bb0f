#pragma once

#include "csv/ImportReport.h"

#include <QAbstractTableModel>

// Test's per-row results: each row's line, what the import would do with it
// (add, update, leave unchanged, skip, refuse) and why it would refuse it.
class RowOutcomeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, Result, Reason, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setOutcomes(const QList<ImportReport::RowOutcome> &outcomes);
    static QString resultText(ImportReport::RowOutcome::Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ImportReport::RowOutcome> m_outcomes;
};

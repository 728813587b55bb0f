#pragma once

#include "csv/DateOrder.h"
#include "import/ImportPreview.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

// The preview's rows as the importer will read them: one column per file
// column, titled with its header and the field it is imported as; dates in
// the column's order shown as ISO dates, genders as the stored gender,
// ignored columns greyed. A value the importer would refuse is shown as
// written, in red.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // `preview` must outlive the model's use of it (the dialog owns both).
    void setPreview(const ImportPreview *preview, const QList<int> &mapping,
                    std::optional<DateOrder::Order> dateOrder);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The value as read and whether the importer accepts it.
    std::pair<QString, bool> readAs(int fileColumn, const QString &text) const;

    const ImportPreview *m_preview = nullptr;
    QList<int> m_mapping;
    std::optional<DateOrder::Order> m_dateOrder;
};

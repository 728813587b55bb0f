#include "import/ColumnMappingTable.h"

#include "csv/ColumnAliases.h"
#include "import/ImportFieldNames.h"

#include <QComboBox>
#include <QHeaderView>

namespace {
enum { FileColumn, Example, ImportAs };
}

ColumnMappingTable::ColumnMappingTable(QWidget *parent) : QTableWidget(0, 3, parent)
{
    setHorizontalHeaderLabels({tr("Column in the file"), tr("First row"), tr("Import as")});
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Example, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ImportAs, QHeaderView::ResizeToContents);
}

void ColumnMappingTable::setColumns(const QStringList &header, const QStringList &examples, const QList<int> &mapping)
{
    setRowCount(0);
    setRowCount(int(header.size()));
    for (int row = 0; row < header.size(); ++row) {
        setItem(row, FileColumn, new QTableWidgetItem(header.at(row).trimmed()));
        setItem(row, Example, new QTableWidgetItem(examples.value(row)));
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("mapping%1").arg(row));
        combo->addItem(ImportFieldNames::label(ImportFieldNames::Ignore), ImportFieldNames::Ignore);
        for (int column = 0; column < ColumnAliases::ColumnCount; ++column)
            combo->addItem(ImportFieldNames::label(column), column);
        combo->setCurrentIndex(combo->findData(mapping.value(row, ImportFieldNames::Ignore)));
        connect(combo, &QComboBox::currentIndexChanged, this, &ColumnMappingTable::mappingChanged);
        setCellWidget(row, ImportAs, combo);
    }
    resizeRowsToContents();
}

QList<int> ColumnMappingTable::mapping() const
{
    QList<int> result;
    for (int row = 0; row < rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(cellWidget(row, ImportAs));
        result << (combo ? combo->currentData().toInt() : ImportFieldNames::Ignore);
    }
    return result;
}

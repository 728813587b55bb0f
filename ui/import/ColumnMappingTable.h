#pragma once

#include <QList>
#include <QStringList>
#include <QTableWidget>

// Each column of the file, its first value and what to import it as: a
// combo per column with the importer's fields and Ignore. The combos are
// named "mapping<N>" (N: the file column).
class ColumnMappingTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit ColumnMappingTable(QWidget *parent = nullptr);

    // One row per header name; `mapping` holds a ColumnAliases::Column or
    // ImportFieldNames::Ignore per column, `examples` the first row's values.
    void setColumns(const QStringList &header, const QStringList &examples, const QList<int> &mapping);
    QList<int> mapping() const;

signals:
    void mappingChanged();
};

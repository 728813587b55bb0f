#pragma once

#include "domain/HistoryEntry.h"
#include "views/HistoryFilter.h"
#include "views/WindowedSqlTableModel.h"

#include <QHash>

// The History panel's model: every recorded change of the whole database
// (change_entry, db/HistorySchema), newest first, narrowed by a
// HistoryFilter. Read-only.
//
// Why WindowedSqlTableModel and not a fetchMore() model: change_entry grows
// with years of saves and other tools' edits, and the panel must open and
// reach its last row as fast at a million entries as at ten. A fetchMore()
// model can only reach the end by reading every page before it (and keeps
// them all); the window reads a block of 128 rows where the view looks,
// Ctrl+End included (the oldest rows read in reverse order), holds at most
// ~100 blocks, and gets refresh() that announces new entries as inserted
// rows at the top, keeping the selection. Its order is one key, c.id
// descending (the primary key: entries are numbered as they are written),
// whose skips and counts run on change_entry alone (the filter names only
// it), so nothing here needs an index of its own.
class HistoryTableModel : public WindowedSqlTableModel
{
    Q_OBJECT
public:
    enum Column { Time, User, Origin, Employee, Field, Change, ColumnCount };
    explicit HistoryTableModel(const QSqlDatabase &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

    void setFilter(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    // How a field's column name reads ("first_name" -> "First name"); the
    // widgets know the labels, the model does not.
    void setFieldLabels(const QHash<QString, QString> &labels);

protected:
    QString columnTitle(int column) const override;
    SqlRowWindow::Spec buildSpec() const override;
    QVariant cellData(const SqlRowWindow::Row &row, int column, int role) const override;
    bool isSortable(int column) const override;

private:
    static HistoryEntry entryOf(const SqlRowWindow::Row &row);
    QString employeeText(const SqlRowWindow::Row &row) const;

    HistoryFilter m_filter;
    QHash<QString, QString> m_fieldLabels;
};

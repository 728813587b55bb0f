#pragma once

#include "views/WindowedSqlTableModel.h"

// The Employees view's model: first name, last name, email, phone of every
// employee matching the search text, in the chosen order, for tables of any
// size (a window of rows, see WindowedSqlTableModel). Read-only: edits go
// through EmployeeStore, then refresh().
class EmployeeTableModel : public WindowedSqlTableModel
{
    Q_OBJECT
public:
    enum Column { FirstName, LastName, Email, Phone, ColumnCount };

    explicit EmployeeTableModel(const QSqlDatabase &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

protected:
    QString columnTitle(int column) const override;
    SqlRowWindow::Spec buildSpec() const override;
    QVariant cellData(const SqlRowWindow::Row &row, int column, int role) const override;
};

#pragma once

#include "views/WindowedSqlTableModel.h"

// The Profiles view's model: one row per employee_profile, showing the
// employee's name through the employee relation, the team's name through a
// LEFT JOIN (profiles without a team still show), the gender as translated
// text, the date of birth and the address.
//
// Why not QSqlRelationalTableModel (which issue #3 suggests): its select()
// pulls every row of the joined result into QSqlCachedResult (with QSQLITE
// rowCount() only grows as rows are fetched), so a million profiles cost
// ~600 MB and seconds to reach the last row (issue #5). The relations are the
// same (employee_profile.employee_id -> employee, team_id -> team left
// joined), spelt as SQL joins in buildSpec(), and the rows are held as a
// window like the employee model's. Editing goes through the form
// (EmployeeStore), not through this model.
class ProfileTableModel : public WindowedSqlTableModel
{
    Q_OBJECT
public:
    enum Column { Employee, DateOfBirth, Team, Gender, Address, ColumnCount };

    // Qt::EditRole of Team answers the team id (0 = none), of Gender the code.
    explicit ProfileTableModel(const QSqlDatabase &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;

protected:
    QString columnTitle(int column) const override;
    SqlRowWindow::Spec buildSpec() const override;
    QVariant cellData(const SqlRowWindow::Row &row, int column, int role) const override;
};

#pragma once

#include <QTableView>

// A table of employees or of their profiles: whole-row single selection,
// sortable human headers, no in-place editing (the form edits), Enter and
// double-click ask for the form. Knows nothing about the model's SQL; the
// owner maps rows to employee ids.
class EmployeeView : public QTableView
{
    Q_OBJECT
public:
    explicit EmployeeView(QWidget *parent = nullptr);

    int currentRow() const;
    // Selects `row` (whole row) and scrolls to it if it is off screen.
    void selectRow(int row);

    // Header state (column widths, order, sort indicator) for QSettings.
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

signals:
    // Enter/Return or a double-click on a row.
    void editRequested(int row);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

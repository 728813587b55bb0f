#pragma once

#include "domain/ArchivedEmployee.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;

// The employees who left (View > Show Archived): greyed, with the date they
// left and why, and Restore / Delete Permanently for the selected one.
class ArchivedPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ArchivedPanel(QWidget *parent = nullptr);

    void setEmployees(const QList<ArchivedEmployee> &employees);
    // `mayDeleteForGood`: the role may delete archived employees (schema step 7: administrators).
    void setWritable(bool writable, bool mayDeleteForGood = true);
    qint64 currentEmployeeId() const;
    int count() const;

signals:
    void restoreRequested(qint64 employeeId);
    void deleteRequested(qint64 employeeId);

private:
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_restore;
    QPushButton *m_delete;
    bool m_writable = true;
    bool m_mayDelete = true;
};

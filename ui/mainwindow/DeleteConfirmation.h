#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/StoreResult.h"

#include <QCoreApplication>

class EmployeeStore;
class QWidget;

// Deleting one employee from the window: asks first, and deletes only the
// version the user was asked about. When someone else changed the employee
// since it was shown (in the view, or while the question was open), it asks
// again and names what changed; nothing is deleted unseen.
class DeleteConfirmation
{
    Q_DECLARE_TR_FUNCTIONS(DeleteConfirmation)
public:
    enum class Outcome { Deleted, Cancelled, Failed };

    DeleteConfirmation(EmployeeStore *store, QWidget *parent);

    // `shown` is the record as the view showed it; its id names the employee.
    Outcome run(const EmployeeRecord &shown);
    QString name() const { return m_name; }
    QString errorText() const { return m_error; }

private:
    bool confirm(const EmployeeRecord &current, const EmployeeRecord &shown);

    EmployeeStore *m_store;
    QWidget *m_parent;
    QString m_name;
    QString m_error;
};

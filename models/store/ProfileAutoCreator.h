#pragma once

#include <QObject>

class EmployeeStore;

// The receiver that gives every new employee its profile, like a Django
// post_save receiver creating a Profile for each new User, but inside the
// employee's own transaction. Idempotent: a second delivery (or a second
// connection) finds the profile and creates nothing.
class ProfileAutoCreator : public QObject
{
    Q_OBJECT
public:
    explicit ProfileAutoCreator(EmployeeStore *store, QObject *parent = nullptr);

    // Wires store->employeeCreated to this receiver (direct, unique).
    void connectTo(EmployeeStore *store);

    // Creates the profiles missing for employees written by another tool or
    // an older version. Returns how many it created, -1 on a database error.
    int backfill(QString *error = nullptr);

public slots:
    void onEmployeeCreated(qint64 employeeId);

private:
    EmployeeStore *m_store;
};

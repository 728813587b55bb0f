#pragma once

#include <QObject>

class EmployeeCreation;
class EmployeeStore;

// The receiver that gives every new employee its profile, like a Django
// post_save receiver creating a Profile for each new User, but inside the
// employee's own transaction. Idempotent: a second delivery (or a second
// receiver) finds the profile and creates nothing. The composition root
// (app/AppSession) connects it to EmployeeStore::employeeCreated.
class ProfileAutoCreator : public QObject
{
    Q_OBJECT
public:
    // `store` is where backfill() looks for employees without a profile.
    explicit ProfileAutoCreator(EmployeeStore *store, QObject *parent = nullptr);

    // Creates the profiles missing for employees written by another tool or
    // an older version. Returns how many it created, -1 on a database error.
    int backfill(QString *error = nullptr);

public slots:
    // Creates the new employee's profile from the creation's seed; a failed
    // write refuses the creation, so the employee is rolled back with it.
    void onEmployeeCreated(EmployeeCreation *creation);

private:
    EmployeeStore *m_store;
};

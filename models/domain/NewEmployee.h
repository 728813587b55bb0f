#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"

// One row of EmployeeStore::createEmployees(): the employee to create and
// what its profile is seeded with. Both are the caller's and must outlive
// the call.
struct NewEmployee
{
    const Employee *employee = nullptr;
    const EmployeeProfile *profile = nullptr;
};

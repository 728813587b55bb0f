#pragma once

#include "domain/EmployeeProfile.h"

#include <QtGlobal>

// A profile the employeeCreated receiver asked for during a chunk of a bulk
// import, written with the chunk's other profiles in one INSERT.
struct BulkProfileRow
{
    qint64 employeeId = 0;
    const EmployeeProfile *seed = nullptr;   // the caller's row, alive until createEmployees() returns
};

#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/EmployeeRecord.h"

#include <QList>
#include <QSqlDatabase>
#include <QVariantList>
#include <optional>

// The store's reads of single records and counts (the views read through
// their own windowed models). Values are bound; rows become domain values
// here and nowhere else.
class EmployeeReader
{
public:
    explicit EmployeeReader(const QSqlDatabase &db) : m_db(db) { }

    // The employee and its profile from one statement (one snapshot).
    std::optional<EmployeeRecord> record(qint64 employeeId) const;
    // The records matching `condition` (fixed SQL over e = employee and
    // p = employee_profile, never user text; `values` bound in order), by id.
    QList<EmployeeRecord> records(const QString &condition, const QVariantList &values) const;
    std::optional<Employee> employee(qint64 employeeId) const;
    std::optional<EmployeeProfile> profileOf(qint64 employeeId) const;
    // Employees without a profile (left by an older version or another tool),
    // in id order; cheap when there are none.
    QList<qint64> employeesWithoutProfile() const;
    qint64 employeeCount() const;   // -1 when the count failed
    qint64 profileCount() const;

private:
    QSqlDatabase m_db;
};

#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"

#include <QList>
#include <QVariant>

// One employee and its profile as read together in one statement: what the
// form shows, what it saves against, and whose versions the save checks.
struct EmployeeRecord
{
    Employee employee;
    EmployeeProfile profile;
    bool hasProfile = false;
};

// The fields a user edits. The employee row holds the first four, the
// profile row the rest; created_at, updated_at and version are the store's.
enum class RecordField { FirstName, LastName, Email, Phone, DateOfBirth, Team, Gender, Address, Bio, Photo };
using RecordFields = QList<RecordField>;

namespace RecordFieldInfo {
// Every field, in the form's order.
const RecordFields &all();
bool isProfileField(RecordField field);
// The column the field is stored in (also the FieldError field name).
QString column(RecordField field);
// The domain value: QString, QDate, qint64 team id, Gender code or photo bytes.
QVariant value(const EmployeeRecord &record, RecordField field);
// Copies one field from `from` into `to`.
void copy(const EmployeeRecord &from, EmployeeRecord &to, RecordField field);
// Whether two records hold the same value in `field`. An empty text and
// NULL count as the same here: nobody can tell them apart in a form.
bool sameValue(const EmployeeRecord &a, const EmployeeRecord &b, RecordField field);
// The fields whose values differ between `a` and `b`.
RecordFields differences(const EmployeeRecord &a, const EmployeeRecord &b);
}

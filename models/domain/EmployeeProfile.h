#pragma once

#include "domain/Gender.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

// One row of `employee_profile`; exactly one per employee.
struct EmployeeProfile
{
    qint64 id = 0;
    qint64 employeeId = 0;
    QDate dateOfBirth;          // invalid = not given
    qint64 teamId = 0;          // 0 = no team
    QString address;
    Gender gender = Gender::Unspecified;
    QString bio;
    QByteArray photo;           // encoded image (PNG/JPEG), empty = none
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;
};

#pragma once

#include <QDateTime>
#include <QString>

// One row of `employee`. Timestamps are UTC; `version` counts saves and is
// what optimistic locking compares.
struct Employee
{
    qint64 id = 0;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;   // E.164 once validated; empty when the employee has none
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 0;

    QString displayName() const { return (firstName + QLatin1Char(' ') + lastName).trimmed(); }
};

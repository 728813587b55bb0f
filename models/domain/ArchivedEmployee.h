#pragma once

#include <QDate>
#include <QString>

// An employee who left, as the archive lists it.
struct ArchivedEmployee
{
    qint64 id = 0;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QDate leftOn;
    QString reason;
};

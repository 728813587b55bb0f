#pragma once

#include <QDate>
#include <QList>
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

// What a purge erased (or, in a dry run, would erase): who, for the user who
// asked; the database keeps only how many.
struct PurgeReport
{
    QList<ArchivedEmployee> purged;
    QString error;
    bool archiveChanged = false;   // not the ones confirmed any more: nothing purged
    bool ok() const { return error.isEmpty(); }
};

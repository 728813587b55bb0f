#pragma once

#include "domain/EmployeeRecord.h"

#include <QDate>
#include <QMetaType>
#include <QString>

// A write of the store as it was committed, with what it takes to reverse
// it: EmployeeStore::editCommitted() hands it to the window's undo stack
// (models/undo). Ids only, never rows of a view: a re-sort or a search
// changes nothing about it.
struct CommittedEdit
{
    enum class Kind { Saved, Created, Archived, Restored, TeamCreated, TeamRenamed, TeamDeleted };

    Kind kind = Kind::Saved;
    qint64 employeeId = 0;
    // Saved: the version the save was written against, and the record read
    // right after the commit (`fields` are the columns it wrote).
    // Created, Restored: `after` is the record as committed. Archived:
    // `before` is the version that was archived.
    EmployeeRecord before;
    EmployeeRecord after;
    RecordFields fields;
    // Archived, Restored: the leaving date and reason of the archive entry.
    QDate leftOn;
    QString reason;
    // Team changes: its id, its name after the change and before it.
    qint64 teamId = 0;
    QString teamName;
    QString oldTeamName;
};

Q_DECLARE_METATYPE(CommittedEdit)

#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/Team.h"

#include <QCoreApplication>
#include <QList>

// How a field of a record reads to the user, in the conflict dialog and in
// the "changed since it was shown" question: its label and its value
// ("Marketing", "12 Dec 1985", "No team", "(empty)").
class RecordFieldText
{
    Q_DECLARE_TR_FUNCTIONS(RecordFieldText)
public:
    static QString label(RecordField field);
    static QString value(const EmployeeRecord &record, RecordField field, const QList<Team> &teams);
    // "Email, Team and Address"-style list of labels.
    static QString labels(const RecordFields &fields);
};

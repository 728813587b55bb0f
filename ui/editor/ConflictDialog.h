#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/Team.h"

#include <QDialog>
#include <QHash>

class QRadioButton;

// Shown when Save finds that someone else saved the same employee since the
// form was opened. Lists each field the other side changed, with their value
// and the user's, and lets the user decide:
//  - Keep My Changes: the fields the user edited go on top of their version
//    (for a field both sides edited, the user picks whose value stays);
//  - Take Theirs: the form shows their version, the user's edits go;
//  - Back to the Form: nothing decided yet.
// Nothing the user typed is lost until they choose Take Theirs.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Back, KeepMine, TakeTheirs };

    ConflictDialog(const EmployeeRecord &base, const EmployeeRecord &mine, const RecordFields &myFields,
                   const EmployeeRecord &theirs, const QList<Team> &teams, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // Fields both sides edited where the user chose their value.
    RecordFields takenFromTheirs() const;
    // Fields the other side changed (the rows listed).
    RecordFields theirFields() const { return m_theirFields; }

private:
    void finish(Choice choice);

    RecordFields m_theirFields;
    QHash<RecordField, QRadioButton *> m_theirsChoice;   // fields both sides edited
    Choice m_choice = Choice::Back;
};

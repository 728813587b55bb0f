#pragma once

#include "domain/EmployeeRecord.h"

#include <QHash>
#include <QVariant>

namespace Ui {
class EmployeeEditDialog;
}

// Binds the form's inputs to one EmployeeRecord read in one statement: what
// each input shows for it (the phone grouped as in the views, NULL as
// nothing), what it holds now, and which fields the user changed. A change
// is measured against what the input itself showed after loading, so a
// value the input merely formats never counts as an edit, and an untouched
// form writes nothing.
class RecordBinding
{
public:
    explicit RecordBinding(Ui::EmployeeEditDialog &ui);

    // Fills the inputs from `record`, which becomes the base.
    void load(const EmployeeRecord &record);
    // The record as read; its versions are what a save is checked against.
    const EmployeeRecord &base() const { return m_base; }
    // Forgets the base (the employee was deleted: the form saves as new).
    void forgetBase() { m_base = EmployeeRecord{}; }

    RecordFields editedFields() const;
    // The base with `fields` taken from the inputs, exactly as typed.
    EmployeeRecord recordFromForm(const RecordFields &fields) const;
    QVariant inputValue(RecordField field) const;
    // Every input shows its value and none can change it (text stays selectable).
    void setReadOnly(bool readOnly);
    void setInputValue(RecordField field, const QVariant &value);

private:
    static QVariant shownValue(const EmployeeRecord &record, RecordField field);

    Ui::EmployeeEditDialog &m_ui;
    EmployeeRecord m_base;
    QHash<RecordField, QVariant> m_shown;   // what each input showed for m_base
};

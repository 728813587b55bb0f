#include "editor/RecordBinding.h"

#include "domain/DisplayFormat.h"
#include "ui_EmployeeEditDialog.h"

RecordBinding::RecordBinding(Ui::EmployeeEditDialog &ui) : m_ui(ui) { }

void RecordBinding::load(const EmployeeRecord &record)
{
    m_base = record;
    for (RecordField field : RecordFieldInfo::all()) {
        setInputValue(field, shownValue(record, field));
        m_shown.insert(field, inputValue(field));   // as the input holds it, so untouched compares equal
    }
}

QVariant RecordBinding::shownValue(const EmployeeRecord &record, RecordField field)
{
    switch (field) {
    case RecordField::Phone:   // stored as E.164, shown grouped as in the views
        return DisplayFormat::phone(record.employee.phone);
    case RecordField::DateOfBirth:
        return record.profile.dateOfBirth.isValid() ? record.profile.dateOfBirth.toString(Qt::ISODate) : QString();
    default:
        return RecordFieldInfo::value(record, field);
    }
}

QVariant RecordBinding::inputValue(RecordField field) const
{
    switch (field) {
    case RecordField::FirstName: return m_ui.firstNameEdit->text();
    case RecordField::LastName: return m_ui.lastNameEdit->text();
    case RecordField::Email: return m_ui.emailEdit->text();
    case RecordField::Phone: return m_ui.phoneEdit->text();
    case RecordField::DateOfBirth: return m_ui.dateOfBirthEdit->isoDate();
    case RecordField::Team:
        return m_ui.teamCombo->currentIndex() < 0 ? qint64(0) : m_ui.teamCombo->currentData().toLongLong();
    case RecordField::Gender: return m_ui.genderCombo->code();
    case RecordField::Address: return m_ui.addressEdit->toPlainText();
    case RecordField::Bio: return m_ui.bioEdit->toPlainText();
    case RecordField::Photo: return m_ui.photoField->photo();
    }
    return {};
}

void RecordBinding::setInputValue(RecordField field, const QVariant &value)
{
    switch (field) {
    case RecordField::FirstName: m_ui.firstNameEdit->setText(value.toString()); break;
    case RecordField::LastName: m_ui.lastNameEdit->setText(value.toString()); break;
    case RecordField::Email: m_ui.emailEdit->setText(value.toString()); break;
    case RecordField::Phone: m_ui.phoneEdit->setText(value.toString()); break;
    case RecordField::DateOfBirth: m_ui.dateOfBirthEdit->setIsoDate(value.toString()); break;
    case RecordField::Team: {
        const qint64 id = value.toLongLong();
        m_ui.teamCombo->setCurrentIndex(id > 0 ? m_ui.teamCombo->findData(id) : -1);
        break;
    }
    case RecordField::Gender: m_ui.genderCombo->setCode(value.toString()); break;
    case RecordField::Address: m_ui.addressEdit->setPlainText(value.toString()); break;
    case RecordField::Bio: m_ui.bioEdit->setPlainText(value.toString()); break;
    case RecordField::Photo: m_ui.photoField->setPhoto(value.toByteArray()); break;
    }
}

RecordFields RecordBinding::editedFields() const
{
    RecordFields fields;
    for (RecordField field : RecordFieldInfo::all()) {
        if (inputValue(field) != m_shown.value(field))
            fields << field;
    }
    return fields;
}

EmployeeRecord RecordBinding::recordFromForm(const RecordFields &fields) const
{
    EmployeeRecord record = m_base;
    Employee &e = record.employee;
    EmployeeProfile &p = record.profile;
    for (RecordField field : fields) {
        const QVariant value = inputValue(field);
        switch (field) {
        case RecordField::FirstName: e.firstName = value.toString(); break;
        case RecordField::LastName: e.lastName = value.toString(); break;
        case RecordField::Email: e.email = value.toString(); break;
        case RecordField::Phone: e.phone = value.toString(); break;
        case RecordField::DateOfBirth: p.dateOfBirth = m_ui.dateOfBirthEdit->dateOfBirth(); break;
        case RecordField::Team: p.teamId = value.toLongLong(); break;
        case RecordField::Gender: p.gender = m_ui.genderCombo->gender(); break;
        case RecordField::Address: p.address = value.toString(); break;
        case RecordField::Bio: p.bio = value.toString(); break;
        case RecordField::Photo: p.photo = value.toByteArray(); break;
        }
    }
    return record;
}

void RecordBinding::setReadOnly(bool readOnly)
{
    for (QLineEdit *edit : {m_ui.firstNameEdit, m_ui.lastNameEdit, m_ui.emailEdit, m_ui.phoneEdit})
        edit->setReadOnly(readOnly);
    m_ui.addressEdit->setReadOnly(readOnly);
    m_ui.bioEdit->setReadOnly(readOnly);
    for (QWidget *input : std::initializer_list<QWidget *>{m_ui.dateOfBirthEdit, m_ui.teamCombo, m_ui.genderCombo,
                                                           m_ui.photoField, m_ui.clearDateButton,
                                                           m_ui.clearTeamButton})
        input->setEnabled(!readOnly);
}

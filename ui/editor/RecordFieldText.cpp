#include "editor/RecordFieldText.h"

#include "domain/DisplayFormat.h"

#include <QLocale>

QString RecordFieldText::label(RecordField field)
{
    switch (field) {
    case RecordField::FirstName: return tr("First name");
    case RecordField::LastName: return tr("Last name");
    case RecordField::Email: return tr("Email");
    case RecordField::Phone: return tr("Phone");
    case RecordField::DateOfBirth: return tr("Date of birth");
    case RecordField::Team: return tr("Team");
    case RecordField::Gender: return tr("Gender");
    case RecordField::Address: return tr("Address");
    case RecordField::Bio: return tr("Bio");
    case RecordField::Photo: return tr("Photo");
    }
    return {};
}

QString RecordFieldText::value(const EmployeeRecord &record, RecordField field, const QList<Team> &teams)
{
    const EmployeeProfile &p = record.profile;
    switch (field) {
    case RecordField::Phone:
        return record.employee.phone.isEmpty() ? tr("(empty)") : DisplayFormat::phone(record.employee.phone);
    case RecordField::DateOfBirth:
        return p.dateOfBirth.isValid() ? QLocale().toString(p.dateOfBirth, QLocale::ShortFormat) : tr("Not given");
    case RecordField::Team:
        for (const Team &team : teams) {
            if (team.id == p.teamId)
                return team.name;
        }
        return p.teamId > 0 ? tr("Team %1").arg(p.teamId) : tr("No team");
    case RecordField::Gender:
        return genderDisplayName(p.gender);
    case RecordField::Photo:
        return p.photo.isEmpty() ? tr("No photo") : tr("A photo (%1 KB)").arg((p.photo.size() + 1023) / 1024);
    default:
        break;
    }
    const QString text = RecordFieldInfo::value(record, field).toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

QString RecordFieldText::labels(const RecordFields &fields)
{
    QStringList names;
    for (RecordField field : fields)
        names << label(field);
    return QLocale().createSeparatedList(names);
}

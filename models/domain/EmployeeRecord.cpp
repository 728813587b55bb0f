#include "domain/EmployeeRecord.h"

namespace RecordFieldInfo {

const RecordFields &all()
{
    static const RecordFields fields{RecordField::FirstName, RecordField::LastName, RecordField::Email,
                                     RecordField::Phone,     RecordField::DateOfBirth, RecordField::Team,
                                     RecordField::Gender,    RecordField::Address,  RecordField::Bio,
                                     RecordField::Photo};
    return fields;
}

bool isProfileField(RecordField field)
{
    return field != RecordField::FirstName && field != RecordField::LastName && field != RecordField::Email
        && field != RecordField::Phone;
}

QString column(RecordField field)
{
    switch (field) {
    case RecordField::FirstName: return QStringLiteral("first_name");
    case RecordField::LastName: return QStringLiteral("last_name");
    case RecordField::Email: return QStringLiteral("email");
    case RecordField::Phone: return QStringLiteral("phone");
    case RecordField::DateOfBirth: return QStringLiteral("date_of_birth");
    case RecordField::Team: return QStringLiteral("team_id");
    case RecordField::Gender: return QStringLiteral("gender");
    case RecordField::Address: return QStringLiteral("address");
    case RecordField::Bio: return QStringLiteral("bio");
    case RecordField::Photo: return QStringLiteral("photo");
    }
    return {};
}

QVariant value(const EmployeeRecord &record, RecordField field)
{
    const Employee &e = record.employee;
    const EmployeeProfile &p = record.profile;
    switch (field) {
    case RecordField::FirstName: return e.firstName;
    case RecordField::LastName: return e.lastName;
    case RecordField::Email: return e.email;
    case RecordField::Phone: return e.phone;
    case RecordField::DateOfBirth: return p.dateOfBirth;
    case RecordField::Team: return p.teamId;
    case RecordField::Gender: return genderCode(p.gender);
    case RecordField::Address: return p.address;
    case RecordField::Bio: return p.bio;
    case RecordField::Photo: return p.photo;
    }
    return {};
}

void copy(const EmployeeRecord &from, EmployeeRecord &to, RecordField field)
{
    switch (field) {
    case RecordField::FirstName: to.employee.firstName = from.employee.firstName; break;
    case RecordField::LastName: to.employee.lastName = from.employee.lastName; break;
    case RecordField::Email: to.employee.email = from.employee.email; break;
    case RecordField::Phone: to.employee.phone = from.employee.phone; break;
    case RecordField::DateOfBirth: to.profile.dateOfBirth = from.profile.dateOfBirth; break;
    case RecordField::Team: to.profile.teamId = from.profile.teamId; break;
    case RecordField::Gender: to.profile.gender = from.profile.gender; break;
    case RecordField::Address: to.profile.address = from.profile.address; break;
    case RecordField::Bio: to.profile.bio = from.profile.bio; break;
    case RecordField::Photo: to.profile.photo = from.profile.photo; break;
    }
}

bool sameValue(const EmployeeRecord &a, const EmployeeRecord &b, RecordField field)
{
    const QVariant x = value(a, field);
    const QVariant y = value(b, field);
    if (field == RecordField::DateOfBirth)   // two invalid dates are both "not given"
        return x.toDate() == y.toDate() || (!x.toDate().isValid() && !y.toDate().isValid());
    if (field == RecordField::Photo)
        return x.toByteArray() == y.toByteArray();
    if (field == RecordField::Team)
        return x.toLongLong() == y.toLongLong();
    return x.toString() == y.toString();   // QString: null == empty
}

RecordFields differences(const EmployeeRecord &a, const EmployeeRecord &b)
{
    RecordFields fields;
    for (RecordField field : all()) {
        if (!sameValue(a, b, field))
            fields << field;
    }
    return fields;
}

} // namespace RecordFieldInfo

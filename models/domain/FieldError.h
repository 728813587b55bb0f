#pragma once

#include <QList>
#include <QString>

// One problem with one input field. `field` is the column name
// (first_name, email, date_of_birth, ...) so callers can put the message
// next to the widget or CSV column it belongs to; an empty field means the
// problem concerns the record as a whole (e.g. a database error).
struct FieldError
{
    QString field;
    QString message;

    bool operator==(const FieldError &other) const
    {
        return field == other.field && message == other.message;
    }
};

using FieldErrors = QList<FieldError>;

// "field: message; field: message" for logs and the command line.
QString describeErrors(const FieldErrors &errors);

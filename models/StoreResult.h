#pragma once

#include "FieldError.h"

// What a write through EmployeeStore produced: the id of the row written, or
// the reasons it was refused. No exception ever crosses Qt code; callers test
// ok() and show errors() next to their fields.
class StoreResult
{
public:
    static StoreResult success(qint64 id) { return StoreResult(id, {}); }
    static StoreResult failure(FieldErrors errors) { return StoreResult(0, std::move(errors)); }
    static StoreResult failure(const QString &field, const QString &message)
    {
        return failure(FieldErrors{FieldError{field, message}});
    }

    bool ok() const { return m_errors.isEmpty(); }
    qint64 id() const { return m_id; }
    const FieldErrors &errors() const { return m_errors; }
    // The first message for `field`, or an empty string.
    QString errorFor(const QString &field) const;
    QString errorText() const { return describeErrors(m_errors); }

private:
    StoreResult(qint64 id, FieldErrors errors) : m_id(id), m_errors(std::move(errors)) { }

    qint64 m_id = 0;
    FieldErrors m_errors;
};

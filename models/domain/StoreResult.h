#pragma once

#include "domain/FieldError.h"

// What a write through EmployeeStore produced: the id of the row written, or
// the reasons it was refused. No exception ever crosses Qt code; callers test
// ok() and show errors() next to their fields.
class StoreResult
{
public:
    // Why a write did not happen. A conflict or a vanished row is not the
    // user's mistake: the caller reads the record again and lets the user
    // decide (EmployeeEditDialog's conflict dialog), instead of showing an error.
    enum class Refusal { None, Invalid, Conflict, Gone };

    static StoreResult success(qint64 id) { return StoreResult(id, {}); }
    static StoreResult failure(FieldErrors errors) { return StoreResult(0, std::move(errors)); }
    static StoreResult failure(const QString &field, const QString &message)
    {
        return failure(FieldErrors{FieldError{field, message}});
    }
    // Someone else saved a newer version of the row (optimistic locking).
    static StoreResult conflict(const QString &message) { return refused(Refusal::Conflict, message); }
    // The row was deleted by someone else.
    static StoreResult gone(const QString &message) { return refused(Refusal::Gone, message); }

    bool ok() const { return m_errors.isEmpty(); }
    Refusal refusal() const { return ok() ? Refusal::None : m_refusal; }
    bool isConflict() const { return refusal() == Refusal::Conflict; }
    bool isGone() const { return refusal() == Refusal::Gone; }
    qint64 id() const { return m_id; }
    const FieldErrors &errors() const { return m_errors; }
    // The first message for `field`, or an empty string.
    QString errorFor(const QString &field) const;
    QString errorText() const { return describeErrors(m_errors); }

private:
    StoreResult(qint64 id, FieldErrors errors) : m_id(id), m_errors(std::move(errors)) { }
    static StoreResult refused(Refusal refusal, const QString &message)
    {
        StoreResult result = failure(QString(), message);
        result.m_refusal = refusal;
        return result;
    }

    qint64 m_id = 0;
    FieldErrors m_errors;
    Refusal m_refusal = Refusal::Invalid;
};

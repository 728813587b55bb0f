#include "domain/FieldError.h"
#include "domain/StoreResult.h"

#include <QStringList>

QString describeErrors(const FieldErrors &errors)
{
    QStringList parts;
    parts.reserve(errors.size());
    for (const FieldError &error : errors)
        parts << (error.field.isEmpty() ? error.message : error.field + QStringLiteral(": ") + error.message);
    return parts.join(QStringLiteral("; "));
}

QString StoreResult::errorFor(const QString &field) const
{
    for (const FieldError &error : m_errors) {
        if (error.field == field)
            return error.message;
    }
    return {};
}

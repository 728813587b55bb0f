#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/FieldError.h"
#include "validation/PhoneNumberNormalizer.h"

#include <QCoreApplication>

// The rules of issue #2 section 5, without any database access (uniqueness
// and team existence are the store's and the schema's job). Normalizes while
// it checks: names trimmed, email trimmed, phone to E.164.
// Thread-safe (const), so the importer runs it on several threads.
class EmployeeValidator
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeValidator)
public:
    static constexpr int MaxNameLength = 100;

    explicit EmployeeValidator(const QString &phoneRegion = PhoneNumberNormalizer::systemRegion());

    FieldErrors validate(Employee &employee) const;
    FieldErrors validate(EmployeeProfile &profile) const;

    static bool isValidEmail(const QString &email);       // WHATWG "valid email address"
    static QString normalizedEmail(const QString &email); // the form uniqueness compares
    const PhoneNumberNormalizer &phoneNormalizer() const { return m_phone; }

private:
    PhoneNumberNormalizer m_phone;
};

#include "store/EmployeeCreation.h"

EmployeeCreation::EmployeeCreation(qint64 employeeId, const EmployeeProfile &seed, const ProfileWriter &writeProfile)
    : m_employeeId(employeeId), m_seed(seed), m_writeProfile(writeProfile)
{
}

StoreResult EmployeeCreation::createProfile()
{
    if (m_profile)
        return *m_profile;
    m_profile = m_writeProfile(m_employeeId, m_seed);
    if (!m_profile->ok())
        refuse(m_profile->errorText());
    return *m_profile;
}

void EmployeeCreation::refuse(const QString &reason)
{
    if (m_refusal.isEmpty())
        m_refusal = reason.isEmpty() ? QStringLiteral("refused") : reason;
}

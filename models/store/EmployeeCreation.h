#pragma once

#include "domain/EmployeeProfile.h"
#include "domain/StoreResult.h"

#include <QString>
#include <functional>
#include <optional>

// One employee being created, as the receivers of
// EmployeeStore::employeeCreated see it: the new row's id, the profile the
// caller asked to seed it with, the way to create that profile, and the one
// way to refuse the creation. The store hands it to the receivers while the
// employee's transaction is open and reads it back when they have returned:
// the employee is kept only if a receiver created its profile and none
// refused. It lives on the store's stack for the length of the signal, so a
// receiver must not keep it.
class EmployeeCreation
{
public:
    // Writes (or, in a chunked import, queues) the profile of `employeeId`
    // seeded with `seed`, inside the creation's transaction.
    using ProfileWriter = std::function<StoreResult(qint64 employeeId, const EmployeeProfile &seed)>;

    EmployeeCreation(qint64 employeeId, const EmployeeProfile &seed, const ProfileWriter &writeProfile);
    EmployeeCreation(const EmployeeCreation &) = delete;
    EmployeeCreation &operator=(const EmployeeCreation &) = delete;

    qint64 employeeId() const { return m_employeeId; }
    const EmployeeProfile &seedProfile() const { return m_seed; }

    // Creates the employee's profile from the seed. Idempotent: a second
    // call (a second receiver) writes nothing and gets the first answer. A
    // failed write refuses the creation with the database's reason.
    StoreResult createProfile();
    // Refuses the creation: the employee, and whatever the receivers wrote
    // in its transaction, is rolled back, and the caller's result names
    // `reason`. The first reason is the one reported.
    void refuse(const QString &reason);

    bool profileCreated() const { return m_profile && m_profile->ok(); }
    bool isRefused() const { return !m_refusal.isEmpty(); }
    QString refusal() const { return m_refusal; }

private:
    qint64 m_employeeId;
    const EmployeeProfile &m_seed;
    const ProfileWriter &m_writeProfile;
    std::optional<StoreResult> m_profile;
    QString m_refusal;
};

#include "store/ProfileAutoCreator.h"

#include "store/EmployeeStore.h"

ProfileAutoCreator::ProfileAutoCreator(EmployeeStore *store, QObject *parent) : QObject(parent), m_store(store) { }

void ProfileAutoCreator::connectTo(EmployeeStore *store)
{
    // Direct: the slot must run inside the store's open transaction.
    // Unique: wiring twice must not deliver twice (the slot would cope anyway).
    connect(store, &EmployeeStore::employeeCreated, this, &ProfileAutoCreator::onEmployeeCreated,
            Qt::ConnectionType(Qt::DirectConnection | Qt::UniqueConnection));
}

void ProfileAutoCreator::onEmployeeCreated(qint64 employeeId)
{
    // A failure is recorded by the store and rolls the employee back with it.
    m_store->ensureProfile(employeeId);
}

int ProfileAutoCreator::backfill(QString *error)
{
    const QList<qint64> missing = m_store->employeesWithoutProfile();
    if (missing.isEmpty())
        return 0;
    // One transaction: a legacy file with many orphans must not pay a commit per row.
    if (!m_store->beginBulk(error))
        return -1;
    for (qint64 employeeId : missing) {
        const StoreResult result = m_store->ensureProfile(employeeId);
        if (!result.ok()) {
            m_store->rollbackBulk();
            if (error)
                *error = result.errorText();
            return -1;
        }
    }
    if (!m_store->commitBulk(error))
        return -1;
    return int(missing.size());
}

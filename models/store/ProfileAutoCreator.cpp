#include "store/ProfileAutoCreator.h"

#include "store/EmployeeCreation.h"
#include "store/EmployeeStore.h"

ProfileAutoCreator::ProfileAutoCreator(EmployeeStore *store, QObject *parent) : QObject(parent), m_store(store) { }

void ProfileAutoCreator::onEmployeeCreated(EmployeeCreation *creation)
{
    creation->createProfile();
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

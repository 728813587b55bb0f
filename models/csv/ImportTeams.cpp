#include "csv/ImportTeams.h"

#include "db/ServerRoles.h"
#include "store/EmployeeStore.h"

void ImportTeams::load(bool createMissing)
{
    m_createMissing = createMissing;
    m_known.clear();
    m_created.clear();
    m_refused.clear();
    m_createdNames.clear();
    for (const Team &team : m_store->teams())
        m_known.insert(key(team.name), team.id);
    // Asked once, before the first row: on PostgreSQL the editor role reads
    // teams but may not create them (ServerRoles), and its rows are refused
    // saying so instead of failing on the server's "permission denied".
    m_mayCreate = !createMissing || ServerRoles::privileges(m_store->database()).editTeams;
}

qint64 ImportTeams::known(const QString &name) const
{
    return m_known.value(key(name), 0);
}

qint64 ImportTeams::resolve(const QString &name, QString *reason)
{
    const QString folded = key(name);
    if (const qint64 id = m_known.value(folded, 0))
        return id;
    if (const qint64 id = m_created.value(folded, 0))
        return id;
    if (!m_refused.contains(folded)) {
        if (!m_mayCreate) {
            m_refused.insert(folded, tr("unknown team '%1', and your role on the server may not create teams "
                                        "(--create-teams needs the %2 role; ask an administrator to create it)")
                                         .arg(name.trimmed(), QLatin1String(ServerRoles::Admin)));
        } else {
            const StoreResult result = m_store->createTeam(name.trimmed());
            if (result.ok()) {
                m_created.insert(folded, result.id());
                m_createdNames << name.trimmed();
                return result.id();
            }
            m_refused.insert(folded, tr("team '%1' could not be created: %2").arg(name.trimmed(), result.errorText()));
        }
    }
    *reason = m_refused.value(folded);
    return 0;
}

void ImportTeams::dropUnused()
{
    for (auto it = m_created.begin(); it != m_created.end();) {
        // Refused while a profile uses the team: then it stays.
        if (!m_store->deleteTeam(it.value()).ok()) {
            ++it;
            continue;
        }
        const QString folded = it.key();
        m_createdNames.removeIf([&folded](const QString &name) { return key(name) == folded; });
        it = m_created.erase(it);
    }
}

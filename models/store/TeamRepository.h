#pragma once

#include "domain/StoreResult.h"
#include "domain/Team.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

class QSqlQuery;

// The team table: list, create, rename, delete (refused while a profile uses
// the team). Names are trimmed, checked (not empty, not too long, unique
// without regard to case) and bound, never spliced into SQL. EmployeeStore
// owns one and emits teamsChanged() after a successful write.
class TeamRepository
{
    Q_DECLARE_TR_FUNCTIONS(TeamRepository)
public:
    explicit TeamRepository(const QSqlDatabase &db) : m_db(db) { }

    QList<Team> teams() const;   // by name
    StoreResult create(const QString &name);
    // `expectedName` (not null): only while the team still has that name;
    // otherwise a conflict and nothing renamed.
    StoreResult rename(qint64 teamId, const QString &name, const QString &expectedName = QString());
    StoreResult remove(qint64 teamId);

private:
    static StoreResult changeOneTeam(QSqlQuery &q, qint64 teamId);
    StoreResult checkName(const QString &name, qint64 exceptId) const;

    QSqlDatabase m_db;
};

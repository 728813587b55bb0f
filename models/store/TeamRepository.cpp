#include "store/TeamRepository.h"

#include "store/DriverErrorMapper.h"
#include "validation/EmployeeValidator.h"

#include <QSqlQuery>
#include <QVariant>

QList<Team> TeamRepository::teams() const
{
    QList<Team> result;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT id, name FROM team ORDER BY name"))) {
        while (q.next())
            result.append(Team{q.value(0).toLongLong(), q.value(1).toString()});
    }
    return result;
}

StoreResult TeamRepository::checkName(const QString &name, qint64 exceptId) const
{
    if (name.isEmpty())
        return StoreResult::failure(QStringLiteral("name"), tr("A team needs a name."));
    if (name.size() > EmployeeValidator::MaxNameLength)
        return StoreResult::failure(QStringLiteral("name"),
                                    tr("A team name can have at most %n characters.", nullptr,
                                       EmployeeValidator::MaxNameLength));
    // Checked here as well as by the UNIQUE constraint: the constraint is
    // case-sensitive on PostgreSQL, and "Sales" next to "sales" is a mistake.
    for (const Team &team : teams()) {
        if (team.id != exceptId && team.name.compare(name, Qt::CaseInsensitive) == 0)
            return StoreResult::failure(QStringLiteral("name"), tr("A team with this name already exists."));
    }
    return StoreResult::success(0);
}

StoreResult TeamRepository::create(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (StoreResult check = checkName(trimmed, 0); !check.ok())
        return check;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO team (name) VALUES (?) RETURNING id"));
    q.addBindValue(trimmed);
    if (!q.exec() || !q.next())
        return DriverErrorMapper::failure(q);
    return StoreResult::success(q.value(0).toLongLong());
}

// Runs a prepared UPDATE or DELETE of one team; none changed means it is gone.
StoreResult TeamRepository::changeOneTeam(QSqlQuery &q, qint64 teamId)
{
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (q.numRowsAffected() != 1)
        return StoreResult::failure(QString(), tr("This team no longer exists."));
    return StoreResult::success(teamId);
}

StoreResult TeamRepository::rename(qint64 teamId, const QString &name, const QString &expectedName)
{
    const QString trimmed = name.trimmed();
    if (StoreResult check = checkName(trimmed, teamId); !check.ok())
        return check;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE team SET name = ? WHERE id = ?%1")
                  .arg(expectedName.isNull() ? QString() : QStringLiteral(" AND name = ?")));
    q.addBindValue(trimmed);
    q.addBindValue(teamId);
    if (expectedName.isNull())
        return changeOneTeam(q, teamId);
    q.addBindValue(expectedName);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (q.numRowsAffected() != 1)
        return StoreResult::conflict(tr("This team was renamed or deleted meanwhile."));
    return StoreResult::success(teamId);
}

StoreResult TeamRepository::remove(qint64 teamId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM employee_profile WHERE team_id = ?"));
    q.addBindValue(teamId);
    if (!q.exec() || !q.next())
        return DriverErrorMapper::failure(q);
    const qint64 users = q.value(0).toLongLong();
    q.finish();
    if (users > 0)
        return StoreResult::failure(QString(), tr("This team cannot be deleted: %n employee(s) belong to it. "
                                                  "Move them to another team first.",
                                                  nullptr, int(users)));
    q.prepare(QStringLiteral("DELETE FROM team WHERE id = ?"));
    q.addBindValue(teamId);
    return changeOneTeam(q, teamId);
}

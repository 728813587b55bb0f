#pragma once

#include <QList>
#include <QString>

struct Team
{
    qint64 id = 0;
    QString name;
};

// The name of team `teamId` among `teams`; "" when it is not one of them.
inline QString teamName(const QList<Team> &teams, qint64 teamId)
{
    for (const Team &team : teams) {
        if (team.id == teamId)
            return team.name;
    }
    return {};
}

#pragma once

#include <QString>

struct Team
{
    qint64 id = 0;
    QString name;
};

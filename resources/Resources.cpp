#include "Resources.h"

#include <QDir>

int Resources::actionIconCount()
{
    return int(
        QDir(QStringLiteral(":/icons/actions")).entryList({QStringLiteral("*.svg")}, QDir::Files).size());
}

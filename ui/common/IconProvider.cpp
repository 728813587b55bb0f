#include "common/IconProvider.h"

#include <QFile>

namespace {
QString fallbackPath(const QString &name)
{
    // The resources target may use either prefix; take whichever exists.
    for (const QString &candidate : {QStringLiteral(":/icons/actions/%1.svg"),
                                     QStringLiteral(":/resources/icons/actions/%1.svg")}) {
        const QString path = candidate.arg(name);
        if (QFile::exists(path))
            return path;
    }
    return {};
}
}

QIcon IconProvider::icon(const QString &themeName)
{
    const QString fallback = fallbackPath(themeName);
    if (fallback.isEmpty())
        return QIcon::fromTheme(themeName);
    return QIcon::fromTheme(themeName, QIcon(fallback));
}

QIcon IconProvider::applicationIcon()
{
    for (const QString &path : {QStringLiteral(":/icons/org.example.EmployeeRecords.svg"),
                                QStringLiteral(":/resources/icons/org.example.EmployeeRecords.svg")}) {
        if (QFile::exists(path))
            return QIcon::fromTheme(QStringLiteral("org.example.EmployeeRecords"), QIcon(path));
    }
    return QIcon::fromTheme(QStringLiteral("org.example.EmployeeRecords"));
}

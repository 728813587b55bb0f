#include "domain/HistoryFormat.h"

#include <QStringList>

QString HistoryFormat::who(const HistoryEntry &entry)
{
    QStringList where;
    QString name;
    if (entry.changeSetId == 0 && entry.source.isEmpty()) {
        name = tr("another tool");
        if (!entry.client.isEmpty())
            where << entry.client;
        if (!entry.dbUser.isEmpty())
            where << tr("role %1").arg(entry.dbUser);
    } else {
        name = entry.osUser.isEmpty() ? tr("unknown user") : entry.osUser;
        if (entry.source == QLatin1String("import"))
            where << (entry.detail.isEmpty() ? tr("import") : tr("import of %1").arg(entry.detail));
        else if (entry.source == QLatin1String("command line"))
            where << tr("command line");
        else if (entry.source == QLatin1String("export"))   // the detail: from where it was asked
            where << (entry.detail == QLatin1String("command line") ? tr("export from the command line")
                                                                    : tr("export from the window"));
        else
            where << tr("window");
        if (!entry.dbUser.isEmpty() && entry.dbUser != entry.osUser)
            where << tr("role %1").arg(entry.dbUser);
    }
    return where.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, where.join(QStringLiteral(", ")));
}

QString HistoryFormat::value(const QVariant &value)
{
    return value.isNull() ? tr("(none)") : value.toString();
}

QString HistoryFormat::what(const HistoryEntry &entry)
{
    QString what;
    if (entry.action == QLatin1String("created"))
        what = tr("created");
    else if (entry.action == QLatin1String("deleted"))
        what = tr("deleted");
    else if (entry.action == QLatin1String("archived"))
        what = tr("archived, left on %1").arg(value(entry.newValue));
    else if (entry.action == QLatin1String("restored"))
        what = tr("restored from the archive");
    else if (entry.action == QLatin1String("exported"))   // the format; a purge leaves it NULL
        what = entry.newValue.isNull() ? tr("exported") : tr("exported (%1)").arg(entry.newValue.toString());
    else
        what =
            QStringLiteral("%1: %2 \u2192 %3").arg(entry.field, value(entry.oldValue), value(entry.newValue));
    return what;
}

QString HistoryFormat::line(const HistoryEntry &entry)
{
    return QStringLiteral("%1  %2  %3").arg(entry.at, who(entry), what(entry));
}

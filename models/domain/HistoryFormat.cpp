#include "domain/HistoryFormat.h"

#include <QStringList>

QString HistoryFormat::who(const HistoryEntry &entry)
{
    QStringList where;
    QString name;
    if (byAnotherTool(entry)) {
        name = tr("another tool");
        if (!entry.client.isEmpty())
            where << entry.client;
        if (!entry.dbUser.isEmpty())
            where << tr("role %1").arg(entry.dbUser);
    } else {
        name = entry.osUser.isEmpty() ? tr("unknown user") : entry.osUser;
        where << origin(entry);
        if (!entry.dbUser.isEmpty() && entry.dbUser != entry.osUser)
            where << tr("role %1").arg(entry.dbUser);
    }
    return where.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, where.join(QStringLiteral(", ")));
}

QString HistoryFormat::user(const HistoryEntry &entry)
{
    if (byAnotherTool(entry))
        return entry.dbUser.isEmpty() ? tr("unknown user") : entry.dbUser;
    const QString name = entry.osUser.isEmpty() ? tr("unknown user") : entry.osUser;
    if (!entry.dbUser.isEmpty() && entry.dbUser != entry.osUser)
        return QStringLiteral("%1 / %2").arg(name, entry.dbUser);
    return name;
}

QString HistoryFormat::origin(const HistoryEntry &entry)
{
    if (byAnotherTool(entry))
        return entry.client.isEmpty() ? tr("another tool") : tr("another tool (%1)").arg(entry.client);
    if (entry.source == QLatin1String("import"))
        return entry.detail.isEmpty() ? tr("import") : tr("import of %1").arg(entry.detail);
    if (entry.source == QLatin1String("command line"))
        return tr("command line");
    // The purge is a source of its own: the erasure is its only change.
    if (entry.source == QLatin1String("purge"))
        return tr("purge");
    if (entry.source == QLatin1String("export"))   // the detail: from where it was asked
        return entry.detail == QLatin1String("command line") ? tr("export from the command line")
                                                             : tr("export from the window");
    return tr("window");
}

QString HistoryFormat::value(const QVariant &value)
{
    return value.isNull() ? tr("(none)") : value.toString();
}

QString HistoryFormat::change(const HistoryEntry &entry, const QString &field)
{
    if (entry.action == QLatin1String("created"))
        return tr("created");
    if (entry.action == QLatin1String("deleted"))
        return tr("deleted");
    if (entry.action == QLatin1String("purged"))
        return tr("purged");
    if (entry.action == QLatin1String("archived"))
        return tr("archived, left on %1").arg(value(entry.newValue));
    if (entry.action == QLatin1String("restored"))
        return tr("restored from the archive");
    if (entry.action == QLatin1String("imported"))   // an import's one entry: how many it added
        return tr("imported %n employee(s)", nullptr, entry.newValue.toInt());
    if (entry.action == QLatin1String("exported"))   // the format; a purge leaves it NULL
        return entry.newValue.isNull() ? tr("exported") : tr("exported (%1)").arg(entry.newValue.toString());
    return QStringLiteral("%1: %2 \u2192 %3").arg(field, value(entry.oldValue), value(entry.newValue));
}

QString HistoryFormat::what(const HistoryEntry &entry)
{
    return change(entry, entry.field);
}

QString HistoryFormat::line(const HistoryEntry &entry)
{
    return QStringLiteral("%1  %2  %3").arg(entry.at, who(entry), change(entry, entry.field));
}

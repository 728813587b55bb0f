#pragma once

#include <QString>
#include <QStringList>

// How the window's statements are spelt, where more than one class needs it.
// Every part is SQL the models wrote (column expressions, conditions with ?
// placeholders); values are always bound, never spliced in.
namespace SqlText {
// " WHERE (a) AND (b)" of the non-empty parts, "" when there is none.
QString where(const QStringList &parts);
// COUNT(*) of `from` + `where`; `capped` counts at most a bound LIMIT (the last ?).
QString count(const QString &from, const QString &where, bool capped);
}

#include "views/SearchCondition.h"

#include "views/LikePrefix.h"

#include <QHash>
#include <QMutex>
#include <QSqlQuery>
#include <algorithm>

namespace {
QString asciiLower(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return out;
}

// Whether the server sorts text by its bytes (collation C or POSIX), the
// order StreamMerge merges in. Asked once per database (a connection name
// can be used again for another one).
bool sortsByBytes(const QSqlDatabase &db)
{
    static QMutex mutex;
    static QHash<QString, bool> known;
    const QString key = QStringLiteral("%1 %2:%3/%4")
                            .arg(db.connectionName(), db.hostName())
                            .arg(db.port())
                            .arg(db.databaseName());
    QMutexLocker lock(&mutex);
    const auto found = known.constFind(key);
    if (found != known.constEnd())
        return *found;
    QSqlQuery q(db);
    const bool bytes = q.exec(QStringLiteral("SELECT datcollate FROM pg_database WHERE datname = current_database()"))
        && q.next() && (q.value(0).toString() == QLatin1String("C") || q.value(0).toString() == QLatin1String("POSIX"));
    known.insert(key, bytes);
    return bytes;
}
} // namespace

SearchCondition SearchCondition::forEmployees(const QSqlDatabase &db, const QString &text, const QString &alias)
{
    SearchCondition result;
    QString simplified = text.simplified();
    // "+49 30 123", typed or pasted as the view shows it, is one phone
    // number, not three words (names and emails always have letters).
    const bool wholePhone = std::any_of(simplified.cbegin(), simplified.cend(), [](QChar c) { return c.isDigit(); })
        && std::all_of(simplified.cbegin(), simplified.cend(),
                       [](QChar c) { return c.isDigit() || QStringLiteral(" +-()./").contains(c); });
    if (wholePhone)
        simplified.remove(QLatin1Char(' '));
    QStringList words = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 6)
        words = words.mid(0, 6);
    const bool postgres = db.driverName().startsWith(QLatin1String("QPSQL"));
    // A broad search is read as one index-ordered read per column, merged
    // here in byte order: on PostgreSQL only where the server sorts so.
    const bool mergeable = !postgres || sortsByBytes(db);
    // Above every character a prefix can be followed by (UTF-8 byte order).
    const QString top = QString::fromUcs4(U"\U0010FFFF");
    QStringList indexed;
    QStringList scanned;
    QStringList unindexed;   // PostgreSQL: the same tests spelt so that no index serves them
    for (const QString &word : std::as_const(words)) {
        struct Test { QString expr; QString value; };
        QList<Test> tests;
        const QString name = postgres ? word.toLower() : asciiLower(word);
        tests << Test{QStringLiteral("lower(%1.first_name)").arg(alias), name}
              << Test{QStringLiteral("lower(%1.last_name)").arg(alias), name}
              << Test{QStringLiteral("%1.email_normalized").arg(alias), word.toCaseFolded()};
        QString digits;
        bool phoneLike = true;
        for (const QChar c : word) {
            if (c.isDigit())
                digits += c;
            else if (!QStringLiteral("+-()./").contains(c))
                phoneLike = false;
        }
        if (phoneLike && !digits.isEmpty())
            tests << Test{QStringLiteral("%1.phone").arg(alias), QLatin1Char('+') + digits};
        QStringList anyIndexed;
        QStringList anyScanned;
        QStringList anyUnindexed;
        for (const Test &t : std::as_const(tests)) {
            if (postgres) {
                anyIndexed << t.expr + QLatin1String(" LIKE ? ESCAPE '!'");
                anyUnindexed << QLatin1Char('(') + t.expr + QLatin1String(" || '') LIKE ? ESCAPE '!'");
                result.binds << likePrefix(t.value);
                if (mergeable)
                    result.streams.append({t.expr, anyIndexed.last(), anyIndexed.last(), {likePrefix(t.value)},
                                           int(indexed.size())});
            } else {
                anyIndexed << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(t.expr);
                anyScanned << QStringLiteral("(+%1 >= ? AND +%1 < ?)").arg(t.expr);
                result.binds << t.value << t.value + top;
                result.streams.append({t.expr, anyIndexed.last(), anyScanned.last(), {t.value, t.value + top},
                                       int(indexed.size())});
            }
        }
        indexed << anyIndexed.join(QLatin1String(" OR "));
        scanned << anyScanned.join(QLatin1String(" OR "));
        unindexed << anyUnindexed.join(QLatin1String(" OR "));
    }
    auto joinAll = [](const QStringList &parts) {
        QStringList wrapped;
        for (const QString &p : parts)
            wrapped << QLatin1Char('(') + p + QLatin1Char(')');
        return wrapped.join(QLatin1String(" AND "));
    };
    result.filter = joinAll(indexed);
    result.scanFilter = postgres ? result.filter : joinAll(scanned);
    // PostgreSQL counts several words as a BitmapAnd of every word's ranges
    // when ANALYZE's sample says so: "anna m" then reads each name starting
    // with m (a fifth of a million rows, 150-167 ms) to keep 60. Only the
    // longest word, the likeliest to be rare, is left to the indexes; the
    // others filter its matches (34 ms). Same condition, same binds.
    if (postgres && words.size() > 1) {
        qsizetype longest = 0;
        for (qsizetype w = 1; w < words.size(); ++w) {
            if (words.at(w).size() > words.at(longest).size())
                longest = w;
        }
        QStringList counted = unindexed;
        counted[longest] = indexed.at(longest);
        result.countFilter = joinAll(counted);
    }
    return result;
}

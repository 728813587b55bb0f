#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

// "The rows after this one" in an order of key expressions whose last key is
// unique: (k1, k2, id) > (?, ?, ?). SqlRowWindow's block reads, its rowOfId
// count and the anchor scan all seek the sort index this way; the spelling
// lives here once.
class KeysetPredicate
{
public:
    KeysetPredicate(const QStringList &keys, bool ascending);

    QString orderBy() const;   // "k1 ASC, k2 ASC, id ASC"
    QString after() const;     // the condition, with ? placeholders
    // The values for after()'s placeholders, from the keys of the row to
    // start after (the leading key is bound twice when there are several).
    static QVariantList binds(const QVariantList &keyValues);

private:
    QStringList m_keys;
    bool m_ascending;
};

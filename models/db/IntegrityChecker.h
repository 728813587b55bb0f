#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

// What `--check` reports: every employee has exactly one profile, every
// foreign key holds, and (SQLite) the file itself is sound.
class IntegrityChecker
{
    Q_DECLARE_TR_FUNCTIONS(IntegrityChecker)
public:
    // An empty list means the database is clean.
    static QStringList check(const QSqlDatabase &db);
};

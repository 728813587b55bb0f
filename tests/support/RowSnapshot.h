#pragma once

#include <QSqlDatabase>
#include <QStringList>

// One row exactly as stored, column by column: "column=type:quoted value",
// NULL told apart from '' and blobs as hex (SQLite typeof()/quote(),
// PostgreSQL pg_typeof()/quote_nullable()). For tests that check that a
// write changed only what it should, byte for byte.
QStringList rowSnapshot(const QSqlDatabase &db, const QString &table, const QString &keyColumn, qint64 key);

// The columns whose values differ between two snapshots of the same table.
QStringList changedColumns(const QStringList &before, const QStringList &after);

#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// The prepared statements of one SqlRowWindow, by SQL text (a scroll repeats
// the same few keyset reads with new values), and the one place they run:
// binds the values, logs slow statements (ER_WINDOW_TRACE=MS logs every one
// that takes MS ms or more) and keeps the last error for lastError().
class StatementCache
{
public:
    explicit StatementCache(const QSqlDatabase &db);
    bool isPostgres() const { return m_db.driverName().startsWith(QLatin1String("QPSQL")); }

    // The executed statement, positioned before its first row; nullptr on error.
    QSqlQuery *exec(const QString &sql, const QVariantList &binds);
    // Runs a statement that is not worth keeping (its SQL is used once).
    bool run(QSqlQuery &q, const QVariantList &binds);

    void clear() { m_queries.clear(); }
    QString lastError() const { return m_error; }
    void clearError() { m_error.clear(); }

private:
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_queries;
    QString m_error;
};

#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <functional>

// Nested transactions on one connection: the outermost begin() opens a
// transaction, each inner one a savepoint, so a write can be all-or-nothing
// on its own and still be part of a larger one (a row of a PostgreSQL bulk
// import, a receiver's write inside a creation).
class TransactionStack
{
    Q_DECLARE_TR_FUNCTIONS(TransactionStack)
public:
    TransactionStack(const QSqlDatabase &db, bool postgres);

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    int depth() const { return m_depth; }
    // Run right after the outer BEGIN and right before the outer COMMIT (the
    // history's change set, ChangeLog); false (with *error) rolls the
    // transaction back. `rolledBack` hears every outer rollback.
    void setOuterHooks(std::function<bool(QString *)> begun, std::function<bool(QString *)> committing,
                       std::function<void()> rolledBack);

private:
    bool beginOuter(QString *error);
    bool execControl(const QString &sql, QString *error);

    QSqlDatabase m_db;
    bool m_postgres;
    int m_depth = 0;
    std::function<bool(QString *)> m_begun;
    std::function<bool(QString *)> m_committing;
    std::function<void()> m_rolledBack;
};

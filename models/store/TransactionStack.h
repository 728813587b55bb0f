#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

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

private:
    bool beginOuter(QString *error);
    bool execControl(const QString &sql, QString *error);

    QSqlDatabase m_db;
    bool m_postgres;
    int m_depth = 0;
};

#include "store/TransactionStack.h"

#include "store/DriverErrorMapper.h"

#include <QSqlError>
#include <QSqlQuery>

TransactionStack::TransactionStack(const QSqlDatabase &db, bool postgres) : m_db(db), m_postgres(postgres) { }

void TransactionStack::setOuterHooks(std::function<bool(QString *)> begun,
                                     std::function<bool(QString *)> committing,
                                     std::function<void()> rolledBack)
{
    m_begun = std::move(begun);
    m_committing = std::move(committing);
    m_rolledBack = std::move(rolledBack);
}

bool TransactionStack::begin(QString *error)
{
    const bool ok = m_depth == 0 ? beginOuter(error)
                                 : execControl(QStringLiteral("SAVEPOINT er_sp%1").arg(m_depth), error);
    if (!ok)
        return false;
    if (m_depth == 0 && m_begun && !m_begun(error)) {
        m_db.rollback();
        if (m_rolledBack)
            m_rolledBack();
        return false;
    }
    ++m_depth;
    return true;
}

// SQLite: BEGIN IMMEDIATE takes the write lock before the first read. A
// deferred BEGIN reads a snapshot first, and if another connection commits
// before our first write, that write fails at once with "database is locked"
// however long the busy timeout; with the lock taken up front a busy
// database is reported here, before anything is done.
bool TransactionStack::beginOuter(QString *error)
{
    if (m_postgres) {
        if (m_db.transaction())
            return true;
        if (error)
            *error = tr("Cannot start a transaction: %1").arg(m_db.lastError().text());
        return false;
    }
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    if (error)
        *error = DriverErrorMapper::failure(q).errorText();
    return false;
}

bool TransactionStack::commit(QString *error)
{
    --m_depth;
    if (m_depth > 0)
        return execControl(QStringLiteral("RELEASE SAVEPOINT er_sp%1").arg(m_depth), error);
    if (m_committing && !m_committing(error)) {
        m_db.rollback();
        if (m_rolledBack)
            m_rolledBack();
        return false;
    }
    if (m_db.commit())
        return true;
    if (error)
        *error = tr("The changes could not be saved: %1").arg(m_db.lastError().text());
    m_db.rollback();
    if (m_rolledBack)
        m_rolledBack();
    return false;
}

void TransactionStack::rollback()
{
    --m_depth;
    if (m_depth > 0) {
        execControl(QStringLiteral("ROLLBACK TO SAVEPOINT er_sp%1").arg(m_depth), nullptr);
        execControl(QStringLiteral("RELEASE SAVEPOINT er_sp%1").arg(m_depth), nullptr);
    } else {
        m_db.rollback();
        if (m_rolledBack)
            m_rolledBack();
    }
}

// Savepoints only run below an open transaction: for each row of a
// PostgreSQL bulk import and for nested writes. SQLite bulk rows need none
// (EmployeeStore::createEmployee), so nothing here is on SQLite's hot path.
bool TransactionStack::execControl(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = tr("Database error: %1").arg(q.lastError().text());
    return false;
}

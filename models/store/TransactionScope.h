#pragma once

#include "store/TransactionStack.h"

// One level of a TransactionStack for the length of a scope: begun on
// construction, rolled back on destruction unless committed, so an early
// return or a refused write can never leave a transaction half open.
class TransactionScope
{
public:
    explicit TransactionScope(TransactionStack &stack) : m_stack(stack) { m_ok = stack.begin(&m_error); }
    ~TransactionScope()
    {
        if (m_ok && !m_done)
            m_stack.rollback();
    }
    TransactionScope(const TransactionScope &) = delete;
    TransactionScope &operator=(const TransactionScope &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    bool commit(QString *error)
    {
        m_done = true;
        return m_stack.commit(error);
    }

private:
    TransactionStack &m_stack;
    QString m_error;
    bool m_ok = false;
    bool m_done = false;
};

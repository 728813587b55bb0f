#include "views/StatementCache.h"

#include <QElapsedTimer>
#include <QSqlError>

namespace {
const int g_traceMs = qEnvironmentVariableIsSet("ER_WINDOW_TRACE") ? qEnvironmentVariableIntValue("ER_WINDOW_TRACE") : -1;
}

StatementCache::StatementCache(const QSqlDatabase &db) : m_db(db) { }

QSqlQuery *StatementCache::exec(const QString &sql, const QVariantList &binds)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            qWarning("SqlRowWindow: cannot prepare %s: %s", qPrintable(sql), qPrintable(m_error));
            return nullptr;
        }
        it = m_queries.insert(sql, q);
    }
    return run(it.value(), binds) ? &it.value() : nullptr;
}

bool StatementCache::run(QSqlQuery &q, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    QElapsedTimer timer;
    timer.start();
    const bool ok = q.exec();
    if (g_traceMs >= 0 && timer.elapsed() >= g_traceMs)
        qInfo("SqlRowWindow: %lld ms: %s", qint64(timer.elapsed()), qPrintable(q.lastQuery()));
    if (!ok) {
        m_error = q.lastError().text();
        qWarning("SqlRowWindow: %s: %s", qPrintable(q.lastQuery()), qPrintable(m_error));
    }
    return ok;
}

#include "store/ChangeLog.h"

#include "db/SqlValue.h"
#include "domain/Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <pwd.h>
#include <unistd.h>

ChangeLog::ChangeLog(const QSqlDatabase &db, bool postgres) : m_db(db), m_postgres(postgres) { }

QString ChangeLog::osUser()
{
    static const QString name = [] {
        if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
            return QString::fromLocal8Bit(pw->pw_name);
        return qEnvironmentVariable("USER");
    }();
    return name;
}

bool ChangeLog::open(QString *error)
{
    QSqlQuery q(m_db);
    // On PostgreSQL the role is the server's word for who wrote, not ours.
    q.prepare(QStringLiteral("INSERT INTO change_set (at, os_user, db_user, source, detail, open) "
                             "VALUES (?, ?, %1, ?, ?, 1)")
                  .arg(m_postgres ? QStringLiteral("session_user") : QStringLiteral("NULL"))
              + (m_postgres ? QStringLiteral(" RETURNING id") : QString()));
    q.addBindValue(Timestamp::now());
    q.addBindValue(osUser());
    q.addBindValue(m_origin.source);
    q.addBindValue(SqlValue::nullable(m_origin.detail));
    if (!q.exec() || (m_postgres && !q.next())) {
        if (error)
            *error = tr("The change could not be recorded in the history: %1").arg(q.lastError().text());
        return false;
    }
    m_current = m_postgres ? q.value(0).toLongLong() : q.lastInsertId().toLongLong();
    m_rows = -1;
    return m_current > 0;
}

bool ChangeLog::close(QString *error)
{
    if (m_current <= 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE change_set SET open = 0, row_count = ? WHERE id = ?"));
    q.addBindValue(m_rows >= 0 ? QVariant(m_rows) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(m_current);
    const bool ok = q.exec();
    if (!ok && error)
        *error = tr("The change could not be recorded in the history: %1").arg(q.lastError().text());
    forget();
    return ok;
}

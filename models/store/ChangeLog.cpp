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

bool ChangeLog::recordCreation(qint64 employeeId, QString *error)
{
    return addEntry(employeeId, QStringLiteral("created"), QVariant(QMetaType(QMetaType::QString)), error);
}

// What no trigger writes: the application's own creations (the triggers
// record only other tools', which have no change set to name theirs) and
// an import's one summary, so the database-wide history lists both.
bool ChangeLog::addEntry(qint64 employeeId, const QString &action, const QVariant &newValue, QString *error)
{
    if (m_current <= 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO change_entry (change_set_id, at, db_user, employee_id, subject, action, "
                             "new_value) VALUES (?, %1, %2, ?, ?, ?, ?)")
                  .arg(m_postgres ? QStringLiteral("employee_records_now()")
                                  : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
                       m_postgres ? QStringLiteral("session_user") : QStringLiteral("NULL")));
    q.addBindValue(m_current);
    q.addBindValue(employeeId > 0 ? QVariant(employeeId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(employeeId > 0 ? QStringLiteral("employee") : QStringLiteral("import"));
    q.addBindValue(action);
    q.addBindValue(newValue);
    if (q.exec())
        return true;
    if (error)
        *error = tr("The change could not be recorded in the history: %1").arg(q.lastError().text());
    return false;
}

bool ChangeLog::close(QString *error)
{
    if (m_current <= 0)
        return true;
    const bool import = m_origin.source == QLatin1String(ChangeOrigin::Import);
    if (import && m_rows >= 0 && !addEntry(0, QStringLiteral("imported"), QString::number(m_rows), error)) {
        forget();
        return false;
    }
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

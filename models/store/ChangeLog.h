#pragma once

#include "store/ChangeOrigin.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariant>

// The application's side of the history (db/HistorySchema): every outer
// write transaction of the store opens one change_set (who, from where) that
// the database's triggers attach each changed field to, and closes it just
// before its commit. A transaction that is rolled back takes its set along.
class ChangeLog
{
    Q_DECLARE_TR_FUNCTIONS(ChangeLog)
public:
    ChangeLog(const QSqlDatabase &db, bool postgres);

    void setOrigin(const ChangeOrigin &origin) { m_origin = origin; }
    ChangeOrigin origin() const { return m_origin; }
    // The rows an import created, recorded when its set closes.
    void setRowCount(int rows) { m_rows = rows; }

    // Right after the outer BEGIN.
    bool open(QString *error);
    // Right before the outer COMMIT; an import's set gets its one summary
    // entry ("imported", the row count) here.
    bool close(QString *error);
    // A creation by this application, in the open set (another tool's is
    // recorded by a trigger). Nothing when no set is open.
    bool recordCreation(qint64 employeeId, QString *error);
    // The open set's id (employee.created_change_set of the rows it creates), 0 when none is open.
    qint64 currentId() const { return m_current; }
    void forget()
    {
        m_current = 0;
        m_rows = -1;
    } // after a rollback

    // The operating system's name of the user running the application.
    static QString osUser();

private:
    bool addEntry(qint64 employeeId, const QString &action, const QVariant &newValue, QString *error);

    QSqlDatabase m_db;
    bool m_postgres;
    ChangeOrigin m_origin;
    qint64 m_current = 0;
    int m_rows = -1;
};

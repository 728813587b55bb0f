#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// What one bulk import (EmployeeStore::beginBulk() ... commitBulk()) keeps
// and changes on its connection while it runs: on SQLite a larger page
// cache and, when asked, the secondary indexes dropped and built again at
// the end; on either backend the count of rows created and whether a refused
// row could not be undone.
class BulkImportSession
{
public:
    // Tunes the connection for the import (SQLite: a larger page cache;
    // PostgreSQL: generic plans); the destructor tunes it back.
    BulkImportSession(const QSqlDatabase &db, bool postgres);
    ~BulkImportSession();
    BulkImportSession(const BulkImportSession &) = delete;
    BulkImportSession &operator=(const BulkImportSession &) = delete;

    // SQLite only, before the first write: drops the non-unique secondary
    // indexes of employee and employee_profile, except those whose inserts
    // are appends (keptDuringImport()). False: nothing deferred.
    bool deferSecondaryIndexes();
    // Builds the deferred indexes again, in the import's transaction. False,
    // with the driver's text, when one could not be built.
    bool recreateDeferredIndexes(QString *driverError);
    // After a rollback: the rollback brought the indexes back.
    void forgetDeferredIndexes() { m_deferredIndexes.clear(); }

    void countCreated(int rows) { m_created += rows; }
    int created() const { return m_created; }
    // A team was created inside the bulk (an import's --create-teams): the
    // store announces it after the commit.
    void noteTeamsChanged() { m_teamsChanged = true; }
    bool teamsChanged() const { return m_teamsChanged; }
    // A refused row whose undo failed: the import cannot be trusted and must not commit.
    void markBroken() { m_broken = true; }
    bool isBroken() const { return m_broken; }
    // Just before the commit: on PostgreSQL the import's commit waits for its
    // WAL to be flushed (see the .cpp for why).
    void beforeCommit();
    // After the commit, outside any transaction: on PostgreSQL a large
    // import is vacuumed and analyzed at once (see the .cpp for why).
    void afterCommit();

private:
    static bool keptDuringImport(const QString &indexName);
    void tune(bool importing);

    QSqlDatabase m_db;
    bool m_postgres;
    QStringList m_deferredIndexes;   // CREATE INDEX statements to run again before commit
    int m_created = 0;
    bool m_broken = false;
    bool m_teamsChanged = false;
};

#include "store/BulkImportSession.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

// A big import keeps its dirty pages in memory instead of spilling them to
// the WAL page by page (measured: 100k rows 7.3 s with the default 2 MB
// cache, 4.8 s with 64 MB). Browsing goes back to the smaller cache.
// PostgreSQL: see tune().
BulkImportSession::BulkImportSession(const QSqlDatabase &db, bool postgres) : m_db(db), m_postgres(postgres)
{
    tune(true);
}

BulkImportSession::~BulkImportSession()
{
    tune(false);
}

// On PostgreSQL every connection plans each execution for its values (see
// Database::open(): the views' LIKE prefixes need it), which for the import's
// INSERTs of 250 rows and 1,750 values is pure cost: with the server's
// generic plans an import of 100k rows took 6.9 s instead of 10.0 s.
void BulkImportSession::tune(bool importing)
{
    if (m_postgres) {
        QSqlQuery q(m_db);
        q.exec(importing ? QStringLiteral("SET plan_cache_mode = auto")
                         : QStringLiteral("SET plan_cache_mode = force_custom_plan"));
        return;
    }
    QSqlQuery q(m_db);
    q.exec(importing ? QStringLiteral("PRAGMA cache_size = -65536")
                     : QStringLiteral("PRAGMA cache_size = -16384"));
}

// A server with synchronous_commit = off (a common tuning; the tests' and the
// benchmark's server) cannot set hint bits, nor mark a page all-visible, for
// a transaction whose commit is not yet flushed, so the VACUUM of
// afterCommit() right after the commit left all 22,831 pages of a 1M-row
// import unmarked (a jump 430 ms, a search keystroke 140 ms). An import is
// also worth one flush: "imported" then means durable.
void BulkImportSession::beforeCommit()
{
    if (!m_postgres)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SET LOCAL synchronous_commit = on"));
}

// Right after a large import on PostgreSQL the new pages are not yet marked
// all-visible, so the views' index-only reads of sort keys visit the table
// for every row they skip (a jump took 1.8 s at 1M rows against 66 ms once
// autovacuum had been), and the planner has no statistics for the new rows.
// PostgreSQL's manual ("Populating a Database") says to ANALYZE after a bulk
// load; VACUUM also sets the visibility map. Without the tables' ownership
// the server only warns and autovacuum does it later; nothing is lost.
void BulkImportSession::afterCommit()
{
    constexpr int VacuumFrom = 10000; // rows: below this autovacuum soon catches up
    if (!m_postgres || m_created < VacuumFrom)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("VACUUM (ANALYZE) employee, employee_profile"));
}

// Indexes led by a column of a few values (team, gender) followed by id take
// every new row at the end of its value's range: a handful of hot pages, as
// cheap as appending, and cheaper than a rebuild's sort (measured at 1M rows:
// commit 1.2 s shorter, import 4-10% faster).
bool BulkImportSession::keptDuringImport(const QString &indexName)
{
    return indexName == QLatin1String("employee_profile_team_idx")
        || indexName == QLatin1String("employee_profile_gender_idx");
}

// Building an index from all its keys at once is far cheaper than inserting
// a million random keys one by one, so a large import into a small table
// defers them (CsvImporter decides when). Unique indexes stay: they refuse
// duplicates row by row. DDL is transactional in SQLite, so a rolled back
// import gets its indexes back with everything else.
bool BulkImportSession::deferSecondaryIndexes()
{
    if (m_postgres || !m_deferredIndexes.isEmpty())
        return false;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Names and statements come from the schema itself, never from user text.
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                               "AND tbl_name IN ('employee', 'employee_profile') ORDER BY name")))
        return false;
    QList<QPair<QString, QString>> indexes;
    while (q.next()) {
        const QString sql = q.value(1).toString();
        if (!sql.simplified().startsWith(QLatin1String("CREATE INDEX"), Qt::CaseInsensitive))
            continue; // unique indexes stay
        if (keptDuringImport(q.value(0).toString()))
            continue;
        indexes.append({q.value(0).toString(), sql});
    }
    q.finish();
    QStringList dropped;
    for (const auto &[name, sql] : std::as_const(indexes)) {
        const QString quoted = QLatin1Char('"')
            + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        if (!q.exec(QStringLiteral("DROP INDEX ") + quoted)) {
            // Put back what was dropped; the import goes on with its indexes.
            for (const QString &statement : std::as_const(dropped))
                q.exec(statement);
            return false;
        }
        dropped << sql;
    }
    m_deferredIndexes = dropped;
    return !dropped.isEmpty();
}

bool BulkImportSession::recreateDeferredIndexes(QString *driverError)
{
    QSqlQuery q(m_db);
    for (const QString &statement : std::exchange(m_deferredIndexes, {})) {
        if (!q.exec(statement)) {
            if (driverError)
                *driverError = q.lastError().text();
            return false;
        }
    }
    return true;
}

#include "store/EmployeeStore.h"

// Why this file is over 400 lines: EmployeeStore is the store's one public
// face. Every write that emits a signal (employeeAdded, employeeCreated,
// profileUpdated, teamsChanged, ...) passes through here, so that a write and
// its announcement cannot drift apart. What does not need the signals is in
// its own class: transactions (TransactionStack), the bulk session
// (BulkImportSession), the multi-row inserts (SqliteBulkInserter,
// PostgresBulkInserter),
// optimistic-locking writes (RecordChangeWriter), reads (EmployeeReader),
// teams (TeamRepository) and driver errors (DriverErrorMapper). The bulk
// import's chunks (createChunk, createPostgresChunk) stay here because they
// emit employeeCreated for every row of a chunk.

#include "db/SqlDialect.h"
#include "db/SqlValue.h"
#include "domain/Timestamp.h"
#include "store/BulkImportSession.h"
#include "store/ChangeLog.h"
#include "store/DriverErrorMapper.h"
#include "store/EmployeeArchive.h"
#include "store/EmployeeReader.h"
#include "store/ImportReversal.h"
#include "store/PersonalDataExport.h"
#include "store/PostgresBulkInserter.h"
#include "store/RecordChangeWriter.h"
#include "store/SqliteBulkInserter.h"
#include "store/TeamRepository.h"
#include "store/TransactionScope.h"
#include "validation/EmployeeValidator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

using SqlValue::nullable;
using SqlValue::nullableBlob;
using SqlValue::nullableDate;
using SqlValue::nullableId;

// Statements every create runs, prepared once per store.
struct EmployeeStore::Prepared
{
    explicit Prepared(const QSqlDatabase &db) : insertEmployee(db), insertProfile(db), findProfile(db) { }
    QSqlQuery insertEmployee;
    QSqlQuery insertProfile;
    QSqlQuery findProfile;
    bool ready = false;
    SqliteBulkInserter native; // SQLite bulk only: prepared in beginBulk(), finalized when it ends
    std::unique_ptr<PostgresBulkInserter> postgres; // PostgreSQL bulk only, likewise
};

namespace {
StoreResult nativeFailure(const SqliteBulkInserter::Outcome &outcome)
{
    return DriverErrorMapper::failure(outcome.errorText, outcome.errorCode, outcome.errorText);
}
} // namespace

EmployeeStore::EmployeeStore(const QSqlDatabase &db, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_dialect(std::make_unique<SqlDialect>(db)),
      m_transactions(std::make_unique<TransactionStack>(db, m_dialect->isPostgres())),
      m_prepared(std::make_unique<Prepared>(db)),
      m_reader(std::make_unique<EmployeeReader>(db)),
      m_teams(std::make_unique<TeamRepository>(db)),
      m_changeLog(std::make_unique<ChangeLog>(db, m_dialect->isPostgres())),
      m_writeProfile(
          [this](qint64 employeeId, const EmployeeProfile &seed) { return ensureProfile(employeeId, seed); })
{
    m_transactions->setOuterHooks([this](QString *error) { return m_changeLog->open(error); },
                                  [this](QString *error) { return m_changeLog->close(error); },
                                  [this] { m_changeLog->forget(); });
}

void EmployeeStore::setChangeOrigin(const ChangeOrigin &origin)
{
    m_changeLog->setOrigin(origin);
}

ChangeOrigin EmployeeStore::changeOrigin() const
{
    return m_changeLog->origin();
}

EmployeeStore::~EmployeeStore() = default;

// --- bulk ---------------------------------------------------------------------

bool EmployeeStore::beginBulk(QString *error)
{
    if (m_bulk || m_transactions->depth() > 0) {
        if (error)
            *error = tr("Another operation is still writing to the database.");
        return false;
    }
    if (!m_transactions->begin(error))
        return false;
    m_bulk = std::make_unique<BulkImportSession>(m_db, m_dialect->isPostgres());
    m_prepared->native.finalize();
    if (m_dialect->isPostgres())
        m_prepared->postgres = std::make_unique<PostgresBulkInserter>(m_db, m_changeLog->currentId());
    else
        m_prepared->native.prepare(m_db, m_changeLog->currentId()); // not ready: the rows go through QSqlQuery
    return true;
}

bool EmployeeStore::commitBulk(QString *error)
{
    if (!m_bulk)
        return false;
    const std::unique_ptr<BulkImportSession> bulk = std::move(m_bulk);
    m_prepared->native.finalize();
    m_prepared->postgres.reset();
    QString driverError;
    if (!bulk->isBroken() && !bulk->recreateDeferredIndexes(&driverError)) {
        m_transactions->rollback();
        if (error)
            *error = tr("Database error; nothing was saved: %1").arg(driverError);
        return false;
    }
    if (bulk->isBroken()) {
        m_transactions->rollback();
        if (error)
            *error = tr("A refused row could not be undone, so nothing was saved.");
        return false;
    }
    if (m_transactions->depth() == 1)
        bulk->beforeCommit();
    m_changeLog->setRowCount(bulk->created());
    if (!m_transactions->commit(error))
        return false;
    if (m_transactions->depth() == 0)
        bulk->afterCommit();
    if (bulk->created() > 0)
        emit employeesImported(bulk->created());
    if (bulk->teamsChanged())
        emit teamsChanged();
    return true;
}

void EmployeeStore::rollbackBulk()
{
    if (!m_bulk)
        return;
    const std::unique_ptr<BulkImportSession> bulk = std::move(m_bulk);
    bulk->forgetDeferredIndexes(); // the rollback brings them back
    m_prepared->native.finalize();
    m_prepared->postgres.reset();
    m_transactions->rollback();
}

bool EmployeeStore::deferSecondaryIndexes()
{
    return m_bulk && m_bulk->deferSecondaryIndexes();
}

// --- employees ----------------------------------------------------------------

void EmployeeStore::prepareStatements()
{
    if (m_prepared->ready)
        return;
    // QSQLITE builds a result record on every exec of a statement that
    // returns columns, which dominated the import; SQLite hands out the new
    // rowid for free, so RETURNING is only used where it is needed.
    const QString returning = m_dialect->isPostgres() ? QStringLiteral(" RETURNING id") : QString();
    // SQLite: ids above the archived employees' too (schema step 6).
    const QString id = m_dialect->isPostgres()
        ? QString()
        : QString::fromLatin1(SqliteBulkInserter::NextIdSql) + QStringLiteral(", ");
    m_prepared->insertEmployee.prepare(QStringLiteral("INSERT INTO employee (%1first_name, last_name, email, "
                                                      "email_normalized, phone, created_at, updated_at, "
                                                      "version, created_change_set) VALUES (%2?, ?, ?, ?, ?, ?, ?, 1, ?)")
                                           .arg(id.isEmpty() ? QString() : QStringLiteral("id, "), id)
                                       + returning);
    m_prepared->insertProfile.prepare(
        QStringLiteral(
            "INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, "
            "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
            "ON CONFLICT (employee_id) DO NOTHING")
        + returning);
    m_prepared->findProfile.prepare(QStringLiteral("SELECT id FROM employee_profile WHERE employee_id = ?"));
    m_prepared->ready = true;
}

qint64 EmployeeStore::insertedId(QSqlQuery &insert) const
{
    qint64 id = 0;
    if (!m_dialect->isPostgres())
        id = insert.lastInsertId().toLongLong();
    else if (insert.next())
        id = insert.value(0).toLongLong();
    insert.finish();
    return id;
}

StoreResult EmployeeStore::insertEmployeeRow(const Employee &employee)
{
    if (m_prepared->native.isReady()) {
        const SqliteBulkInserter::Outcome outcome = m_prepared->native.insertEmployee(
            employee, EmployeeValidator::normalizedEmail(employee.email), Timestamp::now());
        return outcome.ok ? StoreResult::success(outcome.id) : nativeFailure(outcome);
    }
    prepareStatements();
    QSqlQuery &q = m_prepared->insertEmployee;
    const QString now = Timestamp::now();
    q.bindValue(0, employee.firstName);
    q.bindValue(1, employee.lastName);
    q.bindValue(2, employee.email);
    q.bindValue(3, EmployeeValidator::normalizedEmail(employee.email));
    q.bindValue(4, nullable(employee.phone));
    q.bindValue(5, now);
    q.bindValue(6, now);
    q.bindValue(7, nullableId(m_changeLog->currentId()));
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    return StoreResult::success(insertedId(q));
}

StoreResult EmployeeStore::createEmployee(const Employee &employee, const EmployeeProfile &initialProfile)
{
    if (m_creation)
        return StoreResult::failure(QString(),
                                    tr("An employee cannot be created while another one is being created."));
    // Inside an SQLite bulk import a failed statement undoes only itself, so
    // a row needs no savepoint of its own: a refused creation is undone by
    // deleting the row (its profile cascades) in the same transaction. A
    // savepoint per row made SQLite copy every page it touched to a
    // sub-journal. PostgreSQL aborts the whole transaction on any error, so
    // there each row keeps its savepoint.
    const bool undoByDelete = m_bulk && !m_dialect->isPostgres();
    std::optional<TransactionScope> tx;
    if (!undoByDelete) {
        tx.emplace(*m_transactions);
        if (!tx->ok())
            return StoreResult::failure(QString(), tx->error());
    }
    const StoreResult inserted = insertEmployeeRow(employee);
    if (!inserted.ok())
        return inserted;

    const StoreResult received = runCreationReceivers(inserted.id(), initialProfile, m_writeProfile);
    if (!received.ok()) {
        if (undoByDelete)
            undoCreations(inserted.id(), inserted.id());
        return received; // otherwise tx's destructor rolls back to before the insert
    }
    QString error;
    // The import's rows are named by their created_change_set alone (no row each in the history).
    if (!m_bulk && !m_changeLog->recordCreation(inserted.id(), &error))
        return StoreResult::failure(QString(), error);   // tx's destructor rolls back
    // As committed, read before the commit (see saveChanges).
    const EmployeeRecord created = m_bulk ? EmployeeRecord{} : record(inserted.id()).value_or(EmployeeRecord{});
    if (tx && !tx->commit(&error))
        return StoreResult::failure(QString(), error);
    if (m_bulk) {
        m_bulk->countCreated(1);
        return inserted;
    }
    emit employeeAdded(inserted.id());
    CommittedEdit addition;
    addition.kind = CommittedEdit::Kind::Created;
    addition.employeeId = inserted.id();
    addition.after = created;
    emit editCommitted(addition);
    return inserted;
}

// The employeeCreated receivers, with the creation they may create the
// profile through or refuse; its answer once they have all returned.
StoreResult EmployeeStore::runCreationReceivers(qint64 employeeId, const EmployeeProfile &seed,
                                                const EmployeeCreation::ProfileWriter &writeProfile)
{
    EmployeeCreation creation(employeeId, seed, writeProfile);
    m_creation = &creation;
    emit employeeCreated(&creation);
    m_creation = nullptr;

    if (creation.isRefused())
        return StoreResult::failure(QString(), tr("The employee was not saved: %1").arg(creation.refusal()));
    if (!creation.profileCreated())
        return StoreResult::failure(QString(),
                                    tr("The employee was not saved because no profile was created for "
                                       "it (the profile creator is not connected)."));
    return StoreResult::success(employeeId);
}

void EmployeeStore::undoCreations(qint64 firstId, qint64 lastId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM employee WHERE id BETWEEN ? AND ?"));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    // If even this fails the bulk cannot be trusted: commitBulk() refuses it.
    if ((!q.exec() || q.numRowsAffected() != lastId - firstId + 1) && m_bulk)
        m_bulk->markBroken();
}

QList<StoreResult> EmployeeStore::createEmployees(const QList<NewEmployee> &rows)
{
    QList<StoreResult> results;
    results.reserve(rows.size());
    const int chunk = m_dialect->isPostgres() ? PostgresBulkInserter::MaxRowsPerStatement
                                              : SqliteBulkInserter::MaxRowsPerStatement;
    for (qsizetype from = 0; from < rows.size(); from += chunk) {
        const int count = int(std::min<qsizetype>(chunk, rows.size() - from));
        if (m_prepared->postgres ? createPostgresChunk(rows.constData() + from, count, results)
                                 : createChunk(rows.constData() + from, count, results))
            continue;
        for (int i = 0; i < count; ++i)
            results.append(createEmployee(*rows.at(from + i).employee, *rows.at(from + i).profile));
    }
    return results;
}

namespace {
std::vector<QString> normalizedEmails(const NewEmployee *rows, int count)
{
    std::vector<QString> normalized(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        normalized[size_t(i)] = EmployeeValidator::normalizedEmail(rows[i].employee->email);
    return normalized;
}
} // namespace

// All `count` rows, or none of them and false: the caller then creates them
// one by one to learn which were refused (rare: a duplicate in the file or
// in the database, or a receiver's refusal).
bool EmployeeStore::createChunk(const NewEmployee *rows, int count, QList<StoreResult> &results)
{
    SqliteBulkInserter &native = m_prepared->native;
    if (!m_bulk || m_creation || !native.isReady())
        return false;
    // The bulk holds the write lock, so the ids are the next ones after the
    // largest; given explicitly, they need no reading back.
    const qint64 maxId = native.maxEmployeeId();
    if (maxId < 0 || maxId > std::numeric_limits<qint64>::max() - count)
        return false;
    const std::vector<QString> normalized = normalizedEmails(rows, count);
    if (!native.insertEmployees(rows, normalized.data(), count, maxId + 1, Timestamp::now()).ok)
        return false; // SQLite undid the statement
    std::vector<qint64> ids(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        ids[size_t(i)] = maxId + 1 + i;
    std::vector<BulkProfileRow> queued;
    if (!receiveChunk(ids, rows, &queued)
        || !native.insertProfiles(queued.data(), count, Timestamp::now()).ok) {
        undoCreations(maxId + 1, maxId + count);
        return false;
    }
    m_bulk->countCreated(count);
    for (const qint64 id : ids)
        results.append(StoreResult::success(id));
    return true;
}

// The same on PostgreSQL, where other clients may insert meanwhile: the ids
// come back from the INSERT, and the chunk runs under one savepoint, which a
// refused row rolls back whole (PostgreSQL aborts the transaction at an
// error, so nothing else could go on).
bool EmployeeStore::createPostgresChunk(const NewEmployee *rows, int count, QList<StoreResult> &results)
{
    if (!m_bulk || m_creation)
        return false;
    TransactionScope savepoint(*m_transactions);
    if (!savepoint.ok())
        return false;
    const std::vector<QString> normalized = normalizedEmails(rows, count);
    const QString now = Timestamp::now();
    const auto ids = m_prepared->postgres->insertEmployees(rows, normalized.data(), count, now);
    std::vector<BulkProfileRow> queued;
    if (!ids || !receiveChunk(*ids, rows, &queued)
        || !m_prepared->postgres->insertProfiles(queued.data(), count, now))
        return false; // the savepoint's destructor rolls the chunk back
    QString error;
    if (!savepoint.commit(&error))
        return false;
    m_bulk->countCreated(count);
    for (const qint64 id : *ids)
        results.append(StoreResult::success(id));
    return true;
}

// employeeCreated for each employee of a chunk. The profiles the receivers
// create are held back in `queued`, to be written by one multi-row INSERT
// once they have all run. False at the first refusal or missing profile.
bool EmployeeStore::receiveChunk(const std::vector<qint64> &ids, const NewEmployee *rows,
                                 std::vector<BulkProfileRow> *queued)
{
    queued->reserve(ids.size());
    const EmployeeCreation::ProfileWriter queue = [queued](qint64 employeeId, const EmployeeProfile &seed) {
        queued->push_back({employeeId, &seed});
        return StoreResult::success(0);
    };
    for (size_t i = 0; i < ids.size(); ++i) {
        if (!runCreationReceivers(ids[i], *rows[i].profile, queue).ok())
            return false;
    }
    return queued->size() == ids.size();
}

StoreResult EmployeeStore::inTransaction(const std::function<StoreResult()> &work)
{
    TransactionScope tx(*m_transactions);
    if (!tx.ok())
        return StoreResult::failure(QString(), tx.error());
    const StoreResult result = work();
    if (!result.ok())
        return result; // tx rolls back
    QString error;
    if (!tx.commit(&error))
        return StoreResult::failure(QString(), error);
    return result;
}

StoreResult EmployeeStore::writeEmployee(const Employee &employee)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE employee SET first_name = ?, last_name = ?, email = ?, email_normalized = ?, "
                       "phone = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    q.addBindValue(employee.firstName);
    q.addBindValue(employee.lastName);
    q.addBindValue(employee.email);
    q.addBindValue(EmployeeValidator::normalizedEmail(employee.email));
    q.addBindValue(nullable(employee.phone));
    q.addBindValue(Timestamp::now());
    q.addBindValue(employee.id);
    q.addBindValue(employee.version);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (q.numRowsAffected() == 1)
        return StoreResult::success(employee.id);
    if (!this->employee(employee.id))
        return StoreResult::gone(tr("This employee was deleted by someone else."));
    return StoreResult::conflict(tr("This employee was changed by someone else since you opened it."));
}

StoreResult EmployeeStore::updateEmployee(const Employee &employee)
{
    const StoreResult result = inTransaction([&] { return writeEmployee(employee); });
    if (result.ok())
        emit employeeUpdated(employee.id);
    return result;
}

StoreResult EmployeeStore::deleteEmployee(qint64 employeeId)
{
    const StoreResult result = inTransaction([&]() -> StoreResult {   // a transaction: the history's change set
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM employee WHERE id = ?"));
        q.addBindValue(employeeId);
        if (!q.exec())
            return DriverErrorMapper::failure(q);
        if (q.numRowsAffected() != 1)
            return StoreResult::gone(tr("This employee no longer exists."));
        return StoreResult::success(employeeId);
    });
    if (result.ok())
        emit employeeRemoved(employeeId);
    return result;
}

StoreResult EmployeeStore::deleteEmployee(const EmployeeRecord &shown)
{
    const qint64 id = shown.employee.id;
    const StoreResult result = inTransaction([&]() -> StoreResult {
        // Both rows must still be the versions the user was shown; the
        // profile goes with the employee (ON DELETE CASCADE).
        const RecordChangeWriter versions(m_db,
                                          [](const QSqlQuery &q) { return DriverErrorMapper::failure(q); });
        if (StoreResult check = versions.write(shown, shown, {}); !check.ok())
            return check;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM employee WHERE id = ? AND version = ?"));
        q.addBindValue(id);
        q.addBindValue(shown.employee.version);
        if (!q.exec())
            return DriverErrorMapper::failure(q);
        if (q.numRowsAffected() != 1)
            return StoreResult::conflict(tr("This employee was changed by someone else since it was shown."));
        return StoreResult::success(id);
    });
    if (result.ok())
        emit employeeRemoved(id);
    return result;
}

// --- archive --------------------------------------------------------------------

StoreResult EmployeeStore::archiveEmployee(const EmployeeRecord &shown, const QDate &leftOn, const QString &reason)
{
    if (!leftOn.isValid())
        return StoreResult::failure(QStringLiteral("left_on"), tr("Enter the date the employee left."));
    const StoreResult result = inTransaction([&] { return EmployeeArchive(m_db).archive(shown, leftOn, reason); });
    // Inside a bulk (an import re-archiving an export's leavers) nothing is committed yet.
    if (result.ok() && !m_bulk) {
        emit employeeRemoved(shown.employee.id);
        emit archiveChanged();
        CommittedEdit archived;
        archived.kind = CommittedEdit::Kind::Archived;
        archived.employeeId = shown.employee.id;
        archived.before = shown;
        archived.leftOn = leftOn;
        archived.reason = reason;
        emit editCommitted(archived);
    }
    return result;
}

StoreResult EmployeeStore::restoreEmployee(qint64 employeeId)
{
    // Read in the restoring transaction: undoing the restore archives it
    // again with the same date and reason, and expects the record as restored.
    std::optional<ArchivedEmployee> entry;
    EmployeeRecord after;
    const StoreResult result = inTransaction([&] {
        const EmployeeArchive archive(m_db);
        entry = archive.find(employeeId);
        const StoreResult moved = archive.restore(employeeId);
        if (moved.ok())
            after = record(employeeId).value_or(EmployeeRecord{});
        return moved;
    });
    if (result.ok()) {
        emit employeeAdded(employeeId);
        emit archiveChanged();
        CommittedEdit restored;
        restored.kind = CommittedEdit::Kind::Restored;
        restored.employeeId = employeeId;
        restored.after = after;
        restored.leftOn = entry ? entry->leftOn : QDate();
        restored.reason = entry ? entry->reason : QString();
        emit editCommitted(restored);
    }
    return result;
}

StoreResult EmployeeStore::deleteArchivedEmployee(qint64 employeeId)
{
    const StoreResult result = inTransaction([&] { return EmployeeArchive(m_db).removeArchived(employeeId); });
    if (result.ok())
        emit archiveChanged();
    return result;
}

StoreResult EmployeeStore::removeImported(qint64 changeSet, int keepAtMost, ImportRemoval *removal)
{
    const StoreResult result =
        inTransaction([&] { return ImportReversal(m_db).remove(changeSet, keepAtMost, removal); });
    if (result.ok() && removal->removedCount > 0)
        emit employeeRemoved(0);   // many at once: the views read again
    return result;
}

qint64 EmployeeStore::openChangeSet() const
{
    return m_changeLog->currentId();
}

StoreResult EmployeeStore::recordPersonalDataExport(qint64 employeeId, const QString &format,
                                                    const std::function<StoreResult()> &deliver)
{
    const ChangeOrigin previous = m_changeLog->origin();
    m_changeLog->setOrigin({QString::fromLatin1(ChangeOrigin::Export), previous.source});
    const StoreResult result = inTransaction([&] {
        const StoreResult recorded =
            PersonalDataExport::recordEntry(m_db, m_changeLog->currentId(), employeeId, format);
        return recorded.ok() ? deliver() : recorded;
    });
    m_changeLog->setOrigin(previous);
    return result;
}

QList<ArchivedEmployee> EmployeeStore::archivedEmployees() const
{
    return EmployeeArchive(m_db).list();
}

PurgeReport EmployeeStore::purgeArchivedBefore(const QDate &leftBefore, bool dryRun, const QSet<qint64> *confirmed)
{
    PurgeReport report;
    const EmployeeArchive archive(m_db);
    report.purged = archive.list(leftBefore);
    if (!archive.lastError().isEmpty())
        report.error = archive.lastError();
    if (dryRun || (report.purged.isEmpty() && !confirmed) || !report.ok())
        return report;
    const ChangeOrigin previous = m_changeLog->origin();
    m_changeLog->setOrigin({QString::fromLatin1(ChangeOrigin::Purge), {}});
    const bool sqlite = !m_dialect->isPostgres();
    QSqlQuery pragma(m_db);
    // Freed space is zeroed, not left behind (Debian's SQLite does so by
    // default; other builds do not).
    const QString secureDelete = sqlite && pragma.exec(QStringLiteral("PRAGMA secure_delete")) && pragma.next()
        ? pragma.value(0).toString()
        : QString();
    pragma.finish();
    if (sqlite)
        pragma.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    const StoreResult result = inTransaction([&] {
        // Who goes is read again under the write lock: exactly those confirmed, or no one.
        report.purged = archive.list(leftBefore);
        if (!archive.lastError().isEmpty())
            return StoreResult::failure(QString(), archive.lastError());
        QSet<qint64> now;
        for (const ArchivedEmployee &a : std::as_const(report.purged))
            now.insert(a.id);
        if (confirmed && now != *confirmed) {
            report.archiveChanged = true;
            return StoreResult::conflict(tr("The archive changed meanwhile; nothing was purged."));
        }
        if (report.purged.isEmpty())
            return StoreResult::success(0);
        m_changeLog->setRowCount(int(report.purged.size()));
        return archive.purge(report.purged, m_changeLog->currentId());
    });
    m_changeLog->setOrigin(previous);
    if (sqlite) {
        if (secureDelete == QLatin1String("0"))
            pragma.exec(QStringLiteral("PRAGMA secure_delete = OFF"));
        // The WAL still holds earlier images of those pages until it is emptied.
        pragma.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    } else if (result.ok()) {
        pragma.exec(QStringLiteral("VACUUM archived_employee, archived_profile, change_entry"));
    }
    if (!result.ok()) {
        report.error = result.errorText();
        report.purged.clear();
        return report;
    }
    emit archiveChanged();
    return report;
}

// --- profiles -----------------------------------------------------------------

StoreResult EmployeeStore::ensureProfile(qint64 employeeId, const EmployeeProfile &seed)
{
    prepareStatements();
    const QString now = Timestamp::now();
    if (m_prepared->native.isReady()) {
        const SqliteBulkInserter::Outcome outcome = m_prepared->native.insertProfile(employeeId, seed, now);
        if (!outcome.ok)
            return profileInsertFailure(employeeId, nativeFailure(outcome));
        if (outcome.inserted)
            return StoreResult::success(outcome.id);
        // It existed already: the QSqlQuery path below finds its id.
    }
    QSqlQuery &q = m_prepared->insertProfile;
    q.bindValue(0, employeeId);
    q.bindValue(1, nullableDate(seed.dateOfBirth));
    q.bindValue(2, nullableId(seed.teamId));
    q.bindValue(3, nullable(seed.address));
    q.bindValue(4, nullable(genderCode(seed.gender)));
    q.bindValue(5, nullable(seed.bio));
    q.bindValue(6, nullableBlob(seed.photo));
    q.bindValue(7, now);
    q.bindValue(8, now);
    if (!q.exec())
        return profileInsertFailure(employeeId, DriverErrorMapper::failure(q));
    qint64 profileId = q.numRowsAffected() == 1 ? insertedId(q) : 0;
    if (profileId == 0) { // it existed already: idempotent, not an error
        QSqlQuery &find = m_prepared->findProfile;
        find.bindValue(0, employeeId);
        if (find.exec() && find.next())
            profileId = find.value(0).toLongLong();
        find.finish();
    }
    if (profileId == 0)
        return StoreResult::failure(QString(), tr("The employee %1 does not exist.").arg(employeeId));
    return StoreResult::success(profileId);
}

// A profile's INSERT failed: for an employee that is not there (the foreign
// key) the reason worth telling is that.
StoreResult EmployeeStore::profileInsertFailure(qint64 employeeId, const StoreResult &failure) const
{
    if (!employee(employeeId))
        return StoreResult::failure(QString(), tr("The employee %1 does not exist.").arg(employeeId));
    return failure;
}

StoreResult EmployeeStore::writeProfile(const EmployeeProfile &profile)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE employee_profile SET date_of_birth = ?, team_id = ?, address = ?, gender = ?, "
                       "bio = ?, photo = ?, updated_at = ?, version = version + 1 "
                       "WHERE employee_id = ? AND version = ?"));
    q.addBindValue(nullableDate(profile.dateOfBirth));
    q.addBindValue(nullableId(profile.teamId));
    q.addBindValue(nullable(profile.address));
    q.addBindValue(nullable(genderCode(profile.gender)));
    q.addBindValue(nullable(profile.bio));
    q.addBindValue(nullableBlob(profile.photo));
    q.addBindValue(Timestamp::now());
    q.addBindValue(profile.employeeId);
    q.addBindValue(profile.version);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (q.numRowsAffected() == 1)
        return StoreResult::success(profile.id);
    if (!profileOf(profile.employeeId))
        return StoreResult::gone(tr("This employee was deleted by someone else."));
    return StoreResult::conflict(tr("This employee was changed by someone else since you opened it."));
}

StoreResult EmployeeStore::updateProfile(const EmployeeProfile &profile)
{
    const StoreResult result = inTransaction([&] { return writeProfile(profile); });
    if (result.ok())
        emit profileUpdated(profile.employeeId);
    return result;
}

StoreResult EmployeeStore::saveChanges(const EmployeeRecord &base, const EmployeeRecord &edited,
                                       const RecordFields &fields)
{
    if (fields.isEmpty())
        return StoreResult::success(base.employee.id); // nothing edited: nothing written
    const RecordChangeWriter writer(m_db, [](const QSqlQuery &q) { return DriverErrorMapper::failure(q); });
    // The record as this save left it, read before the commit: a colleague's
    // save right after it must not become what undo expects or redo writes.
    EmployeeRecord after = edited;
    const StoreResult result = inTransaction([&] {
        const StoreResult written = writer.write(base, edited, fields);
        if (written.ok())
            after = record(base.employee.id).value_or(edited);
        return written;
    });
    if (!result.ok())
        return result;
    // Inside a bulk (an import's update mode, a dry run) nothing is committed
    // yet: the import announces itself when it commits.
    if (m_bulk)
        return StoreResult::success(base.employee.id);
    const auto isProfile = RecordFieldInfo::isProfileField;
    if (!std::all_of(fields.begin(), fields.end(), isProfile))
        emit employeeUpdated(base.employee.id);
    if (std::any_of(fields.begin(), fields.end(), isProfile))
        emit profileUpdated(base.employee.id);
    CommittedEdit saved;
    saved.kind = CommittedEdit::Kind::Saved;
    saved.employeeId = base.employee.id;
    saved.before = base;
    saved.after = after;
    saved.fields = fields;
    emit editCommitted(saved);
    return StoreResult::success(base.employee.id);
}

// --- reading ------------------------------------------------------------------

std::optional<EmployeeRecord> EmployeeStore::record(qint64 employeeId) const
{
    return m_reader->record(employeeId);
}

std::optional<Employee> EmployeeStore::employee(qint64 employeeId) const
{
    return m_reader->employee(employeeId);
}

std::optional<EmployeeProfile> EmployeeStore::profileOf(qint64 employeeId) const
{
    return m_reader->profileOf(employeeId);
}

std::optional<Employee> EmployeeStore::employeeOf(const EmployeeProfile &profile) const
{
    return m_reader->employee(profile.employeeId);
}

QList<qint64> EmployeeStore::employeesWithoutProfile() const
{
    return m_reader->employeesWithoutProfile();
}

qint64 EmployeeStore::employeeCount() const
{
    return m_reader->employeeCount();
}

qint64 EmployeeStore::profileCount() const
{
    return m_reader->profileCount();
}

// --- teams --------------------------------------------------------------------

QList<Team> EmployeeStore::teams() const
{
    return m_teams->teams();
}

StoreResult EmployeeStore::announceTeams(const StoreResult &result, CommittedEdit edit)
{
    if (!result.ok())
        return result;
    emit teamsChanged();
    emit editCommitted(edit);
    return result;
}

namespace {
CommittedEdit teamEdit(CommittedEdit::Kind kind, qint64 teamId, const QString &name, const QString &oldName)
{
    CommittedEdit edit;
    edit.kind = kind;
    edit.teamId = teamId;
    edit.teamName = name.trimmed();
    edit.oldTeamName = oldName;
    return edit;
}
} // namespace

StoreResult EmployeeStore::createTeam(const QString &name)
{
    const StoreResult result = inTransaction([&] { return m_teams->create(name); });
    // Inside a bulk (an import's --create-teams) nothing is committed yet:
    // commitBulk() says teamsChanged, and the import is one undo step.
    if (m_bulk) {
        if (result.ok())
            m_bulk->noteTeamsChanged();
        return result;
    }
    return announceTeams(result, teamEdit(CommittedEdit::Kind::TeamCreated, result.id(), name, {}));
}

StoreResult EmployeeStore::renameTeam(qint64 teamId, const QString &name, const QString &expectedName)
{
    QString oldName;
    const StoreResult result = inTransaction([&] {
        oldName = teamName(teams(), teamId);   // in the renaming transaction: what undo puts back
        return m_teams->rename(teamId, name, expectedName);
    });
    return announceTeams(result, teamEdit(CommittedEdit::Kind::TeamRenamed, teamId, name, oldName));
}

StoreResult EmployeeStore::deleteTeam(qint64 teamId)
{
    const QString oldName = teamName(teams(), teamId);
    const StoreResult result = inTransaction([&] { return m_teams->remove(teamId); });
    if (m_bulk) {   // an import taking back a team it created: see createTeam()
        if (result.ok())
            m_bulk->noteTeamsChanged();
        return result;
    }
    return announceTeams(result, teamEdit(CommittedEdit::Kind::TeamDeleted, teamId, {}, oldName));
}

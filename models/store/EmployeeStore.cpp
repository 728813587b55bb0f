#include "store/EmployeeStore.h"

#include "store/DriverErrorMapper.h"
#include "store/EmployeeReader.h"
#include "store/TeamRepository.h"
#include "validation/EmployeeValidator.h"
#include "store/RecordChangeWriter.h"
#include "db/SqlDialect.h"
#include "db/SqlValue.h"
#include "domain/Timestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <optional>
#include <utility>

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
    SqliteBulkInserter native;   // SQLite bulk only: prepared in beginBulk(), finalized when it ends
};

// Scope guard over begin()/commit()/rollback(): rolls back unless committed.
class EmployeeStore::Transaction
{
public:
    explicit Transaction(EmployeeStore *store) : m_store(store) { m_ok = store->begin(&m_error); }
    ~Transaction()
    {
        if (m_ok && !m_done)
            m_store->rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    bool commit(QString *error)
    {
        m_done = true;
        return m_store->commit(error);
    }
    void rollback()
    {
        m_done = true;
        m_store->rollback();
    }

private:
    EmployeeStore *m_store;
    QString m_error;
    bool m_ok = false;
    bool m_done = false;
};

EmployeeStore::EmployeeStore(const QSqlDatabase &db, QObject *parent)
    : QObject(parent), m_db(db), m_dialect(std::make_unique<SqlDialect>(db)),
      m_prepared(std::make_unique<Prepared>(db)), m_reader(std::make_unique<EmployeeReader>(db)),
      m_teams(std::make_unique<TeamRepository>(db))
{
}

EmployeeStore::~EmployeeStore() = default;

// --- transactions -------------------------------------------------------------

bool EmployeeStore::begin(QString *error)
{
    bool ok;
    if (m_depth == 0) {
        ok = beginOuter(error);
    } else {
        ok = execControl(QStringLiteral("SAVEPOINT er_sp%1").arg(m_depth), error);
    }
    if (ok)
        ++m_depth;
    return ok;
}

// SQLite: BEGIN IMMEDIATE takes the write lock before the first read. A
// deferred BEGIN reads a snapshot first, and if another connection commits
// before our first write, that write fails at once with "database is locked"
// however long the busy timeout; with the lock taken up front a busy
// database is reported here, before anything is done.
bool EmployeeStore::beginOuter(QString *error)
{
    if (m_dialect->isPostgres()) {
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

bool EmployeeStore::commit(QString *error)
{
    --m_depth;
    if (m_depth > 0)
        return execControl(QStringLiteral("RELEASE SAVEPOINT er_sp%1").arg(m_depth), error);
    if (m_db.commit())
        return true;
    if (error)
        *error = tr("The changes could not be saved: %1").arg(m_db.lastError().text());
    m_db.rollback();
    return false;
}

void EmployeeStore::rollback()
{
    --m_depth;
    if (m_depth > 0) {
        execControl(QStringLiteral("ROLLBACK TO SAVEPOINT er_sp%1").arg(m_depth), nullptr);
        execControl(QStringLiteral("RELEASE SAVEPOINT er_sp%1").arg(m_depth), nullptr);
    } else {
        m_db.rollback();
    }
}

// Savepoints only run below an open transaction: for each row of a
// PostgreSQL bulk import and for nested writes. SQLite bulk rows need none
// (see createEmployee), so nothing here is on SQLite's hot path.
bool EmployeeStore::execControl(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = tr("Database error: %1").arg(q.lastError().text());
    return false;
}

bool EmployeeStore::beginBulk(QString *error)
{
    if (m_bulk || m_depth > 0) {
        if (error)
            *error = tr("Another operation is still writing to the database.");
        return false;
    }
    if (!begin(error))
        return false;
    // A big import keeps its dirty pages in memory instead of spilling them
    // to the WAL page by page (measured: 100k rows 7.3 s with the default
    // 2 MB cache, 4.8 s with 64 MB). Browsing goes back to the small cache.
    setBulkCache(true);
    prepareNative();
    m_bulk = true;
    m_bulkBroken = false;
    m_bulkCreated = 0;
    return true;
}

bool EmployeeStore::commitBulk(QString *error)
{
    if (!m_bulk)
        return false;
    m_bulk = false;
    const int created = m_bulkCreated;
    finalizeNative();
    const QStringList deferred = std::exchange(m_deferredIndexes, {});
    if (!m_bulkBroken) {
        QSqlQuery q(m_db);
        for (const QString &statement : deferred) {
            if (!q.exec(statement)) {
                rollback();
                setBulkCache(false);
                if (error)
                    *error = tr("Database error; nothing was saved: %1").arg(q.lastError().text());
                return false;
            }
        }
    }
    if (m_bulkBroken) {
        rollback();
        setBulkCache(false);
        if (error)
            *error = tr("A refused row could not be undone, so nothing was saved.");
        return false;
    }
    const bool committed = commit(error);
    setBulkCache(false);
    if (!committed)
        return false;
    if (created > 0)
        emit employeesImported(created);
    return true;
}

void EmployeeStore::rollbackBulk()
{
    if (!m_bulk)
        return;
    m_bulk = false;
    m_deferredIndexes.clear();   // the rollback brings them back
    finalizeNative();
    rollback();
    setBulkCache(false);
}

// Indexes led by a column of a few values (team, gender) followed by id take
// every new row at the end of its value's range: a handful of hot pages, as
// cheap as appending, and cheaper than a rebuild's sort (measured at 1M rows:
// commit 1.2 s shorter, import 4-10% faster).
bool EmployeeStore::keptDuringBulk(const QString &indexName)
{
    return indexName == QLatin1String("employee_profile_team_idx")
           || indexName == QLatin1String("employee_profile_gender_idx");
}

bool EmployeeStore::deferSecondaryIndexes()
{
    if (!m_bulk || m_dialect->isPostgres() || !m_deferredIndexes.isEmpty())
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
            continue;   // unique indexes stay
        if (keptDuringBulk(q.value(0).toString()))
            continue;
        indexes.append({q.value(0).toString(), sql});
    }
    q.finish();
    QStringList dropped;
    for (const auto &[name, sql] : std::as_const(indexes)) {
        const QString quoted = QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))
                               + QLatin1Char('"');
        if (!q.exec(QStringLiteral("DROP INDEX ") + quoted)) {
            // Put back what was dropped; the bulk goes on with its indexes.
            for (const QString &statement : std::as_const(dropped))
                q.exec(statement);
            return false;
        }
        dropped << sql;
    }
    m_deferredIndexes = dropped;
    return !dropped.isEmpty();
}

bool EmployeeStore::prepareNative()
{
    m_prepared->native.finalize();
    return !m_dialect->isPostgres() && m_prepared->native.prepare(m_db);
}

void EmployeeStore::finalizeNative()
{
    m_prepared->native.finalize();
}

void EmployeeStore::setBulkCache(bool bulk)
{
    if (m_dialect->isPostgres())
        return;
    QSqlQuery q(m_db);
    q.exec(bulk ? QStringLiteral("PRAGMA cache_size = -65536") : QStringLiteral("PRAGMA cache_size = -16384"));
}

// --- errors -------------------------------------------------------------------

StoreResult EmployeeStore::nativeFailure(const SqliteBulkInserter::Outcome &outcome) const
{
    return DriverErrorMapper::failure(outcome.errorText, outcome.errorCode, outcome.errorText);
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
    m_prepared->insertEmployee.prepare(QStringLiteral(
        "INSERT INTO employee (first_name, last_name, email, email_normalized, phone, created_at, updated_at, "
        "version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)") + returning);
    m_prepared->insertProfile.prepare(QStringLiteral(
        "INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, "
        "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (employee_id) DO NOTHING") + returning);
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
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    return StoreResult::success(insertedId(q));
}

StoreResult EmployeeStore::createEmployee(const Employee &employee, const EmployeeProfile &initialProfile)
{
    if (m_creatingId != 0)
        return StoreResult::failure(QString(), tr("An employee cannot be created while another one is being created."));
    // Inside an SQLite bulk import a failed statement undoes only itself, so
    // a row needs no savepoint of its own: a refused creation is undone by
    // deleting the row (its profile cascades) in the same transaction. A
    // savepoint per row made SQLite copy every page it touched to a
    // sub-journal. PostgreSQL aborts the whole transaction on any error, so
    // there each row keeps its savepoint.
    const bool undoByDelete = m_bulk && !m_dialect->isPostgres();
    std::optional<Transaction> tx;
    if (!undoByDelete) {
        tx.emplace(this);
        if (!tx->ok())
            return StoreResult::failure(QString(), tx->error());
    }
    const StoreResult inserted = insertEmployeeRow(employee);
    if (!inserted.ok())
        return inserted;

    const StoreResult received = runCreationReceivers(inserted.id(), initialProfile);
    if (!received.ok()) {
        if (undoByDelete)
            undoCreation(inserted.id());
        return received;   // otherwise tx's destructor rolls back to before the insert
    }
    QString error;
    if (tx && !tx->commit(&error))
        return StoreResult::failure(QString(), error);
    if (m_bulk)
        ++m_bulkCreated;
    else
        emit employeeAdded(inserted.id());
    return inserted;
}

StoreResult EmployeeStore::runCreationReceivers(qint64 employeeId, const EmployeeProfile &seed)
{
    m_creatingId = employeeId;
    m_seedProfile = &seed;   // the caller's, alive until the receivers return
    m_profileCreated = false;
    m_creationVeto.clear();
    emit employeeCreated(employeeId);
    const bool profileCreated = m_profileCreated;
    const QString veto = m_creationVeto;
    m_creatingId = 0;
    m_seedProfile = nullptr;

    if (!veto.isEmpty())
        return StoreResult::failure(QString(), tr("The employee was not saved: %1").arg(veto));
    if (!profileCreated)
        return StoreResult::failure(QString(), tr("The employee was not saved because no profile was created for "
                                                  "it (the profile creator is not connected)."));
    return StoreResult::success(employeeId);
}

void EmployeeStore::undoCreation(qint64 employeeId)
{
    undoCreations(employeeId, employeeId);
}

void EmployeeStore::undoCreations(qint64 firstId, qint64 lastId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM employee WHERE id BETWEEN ? AND ?"));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    // If even this fails the bulk cannot be trusted: commitBulk() refuses it.
    if (!q.exec() || q.numRowsAffected() != lastId - firstId + 1)
        m_bulkBroken = true;
}

QList<StoreResult> EmployeeStore::createEmployees(const QList<NewEmployee> &rows)
{
    QList<StoreResult> results;
    results.reserve(rows.size());
    for (qsizetype from = 0; from < rows.size(); from += SqliteBulkInserter::MaxRowsPerStatement) {
        const int count = int(std::min<qsizetype>(SqliteBulkInserter::MaxRowsPerStatement, rows.size() - from));
        if (createChunk(rows.constData() + from, count, results))
            continue;
        for (int i = 0; i < count; ++i)
            results.append(createEmployee(*rows.at(from + i).employee, *rows.at(from + i).profile));
    }
    return results;
}

// All `count` rows, or none of them and false: the caller then creates them
// one by one to learn which were refused (rare: a duplicate in the file or
// in the database, or a receiver's veto).
bool EmployeeStore::createChunk(const NewEmployee *rows, int count, QList<StoreResult> &results)
{
    SqliteBulkInserter &native = m_prepared->native;
    if (!m_bulk || m_creatingId != 0 || !native.isReady())
        return false;
    // The bulk holds the write lock, so the ids are the next ones after the
    // largest; given explicitly, they need no reading back.
    const qint64 maxId = native.maxEmployeeId();
    if (maxId < 0 || maxId > std::numeric_limits<qint64>::max() - count)
        return false;
    std::array<QString, SqliteBulkInserter::MaxRowsPerStatement> normalized;
    for (int i = 0; i < count; ++i)
        normalized[i] = EmployeeValidator::normalizedEmail(rows[i].employee->email);
    const QString now = Timestamp::now();
    if (!native.insertEmployees(rows, normalized.data(), count, maxId + 1, now).ok)
        return false;   // SQLite undid the statement
    const bool received = receiveChunk(maxId + 1, rows, count)
                          && native.insertProfiles(m_queuedProfiles.data(), int(m_queuedProfiles.size()), now).ok;
    m_queuedProfiles.clear();
    if (!received) {
        undoCreations(maxId + 1, maxId + count);
        return false;
    }
    m_bulkCreated += count;
    for (int i = 0; i < count; ++i)
        results.append(StoreResult::success(maxId + 1 + i));
    return true;
}

// employeeCreated for each employee of a chunk, with the profiles the
// receivers ask for queued in m_queuedProfiles. False at the first veto or
// missing profile.
bool EmployeeStore::receiveChunk(qint64 firstId, const NewEmployee *rows, int count)
{
    m_queuedProfiles.clear();
    m_queueProfiles = true;
    bool received = true;
    for (int i = 0; i < count && received; ++i)
        received = runCreationReceivers(firstId + i, *rows[i].profile).ok();
    m_queueProfiles = false;
    return received && m_queuedProfiles.size() == size_t(count);
}

void EmployeeStore::failCurrentCreation(const QString &reason)
{
    if (m_creatingId != 0 && m_creationVeto.isEmpty())
        m_creationVeto = reason;
}

StoreResult EmployeeStore::writeEmployee(const Employee &employee)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE employee SET first_name = ?, last_name = ?, email = ?, email_normalized = ?, "
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

StoreResult EmployeeStore::inTransaction(const std::function<StoreResult()> &work)
{
    Transaction tx(this);
    if (!tx.ok())
        return StoreResult::failure(QString(), tx.error());
    const StoreResult result = work();
    if (!result.ok())
        return result;   // tx rolls back
    QString error;
    if (!tx.commit(&error))
        return StoreResult::failure(QString(), error);
    return result;
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM employee WHERE id = ?"));
    q.addBindValue(employeeId);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    if (q.numRowsAffected() != 1)
        return StoreResult::gone(tr("This employee no longer exists."));
    emit employeeRemoved(employeeId);
    return StoreResult::success(employeeId);
}

StoreResult EmployeeStore::deleteEmployee(const EmployeeRecord &shown)
{
    const qint64 id = shown.employee.id;
    const StoreResult result = inTransaction([&]() -> StoreResult {
        // Both rows must still be the versions the user was shown; the
        // profile goes with the employee (ON DELETE CASCADE).
        const RecordChangeWriter versions(m_db, [](const QSqlQuery &q) { return DriverErrorMapper::failure(q); });
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

// --- profiles -----------------------------------------------------------------

StoreResult EmployeeStore::ensureProfile(qint64 employeeId)
{
    const bool seeded = employeeId == m_creatingId;
    if (seeded && m_queueProfiles) {
        if (!m_profileCreated)   // idempotent: a second call queues nothing
            m_queuedProfiles.push_back({employeeId, m_seedProfile});
        m_profileCreated = true;
        return StoreResult::success(0);
    }
    prepareStatements();
    static const EmployeeProfile unseeded;
    const EmployeeProfile &seed = seeded && m_seedProfile ? *m_seedProfile : unseeded;
    if (m_prepared->native.isReady()) {
        const SqliteBulkInserter::Outcome outcome = m_prepared->native.insertProfile(employeeId, seed, Timestamp::now());
        if (outcome.ok && outcome.inserted) {
            if (seeded)
                m_profileCreated = true;
            return StoreResult::success(outcome.id);
        }
        if (!outcome.ok) {
            StoreResult failure = nativeFailure(outcome);
            if (!employee(employeeId))
                failure = StoreResult::failure(QString(), tr("The employee %1 does not exist.").arg(employeeId));
            if (seeded)
                failCurrentCreation(failure.errorText());
            return failure;
        }
        // It existed already: the QSqlQuery path below finds its id.
    }
    const QString now = Timestamp::now();
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
    if (!q.exec()) {
        StoreResult failure = DriverErrorMapper::failure(q);
        if (!employee(employeeId))
            failure = StoreResult::failure(QString(), tr("The employee %1 does not exist.").arg(employeeId));
        if (seeded)
            failCurrentCreation(failure.errorText());
        return failure;
    }
    qint64 profileId = q.numRowsAffected() == 1 ? insertedId(q) : 0;
    if (profileId == 0) {   // it existed already: idempotent, not an error
        QSqlQuery &find = m_prepared->findProfile;
        find.bindValue(0, employeeId);
        if (find.exec() && find.next())
            profileId = find.value(0).toLongLong();
        find.finish();
    }
    if (seeded && profileId != 0)
        m_profileCreated = true;
    if (profileId == 0)
        return StoreResult::failure(QString(), tr("The employee %1 does not exist.").arg(employeeId));
    return StoreResult::success(profileId);
}

StoreResult EmployeeStore::writeProfile(const EmployeeProfile &profile)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE employee_profile SET date_of_birth = ?, team_id = ?, address = ?, gender = ?, "
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
        return StoreResult::success(base.employee.id);   // nothing edited: nothing written
    const RecordChangeWriter writer(m_db, [](const QSqlQuery &q) { return DriverErrorMapper::failure(q); });
    const StoreResult result = inTransaction([&] { return writer.write(base, edited, fields); });
    if (!result.ok())
        return result;
    const auto isProfile = RecordFieldInfo::isProfileField;
    if (!std::all_of(fields.begin(), fields.end(), isProfile))
        emit employeeUpdated(base.employee.id);
    if (std::any_of(fields.begin(), fields.end(), isProfile))
        emit profileUpdated(base.employee.id);
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

StoreResult EmployeeStore::announceTeams(const StoreResult &result)
{
    if (result.ok())
        emit teamsChanged();
    return result;
}

StoreResult EmployeeStore::createTeam(const QString &name)
{
    return announceTeams(m_teams->create(name));
}

StoreResult EmployeeStore::renameTeam(qint64 teamId, const QString &name)
{
    return announceTeams(m_teams->rename(teamId, name));
}

StoreResult EmployeeStore::deleteTeam(qint64 teamId)
{
    return announceTeams(m_teams->remove(teamId));
}

#pragma once

#include "domain/ArchivedEmployee.h"
#include "domain/CommittedEdit.h"
#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/EmployeeRecord.h"
#include "domain/NewEmployee.h"
#include "domain/StoreResult.h"
#include "domain/Team.h"
#include "store/ChangeOrigin.h"
#include "store/EmployeeCreation.h"

#include <QObject>
#include <QSqlDatabase>
#include <vector>

struct BulkProfileRow;
#include <QSqlQuery>
#include <QSet>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class BulkImportSession;
struct ImportRemoval;
class ChangeLog;
class EmployeeReader;
class SqlDialect;
class TeamRepository;
class TransactionStack;

// The one place that writes employees, profiles and teams.
//
// Creating an employee emits employeeCreated() while the employee's
// transaction is still open, with an EmployeeCreation that carries the seed
// profile; a receiver on a direct connection creates the profile through it
// (or refuses the creation) and so takes part in that transaction. If the
// profile's write fails, a receiver refuses, or no receiver created the
// profile, the employee's insert is rolled back too: there is never an
// employee without a profile.
// After commit the store emits what views need to refresh.
//
// Input is expected to be validated (EmployeeValidator); the store still maps
// every constraint the schema enforces (unique email/phone, team foreign key,
// stale version) to a field error instead of failing obscurely.
class EmployeeStore : public QObject
{
    Q_OBJECT
public:
    explicit EmployeeStore(const QSqlDatabase &db, QObject *parent = nullptr);
    ~EmployeeStore() override;

    QSqlDatabase database() const { return m_db; }
    // Where the following writes come from, as the history records them.
    void setChangeOrigin(const ChangeOrigin &origin);
    ChangeOrigin changeOrigin() const;

    // --- employees -------------------------------------------------------
    // `initialProfile` seeds the profile that the employeeCreated receiver
    // creates (EmployeeCreation::seedProfile(); the form and the import pass
    // date of birth, team... this way).
    StoreResult createEmployee(const Employee &employee, const EmployeeProfile &initialProfile = {});
    // Optimistic locking: employee.version must match the stored one.
    StoreResult updateEmployee(const Employee &employee);
    StoreResult deleteEmployee(qint64 employeeId);
    // Deletes the employee only while both its rows are still the versions
    // in `shown`; otherwise a conflict (or gone) result and nothing deleted.
    StoreResult deleteEmployee(const EmployeeRecord &shown);

    // --- archive (schema step 6) ------------------------------------------------
    // The employee left on `leftOn`: it and its profile move to the archive,
    // keeping id, email and phone, while it is still the version in `shown`.
    StoreResult archiveEmployee(const EmployeeRecord &shown, const QDate &leftOn, const QString &reason = {});
    StoreResult restoreEmployee(qint64 employeeId);
    StoreResult deleteArchivedEmployee(qint64 employeeId);
    QList<ArchivedEmployee> archivedEmployees() const;
    // Data protection (GDPR Art. 17): erases the archived employees who left
    // before `leftBefore`, anonymising their history, in one recorded change
    // (who, when, how many: nothing about them). A dry run lists them and
    // changes nothing. SQLite overwrites the freed pages and empties the WAL.
    // `confirmed`: the ids the user saw and agreed to; when whoever left
    // before the day is no longer exactly them (archived or restored
    // meanwhile), nothing is purged and the report says the archive changed.
    PurgeReport purgeArchivedBefore(const QDate &leftBefore, bool dryRun, const QSet<qint64> *confirmed = nullptr);
    // Data protection (GDPR Art. 15): records that the data of `employeeId`
    // (current or archived) was exported as `format`, in a change set of its
    // own (source "export", detail: the origin set before). `deliver` runs
    // last inside that transaction (PersonalDataExport puts the file in
    // place there); its failure undoes the record.
    StoreResult recordPersonalDataExport(qint64 employeeId, const QString &format,
                                         const std::function<StoreResult()> &deliver);

    // Creates every row as createEmployee() would, with the same
    // employeeCreated per employee and the same refusals; results[i] answers
    // rows[i]. Inside an SQLite bulk the rows go in as multi-row INSERTs and
    // the profiles the receivers ask for are written together once they all
    // have run; a chunk with any refusal is undone and created again row by
    // row, so every row still gets its own answer.
    QList<StoreResult> createEmployees(const QList<NewEmployee> &rows);

    // Undo of an import: removes the employees of change set `changeSet`
    // that nobody changed or archived since (ImportReversal), in one
    // recorded transaction; the others are named in `removal->kept`.
    StoreResult removeImported(qint64 changeSet, int keepAtMost, ImportRemoval *removal);
    // The change set the open write transaction records into (an import's,
    // which its rows name), 0 outside one.
    qint64 openChangeSet() const;

    // --- profiles (reverse relation) --------------------------------------
    // Creates the profile of `employeeId`, seeded with `seed`, unless it has
    // one. Idempotent: a second call creates nothing and succeeds with the
    // existing profile's id. (A new employee's profile is created through its
    // EmployeeCreation; this is for employees that have none, the backfill.)
    StoreResult ensureProfile(qint64 employeeId, const EmployeeProfile &seed = {});
    StoreResult updateProfile(const EmployeeProfile &profile);

    // The form's save: writes `fields` of `edited` (the edited columns only,
    // plus updated_at and version) against the versions read in `base`, in
    // one transaction. No fields: nothing is written. A newer version of
    // either row gives a conflict result, a vanished one a gone result.
    StoreResult saveChanges(const EmployeeRecord &base, const EmployeeRecord &edited, const RecordFields &fields);

    // The employee and its profile read in one statement.
    std::optional<EmployeeRecord> record(qint64 employeeId) const;
    std::optional<Employee> employee(qint64 employeeId) const;
    std::optional<EmployeeProfile> profileOf(qint64 employeeId) const;
    std::optional<Employee> employeeOf(const EmployeeProfile &profile) const;
    QList<qint64> employeesWithoutProfile() const;
    qint64 employeeCount() const;
    qint64 profileCount() const;

    // --- teams ---------------------------------------------------------------
    QList<Team> teams() const;
    StoreResult createTeam(const QString &name);
    // `expectedName` (not null): only while the team still has that name (a conflict otherwise).
    StoreResult renameTeam(qint64 teamId, const QString &name, const QString &expectedName = QString());
    StoreResult deleteTeam(qint64 teamId);   // refused while a profile uses it

    // --- bulk ----------------------------------------------------------------
    // Between beginBulk() and commitBulk() every create runs in one outer
    // transaction; a refused row costs only itself (PostgreSQL: its own
    // savepoint; SQLite: the row is deleted again). Views hear one
    // employeesImported() at the end instead of one signal per row.
    bool beginBulk(QString *error = nullptr);
    bool commitBulk(QString *error = nullptr);
    void rollbackBulk();
    bool inBulk() const { return m_bulk != nullptr; }
    // Inside a bulk (SQLite only, before its first write): drops the
    // non-unique secondary indexes of employee and employee_profile and
    // recreates them, in the same transaction, in commitBulk()
    // (BulkImportSession::deferSecondaryIndexes()). False: nothing deferred.
    bool deferSecondaryIndexes();

signals:
    // Emitted inside the open transaction, for every new employee, imports
    // included. Receivers must be connected directly (Qt::DirectConnection)
    // and must not keep `creation`.
    void employeeCreated(EmployeeCreation *creation);

    // Emitted after commit.
    void employeeAdded(qint64 employeeId);
    void employeeUpdated(qint64 employeeId);
    void employeeRemoved(qint64 employeeId);
    void profileUpdated(qint64 employeeId);
    void employeesImported(int count);
    void archiveChanged();
    void teamsChanged();
    // After the commit of a single write a user can take back: a save,
    // a creation outside a bulk, an archive, a restore, a team change.
    // The window's undo stack (models/undo) keeps it.
    void editCommitted(const CommittedEdit &edit);

private:
    struct Prepared;

    void prepareStatements();
    qint64 insertedId(QSqlQuery &insert) const;
    StoreResult insertEmployeeRow(const Employee &employee);
    StoreResult runCreationReceivers(qint64 employeeId, const EmployeeProfile &seed,
                                     const EmployeeCreation::ProfileWriter &writeProfile);
    bool createChunk(const NewEmployee *rows, int count, QList<StoreResult> &results);
    bool createPostgresChunk(const NewEmployee *rows, int count, QList<StoreResult> &results);
    bool receiveChunk(const std::vector<qint64> &ids, const NewEmployee *rows,
                      std::vector<BulkProfileRow> *queued);
    void undoCreations(qint64 firstId, qint64 lastId);
    // Runs `work` in a transaction (a savepoint when one is open) that is
    // committed only when it succeeds.
    StoreResult inTransaction(const std::function<StoreResult()> &work);
    StoreResult writeEmployee(const Employee &employee);
    StoreResult writeProfile(const EmployeeProfile &profile);
    StoreResult profileInsertFailure(qint64 employeeId, const StoreResult &failure) const;
    StoreResult announceTeams(const StoreResult &result, CommittedEdit edit);

    QSqlDatabase m_db;
    std::unique_ptr<SqlDialect> m_dialect;
    std::unique_ptr<TransactionStack> m_transactions;
    std::unique_ptr<Prepared> m_prepared;
    std::unique_ptr<EmployeeReader> m_reader;
    std::unique_ptr<TeamRepository> m_teams;
    std::unique_ptr<ChangeLog> m_changeLog;
    std::unique_ptr<BulkImportSession> m_bulk;   // set between beginBulk() and its end
    // Writes the profile a receiver creates outside a chunk: ensureProfile().
    EmployeeCreation::ProfileWriter m_writeProfile;
    // The creation whose receivers are running: creating another one from a
    // receiver is refused.
    const EmployeeCreation *m_creation = nullptr;
};

#pragma once

#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/EmployeeRecord.h"
#include "domain/NewEmployee.h"
#include "store/SqliteBulkInserter.h"
#include "domain/StoreResult.h"
#include "domain/Team.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class EmployeeReader;
class SqlDialect;
class TeamRepository;

// The one place that writes employees, profiles and teams.
//
// Creating an employee emits employeeCreated() while the employee's
// transaction is still open; receivers on a direct connection write through
// this same store (ensureProfile()) and so take part in that transaction. If a
// receiver's write fails, or no receiver created the profile, the employee's
// insert is rolled back too: there is never an employee without a profile.
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

    // --- employees -------------------------------------------------------
    // `initialProfile` seeds the profile that the employeeCreated receiver
    // creates (import passes date of birth, team... this way).
    StoreResult createEmployee(const Employee &employee, const EmployeeProfile &initialProfile = {});
    // Optimistic locking: employee.version must match the stored one.
    StoreResult updateEmployee(const Employee &employee);
    StoreResult deleteEmployee(qint64 employeeId);
    // Deletes the employee only while both its rows are still the versions
    // in `shown`; otherwise a conflict (or gone) result and nothing deleted.
    StoreResult deleteEmployee(const EmployeeRecord &shown);

    // Creates every row as createEmployee() would, with the same
    // employeeCreated per employee and the same refusals; results[i] answers
    // rows[i]. Inside an SQLite bulk the rows go in as multi-row INSERTs and
    // the profiles the receivers ask for are written together once they all
    // have run; a chunk with any refusal is undone and created again row by
    // row, so every row still gets its own answer.
    QList<StoreResult> createEmployees(const QList<NewEmployee> &rows);

    // --- profiles (reverse relation) --------------------------------------
    // Creates the profile of `employeeId` unless it has one. Idempotent: a
    // second call creates nothing and succeeds. Result id = the profile's id,
    // or 0 while createEmployees() holds the profile back for its chunk's
    // single INSERT (it is written before createEmployees() returns).
    StoreResult ensureProfile(qint64 employeeId);
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
    StoreResult renameTeam(qint64 teamId, const QString &name);
    StoreResult deleteTeam(qint64 teamId);   // refused while a profile uses it

    // --- bulk ----------------------------------------------------------------
    // Between beginBulk() and commitBulk() every create runs in one outer
    // transaction; a refused row costs only itself (PostgreSQL: its own
    // savepoint; SQLite: the row is deleted again). Views hear one
    // employeesImported() at the end instead of one signal per row.
    bool beginBulk(QString *error = nullptr);
    bool commitBulk(QString *error = nullptr);
    void rollbackBulk();
    bool inBulk() const { return m_bulk; }
    // Inside a bulk (SQLite only, before its first write): drops the
    // non-unique secondary indexes of employee and employee_profile and
    // recreates them, in the same transaction, in commitBulk() (all but the
    // few whose inserts are appends: keptDuringBulk()). Building an
    // index from all its keys at once is far cheaper than inserting a million
    // random keys one by one, so a large import into a small table defers
    // them (CsvImporter decides when). Unique indexes stay: they refuse
    // duplicates row by row. DDL is transactional in SQLite, so a rolled back
    // bulk gets its indexes back with everything else. False: nothing deferred.
    bool deferSecondaryIndexes();

    // Lets a receiver of employeeCreated veto the creation in progress (for
    // receivers whose failure is not a failed store write).
    void failCurrentCreation(const QString &reason);

signals:
    // Emitted inside the open transaction, for every new employee, imports included.
    void employeeCreated(qint64 employeeId);

    // Emitted after commit.
    void employeeAdded(qint64 employeeId);
    void employeeUpdated(qint64 employeeId);
    void employeeRemoved(qint64 employeeId);
    void profileUpdated(qint64 employeeId);
    void employeesImported(int count);
    void teamsChanged();

private:
    struct Prepared;
    class Transaction;

    void prepareStatements();
    void setBulkCache(bool bulk);
    static bool keptDuringBulk(const QString &indexName);
    qint64 insertedId(QSqlQuery &insert) const;
    bool execControl(const QString &sql, QString *error);
    StoreResult insertEmployeeRow(const Employee &employee);
    StoreResult runCreationReceivers(qint64 employeeId, const EmployeeProfile &seed);
    bool createChunk(const NewEmployee *rows, int count, QList<StoreResult> &results);
    bool receiveChunk(qint64 firstId, const NewEmployee *rows, int count);
    void undoCreation(qint64 employeeId);
    void undoCreations(qint64 firstId, qint64 lastId);
    // Runs `work` in a transaction (a savepoint when one is open) that is
    // committed only when it succeeds.
    StoreResult inTransaction(const std::function<StoreResult()> &work);
    StoreResult writeEmployee(const Employee &employee);
    StoreResult writeProfile(const EmployeeProfile &profile);
    StoreResult nativeFailure(const SqliteBulkInserter::Outcome &outcome) const;
    bool prepareNative();
    void finalizeNative();
    StoreResult announceTeams(const StoreResult &result);
    bool begin(QString *error);
    bool beginOuter(QString *error);
    bool commit(QString *error);
    void rollback();

    QSqlDatabase m_db;
    std::unique_ptr<SqlDialect> m_dialect;
    std::unique_ptr<Prepared> m_prepared;
    std::unique_ptr<EmployeeReader> m_reader;
    std::unique_ptr<TeamRepository> m_teams;
    bool m_bulk = false;
    bool m_bulkBroken = false;
    int m_bulkCreated = 0;
    QStringList m_deferredIndexes;   // CREATE INDEX statements to run again before commitBulk()
    int m_depth = 0;

    // The creation in progress: what the receiver should seed the profile
    // with, and whether it did create it.
    qint64 m_creatingId = 0;
    const EmployeeProfile *m_seedProfile = nullptr;
    bool m_profileCreated = false;
    QString m_creationVeto;
    // createEmployees(): ensureProfile() queues the profile of the employee
    // being created instead of inserting it.
    bool m_queueProfiles = false;
    std::vector<SqliteBulkInserter::ProfileRow> m_queuedProfiles;
};

#pragma once

#include "domain/ArchivedEmployee.h"
#include "domain/EmployeeRecord.h"
#include "domain/StoreResult.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

// Moves an employee and its profile into the archive (schema step 6) and
// back, keeping its id, and lists the archive. Runs inside the caller's
// transaction (EmployeeStore, which opens the history's change set).
class EmployeeArchive
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeArchive)
public:
    explicit EmployeeArchive(const QSqlDatabase &db) : m_db(db) { }

    // Only while the employee row is still the version in `shown`.
    StoreResult archive(const EmployeeRecord &shown, const QDate &leftOn, const QString &reason) const;
    StoreResult restore(qint64 employeeId) const;
    // Deletes an archived employee for good (its history keeps no personal data).
    StoreResult removeArchived(qint64 employeeId) const;
    // Sorted by name; empty on error (lastError()). `leftBefore` valid: only
    // those who left before that day.
    QList<ArchivedEmployee> list(const QDate &leftBefore = {}) const;
    // The archive entry of one employee; nullopt when it is not archived (or on error).
    std::optional<ArchivedEmployee> find(qint64 employeeId) const;
    // Erases the archived employees of `employees` and anonymises their
    // history (no value stays); their deletions are marked as purged.
    StoreResult purge(const QList<ArchivedEmployee> &employees, qint64 changeSet) const;
    QString lastError() const { return m_error; }

private:
    QList<ArchivedEmployee> read(QSqlQuery &q) const;
    StoreResult move(const QString &sql, qint64 employeeId, const QVariantList &before = {},
                     int *rows = nullptr) const;

    QSqlDatabase m_db;
    mutable QString m_error;
};

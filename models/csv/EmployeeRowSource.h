#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <atomic>

// The rows every export writes, read once for all its formats: each employee
// with their profile, in the column order CsvImporter reads (so an export can
// be imported into another database), the archived ones last with their
// leaving date and reason. Forward-only reads: a million employees never sit
// in memory. Both reads come from one snapshot (a read transaction, REPEATABLE
// READ on PostgreSQL), so an employee archived or restored meanwhile is
// written once; the snapshot ends with the source.
class EmployeeRowSource
{
    Q_DECLARE_TR_FUNCTIONS(EmployeeRowSource)
public:
    // Once *cancelled is set (from any thread), next() ends with an error.
    explicit EmployeeRowSource(const QSqlDatabase &db, const std::atomic<bool> *cancelled = nullptr);
    ~EmployeeRowSource();
    EmployeeRowSource(const EmployeeRowSource &) = delete;
    EmployeeRowSource &operator=(const EmployeeRowSource &) = delete;

    // The header: CsvImporter::knownColumns().
    static QStringList columns();
    // date_of_birth and left_on.
    static bool isDateColumn(int column);

    // The next row; false at the end or on a failed read (then error() says why).
    bool next();
    QString error() const { return m_error; }

    // A null QVariant for NULL; a QDate in a date column holding a date
    // (SQLite stores them as text, PostgreSQL hands a QDate), else the text.
    QVariant value(int column) const;
    // The value as CSV writes it: empty for NULL, dates as YYYY-MM-DD.
    QString text(int column) const;
    bool isArchived() const { return m_stage == Archived; }

private:
    enum Stage { NotStarted, Current, Archived, Done };
    bool startStage(Stage stage);

    QSqlDatabase m_db;
    QSqlQuery m_query;
    Stage m_stage = NotStarted;
    const std::atomic<bool> *m_cancelled;
    bool m_inSnapshot = false;
    QString m_error;
};

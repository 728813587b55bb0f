#pragma once

#include "csv/ColumnAliases.h"
#include "csv/DateColumns.h"
#include "csv/ImportOptions.h"
#include "csv/ImportReport.h"
#include "csv/ImportTeams.h"
#include "csv/ImportUpdater.h"
#include "validation/EmployeeValidator.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <array>
#include <atomic>
#include <memory>

class CsvReader;
class EmployeeStore;
class QIODevice;


// Imports employees (and their profile fields) from CSV in one transaction.
//
// A pipeline, because validating phone numbers costs far more than reading
// or writing: the calling thread parses batch k+2 and writes batch k through
// the store (the only thread touching the database) while pool threads
// validate batch k+1. Rows are written and reported in file order.
class CsvImporter : public QObject
{
    Q_OBJECT
public:
    using ImportReport = ::ImportReport;

    static constexpr int BatchSize = 2000;
    // Imports of at least this many rows, and at least as many as the
    // database holds, rebuild the secondary indexes once at the end.
    static constexpr qint64 DeferIndexesMinRows = 20000;

    CsvImporter(EmployeeStore *store, const EmployeeValidator &validator, QObject *parent = nullptr);
    ~CsvImporter() override;

    // What the user said about the file (encoding, delimiter, columns, date
    // order); everything left open is found out from the file.
    void setOptions(const ImportOptions &options) { m_options = options; }
    // The report lists each row's outcome (ImportReport::rowOutcomes): what the
    // import dialog's Test shows. Off by default: a plain import keeps no list.
    void setKeepRowOutcomes(bool keep) { m_keepRowOutcomes = keep; }

    ImportReport importFile(const QString &path);
    ImportReport importDevice(QIODevice *device, qint64 totalBytes = -1);

    // Thread-safe: may be called from any thread while an import runs. The
    // import then rolls back and reports cancelled.
    void cancel() { m_cancel.store(true); }

    // The header names the importer understands, in export order.
    static QStringList knownColumns();

signals:
    void progress(qint64 bytesDone, qint64 bytesTotal);
    // Every row is written; the commit (and, for a large import, the index
    // rebuild: seconds at a million rows) starts now and cannot be cancelled.
    void savingStarted(int rows);
    void rowRejected(qint64 line, const QString &reason);

private:
    struct Row;
    struct Batch;
    static constexpr int ColumnCount = ColumnAliases::ColumnCount;
    struct Leaver
    {
        qint64 id;
        QDate leftOn;
        QString reason;
    };

    bool readHeader(CsvReader &reader, ImportReport &report);
    std::unique_ptr<Batch> readBatch(CsvReader &reader) const;
    void startValidation(Batch &batch);
    void validateSlices(Batch &batch) const;
    Row validateRecord(qint64 line, const QStringList &fields) const;
    QString cell(const QStringList &fields, int column) const;
    void validateProfileFields(const QStringList &fields, Row &row, FieldErrors &errors) const;
    void runPipeline(CsvReader &reader, QIODevice *device, qint64 totalBytes, ImportReport &report);
    void deferIndexesIfWorthIt(const Batch &first, qint64 totalBytes);
    void writeBatch(Batch &batch, ImportReport &report);
    void createMissingTeams(Batch &batch);
    void retire(std::unique_ptr<Batch> batch);
    void reject(qint64 line, const QString &reason, ImportReport &report, const QStringList *fields = nullptr);
    void noteOutcome(ImportReport &report, qint64 line, ImportReport::RowOutcome::Kind kind,
                     const QString &reason = {}) const;
    std::vector<ImportUpdater::Outcome> resolveExisting(const Batch &batch);
    void countExisting(const ImportUpdater::Outcome &outcome, qint64 line, const QStringList &fields,
                       ImportReport &report);
    RecordFields presentFields() const;
    void finish(ImportReport &report);
    void noteCreatedTeams(ImportReport &report) const;
    bool archiveLeavers(ImportReport &report);

    EmployeeStore *m_store;
    EmployeeValidator m_validator;
    QThreadPool m_pool;
    std::atomic<bool> m_cancel{false};
    QString m_sourceName;   // the file being imported, for the history
    ImportOptions m_options;
    bool m_keepRowOutcomes = false;
    std::array<int, ColumnCount> m_columnIndex{};   // column -> field position in a row, -1 if absent
    QStringList m_header;                           // as the file writes it, for messages
    DateColumns m_dates;                            // how date_of_birth and left_on are written
    qsizetype m_fieldCount = 0;
    ImportTeams m_teams;                            // the teams rows name, created with --create-teams
    std::vector<Leaver> m_leavers;                  // written rows that left_on marks as archived
    std::unique_ptr<ImportUpdater> m_updater;       // --existing skip|update; null: reject (the bulk path)
};

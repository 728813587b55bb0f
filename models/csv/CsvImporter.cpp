#include "csv/CsvImporter.h"

#include "csv/CsvFormat.h"
#include "csv/CsvReader.h"
#include "csv/CsvWriter.h"
#include "csv/GenderWords.h"
#include "csv/HeaderMatcher.h"
#include "store/EmployeeStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QThread>

#include <algorithm>
#include <vector>

namespace {

// left_on and leaving_reason mark an archived employee (an export writes
// them last, empty for current employees); an import archives such a row
// again, so an exported database comes back whole.
enum Column {
    FirstName = ColumnAliases::FirstName,
    LastName = ColumnAliases::LastName,
    Email = ColumnAliases::Email,
    Phone = ColumnAliases::Phone,
    DateOfBirth = ColumnAliases::DateOfBirth,
    TeamName = ColumnAliases::Team,
    Address = ColumnAliases::Address,
    GenderCode = ColumnAliases::Gender,
    Bio = ColumnAliases::Bio,
    LeftOn = ColumnAliases::LeftOn,
    LeavingReason = ColumnAliases::LeavingReason
};

// Rows a pool thread validates at a time: large enough to keep task overhead
// negligible, small enough that both cores get work from every batch.
constexpr int RowsPerTask = 250;

} // namespace

struct CsvImporter::Row
{
    qint64 line = 0;
    Employee employee;
    EmployeeProfile profile;
    QString problem;   // empty: the row may be written
    QDate leftOn;      // valid: an archived employee, archived again once written
    QString leavingReason;
    QString newTeam;   // --create-teams: a team no one has yet, created before the row is written
};

// One batch of records and its validated rows. The destructor waits for the
// pool tasks still filling `rows`, so no exit path leaves a task writing
// into freed memory.
struct CsvImporter::Batch
{
    std::vector<CsvRecord> records;
    std::vector<Row> rows;
    // Slices of RowsPerTask rows, claimed by pool tasks and by the writing
    // thread (which validates instead of idling when it gets ahead).
    std::atomic<int> nextSlice{0};
    int sliceCount = 0;
    QSemaphore done;
    int tasks = 0;
    qint64 endsAtByte = 0;   // how far into the file its last record reaches

    void wait()
    {
        done.acquire(tasks);
        tasks = 0;
    }
    ~Batch() { wait(); }
};

CsvImporter::CsvImporter(EmployeeStore *store, const EmployeeValidator &validator, QObject *parent)
    : QObject(parent), m_store(store), m_validator(validator), m_teams(store)
{
    // One core is the writing thread's: it validates too whenever it would
    // otherwise wait (measured on 2 cores: 3 busy threads on 2 cores slowed the
    // serial writer, which is the import's critical path).
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_columnIndex.fill(-1);
}

CsvImporter::~CsvImporter()
{
    m_pool.waitForDone();
}

QStringList CsvImporter::knownColumns()
{
    return ColumnAliases::fieldNames();
}

ImportReport CsvImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportReport report;
        report.fatalError = tr("cannot open '%1': %2").arg(path, file.errorString());
        return report;
    }
    m_sourceName = QFileInfo(path).fileName();
    const ImportReport report = importDevice(&file, file.size());
    m_sourceName.clear();
    return report;
}

ImportReport CsvImporter::importDevice(QIODevice *device, qint64 totalBytes)
{
    // A cancel() that arrives before the import starts (another thread may
    // ask while this one is still opening the database) cancels it; the
    // flag is cleared when the import ends, for the next one.
    struct ClearCancel
    {
        std::atomic<bool> &flag;
        ~ClearCancel() { flag.store(false); }
    } clearCancel{m_cancel};
    ImportReport report;
    if (totalBytes < 0 && !device->isSequential())
        totalBytes = device->size();

    const CsvFormat format = CsvFormat::sniff(device, m_options.encoding, m_options.delimiter);
    report.encoding = TextDecoder::name(format.encoding);
    report.delimiter = format.delimiter;
    if (format.encodingDetected)
        report.notes << tr("the file is not UTF-8; read as %1 (detected; name another with --encoding)")
                            .arg(report.encoding);
    CsvReader reader(device, format);
    if (!readHeader(reader, report))
        return report;
    m_teams.load(m_options.createTeams);
    if (m_options.existing != ExistingRowPolicy::Mode::Reject)
        m_updater = std::make_unique<ImportUpdater>(m_store, m_options.existing, presentFields());

    // The history names the import and its file (one change set for all its rows).
    const ChangeOrigin previous = m_store->changeOrigin();
    m_store->setChangeOrigin({QString::fromLatin1(ChangeOrigin::Import), m_sourceName});
    struct RestoreOrigin
    {
        EmployeeStore *store;
        ChangeOrigin origin;
        ~RestoreOrigin() { store->setChangeOrigin(origin); }
    } restoreOrigin{m_store, previous};
    QString error;
    if (!m_store->beginBulk(&error)) {
        report.fatalError = tr("cannot start the import: %1").arg(error);
        return report;
    }
    runPipeline(reader, device, totalBytes, report);
    finish(report);
    m_updater.reset();
    return report;
}

// Commits only a complete, uncancelled import: anything else leaves the
// database exactly as it was.
void CsvImporter::finish(ImportReport &report)
{
    if (m_cancel.load())
        report.cancelled = true;
    if (report.ok())
        archiveLeavers(report);   // a failure sets fatalError: rolled back below
    m_leavers.clear();
    if (report.ok())
        m_teams.dropUnused();
    if (report.ok() && m_options.dryRun) {
        // --dry-run: everything was written and checked; now undone, the counts kept.
        m_store->rollbackBulk();
        report.dryRun = true;
        noteCreatedTeams(report);
        return;
    }
    if (report.ok()) {
        emit savingStarted(report.accepted);
        QString error;
        const qint64 changeSet = m_store->openChangeSet();
        if (m_store->commitBulk(&error)) {
            report.changeSetId = changeSet;
            noteCreatedTeams(report);
            return;
        }
        report.fatalError = tr("the import could not be saved: %1").arg(error);
    } else {
        m_store->rollbackBulk();
    }
    report.accepted = 0;
    report.updated = report.unchanged = report.skipped = 0;
    report.rowOutcomes.clear();   // nothing happened to any row
}

// Only an import that committed (or a dry run, saying "would") created teams.
void CsvImporter::noteCreatedTeams(ImportReport &report) const
{
    report.createdTeams = m_teams.created();
    for (const QString &team : report.createdTeams)
        report.notes << (report.dryRun ? tr("team '%1' would be created (--create-teams)")
                                       : tr("team '%1' created (--create-teams)"))
                            .arg(team);
}

bool CsvImporter::readHeader(CsvReader &reader, ImportReport &report)
{
    CsvRecord header;
    if (!reader.readRecord(&header)) {
        report.fatalError = reader.hasError() ? reader.errorString()
                                              : tr("the file is empty; the first line must name the columns (%1)")
                                                    .arg(knownColumns().join(QStringLiteral(",")));
        return false;
    }
    HeaderMatcher matcher(m_options.columnMap);
    if (!matcher.match(header.fields, &report.fatalError))
        return false;
    m_columnIndex = matcher.columnIndex();
    m_header = header.fields;
    report.header = header.fields;
    m_fieldCount = header.fields.size();
    for (const QString &ignored : matcher.ignoredHeaders())
        report.notes << tr("column '%1' is not imported: no field has that meaning (name one with --map \"%1=field\")")
                            .arg(ignored);
    return true;
}

std::unique_ptr<CsvImporter::Batch> CsvImporter::readBatch(CsvReader &reader) const
{
    auto batch = std::make_unique<Batch>();
    batch->records.reserve(BatchSize);
    CsvRecord record;
    while (batch->records.size() < size_t(BatchSize) && reader.readRecord(&record))
        batch->records.push_back(record);
    batch->endsAtByte = reader.bytesConsumed();
    return batch;
}

void CsvImporter::startValidation(Batch &batch)
{
    const int count = int(batch.records.size());
    batch.rows.resize(batch.records.size());
    batch.sliceCount = (count + RowsPerTask - 1) / RowsPerTask;
    const int workers = std::min(batch.sliceCount, m_pool.maxThreadCount());
    for (int w = 0; w < workers; ++w) {
        ++batch.tasks;
        // Each slice fills its own part of `rows`; nothing else is shared
        // but const state (validator, columns, teams).
        m_pool.start([this, &batch] {
            validateSlices(batch);
            batch.done.release();
        });
    }
}

void CsvImporter::validateSlices(Batch &batch) const
{
    const int count = int(batch.records.size());
    for (int slice = batch.nextSlice.fetch_add(1); slice < batch.sliceCount; slice = batch.nextSlice.fetch_add(1)) {
        const int to = std::min(count, (slice + 1) * RowsPerTask);
        for (int i = slice * RowsPerTask; i < to; ++i)
            batch.rows[i] = validateRecord(batch.records[i].line, batch.records[i].fields);
    }
}

void CsvImporter::runPipeline(CsvReader &reader, QIODevice *device, qint64 totalBytes, ImportReport &report)
{
    std::unique_ptr<Batch> current = readBatch(reader);
    if (!m_dates.decide(current->records, m_columnIndex, m_header, m_options.dateOrder, &report.fatalError))
        return;
    startValidation(*current);
    deferIndexesIfWorthIt(*current, totalBytes);
    std::unique_ptr<Batch> next = readBatch(reader);
    while (!current->records.empty() && !reader.hasError()) {
        validateSlices(*current);   // what the pool has not started yet
        current->wait();
        if (!next->records.empty())
            startValidation(*next);
        writeBatch(*current, report);
        if (report.cancelled || m_cancel.load())
            return;
        emit progress(current->endsAtByte, totalBytes);
        retire(std::move(current));
        current = std::move(next);
        next = readBatch(reader);   // overlaps the validation of `current`
    }
    if (reader.hasError())
        report.fatalError = reader.errorString();
    else
        emit progress(totalBytes >= 0 ? totalBytes : device->pos(), totalBytes);
}

// A large import into a table that is small next to it builds its secondary
// indexes once at the end instead of row by row (measured: see the README's
// Performance section). The row count is estimated from the first batch's
// characters per row (the reader reads ahead a MiB at a time, so its position
// says little); UTF-8 and quoting make a row's bytes a little more than its
// characters, and a wrong guess costs only a rebuild of the existing rows.
void CsvImporter::deferIndexesIfWorthIt(const Batch &first, qint64 totalBytes)
{
    const size_t rows = first.records.size();
    if (rows == 0)
        return;
    qint64 expected = qint64(rows);
    if (rows == size_t(BatchSize)) {
        if (totalBytes <= 0)
            return;   // a stream of unknown length
        qint64 chars = 0;
        for (const CsvRecord &record : first.records) {
            for (const QString &field : record.fields)
                chars += field.size() + 1;   // the comma or the newline
        }
        expected = qint64(double(totalBytes) * double(rows) / double(std::max<qint64>(chars, 1)));
    }
    if (expected < DeferIndexesMinRows || expected < m_store->employeeCount())
        return;
    m_store->deferSecondaryIndexes();
}

// A written batch is freed on a pool thread: freeing its tens of thousands
// of strings is work the writing thread, the import's critical path, need
// not do.
void CsvImporter::retire(std::unique_ptr<Batch> batch)
{
    auto *done = batch.release();
    m_pool.start([done] { delete done; });
}

void CsvImporter::writeBatch(Batch &batch, ImportReport &report)
{
    if (m_cancel.load(std::memory_order_relaxed)) {
        report.cancelled = true;
        return;
    }
    createMissingTeams(batch);
    // --existing skip|update: the rows whose email is taken are dealt with first.
    const std::vector<ImportUpdater::Outcome> existing = resolveExisting(batch);
    const auto isNew = [&existing](size_t i) {
        return existing.empty() || existing[i].action == ImportUpdater::Action::Create;
    };
    QList<NewEmployee> valid;
    valid.reserve(qsizetype(batch.rows.size()));
    for (size_t i = 0; i < batch.rows.size(); ++i) {
        const Row &row = batch.rows[i];
        if (row.problem.isEmpty() && isNew(i))
            valid.append({&row.employee, &row.profile});
    }
    // Refusals only the database can know (duplicate email or phone) come
    // back per row and cost only that row.
    const QList<StoreResult> results = m_store->createEmployees(valid);
    qsizetype next = 0;
    for (size_t i = 0; i < batch.rows.size(); ++i) {
        const Row &row = batch.rows[i];
        const QStringList &fields = batch.records[i].fields;
        if (!row.problem.isEmpty()) {
            reject(row.line, row.problem, report, &fields);
            continue;
        }
        if (!isNew(i)) {
            countExisting(existing[i], row.line, fields, report);
            continue;
        }
        const StoreResult &result = results.at(next++);
        if (result.ok()) {
            ++report.accepted;
            noteOutcome(report, row.line, ImportReport::RowOutcome::Added);
            if (row.leftOn.isValid())
                m_leavers.push_back({result.id(), row.leftOn, row.leavingReason});
        } else
            reject(row.line, result.errorText(), report, &fields);
    }
}

// --create-teams: the teams the valid rows name and no one has yet are
// created now, on the writing thread and in the import's transaction; a row
// whose team cannot be created is refused with the reason.
void CsvImporter::createMissingTeams(Batch &batch)
{
    for (Row &row : batch.rows) {
        if (row.newTeam.isEmpty() || !row.problem.isEmpty())
            continue;
        QString reason;
        row.profile.teamId = m_teams.resolve(row.newTeam, &reason);
        if (row.profile.teamId == 0)
            row.problem = describeErrors(FieldErrors{{QStringLiteral("team"), reason}});
    }
}

// Each valid row's fate under --existing skip|update, in file order; empty
// in reject mode (every valid row goes to the bulk create).
std::vector<ImportUpdater::Outcome> CsvImporter::resolveExisting(const Batch &batch)
{
    std::vector<ImportUpdater::Outcome> outcomes;
    if (!m_updater)
        return outcomes;
    outcomes.resize(batch.rows.size());
    for (size_t i = 0; i < batch.rows.size(); ++i) {
        const Row &row = batch.rows[i];
        if (row.problem.isEmpty())
            outcomes[i] = m_updater->apply(row.employee, row.profile);
    }
    return outcomes;
}

void CsvImporter::countExisting(const ImportUpdater::Outcome &outcome, qint64 line, const QStringList &fields,
                                ImportReport &report)
{
    switch (outcome.action) {
    case ImportUpdater::Action::Updated:
        ++report.updated;
        noteOutcome(report, line, ImportReport::RowOutcome::Updated);
        break;
    case ImportUpdater::Action::Unchanged:
        ++report.unchanged;
        noteOutcome(report, line, ImportReport::RowOutcome::Unchanged);
        break;
    case ImportUpdater::Action::Skipped:
        ++report.skipped;
        noteOutcome(report, line, ImportReport::RowOutcome::Skipped);
        break;
    case ImportUpdater::Action::Refused:
        reject(line, outcome.reason, report, &fields);
        break;
    case ImportUpdater::Action::Create:
        break;
    }
}

// The fields the file has a column for: what --existing update may change.
RecordFields CsvImporter::presentFields() const
{
    static const std::pair<int, RecordField> fields[] = {
        {FirstName, RecordField::FirstName}, {LastName, RecordField::LastName},
        {Email, RecordField::Email},         {Phone, RecordField::Phone},
        {DateOfBirth, RecordField::DateOfBirth}, {TeamName, RecordField::Team},
        {GenderCode, RecordField::Gender},   {Address, RecordField::Address},
        {Bio, RecordField::Bio}};
    RecordFields present;
    for (const auto &[column, field] : fields) {
        if (m_columnIndex[column] >= 0)
            present.append(field);
    }
    return present;
}

// The rows that were archived where they came from go back into the
// archive, in the import's transaction (a failure rolls the whole import back).
bool CsvImporter::archiveLeavers(ImportReport &report)
{
    for (const Leaver &leaver : m_leavers) {
        const std::optional<EmployeeRecord> record = m_store->record(leaver.id);
        const StoreResult archived = record ? m_store->archiveEmployee(*record, leaver.leftOn, leaver.reason)
                                            : StoreResult::gone(QString());
        if (!archived.ok()) {
            report.fatalError = tr("an archived employee could not be archived again: %1").arg(archived.errorText());
            return false;
        }
        ++report.archived;
    }
    return true;
}

void CsvImporter::reject(qint64 line, const QString &reason, ImportReport &report, const QStringList *fields)
{
    ++report.rejected;
    if (fields && m_options.keepRejectedRows)
        report.rejectedRows.append({line, *fields, reason});
    report.problems << tr("line %1: %2").arg(line).arg(reason);
    noteOutcome(report, line, ImportReport::RowOutcome::Refused, reason);
    emit rowRejected(line, reason);
}

void CsvImporter::noteOutcome(ImportReport &report, qint64 line, ImportReport::RowOutcome::Kind kind,
                              const QString &reason) const
{
    if (m_keepRowOutcomes)
        report.rowOutcomes.append({line, kind, reason});
}

QString CsvImporter::cell(const QStringList &fields, int column) const
{
    const int index = m_columnIndex[column];
    return index < 0 ? QString() : CsvWriter::restoreFormula(fields.at(index));
}

// Runs on pool threads: const, touches no database and no QObject.
CsvImporter::Row CsvImporter::validateRecord(qint64 line, const QStringList &fields) const
{
    Row row;
    row.line = line;
    if (fields.size() != m_fieldCount) {
        row.problem = tr("expected %1 fields as in the header, found %2").arg(m_fieldCount).arg(fields.size());
        return row;
    }
    row.employee.firstName = cell(fields, FirstName);
    row.employee.lastName = cell(fields, LastName);
    row.employee.email = cell(fields, Email);
    row.employee.phone = cell(fields, Phone);
    FieldErrors errors = m_validator.validate(row.employee);
    validateProfileFields(fields, row, errors);
    row.leftOn = m_dates.read(cell(fields, LeftOn), LeftOn, errors);
    if (row.leftOn.isValid())
        row.leavingReason = cell(fields, LeavingReason).trimmed();
    else if (cell(fields, LeftOn).trimmed().isEmpty() && !cell(fields, LeavingReason).trimmed().isEmpty())
        errors.append({QStringLiteral("leaving_reason"), tr("A leaving reason needs the leaving date (left_on)")});
    row.problem = describeErrors(errors);
    return row;
}

void CsvImporter::validateProfileFields(const QStringList &fields, Row &row, FieldErrors &errors) const
{
    EmployeeProfile &profile = row.profile;
    profile.dateOfBirth = m_dates.read(cell(fields, DateOfBirth), DateOfBirth, errors);
    const QString team = cell(fields, TeamName).trimmed();
    if (!team.isEmpty()) {
        profile.teamId = m_teams.known(team);
        if (profile.teamId == 0 && m_teams.createsMissing())
            row.newTeam = team;
        else if (profile.teamId == 0)
            errors.append({QStringLiteral("team"), tr("unknown team '%1'").arg(team)});
    }
    const QString genderText = cell(fields, GenderCode);
    const std::optional<Gender> gender = GenderWords::fromText(genderText);
    if (gender)
        profile.gender = *gender;
    else
        errors.append({QStringLiteral("gender"),
                       tr("unknown gender '%1'; use female, male, other (or F, M, D) or leave it empty")
                           .arg(genderText.trimmed())});
    profile.address = cell(fields, Address);
    profile.bio = cell(fields, Bio);
    errors += m_validator.validate(profile);
}


#pragma once

#include "csv/CsvImporter.h"
#include "validation/EmployeeValidator.h"
#include "store/StoreSession.h"

#include <QMutex>
#include <QObject>
#include <memory>

class QThread;

// One CSV import from the window, run beside it: on a worker thread with a
// database session of its own (StoreSessionOpener: same file or server, its
// own connection and EmployeeStore, employeeCreated wired by the composition
// root). The GUI thread never waits for it; the window's connection never
// sees its rows before the commit, and none of a cancelled import.
// Signals arrive on the thread that created the job. The options are the
// user's (the import dialog's); a dry run (ImportOptions::dryRun) is the
// dialog's Test, rolled back on the worker like a cancelled import.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(StoreSessionOpener opener, const EmployeeValidator &validator, const QString &path,
              const ImportOptions &options = {}, QObject *parent = nullptr);
    // The report lists each row's outcome (what Test shows); off by default.
    void setKeepRowOutcomes(bool keep) { m_keepRowOutcomes = keep; }
    // Cancels a running import and waits for its rollback.
    ~ImportJob() override;

    void start();
    // Thread-safe; the import rolls back and finishes with report.cancelled.
    void cancel();
    bool isRunning() const { return m_running; }
    QString path() const { return m_path; }

signals:
    void progressed(qint64 bytesDone, qint64 bytesTotal);
    void savingStarted(int rows);
    void finished(const ImportReport &report);

private:
    ImportReport run();   // on the worker thread
    void setImporter(CsvImporter *importer);

    StoreSessionOpener m_opener;
    EmployeeValidator m_validator;
    QString m_path;
    ImportOptions m_options;
    bool m_keepRowOutcomes = false;
    std::unique_ptr<QThread> m_thread;
    bool m_running = false;

    QMutex m_mutex;                       // guards the two below
    CsvImporter *m_importer = nullptr;    // the worker's, while it runs
    bool m_cancelled = false;
};

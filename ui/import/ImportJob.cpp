#include "import/ImportJob.h"

#include "common/WorkerThread.h"
#include "store/EmployeeStore.h"

#include <QMutexLocker>

ImportJob::ImportJob(StoreSessionOpener opener, const EmployeeValidator &validator, const QString &path,
                     const ImportOptions &options, QObject *parent)
    : QObject(parent), m_opener(std::move(opener)), m_validator(validator), m_path(path), m_options(options)
{
}

ImportJob::~ImportJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void ImportJob::start()
{
    if (m_running || m_thread)
        return;
    m_running = true;
    m_thread = startWorkerThread(this, QStringLiteral("csv-import"), [this] { return run(); },
                                 [this](const ImportReport &report) {
                                     m_thread->wait();   // the worker is past its last statement
                                     m_running = false;
                                     emit finished(report);
                                 });
}

void ImportJob::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = true;
    if (m_importer)
        m_importer->cancel();
}

void ImportJob::setImporter(CsvImporter *importer)
{
    QMutexLocker lock(&m_mutex);
    m_importer = importer;
    if (importer && m_cancelled)
        importer->cancel();
}

ImportReport ImportJob::run()
{
    ImportReport report;
    QString error;
    std::unique_ptr<StoreSession> session = m_opener ? m_opener(&error) : nullptr;
    if (!session) {
        report.fatalError = error.isEmpty() ? tr("The database could not be opened for the import.") : error;
        return report;
    }
    {
        CsvImporter importer(session->store(), m_validator);
        importer.setOptions(m_options);
        importer.setKeepRowOutcomes(m_keepRowOutcomes);
        // Queued to this job's thread: the importer lives on the worker.
        connect(&importer, &CsvImporter::progress, this, &ImportJob::progressed, Qt::QueuedConnection);
        connect(&importer, &CsvImporter::savingStarted, this, &ImportJob::savingStarted, Qt::QueuedConnection);
        setImporter(&importer);
        report = importer.importFile(m_path);
        setImporter(nullptr);
    }
    session.reset();   // closes the worker's connection on the thread that opened it
    return report;
}

#include "mainwindow/ExportJob.h"

#include "csv/EmployeeExporter.h"
#include "common/WorkerThread.h"
#include "store/EmployeeStore.h"

ExportJob::ExportJob(StoreSessionOpener opener, const QString &path, ExportFormat format, QObject *parent)
    : QObject(parent), m_opener(std::move(opener)), m_path(path), m_format(format)
{ }

ExportJob::~ExportJob()
{
    if (m_thread) {
        m_cancelled.store(true);
        m_thread->wait();
    }
}

void ExportJob::start()
{
    if (m_running || m_thread)
        return;
    m_running = true;
    m_thread = startWorkerThread(
        this, QStringLiteral("export"), [this] { return run(); },
        [this](const ExportReport &report) {
            m_thread->wait(); // the worker is past its last statement
            m_running = false;
            emit finished(report);
        });
}

ExportReport ExportJob::run()
{
    QString error;
    std::unique_ptr<StoreSession> session = m_opener ? m_opener(&error) : nullptr;
    if (!session) {
        ExportReport report;
        report.error = error.isEmpty() ? tr("The database could not be opened for the export.") : error;
        return report;
    }
    const ExportReport report =
        EmployeeExporter::exportFile(session->store()->database(), m_path, m_format, &m_cancelled);
    session.reset(); // closes the worker's connection on the thread that opened it
    return report;
}

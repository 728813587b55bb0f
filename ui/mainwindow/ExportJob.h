#pragma once

#include "csv/ExportFormat.h"
#include "csv/ExportReport.h"
#include "store/StoreSession.h"

#include <QObject>
#include <atomic>
#include <memory>

class QThread;

// One export from the window, run beside it: on a worker thread with a
// database session of its own (StoreSessionOpener), so the window keeps
// answering while a million employees are written (seconds). The export reads
// one snapshot of the committed data. Signals arrive on the thread that
// created the job.
class ExportJob : public QObject
{
    Q_OBJECT
public:
    ExportJob(StoreSessionOpener opener, const QString &path, ExportFormat format, QObject *parent = nullptr);
    // Cancels a running export and waits for it: no file is written (a
    // window closed during a long export closes at once).
    ~ExportJob() override;

    void start();
    bool isRunning() const { return m_running; }
    QString path() const { return m_path; }

signals:
    void finished(const ExportReport &report);

private:
    ExportReport run(); // on the worker thread

    StoreSessionOpener m_opener;
    QString m_path;
    ExportFormat m_format;
    std::unique_ptr<QThread> m_thread;
    bool m_running = false;
    std::atomic<bool> m_cancelled{false};
};

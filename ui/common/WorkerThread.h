#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>
#include <memory>
#include <utility>

// Runs `work()` on a thread of its own, then `done(result)` on `context`'s
// thread (queued; dropped if `context` is gone by then). The window's long
// jobs (ImportJob, ExportJob) start this way; the caller keeps the thread and
// waits for it before `context` goes.
template<typename Work, typename Done>
std::unique_ptr<QThread> startWorkerThread(QObject *context, const QString &name, Work work, Done done)
{
    std::unique_ptr<QThread> thread(
        QThread::create([context, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(
                context, [done, result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        }));
    thread->setObjectName(name);
    thread->start();
    return thread;
}

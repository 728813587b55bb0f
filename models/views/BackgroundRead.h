#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>

// Work for a windowed model on a pool thread, with a database connection of
// its own (a clone of the model's: SQLite allows one per thread), whose
// result reaches the model on the model's thread, and only while the model
// exists. The GUI thread never waits for it.
class BackgroundRead
{
public:
    // Shared by the model and its pending work: the model clears `model` in
    // its destructor; work of an older `generation` gives up.
    struct Guard
    {
        QMutex mutex;
        QObject *model = nullptr;
        std::atomic<quint64> generation{0};
    };

    // Runs `work(QSqlDatabase &, Result &)` (true = post the result) on a pool
    // thread against a clone of the connection named `source`, then
    // `post(Model *, const Result &)` on the model's thread.
    template <typename Model, typename Result, typename Work, typename Post>
    static void start(const std::shared_ptr<Guard> &guard, const QString &source, Work work, Post post)
    {
        QThreadPool::globalInstance()->start([guard, source, work, post] {
            Result result;
            if (!runOnClone(source, [&](QSqlDatabase &db) { return work(db, result); }))
                return;
            QMutexLocker lock(&guard->mutex);
            if (auto *model = static_cast<Model *>(guard->model))
                QMetaObject::invokeMethod(model, [model, post, result] { post(model, result); }, Qt::QueuedConnection);
        });
    }

private:
    template <typename Fn>
    static bool runOnClone(const QString &source, Fn fn)
    {
        const QString name = nextConnectionName();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(source, name);
            if (db.open())
                ok = fn(db);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }
    static QString nextConnectionName();
};

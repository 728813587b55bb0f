#include "connection/PasswordVault.h"

#include <qt6keychain/keychain.h>

namespace {
const QString Service = QStringLiteral("Employee Records");
// An entry nobody stores: reading it tells whether a secret service answers.
const QString AvailabilityProbe = QStringLiteral("availability probe");

// A job has no parent and deletes itself when it finishes: the secret
// service's answer may arrive after the vault is gone, and libsecret calls
// back into the job (deleting a pending job crashes it).
template<typename Job>
Job *makeJob(const QString &key)
{
    auto *job = new Job(Service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);   // never a plaintext file instead
    job->setKey(key);
    return job;
}
}

PasswordVault::PasswordVault(QObject *parent) : QObject(parent) {}

QString PasswordVault::accountFor(const DatabaseLocation &server)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(server.userName(), server.host())
        .arg(server.port())
        .arg(server.databaseName());
}

void PasswordVault::checkAvailability()
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(AvailabilityProbe);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const QKeychain::Error error = job->error();
        m_available = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        emit availabilityKnown(m_available,
                               m_available ? QString()
                                           : tr("No secret service (such as GNOME Keyring or KWallet) answers, so "
                                                "the password cannot be kept safely; it is not stored anywhere else. "
                                                "(%1)")
                                                 .arg(job->errorString()));
    });
    job->start();
}

void PasswordVault::read(const DatabaseLocation &server, std::function<void(std::optional<QString>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(accountFor(server));
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? std::optional<QString>(job->textData()) : std::nullopt);
    });
    job->start();
}

void PasswordVault::store(const DatabaseLocation &server, const QString &password)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(accountFor(server));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        emit stored(job->error() == QKeychain::NoError, job->errorString());
    });
    job->start();
}

void PasswordVault::forget(const DatabaseLocation &server)
{
    makeJob<QKeychain::DeletePasswordJob>(accountFor(server))->start();
}

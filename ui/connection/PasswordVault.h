#pragma once

#include "db/DatabaseLocation.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

// "Remember password": the desktop's secret service (GNOME Keyring, KWallet,
// … through QtKeychain), and nothing else. There is no plaintext fallback:
// without a secret service nothing is remembered and checkAvailability()
// says why. Every call is asynchronous; the secret service may ask the user
// to unlock it.
class PasswordVault : public QObject
{
    Q_OBJECT
public:
    explicit PasswordVault(QObject *parent = nullptr);

    // Asks the secret service once; availabilityKnown() follows (also when
    // called again).
    void checkAvailability();
    bool isKnownAvailable() const { return m_available; }

    // The password remembered for `server`, nullopt when none is (or no
    // secret service answers). `done` runs on this object's thread.
    void read(const DatabaseLocation &server, std::function<void(std::optional<QString>)> done);
    // Stores the password for `server`; stored() follows.
    void store(const DatabaseLocation &server, const QString &password);
    void forget(const DatabaseLocation &server);

    // The entry's key: user@host:port/database (the secret service shows it).
    static QString accountFor(const DatabaseLocation &server);

signals:
    void availabilityKnown(bool available, const QString &reason);
    void stored(bool ok, const QString &error);

private:
    bool m_available = false;
};

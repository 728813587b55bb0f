#pragma once

#include "db/Database.h"
#include "db/DatabaseLocation.h"
#include "store/StoreSession.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

class EmployeeStore;
class ProfileAutoCreator;

// One open database with its store and the receivers wired to it. This is
// where employeeCreated meets ProfileAutoCreator, as Django wires post_save
// receivers in AppConfig.ready(): models/ only declares the signal and the
// receiver, the composition root decides that they belong together.
class AppSession : public StoreSession
{
    Q_DECLARE_TR_FUNCTIONS(AppSession)
public:
    AppSession();
    ~AppSession() override;

    // When the profiles that employees lack (written by another tool) are
    // created: before open() returns, or, for the window on a PostgreSQL
    // server, by a session of its own on a worker thread, so that the window
    // does not wait for the check (counting both tables: ~170 ms at 1M on
    // PostgreSQL, ~20 ms on SQLite, which always does it at once). The
    // window then sees the new profiles as it sees any other client's change.
    enum class Backfill { BeforeReturning, InBackground };

    // Opens, migrates, wires and backfills missing profiles. On failure the
    // session stays closed and *error says why. `missing`: whether a missing
    // SQLite file may be created.
    bool open(const DatabaseLocation &location, QString *error,
              Database::Missing missing = Database::Missing::Create,
              Backfill backfill = Backfill::BeforeReturning);
    void close();

    bool isOpen() const { return m_store != nullptr; }
    EmployeeStore *store() const override { return m_store.get(); }

    // Opens a session of its own on `location` for each call: the window's
    // import runs on a worker thread with one, wired like this one.
    static StoreSessionOpener openerFor(const DatabaseLocation &location);
    DatabaseLocation location() const { return m_location; }
    // Profiles the last open() created for employees that had none.
    int backfilled() const { return m_backfilled; }

private:
    QString m_connectionName;
    DatabaseLocation m_location;
    std::unique_ptr<EmployeeStore> m_store;
    std::unique_ptr<ProfileAutoCreator> m_profileCreator;
    int m_backfilled = 0;
};

#pragma once

#include <QString>
#include <functional>
#include <memory>

class EmployeeStore;

// An open database with its EmployeeStore and the store's receivers wired
// (employeeCreated to the ProfileAutoCreator): what the composition root
// (app/AppSession) builds. It belongs to the thread that opened it.
class StoreSession
{
public:
    virtual ~StoreSession() = default;
    virtual EmployeeStore *store() const = 0;
};

// Opens another session on the database the window has open now, on the
// calling thread (a worker's, for the import); nullptr and *error on failure.
// The composition root provides it, so widgets never wire stores themselves.
using StoreSessionOpener = std::function<std::unique_ptr<StoreSession>(QString *error)>;

#pragma once

#include "csv/ExistingRowPolicy.h"
#include "domain/Employee.h"
#include "domain/EmployeeProfile.h"
#include "domain/EmployeeRecord.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>

class EmployeeStore;

// The import's --existing skip and update: decides, for one valid row, from
// its normalized email, whether it is new (the importer creates it), belongs
// to an employee (skipped, or updated through EmployeeStore::saveChanges
// with the record read now as base and only the columns the file has, so
// the version check, history and signals see it) or to an archived one
// (refused: restore them first). Runs on the writing thread, inside the
// import's transaction. Not used in reject mode: that stays the bulk path.
class ImportUpdater
{
    Q_DECLARE_TR_FUNCTIONS(ImportUpdater)
public:
    enum class Action { Create, Skipped, Updated, Unchanged, Refused };
    struct Outcome
    {
        Action action = Action::Create;
        QString reason; // Refused: why
    };

    // `present`: the fields the file has a column for.
    ImportUpdater(EmployeeStore *store, ExistingRowPolicy::Mode mode, const RecordFields &present);

    Outcome apply(const Employee &employee, const EmployeeProfile &profile);

private:
    qint64 lookUp(QSqlQuery &query, const QString &value, qint64 exceptId = 0);
    Outcome update(qint64 id, const Employee &employee, const EmployeeProfile &profile);

    EmployeeStore *m_store;
    ExistingRowPolicy::Mode m_mode;
    RecordFields m_present;
    QSqlQuery m_employeeByEmail;
    QSqlQuery m_archivedByEmail;
    QSqlQuery m_employeeByPhone;
    QSqlQuery m_archivedByPhone;
};

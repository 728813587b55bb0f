#include "csv/ImportUpdater.h"

#include "store/EmployeeStore.h"
#include "validation/EmployeeValidator.h"

#include <QSqlError>

namespace {
QSqlQuery prepared(const QSqlDatabase &db, const char *sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String(sql));
    return query;
}
} // namespace

ImportUpdater::ImportUpdater(EmployeeStore *store, ExistingRowPolicy::Mode mode, const RecordFields &present)
    : m_store(store)
    , m_mode(mode)
    , m_present(present)
    , m_employeeByEmail(prepared(store->database(), "SELECT id FROM employee WHERE email_normalized = ? AND id <> ?"))
    , m_archivedByEmail(
          prepared(store->database(), "SELECT id FROM archived_employee WHERE email_normalized = ? AND id <> ?"))
    , m_employeeByPhone(prepared(store->database(), "SELECT id FROM employee WHERE phone = ? AND id <> ?"))
    , m_archivedByPhone(prepared(store->database(), "SELECT id FROM archived_employee WHERE phone = ? AND id <> ?"))
{
}

// The id of the row the query finds for `value` (other than `exceptId`), 0 if none, -1 on a failed read.
qint64 ImportUpdater::lookUp(QSqlQuery &query, const QString &value, qint64 exceptId)
{
    query.bindValue(0, value);
    query.bindValue(1, exceptId);
    if (!query.exec())
        return -1;
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

ImportUpdater::Outcome ImportUpdater::apply(const Employee &employee, const EmployeeProfile &profile)
{
    const QString email = EmployeeValidator::normalizedEmail(employee.email);
    const qint64 archived = lookUp(m_archivedByEmail, email);
    if (archived != 0)
        return {Action::Refused, archived < 0 ? m_archivedByEmail.lastError().text()
                                              : tr("email: an archived employee has this email; restore them first")};
    const qint64 existing = lookUp(m_employeeByEmail, email);
    if (existing < 0)
        return {Action::Refused, m_employeeByEmail.lastError().text()};
    if (existing == 0)
        return {Action::Create, {}};
    if (m_mode == ExistingRowPolicy::Mode::Skip)
        return {Action::Skipped, {}};
    return update(existing, employee, profile);
}

ImportUpdater::Outcome ImportUpdater::update(qint64 id, const Employee &employee, const EmployeeProfile &profile)
{
    const std::optional<EmployeeRecord> base = m_store->record(id);
    if (!base)
        return {Action::Refused, tr("the employee with this email could not be read")};
    EmployeeRecord fromFile;
    fromFile.employee = employee;
    fromFile.profile = profile;
    fromFile.hasProfile = true;
    EmployeeRecord edited = *base;
    RecordFields changed;
    for (RecordField field : m_present) {
        if (RecordFieldInfo::sameValue(*base, fromFile, field))
            continue;
        RecordFieldInfo::copy(fromFile, edited, field);
        changed.append(field);
    }
    if (changed.isEmpty())
        return {Action::Unchanged, {}};   // nothing written, no history
    if (changed.contains(RecordField::Phone) && !edited.employee.phone.isEmpty()) {
        const qint64 other = lookUp(m_employeeByPhone, edited.employee.phone, id);
        const qint64 archivedOther = other == 0 ? lookUp(m_archivedByPhone, edited.employee.phone, id) : 0;
        if (other != 0 || archivedOther != 0)
            return {Action::Refused, tr("phone: %1 belongs to another employee").arg(edited.employee.phone)};
    }
    const StoreResult saved = m_store->saveChanges(*base, edited, changed);
    if (!saved.ok())
        return {Action::Refused, saved.errorText()};
    return {Action::Updated, {}};
}

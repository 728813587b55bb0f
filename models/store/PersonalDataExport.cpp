#include "store/PersonalDataExport.h"

#include "db/PrivateSaveFile.h"
#include "domain/Timestamp.h"
#include "store/ChangeLog.h"
#include "store/DriverErrorMapper.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>


namespace {

// The columns of one person, the same for the current and the archive's
// tables (%E% and %P% are names from the fixed pairs below, never user text).
// email_normalized and created_change_set are derived or internal: the email
// and the history already say them.
const char RecordSql[] =
    "SELECT e.id, e.first_name, e.last_name, e.email, e.phone, e.created_at, e.updated_at, e.version,"
    " p.id, p.date_of_birth, p.team_id, t.name, p.address, p.gender, p.bio, p.photo, p.created_at,"
    " p.updated_at, p.version%A%"
    " FROM %E% e LEFT JOIN %P% p ON p.employee_id = e.id LEFT JOIN team t ON t.id = p.team_id"
    " WHERE e.id = ?";
const char ArchiveColumns[] = ", e.left_on, e.archive_reason, e.archived_at";

constexpr int ProfileColumn = 8;
constexpr int PhotoColumn = 15;
constexpr int ArchiveColumn = 19;

// NULL stays null; numbers stay numbers; a PostgreSQL DATE would come back
// as a QDate, which reads as the ISO text SQLite stores.
QJsonValue json(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QJsonValue(value.toLongLong());
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    default:
        return value.toString();
    }
}

// Meta values of a history entry come back as "" when absent: null, as in the row.
QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// The bytes themselves (base64) and what identifies them: their size,
// SHA-256 and image type, so the person can check what the file holds.
QJsonValue photo(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    const QByteArray bytes = value.toByteArray();
    return QJsonObject{
        {QStringLiteral("media_type"), QMimeDatabase().mimeTypeForData(bytes).name()},
        {QStringLiteral("size"), qint64(bytes.size())},
        {QStringLiteral("sha256"),
         QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
        {QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())},
    };
}

QJsonObject employeeObject(const QSqlQuery &q)
{
    return {
        {QStringLiteral("id"), json(q.value(0))},         {QStringLiteral("first_name"), json(q.value(1))},
        {QStringLiteral("last_name"), json(q.value(2))},  {QStringLiteral("email"), json(q.value(3))},
        {QStringLiteral("phone"), json(q.value(4))},      {QStringLiteral("created_at"), json(q.value(5))},
        {QStringLiteral("updated_at"), json(q.value(6))}, {QStringLiteral("version"), json(q.value(7))},
    };
}

// null when the employee has no profile (another tool's doing; --check says so).
QJsonValue profileObject(const QSqlQuery &q)
{
    if (q.value(ProfileColumn).isNull())
        return QJsonValue(QJsonValue::Null);
    const QJsonValue team = q.value(10).isNull()
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(QJsonObject{{QStringLiteral("id"), json(q.value(10))}, {QStringLiteral("name"), json(q.value(11))}});
    return QJsonObject{
        {QStringLiteral("id"), json(q.value(ProfileColumn))},
        {QStringLiteral("date_of_birth"), json(q.value(9))},
        {QStringLiteral("team"), team},
        {QStringLiteral("address"), json(q.value(12))},
        {QStringLiteral("gender"), json(q.value(13))},
        {QStringLiteral("bio"), json(q.value(14))},
        {QStringLiteral("photo"), photo(q.value(PhotoColumn))},
        {QStringLiteral("created_at"), json(q.value(16))},
        {QStringLiteral("updated_at"), json(q.value(17))},
        {QStringLiteral("version"), json(q.value(18))},
    };
}

} // namespace

std::optional<PersonalDataExport::Format> PersonalDataExport::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return Format::Json;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString PersonalDataExport::formatName(Format format)
{
    return format == Format::Pdf ? QStringLiteral("PDF") : QStringLiteral("JSON");
}

qint64 PersonalDataExport::employeeIdByEmail(const QString &email) const
{
    const HistoryReader reader(m_store->database());
    const qint64 id = reader.employeeIdByEmail(email);
    m_error = reader.lastError();
    return id;
}

bool PersonalDataExport::readRecord(qint64 employeeId, bool archived, QJsonObject *out) const
{
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(RecordSql)
                  .replace(QLatin1String("%A%"), archived ? QLatin1String(ArchiveColumns) : QLatin1String(""))
                  .replace(QLatin1String("%E%"), archived ? QLatin1String("archived_employee") : QLatin1String("employee"))
                  .replace(QLatin1String("%P%"),
                           archived ? QLatin1String("archived_profile") : QLatin1String("employee_profile")));
    q.addBindValue(employeeId);
    if (!q.exec()) {
        m_error = tr("Cannot read the employee: %1").arg(q.lastError().text());
        return false;
    }
    if (!q.next())
        return false;
    out->insert(QStringLiteral("status"), archived ? QStringLiteral("archived") : QStringLiteral("current"));
    out->insert(QStringLiteral("employee"), employeeObject(q));
    out->insert(QStringLiteral("profile"), profileObject(q));
    out->insert(QStringLiteral("archive"),
                archived ? QJsonValue(QJsonObject{{QStringLiteral("left_on"), json(q.value(ArchiveColumn))},
                                                  {QStringLiteral("reason"), json(q.value(ArchiveColumn + 1))},
                                                  {QStringLiteral("archived_at"), json(q.value(ArchiveColumn + 2))}})
                         : QJsonValue(QJsonValue::Null));
    return true;
}

QJsonArray PersonalDataExport::readHistory(qint64 employeeId) const
{
    const HistoryReader reader(m_store->database());
    QJsonArray history;
    for (const HistoryEntry &e : reader.employeeHistory(employeeId)) {
        history.append(QJsonObject{
            {QStringLiteral("at"), e.at},
            {QStringLiteral("subject"), e.subject},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("field"), text(e.field)},
            {QStringLiteral("old_value"), json(e.oldValue)},
            {QStringLiteral("new_value"), json(e.newValue)},
            {QStringLiteral("change_set"), e.changeSetId > 0 ? QJsonValue(e.changeSetId) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("os_user"), text(e.osUser)},
            {QStringLiteral("db_user"), text(e.dbUser)},
            {QStringLiteral("source"), text(e.source)},
            {QStringLiteral("detail"), text(e.detail)},
            {QStringLiteral("client"), text(e.client)},
        });
    }
    m_error = reader.lastError();
    return history;
}

QJsonObject PersonalDataExport::collect(qint64 employeeId) const
{
    m_error.clear();
    QJsonObject data;
    // Current first: an employee in both tables is a damage --check reports.
    if (!readRecord(employeeId, false, &data) && (!m_error.isEmpty() || !readRecord(employeeId, true, &data))) {
        if (m_error.isEmpty())
            m_error = tr("No employee has the id %1.").arg(employeeId);
        return {};
    }
    const QJsonArray history = readHistory(employeeId);
    if (!m_error.isEmpty())
        return {};
    data.insert(QStringLiteral("history"), history);
    data.insert(QStringLiteral("export"),
                QJsonObject{{QStringLiteral("format"), QStringLiteral("employee-records personal data")},
                            {QStringLiteral("format_version"), 1},
                            {QStringLiteral("exported_at"), Timestamp::now()},
                            {QStringLiteral("exported_by"), ChangeLog::osUser()}});
    return data;
}

QByteArray PersonalDataExport::toJson(const QJsonObject &data)
{
    return QJsonDocument(data).toJson(QJsonDocument::Indented);
}

bool PersonalDataExport::save(qint64 employeeId, Format format, const QString &path, const QByteArray &bytes,
                              QString *error) const
{
    QSaveFile file(path);
    if (!openPrivately(file)) {
        *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;   // the temporary goes with `file`
    }
    bool delivered = false;
    const StoreResult recorded = m_store->recordPersonalDataExport(employeeId, formatName(format), [&] {
        if (!file.commit())
            return StoreResult::failure(QString(), tr("Cannot save “%1”: %2").arg(path, file.errorString()));
        delivered = true;
        return StoreResult::success(employeeId);
    });
    if (!recorded.ok()) {
        // The record did not commit after the file was in place: no unrecorded export stays.
        if (delivered)
            QFile::remove(path);
        *error = recorded.errorText();
        return false;
    }
    return true;
}

StoreResult PersonalDataExport::recordEntry(const QSqlDatabase &db, qint64 changeSetId, qint64 employeeId,
                                            const QString &format)
{
    const bool postgres = db.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    QSqlQuery q(db);
    // As the triggers write theirs (db/HistorySchema): on PostgreSQL the role is the server's word.
    q.prepare(QStringLiteral("INSERT INTO change_entry (change_set_id, at, db_user, employee_id, subject, action, "
                             "new_value) VALUES (?, ?, %1, ?, 'employee', 'exported', ?)")
                  .arg(postgres ? QStringLiteral("session_user") : QStringLiteral("NULL")));
    q.addBindValue(changeSetId);
    q.addBindValue(Timestamp::now());
    q.addBindValue(employeeId);
    q.addBindValue(format);
    if (!q.exec())
        return DriverErrorMapper::failure(q);
    return StoreResult::success(employeeId);
}

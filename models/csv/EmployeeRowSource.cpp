#include "csv/EmployeeRowSource.h"

#include "csv/ColumnAliases.h"

#include <QDate>
#include <QSqlError>

namespace {

// Same order as ColumnAliases::Column. No user text in here. The current
// employees first, then the archived ones, marked by their leaving date and
// reason (two reads in id order each: a UNION with one ORDER BY would sort a
// million rows instead of walking the primary key).
const char CurrentSql[] =
    "SELECT e.first_name, e.last_name, e.email, e.phone, p.date_of_birth, t.name,"
    "       p.address, p.gender, p.bio, NULL, NULL"
    "  FROM employee e"
    "  LEFT JOIN employee_profile p ON p.employee_id = e.id"
    "  LEFT JOIN team t ON t.id = p.team_id"
    " ORDER BY e.id";
const char ArchivedSql[] =
    "SELECT a.first_name, a.last_name, a.email, a.phone, p.date_of_birth, t.name,"
    "       p.address, p.gender, p.bio, a.left_on, a.archive_reason"
    "  FROM archived_employee a"
    "  LEFT JOIN archived_profile p ON p.employee_id = a.id"
    "  LEFT JOIN team t ON t.id = p.team_id"
    " ORDER BY a.id";

} // namespace

EmployeeRowSource::EmployeeRowSource(const QSqlDatabase &db, const std::atomic<bool> *cancelled)
    : m_db(db), m_query(db), m_cancelled(cancelled)
{
    // SQLite keeps a read transaction's snapshot; PostgreSQL needs REPEATABLE READ for it.
    m_inSnapshot = m_db.transaction();
    if (m_inSnapshot && m_db.driverName().startsWith(QLatin1String("QPSQL")))
        QSqlQuery(m_db).exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
}

EmployeeRowSource::~EmployeeRowSource()
{
    m_query.finish();
    if (m_inSnapshot)
        m_db.rollback();   // it only read
}

QStringList EmployeeRowSource::columns()
{
    return ColumnAliases::fieldNames();
}

bool EmployeeRowSource::isDateColumn(int column)
{
    return column == ColumnAliases::DateOfBirth || column == ColumnAliases::LeftOn;
}

bool EmployeeRowSource::startStage(Stage stage)
{
    m_stage = stage;
    m_query.finish();
    m_query.setForwardOnly(true);
    if (m_query.exec(QLatin1String(stage == Current ? CurrentSql : ArchivedSql)))
        return true;
    m_error = tr("cannot read the employees: %1").arg(m_query.lastError().text());
    m_stage = Done;
    return false;
}

bool EmployeeRowSource::next()
{
    if (m_stage == NotStarted && !startStage(Current))
        return false;
    while (m_stage != Done) {
        if (m_cancelled && m_cancelled->load(std::memory_order_relaxed)) {
            m_error = tr("the export was cancelled");
            m_stage = Done;
            return false;
        }
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid()) {
            m_error = tr("cannot read the employees: %1").arg(m_query.lastError().text());
            m_stage = Done;
            return false;
        }
        if (m_stage == Archived) {
            m_stage = Done;
            return false;
        }
        if (!startStage(Archived))
            return false;
    }
    return false;
}

QVariant EmployeeRowSource::value(int column) const
{
    const QVariant value = m_query.value(column);
    if (value.isNull() || !isDateColumn(column) || value.metaType().id() == QMetaType::QDate)
        return value;
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    return date.isValid() ? QVariant(date) : value;
}

// SQLite's dates are already YYYY-MM-DD text: written as stored, not parsed.
QString EmployeeRowSource::text(int column) const
{
    const QVariant cell = m_query.value(column);
    if (cell.isNull())
        return {};
    if (cell.metaType().id() == QMetaType::QDate)
        return cell.toDate().toString(Qt::ISODate);
    return cell.toString();
}

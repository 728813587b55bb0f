#include "csv/CsvExporter.h"

#include "csv/CsvImporter.h"
#include "csv/CsvWriter.h"

#include <QDate>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif
#include <QSqlError>
#include <QSqlQuery>

namespace {

// Same order as CsvImporter::knownColumns(). No user text in here. The
// current employees first, then the archived ones, marked by their leaving
// date and reason (two reads in id order each: a UNION with one ORDER BY
// would sort a million rows instead of walking the primary key).
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

// SQLite hands a date back as text, PostgreSQL (DATE column) as a QDate:
// both become YYYY-MM-DD.
QString cellText(const QVariant &value, int column)
{
    Q_UNUSED(column)
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDate)
        return value.toDate().toString(Qt::ISODate);
    return value.toString();
}

QStringList rowCells(const QSqlQuery &query, int columns)
{
    QStringList cells;
    cells.reserve(columns);
    for (int i = 0; i < columns; ++i)
        cells << CsvWriter::neutralizeFormula(cellText(query.value(i), i));
    return cells;
}

} // namespace

ExportReport CsvExporter::exportFile(const QSqlDatabase &db, const QString &path)
{
    ExportReport report;
    // QSaveFile writes to a temporary and renames on commit(): a failed or
    // interrupted export never leaves a truncated file in place of a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        report.error = tr("cannot write '%1': %2").arg(path, file.errorString());
        return report;
    }
    // An export holds every employee's personal data: owner-only, whatever
    // the umask (the rename in commit() keeps the temporary's mode).
#ifdef Q_OS_UNIX
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
#endif
    CsvWriter writer(&file);
    const QStringList header = CsvImporter::knownColumns();
    bool written = writer.writeRecord(header);
    // Both reads from one snapshot: an employee archived or restored between
    // them would be written twice or not at all. SQLite keeps a read
    // transaction's snapshot; PostgreSQL needs REPEATABLE READ for it.
    QSqlDatabase snapshot = db;
    const bool inSnapshot = snapshot.transaction();
    if (inSnapshot && db.driverName().startsWith(QLatin1String("QPSQL")))
        QSqlQuery(db).exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    struct EndSnapshot
    {
        QSqlDatabase db;
        bool open;
        ~EndSnapshot()
        {
            if (open)
                db.rollback();   // it only read
        }
    } endSnapshot{snapshot, inSnapshot};
    for (const char *sql : {CurrentSql, ArchivedSql}) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QLatin1String(sql))) {
            report.error = tr("cannot read the employees: %1").arg(query.lastError().text());
            file.cancelWriting();
            report.rows = 0;
            return report;
        }
        while (written && query.next()) {
            written = writer.writeRecord(rowCells(query, int(header.size())));
            ++report.rows;
            if (sql == ArchivedSql)
                ++report.archived;
        }
        if (!written || query.lastError().isValid()) {
            report.error = !written ? tr("cannot write '%1': %2").arg(path, file.errorString())
                                    : tr("cannot read the employees: %1").arg(query.lastError().text());
            file.cancelWriting();
            report.rows = 0;
            return report;
        }
    }
    if (!file.commit()) {
        report.error = tr("cannot save '%1': %2").arg(path, file.errorString());
        report.rows = 0;
    }
    return report;
}

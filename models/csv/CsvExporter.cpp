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

// Same order as CsvImporter::knownColumns(). No user text in here.
const char ExportSql[] =
    "SELECT e.first_name, e.last_name, e.email, e.phone, p.date_of_birth, t.name,"
    "       p.address, p.gender, p.bio"
    "  FROM employee e"
    "  LEFT JOIN employee_profile p ON p.employee_id = e.id"
    "  LEFT JOIN team t ON t.id = p.team_id"
    " ORDER BY e.id";

constexpr int DateColumn = 4;

// SQLite hands the date back as text, PostgreSQL (DATE column) as a QDate:
// both become YYYY-MM-DD.
QString cellText(const QVariant &value, int column)
{
    if (value.isNull())
        return {};
    if (column == DateColumn && value.metaType().id() == QMetaType::QDate)
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
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String(ExportSql))) {
        report.error = tr("cannot read the employees: %1").arg(query.lastError().text());
        file.cancelWriting();
        return report;
    }
    bool written = writer.writeRecord(header);
    while (written && query.next()) {
        written = writer.writeRecord(rowCells(query, int(header.size())));
        ++report.rows;
    }
    if (!written || query.lastError().isValid()) {
        report.error = !written ? tr("cannot write '%1': %2").arg(path, file.errorString())
                                : tr("cannot read the employees: %1").arg(query.lastError().text());
        file.cancelWriting();
        report.rows = 0;
        return report;
    }
    if (!file.commit()) {
        report.error = tr("cannot save '%1': %2").arg(path, file.errorString());
        report.rows = 0;
    }
    return report;
}

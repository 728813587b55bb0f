#include "csv/XlsxExporter.h"

#include "csv/CsvWriter.h"
#include "csv/EmployeeRowSource.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

namespace {

bool syncToDisk(const QByteArray &fileName)
{
    const int fd = ::open(fileName.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

struct WorkbookFree
{
    void operator()(lxw_workbook *workbook) const { lxw_workbook_free(workbook); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookFree>;

struct Sheet
{
    lxw_worksheet *worksheet;
    lxw_format *header;
    lxw_format *date;
};

// Wide enough for an email, a date, an address at a glance.
constexpr double ColumnWidths[] = {14, 16, 30, 18, 12, 16, 30, 10, 40, 12, 24};

Sheet addSheet(lxw_workbook *workbook, const QString &name)
{
    Sheet sheet{workbook_add_worksheet(workbook, name.toUtf8().constData()), workbook_add_format(workbook),
                workbook_add_format(workbook)};
    format_set_bold(sheet.header);
    format_set_num_format(sheet.date, "yyyy-mm-dd");
    worksheet_freeze_panes(sheet.worksheet, 1, 0);
    for (lxw_col_t column = 0; column < std::size(ColumnWidths); ++column)
        worksheet_set_column(sheet.worksheet, column, column, ColumnWidths[column], nullptr);
    return sheet;
}

lxw_error writeHeader(const Sheet &sheet, const QStringList &header)
{
    for (int column = 0; column < header.size(); ++column) {
        if (const lxw_error error = worksheet_write_string(
                sheet.worksheet, 0, lxw_col_t(column), header.at(column).toUtf8().constData(), sheet.header))
            return error;
    }
    return LXW_NO_ERROR;
}

// A phone number as stored ("+4930…") or a negative number is text that
// starts like a formula but could do nothing as one (no function, reference
// or DDE without letters or '|'): written as it is, it reads as it is stored.
bool inertAsFormula(const QString &text)
{
    for (const QChar c : text) {
        if (!c.isDigit() && !QStringView(u" +-()./").contains(c))
            return false;
    }
    return true;
}

QByteArray guarded(const QString &text)
{
    return (inertAsFormula(text) ? text : CsvWriter::neutralizeFormula(text)).toUtf8();
}

// Excel's dates start in 1900: an earlier one stays text, as stored.
lxw_error writeCell(const Sheet &sheet, lxw_row_t row, lxw_col_t column, const QVariant &value)
{
    if (value.isNull())
        return LXW_NO_ERROR; // no cell at all
    if (value.metaType().id() == QMetaType::QDate && value.toDate().year() >= 1900) {
        const QDate date = value.toDate();
        lxw_datetime datetime{date.year(), date.month(), date.day(), 0, 0, 0.0};
        return worksheet_write_datetime(sheet.worksheet, row, column, &datetime, sheet.date);
    }
    const QString text =
        value.metaType().id() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate) : value.toString();
    return worksheet_write_string(sheet.worksheet, row, column, guarded(text).constData(), nullptr);
}

} // namespace

ExportReport XlsxExporter::exportFile(const QSqlDatabase &db, const QString &path,
                                      const std::atomic<bool> *cancelled)
{
    ExportReport report;
    auto fail = [&report](const QString &error) {
        report = {};
        report.error = error;
        return report;
    };
    // libxlsxwriter writes by name when the workbook is closed: it gets a
    // temporary beside the target, created owner-only (the export holds
    // every employee's personal data), removed unless renamed into place.
    const QFileInfo target(path);
    QTemporaryFile temporary(
        target.absoluteDir().filePath(QLatin1Char('.') + target.fileName() + QStringLiteral(".XXXXXX")));
    if (!temporary.open())
        return fail(tr("cannot write '%1': %2").arg(path, temporary.errorString()));
    temporary.close();
    const QByteArray temporaryName = QFile::encodeName(temporary.fileName());

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    Workbook workbook(workbook_new_opt(temporaryName.constData(), &options));
    if (!workbook)
        return fail(tr("cannot write '%1': the workbook could not be created").arg(path));
    const Sheet sheet = addSheet(workbook.get(), tr("Employees"));
    const QStringList header = EmployeeRowSource::columns();
    if (const lxw_error error = writeHeader(sheet, header))
        return fail(tr("cannot write '%1': %2").arg(path, QString::fromUtf8(lxw_strerror(error))));

    EmployeeRowSource rows(db, cancelled);
    while (rows.next()) {
        if (report.rows == MaxRows)
            return fail(tr("an Excel sheet holds at most %1 employees: export them as CSV").arg(MaxRows));
        ++report.rows;
        report.archived += rows.isArchived() ? 1 : 0;
        for (int column = 0; column < header.size(); ++column) {
            if (const lxw_error error =
                    writeCell(sheet, lxw_row_t(report.rows), lxw_col_t(column), rows.value(column)))
                return fail(tr("cannot write row %1, column %2 of '%3': %4")
                                .arg(report.rows + 1)
                                .arg(header.at(column), path, QString::fromUtf8(lxw_strerror(error))));
        }
    }
    if (!rows.error().isEmpty())
        return fail(rows.error());
    // workbook_close() zips the parts into the temporary and frees the workbook.
    if (const lxw_error error = workbook_close(workbook.release()))
        return fail(tr("cannot save '%1': %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    // Zipping a million rows takes seconds: a cancel meanwhile (the window
    // closing) still means no file.
    if (cancelled && cancelled->load())
        return fail(tr("the export was cancelled"));
    // On disk before it replaces the previous export, which a crash right
    // after the rename must not leave empty.
    if (!syncToDisk(temporaryName))
        return fail(tr("cannot save '%1': %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0)
        return fail(tr("cannot save '%1': %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    temporary.setAutoRemove(false); // it is the export now
    return report;
}

#include "personaldata/PersonalDataExportController.h"

#include "personaldata/PersonalDataFile.h"

#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QStandardPaths>

PersonalDataExportController::PersonalDataExportController(QWidget *parent, std::function<EmployeeStore *()> store)
    : QObject(parent), m_parent(parent), m_store(std::move(store))
{
}

QString PersonalDataExportController::resolvedPath(const QString &path, PersonalDataExport::Format filterFormat,
                                                   PersonalDataExport::Format *format)
{
    if (const auto typed = PersonalDataExport::formatOf(path)) {
        *format = *typed;
        return path;
    }
    *format = filterFormat;
    return path + (filterFormat == PersonalDataExport::Format::Pdf ? QStringLiteral(".pdf") : QStringLiteral(".json"));
}

void PersonalDataExportController::exportWithDialog(qint64 employeeId, const QString &name)
{
    auto *dialog = new QFileDialog(m_parent, tr("Export Employee's Data"));
    dialog->setObjectName(QStringLiteral("personalDataFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    const QString pdf = tr("PDF document, readable (*.pdf)");
    const QString json = tr("JSON file, for other programs (*.json)");
    dialog->setNameFilters({pdf, json});
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, json](const QString &filter) {
        dialog->setDefaultSuffix(filter == json ? QStringLiteral("json") : QStringLiteral("pdf"));
    });
    // A name of the person's own, without the characters a file name cannot hold.
    QString suggested = tr("%1 - personal data").arg(name);
    suggested.replace(QLatin1Char('/'), QLatin1Char('-')).replace(QLatin1Char('\\'), QLatin1Char('-'));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    // Without an extension: the one of the filter the user picks is added.
    dialog->selectFile(suggested);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, employeeId, json](const QString &chosen) {
        PersonalDataExport::Format format;
        const QString path = resolvedPath(chosen,
                                          dialog->selectedNameFilter() == json ? PersonalDataExport::Format::Json
                                                                              : PersonalDataExport::Format::Pdf,
                                          &format);
        exportTo(employeeId, path, format);
    });
    dialog->open();
}

bool PersonalDataExportController::exportTo(qint64 employeeId, const QString &path, PersonalDataExport::Format format)
{
    QString error;
    QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    const bool ok = PersonalDataFile::write(m_store(), employeeId, path, format, &error);
    QGuiApplication::restoreOverrideCursor();
    const QString shown = QDir::toNativeSeparators(path);
    emit finished(ok, ok ? tr("The employee's data was exported to %1.").arg(shown)
                         : tr("The employee's data was not exported to %1: %2").arg(shown, error));
    return ok;
}

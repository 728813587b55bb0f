#pragma once

#include "store/PersonalDataExport.h"

#include <QObject>
#include <QString>
#include <functional>

class EmployeeStore;
class QWidget;

// The form's "Export Employee's Data…" (GDPR Art. 15): a save dialog that
// offers a readable PDF and a JSON file for machines, then the export
// (PersonalDataFile) with a busy cursor, and finished() with what to tell
// the user. The format is the typed extension's (.pdf, .json), else the
// chosen filter's, whose extension is added.
class PersonalDataExportController : public QObject
{
    Q_OBJECT
public:
    // `store`: asked when the file is chosen, since the window may have
    // reconnected (and replaced its store) while the dialog was open.
    PersonalDataExportController(QWidget *parent, std::function<EmployeeStore *()> store);

    // Opens the file dialog (objectName "personalDataFileDialog") without
    // blocking; `name` suggests the file's name.
    void exportWithDialog(qint64 employeeId, const QString &name);
    // Without the dialog; false if nothing was written.
    bool exportTo(qint64 employeeId, const QString &path, PersonalDataExport::Format format);

    // The file and format a dialog's answer means (see the class comment).
    static QString resolvedPath(const QString &path, PersonalDataExport::Format filterFormat,
                                PersonalDataExport::Format *format);

signals:
    // `message` says where it went, or why nothing was written.
    void finished(bool ok, const QString &message);

private:
    QWidget *m_parent;
    std::function<EmployeeStore *()> m_store;
};

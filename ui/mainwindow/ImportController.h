#pragma once

#include "csv/CsvImporter.h"
#include "store/StoreSession.h"
#include "validation/EmployeeValidator.h"

#include <QObject>
#include <QPointer>
#include <QString>

class ImportJob;
class QProgressDialog;
class QWidget;

// The window's side of an import: starts an ImportJob on its worker thread
// with a session of its own, shows a non-modal progress dialog with Cancel
// (the views stay usable meanwhile), and reports the outcome. MainWindow
// decides what is allowed while it runs (started/finished).
class ImportController : public QObject
{
    Q_OBJECT
public:
    explicit ImportController(QWidget *window);

    // How a session is opened for the worker (the composition root's wiring).
    void setSessionOpener(StoreSessionOpener opener) { m_sessionOpener = std::move(opener); }

    // File > Import CSV…'s file dialog; "" when the user cancelled.
    QString chooseFile();
    // The import dialog for `path` (window-modal, not waiting): its Import
    // starts the import with the user's options; Cancel does nothing.
    void openDialog(const QString &path, const EmployeeValidator &validator);
    // Starts importing `path`; false (and says why) if it could not start.
    bool start(const QString &path, const EmployeeValidator &validator, const ImportOptions &options = {});
    bool isRunning() const { return m_job != nullptr; }
    // The file being imported, "" if none.
    QString fileName() const { return m_fileName; }
    // The window is closing during an import: asks whether to cancel it
    // (true) or keep importing (false, the default).
    bool askToCancelForClosing();
    // Asks the running import to stop; it rolls back and then finishes.
    void cancel();
    // Tells the user how an import ended (status bar for a cancel is the
    // window's; this shows the message boxes). reportClosed() follows.
    void showReport(const ImportReport &report, const QString &fileName);

signals:
    void started(const QString &fileName);
    // Committed, failed or cancelled; the job is gone when this is emitted.
    void finished(const ImportReport &report, const QString &fileName);
    void reportClosed();

private:
    void onJobFinished(const ImportReport &report);

    QWidget *m_window;
    StoreSessionOpener m_sessionOpener;
    ImportJob *m_job = nullptr;
    QString m_fileName;
    QString m_path;         // the running import's file
    QString m_reportPath;   // the file of the report being shown (for its refused rows)
    QPointer<QProgressDialog> m_progress;
};

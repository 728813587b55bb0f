#pragma once

#include "csv/ExportFormat.h"
#include "csv/ExportReport.h"
#include "store/StoreSession.h"

#include <QObject>
#include <QString>
#include <memory>

class ExportJob;
class QMainWindow;

// File > Export…: asks where and in which format (CSV, CSV for Excel, an Excel
// workbook; the choice is remembered), writes every employee and profile there
// on a worker thread (ExportJob; the file is replaced only once it is
// complete), and tells the user how it went: a message box on failure, the
// status bar on success.
class ExportController : public QObject
{
    Q_OBJECT
public:
    explicit ExportController(QMainWindow *window);
    ~ExportController() override;

    void setSessionOpener(StoreSessionOpener opener) { m_opener = std::move(opener); }
    // With the file dialog.
    void exportWithDialog();
    // Without it: starts the export; false if one is running already.
    bool startExport(const QString &path, ExportFormat format);
    bool isRunning() const;

signals:
    void runningChanged(bool running);
    void finished(const ExportReport &report);

private:
    void onFinished(const ExportReport &report);
    bool confirmReplacing(const QString &path) const;

    QMainWindow *m_window;
    StoreSessionOpener m_opener;
    std::unique_ptr<ExportJob> m_job;
};

#pragma once

#include <QObject>
#include <QString>

class EmployeeStore;
class QMainWindow;

// File > Export CSV…: asks where, writes every employee and profile there
// (CsvExporter replaces the file only once it is complete), and tells the
// user how it went: a message box on failure, the status bar on success.
class CsvExportController : public QObject
{
    Q_OBJECT
public:
    explicit CsvExportController(QMainWindow *window);

    void setStore(EmployeeStore *store) { m_store = store; }
    // With the file dialog.
    void exportWithDialog();
    // Without it; false if the file was not written.
    bool exportTo(const QString &path);

private:
    QMainWindow *m_window;
    EmployeeStore *m_store = nullptr;
};

#pragma once

#include "csv/ImportOptions.h"
#include "csv/ImportReport.h"
#include "import/ImportPreview.h"
#include "store/StoreSession.h"
#include "validation/EmployeeValidator.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class ColumnMappingTable;
class ImportJob;
class ImportPreviewModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class RowOutcomeModel;

// File > Import CSV…, after the file is chosen: how the file will be read
// (encoding, delimiter, date order: Automatic shows what was found), each
// column's field or Ignore, the first rows as they will be read, what to do
// with employees that exist, and Test (a dry run on a worker thread: the
// whole import, rolled back, with each row's outcome) before Import. Import
// accepts the dialog; the window then imports with options() as before
// (progress, cancel, report). Mappings are remembered per header.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QString &path, StoreSessionOpener opener, const EmployeeValidator &validator,
                 QWidget *parent = nullptr);
    ~ImportDialog() override;

    QString path() const { return m_path; }
    // What the user chose (for the real import: keeps the refused rows).
    ImportOptions options() const;

private:
    void buildForm();
    QWidget *buildTables();
    void fillChoices();
    void readFile();
    void applyMapping(const QList<int> &mapping);
    QList<int> initialMapping() const;
    void refresh();
    QString mappingProblem(const QList<int> &mapping) const;
    QString dateProblem(const QList<int> &mapping) const;
    void startTest();
    void showTestResults(const ImportReport &report);
    void acceptImport();
    void saveRefusedRows();

    QString m_path;
    StoreSessionOpener m_opener;
    EmployeeValidator m_validator;
    ImportPreview m_preview;
    QStringList m_shownHeader;   // the header the mapping table shows
    ImportReport m_testReport;
    QPointer<ImportJob> m_test;

    QComboBox *m_encoding = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_dateOrder = nullptr;
    QLabel *m_dateMessage = nullptr;
    QComboBox *m_mode = nullptr;
    QCheckBox *m_createTeams = nullptr;
    QLabel *m_problem = nullptr;
    ColumnMappingTable *m_mapping = nullptr;
    QTabWidget *m_tabs = nullptr;
    ImportPreviewModel *m_previewModel = nullptr;
    QTableView *m_previewView = nullptr;
    RowOutcomeModel *m_outcomes = nullptr;
    QTableView *m_outcomeView = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_saveRefused = nullptr;
};

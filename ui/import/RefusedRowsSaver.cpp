#include "import/RefusedRowsSaver.h"

#include "csv/RejectedRowsWriter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

bool RefusedRowsSaver::save(QWidget *parent, const ImportReport &report, const QString &importedPath)
{
    const QFileInfo imported(importedPath);
    const QString suggested =
        imported.dir().filePath(tr("%1-refused.csv", "file name: the imported file's name without .csv").arg(imported.completeBaseName()));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save Refused Rows"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!RejectedRowsWriter::write(path, report, &error)) {
        QMessageBox::warning(parent, tr("Save Refused Rows"), error);
        return false;
    }
    return true;
}

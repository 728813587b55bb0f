#include "MainWindow.h"

#include <QLabel>

MainWindow::MainWindow(EmployeeStore *store, const QString &databaseName, QWidget *parent)
    : QMainWindow(parent)
{
    Q_UNUSED(store);
    setWindowTitle(tr("Employee Records"));
    setCentralWidget(new QLabel(tr("Database: %1").arg(databaseName), this));
}

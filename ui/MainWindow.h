#pragma once

#include <QMainWindow>

class EmployeeStore;

// Placeholder until the GUI issue lands.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EmployeeStore *store, const QString &databaseName, QWidget *parent = nullptr);
};

#pragma once

#include <QString>

class EmployeeTableModel;
class EmployeeView;
class ProfileTableModel;
class QLineEdit;
class QTabWidget;
class QWidget;

// The parts of a MainWindow a test looks at, found by objectName the way an
// accessibility tool finds them: the window has no accessors for tests.
// A part that is missing fails the test at once (qFatal), naming it.
namespace WindowParts {
EmployeeTableModel *employeeModel(const QWidget &window);
ProfileTableModel *profileModel(const QWidget &window);
EmployeeView *employeeView(const QWidget &window);
EmployeeView *profileView(const QWidget &window);
QLineEdit *searchField(const QWidget &window);
QTabWidget *tabs(const QWidget &window);
// The count label in the status bar ("5 employee(s), 1 match(es)").
QString statusText(const QWidget &window);
}

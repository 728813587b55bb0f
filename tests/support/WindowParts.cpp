#include "WindowParts.h"

#include "employees/EmployeeView.h"
#include "views/EmployeeTableModel.h"
#include "views/ProfileTableModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>

namespace {
template<typename T>
T *part(const QWidget &window, const char *name)
{
    T *found = window.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("WindowParts: the window has no %s", name);
    return found;
}
}

namespace WindowParts {
EmployeeTableModel *employeeModel(const QWidget &window)
{
    return part<EmployeeTableModel>(window, "employeeModel");
}

ProfileTableModel *profileModel(const QWidget &window)
{
    return part<ProfileTableModel>(window, "profileModel");
}

EmployeeView *employeeView(const QWidget &window)
{
    return part<EmployeeView>(window, "employeeView");
}

EmployeeView *profileView(const QWidget &window)
{
    return part<EmployeeView>(window, "profileView");
}

QLineEdit *searchField(const QWidget &window)
{
    return part<QLineEdit>(window, "searchField");
}

QTabWidget *tabs(const QWidget &window)
{
    return part<QTabWidget>(window, "viewTabs");
}

QString statusText(const QWidget &window)
{
    return part<QLabel>(window, "countLabel")->text();
}
}

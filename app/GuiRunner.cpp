#include "GuiRunner.h"

#include "AppSession.h"
#include "EmployeeStore.h"
#include "MainWindow.h"

#include <QApplication>
#include <QMessageBox>

int GuiRunner::run(const CommandLineOptions &options)
{
    AppSession session;
    QString error;
    if (!session.open(options.location, &error)) {
        QMessageBox::critical(nullptr, tr("Employee Records"), error);
        return 2;
    }
    MainWindow window(session.store(), session.location().displayName());
    window.show();
    return QApplication::exec();
}

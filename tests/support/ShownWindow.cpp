#include "ShownWindow.h"

#include "mainwindow/MainWindow.h"

#include <QTest>

std::unique_ptr<MainWindow> showMainWindow(EmployeeStore *store, QSize size, StoreSessionOpener opener)
{
    auto window = std::make_unique<MainWindow>(store, QStringLiteral("/tmp/test.sqlite"));
    if (opener)
        window->setSessionOpener(std::move(opener));
    window->resize(size);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("main window not active");
    return window;
}

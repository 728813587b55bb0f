#pragma once

#include "store/StoreSession.h"

#include <QSize>
#include <memory>

class EmployeeStore;
class MainWindow;

// A MainWindow over `store`, shown at `size` and made the active window (a
// warning, not a failure, when the platform will not activate it), as the
// window tests start each case. `opener`, when given, is how the window's
// background jobs (import, undo of an import) open their own sessions.
std::unique_ptr<MainWindow> showMainWindow(EmployeeStore *store, QSize size, StoreSessionOpener opener = {});

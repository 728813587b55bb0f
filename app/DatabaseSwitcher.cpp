#include "app/DatabaseSwitcher.h"

#include "store/EmployeeStore.h"
#include "mainwindow/MainWindow.h"

DatabaseSwitcher::DatabaseSwitcher(MainWindow *window, std::unique_ptr<AppSession> session, QObject *parent)
    : QObject(parent), m_window(window), m_session(std::move(session))
{
    m_window->setSessionOpener(AppSession::openerFor(m_session->location()));
    connect(m_window, &MainWindow::openDatabaseRequested, this, &DatabaseSwitcher::switchTo);
}

DatabaseSwitcher::~DatabaseSwitcher() = default;

bool DatabaseSwitcher::switchTo(const DatabaseLocation &location)
{
    auto next = std::make_unique<AppSession>();
    QString error;
    // New Database has just chosen (and emptied) the path: it may be created.
    if (!next->open(location, &error)) {
        m_window->showDatabaseError(error);
        return false;
    }
    // The window lets go of the old store before the old session closes it.
    m_window->setStore(next->store(), next->location().displayName());
    m_window->setSessionOpener(AppSession::openerFor(next->location()));
    m_session = std::move(next);
    return true;
}

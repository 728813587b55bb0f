#include "app/DatabaseSwitcher.h"

#include "db/ConnectionLossMonitor.h"
#include "store/EmployeeStore.h"
#include "mainwindow/MainWindow.h"

DatabaseSwitcher::DatabaseSwitcher(MainWindow *window, std::unique_ptr<AppSession> session, QObject *parent)
    : QObject(parent), m_window(window), m_session(std::move(session))
{
    m_window->setSessionOpener(AppSession::openerFor(m_session->location()));
    connect(m_window, &MainWindow::openDatabaseRequested, this, &DatabaseSwitcher::switchTo);
    watchConnection();
}

DatabaseSwitcher::~DatabaseSwitcher() = default;

bool DatabaseSwitcher::switchTo(const DatabaseLocation &location)
{
    auto next = std::make_unique<AppSession>();
    QString error;
    // New Database has just chosen (and emptied) the path: it may be created.
    if (!next->open(location, &error, Database::Missing::Create, AppSession::Backfill::InBackground)) {
        m_window->showDatabaseError(error);
        return false;
    }
    adopt(std::move(next));
    return true;
}

// The window lets go of the old store before the old session closes it; the
// old session's monitor goes later (reconnect() runs inside its signal).
void DatabaseSwitcher::adopt(std::unique_ptr<AppSession> next)
{
    m_window->setStore(next->store(), next->location().displayName());
    m_window->setSessionOpener(AppSession::openerFor(next->location()));
    if (m_monitor) {
        m_monitor->disconnect();   // the old connection closes below: nothing may hear of it
        m_monitor.release()->deleteLater();
    }
    m_session = std::move(next);
    watchConnection();
}

void DatabaseSwitcher::watchConnection()
{
    if (m_session->location().kind() != DatabaseLocation::Kind::Postgres)
        return;
    m_monitor = std::make_unique<ConnectionLossMonitor>(m_session->store()->database(), m_session->location());
    connect(m_monitor.get(), &ConnectionLossMonitor::connectionLost, m_window, &MainWindow::showConnectionLost);
    connect(m_monitor.get(), &ConnectionLossMonitor::serverAnswers, this, &DatabaseSwitcher::reconnect);
}

// The server answers again: the same database on a new connection, given
// to the window as any switch is (views re-read, the selection kept), and
// watched anew. If it cannot be opened after all, the monitor tries again.
void DatabaseSwitcher::reconnect()
{
    auto next = std::make_unique<AppSession>();
    QString error;
    if (!next->open(m_session->location(), &error, Database::Missing::Refuse, AppSession::Backfill::InBackground)) {
        m_monitor->keepTrying();
        return;
    }
    adopt(std::move(next));
}

#pragma once

#include "app/AppSession.h"

#include <QObject>
#include <memory>

class ConnectionLossMonitor;
class MainWindow;

// What the GUI does when the user picks another database (New or Open
// Database): opens and wires a new AppSession, hands its store (and its
// opener for imports) to the window, and only then closes the old session,
// whose store the window's models held until setStore() returned. A database
// that cannot be opened leaves the window on the old one, with the reason.
class DatabaseSwitcher : public QObject
{
    Q_OBJECT
public:
    DatabaseSwitcher(MainWindow *window, std::unique_ptr<AppSession> session, QObject *parent = nullptr);
    ~DatabaseSwitcher() override;

    AppSession *session() const { return m_session.get(); }
    // False (and the window shows why) when `location` cannot be opened.
    bool switchTo(const DatabaseLocation &location);

private:
    // A server's connection is watched: when it is lost the window says so,
    // and when the server answers again the same database is opened anew.
    void adopt(std::unique_ptr<AppSession> next);
    void watchConnection();
    void reconnect();

    MainWindow *m_window;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<ConnectionLossMonitor> m_monitor;
};

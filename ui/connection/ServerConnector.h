#pragma once

#include "db/DatabaseLocation.h"

#include <QObject>
#include <optional>

class ConnectDialog;
class PasswordVault;
class QMenu;
class QWidget;

// File > Connect to Server… and File > Recent Servers: opens the dialog
// (filled in for a recent server, with its remembered password) and hands
// the server it connected to to the window, which asks the composition root
// to open it.
class ServerConnector : public QObject
{
    Q_OBJECT
public:
    // `recentMenu` is filled each time it opens.
    ServerConnector(QWidget *window, QMenu *recentMenu);

    // Window-modal; returns at once (the dialog deletes itself when closed).
    ConnectDialog *showDialog(const std::optional<DatabaseLocation> &server = std::nullopt);

signals:
    // The dialog opened `server` successfully (password included, in memory only).
    void connectRequested(const DatabaseLocation &server);

private:
    void fillRecentMenu();

    QWidget *m_window;
    QMenu *m_recentMenu;
    PasswordVault *m_vault;
};

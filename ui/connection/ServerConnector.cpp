#include "connection/ServerConnector.h"

#include "connection/ConnectDialog.h"
#include "connection/PasswordVault.h"
#include "connection/RecentServers.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

ServerConnector::ServerConnector(QWidget *window, QMenu *recentMenu)
    : QObject(window), m_window(window), m_recentMenu(recentMenu), m_vault(new PasswordVault(this))
{
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ServerConnector::fillRecentMenu);
    fillRecentMenu();
}

ConnectDialog *ServerConnector::showDialog(const std::optional<DatabaseLocation> &server)
{
    auto *dialog = new ConnectDialog(m_vault, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (server)
        dialog->setServer(*server);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { emit connectRequested(dialog->server()); });
    dialog->show();
    return dialog;
}

void ServerConnector::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<DatabaseLocation> servers = RecentServers::list();
    for (const DatabaseLocation &server : servers) {
        QAction *action = m_recentMenu->addAction(server.displayName());
        connect(action, &QAction::triggered, this, [this, server] { showDialog(server); });
    }
    if (servers.isEmpty())
        m_recentMenu->addAction(tr("No recent servers"))->setEnabled(false);
}

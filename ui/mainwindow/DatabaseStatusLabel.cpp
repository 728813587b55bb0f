#include "mainwindow/DatabaseStatusLabel.h"

#include "db/ServerConnectionInfo.h"

DatabaseStatusLabel::DatabaseStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("databaseLabel"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void DatabaseStatusLabel::showDatabase(const QString &name, const QSqlDatabase &db, bool readOnly)
{
    QString text = readOnly ? tr("Database: %1 (read-only for your role)").arg(name) : tr("Database: %1").arg(name);
    QString tip = name;
    if (const auto server = ServerConnectionInfo::read(db)) {
        text += QStringLiteral(" · ") + server->encryptionText();
        tip = tr("Database %1 on PostgreSQL %2, as user %3, %4")
                  .arg(server->database, server->serverVersion, server->user, server->encryptionText());
    }
    setText(text);
    setToolTip(tip);
}

void DatabaseStatusLabel::showConnectionLost(const QString &name, const QString &reason)
{
    setText(tr("Connection to %1 lost; reconnecting…").arg(name));
    setToolTip(reason);
}

#pragma once

#include <QLabel>
#include <QSqlDatabase>

// The status bar's "where are the records": the file or server, whether the
// role may only read, for a server whether the connection is encrypted (its
// tooltip: database, server version, role), and when the connection is lost.
class DatabaseStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit DatabaseStatusLabel(QWidget *parent = nullptr);

    void showDatabase(const QString &name, const QSqlDatabase &db, bool readOnly);
    void showConnectionLost(const QString &name, const QString &reason);
};

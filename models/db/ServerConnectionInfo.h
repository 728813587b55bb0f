#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What the server says about a connection: who we are there, which database,
// and whether the connection is encrypted (pg_stat_ssl). For the status bar
// and the Connect to Server dialog's Test.
struct ServerConnectionInfo
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnectionInfo)
public:
    QString user;
    QString database;
    QString serverVersion;
    bool encrypted = false;
    QString tlsVersion;   // "TLSv1.3" when encrypted

    // nullopt for SQLite, or when the server cannot be asked.
    static std::optional<ServerConnectionInfo> read(const QSqlDatabase &db);
    // "encrypted (TLSv1.3)" or "not encrypted".
    QString encryptionText() const;
};

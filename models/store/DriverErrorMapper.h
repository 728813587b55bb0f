#pragma once

#include "domain/StoreResult.h"

#include <QCoreApplication>
#include <QString>

class QSqlQuery;

// Turns what a driver reports (SQLite's or PostgreSQL's text and error code)
// into what the user is told, next to the field concerned where there is one:
// a duplicate email or phone, a team that does not exist, a locked or
// read-only database. Every write of the store reports through it, so the
// same refusal reads the same on both backends and from the form, the import
// and the command line.
class DriverErrorMapper
{
    Q_DECLARE_TR_FUNCTIONS(DriverErrorMapper)
public:
    // The failure of `query`'s last statement.
    static StoreResult failure(const QSqlQuery &query);
    // `text` the driver's and database's message, `code` the native error
    // code (SQLSTATE on PostgreSQL), `details` what an unrecognised error shows.
    static StoreResult failure(const QString &text, const QString &code, const QString &details);
};

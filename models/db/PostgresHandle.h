#pragma once

#include <QSqlDatabase>

struct pg_conn;

// libpq's connection under Qt's QPSQL driver, for what Qt's API does not
// offer (the socket, COPY). Null when the database is not an open
// PostgreSQL connection.
pg_conn *postgresHandle(const QSqlDatabase &db);

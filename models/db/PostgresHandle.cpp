#include "db/PostgresHandle.h"

#include <QSqlDriver>
#include <QVariant>
#include <libpq-fe.h>

pg_conn *postgresHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    // Qt's driver registers the handle under libpq's struct name.
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

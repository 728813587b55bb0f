#include "db/PostgresCopy.h"

#include "db/PostgresHandle.h"

#include <libpq-fe.h>

PostgresCopy::PostgresCopy(const QSqlDatabase &db) : m_connection(postgresHandle(db)) {}

void PostgresCopy::separate()
{
    if (m_rowStarted)
        m_buffer.append('\t');
    m_rowStarted = true;
}

// COPY's text format: a backslash and the three characters that end a field
// or a row are written as backslash escapes; everything else as it is.
void PostgresCopy::appendEscaped(const QByteArray &utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\': m_buffer.append("\\\\", 2); break;
        case '\t': m_buffer.append("\\t", 2); break;
        case '\n': m_buffer.append("\\n", 2); break;
        case '\r': m_buffer.append("\\r", 2); break;
        default: m_buffer.append(c);
        }
    }
}

void PostgresCopy::add(const QString &text)
{
    separate();
    appendEscaped(text.toUtf8());
}

void PostgresCopy::add(qint64 number)
{
    separate();
    m_buffer.append(QByteArray::number(number));
}

void PostgresCopy::addBytes(const QByteArray &bytes)
{
    separate();
    // bytea's hex input form, "\x0a1b…", its backslash escaped for COPY.
    m_buffer.append("\\\\x", 3);
    m_buffer.append(bytes.toHex());
}

void PostgresCopy::addNull()
{
    separate();
    m_buffer.append("\\N", 2);
}

void PostgresCopy::endRow()
{
    m_buffer.append('\n');
    m_rowStarted = false;
}

namespace {
QString lastError(PGconn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

// Reads every result the COPY left; true if it ended in success.
bool finish(PGconn *connection, QString *error)
{
    bool ok = true;
    while (PGresult *result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            if (error && error->isEmpty())
                *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        }
        PQclear(result);
    }
    return ok;
}
} // namespace

bool PostgresCopy::send(const QString &copyStatement, QString *error)
{
    const QByteArray rows = std::exchange(m_buffer, QByteArray());
    m_rowStarted = false;
    if (!m_connection) {
        if (error)
            *error = QStringLiteral("not a PostgreSQL connection");
        return false;
    }
    PGresult *started = PQexec(m_connection, copyStatement.toUtf8().constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    if (!copying && error)
        *error = QString::fromUtf8(PQresultErrorMessage(started)).trimmed();
    PQclear(started);
    if (!copying) {
        finish(m_connection, nullptr);
        return false;
    }
    // A blocking connection: these return only once libpq has taken the data.
    const bool sent = PQputCopyData(m_connection, rows.constData(), int(rows.size())) == 1;
    if (PQputCopyEnd(m_connection, sent ? nullptr : "the client could not send the rows") != 1) {
        if (error)
            *error = lastError(m_connection);
        finish(m_connection, nullptr);
        return false;
    }
    return finish(m_connection, error) && sent;
}

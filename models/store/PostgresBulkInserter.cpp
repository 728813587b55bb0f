#include "store/PostgresBulkInserter.h"

#include "domain/Gender.h"

#include <QVariant>

PostgresBulkInserter::PostgresBulkInserter(const QSqlDatabase &db, qint64 changeSet)
    : m_db(db), m_changeSet(changeSet), m_copy(db), m_nextIds(db)
{
    // Other clients may insert meanwhile, so the ids are drawn from the
    // column's own sequence, as its default would, before the rows go. Its
    // name is looked up once: per row, pg_get_serial_sequence() cost 2.3 ms
    // of every 1,000-row chunk (2.7 against 0.4 ms in psql).
    QSqlQuery sequence(db);
    if (sequence.exec(QStringLiteral("SELECT pg_get_serial_sequence('employee', 'id')")) && sequence.next())
        m_idSequence = sequence.value(0).toString();
    m_nextIds.setForwardOnly(true);
    m_nextIds.prepare(QStringLiteral("SELECT nextval(CAST(? AS regclass)) FROM generate_series(1, ?)"));
}

std::optional<std::vector<qint64>> PostgresBulkInserter::reserveIds(int count)
{
    if (m_idSequence.isEmpty())
        return std::nullopt;
    m_nextIds.bindValue(0, m_idSequence);
    m_nextIds.bindValue(1, count);
    if (!m_nextIds.exec())
        return std::nullopt;
    std::vector<qint64> ids;
    ids.reserve(size_t(count));
    while (m_nextIds.next())
        ids.push_back(m_nextIds.value(0).toLongLong());
    m_nextIds.finish();   // COPY needs the connection to itself
    if (ids.size() != size_t(count))
        return std::nullopt;
    return ids;
}

std::optional<std::vector<qint64>> PostgresBulkInserter::insertEmployees(const NewEmployee *rows,
                                                                         const QString *normalizedEmails, int count,
                                                                         const QString &now)
{
    if (count <= 0 || count > MaxRowsPerStatement || !m_copy.isAvailable())
        return std::nullopt;
    auto ids = reserveIds(count);
    if (!ids)
        return std::nullopt;
    for (int i = 0; i < count; ++i) {
        const Employee &e = *rows[i].employee;
        m_copy.add((*ids)[size_t(i)]);
        m_copy.add(e.firstName);
        m_copy.add(e.lastName);
        m_copy.add(e.email);
        m_copy.add(normalizedEmails[i]);
        e.phone.isEmpty() ? m_copy.addNull() : m_copy.add(e.phone);
        m_copy.add(now);
        m_copy.add(now);
        m_changeSet > 0 ? m_copy.add(m_changeSet) : m_copy.addNull();
        m_copy.endRow();
    }
    if (!m_copy.send(QStringLiteral("COPY employee (id, first_name, last_name, email, email_normalized, phone, "
                                    "created_at, updated_at, created_change_set) FROM STDIN")))
        return std::nullopt;
    return ids;
}

bool PostgresBulkInserter::insertProfiles(const BulkProfileRow *rows, int count, const QString &now)
{
    if (count <= 0 || count > MaxRowsPerStatement || !m_copy.isAvailable())
        return false;
    for (int i = 0; i < count; ++i) {
        const EmployeeProfile &seed = *rows[i].seed;
        const QString gender = genderCode(seed.gender);
        m_copy.add(rows[i].employeeId);
        seed.dateOfBirth.isValid() ? m_copy.add(seed.dateOfBirth.toString(Qt::ISODate)) : m_copy.addNull();
        seed.teamId > 0 ? m_copy.add(seed.teamId) : m_copy.addNull();
        seed.address.isEmpty() ? m_copy.addNull() : m_copy.add(seed.address);
        gender.isEmpty() ? m_copy.addNull() : m_copy.add(gender);
        seed.bio.isEmpty() ? m_copy.addNull() : m_copy.add(seed.bio);
        seed.photo.isEmpty() ? m_copy.addNull() : m_copy.addBytes(seed.photo);
        m_copy.add(now);
        m_copy.add(now);
        m_copy.endRow();
    }
    // A profile already there for one of them (UNIQUE employee_id) refuses the chunk.
    return m_copy.send(QStringLiteral("COPY employee_profile (employee_id, date_of_birth, team_id, address, gender, "
                                      "bio, photo, created_at, updated_at) FROM STDIN"));
}

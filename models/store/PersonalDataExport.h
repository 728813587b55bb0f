#pragma once

#include "domain/StoreResult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>

class EmployeeStore;

// A person's own data (GDPR Art. 15, issue 12 part 4): everything the
// database stores about one employee, current or archived (employee,
// profile, photo, team, archive, history), as one JSON object, and the
// saving of an export of it, which the history records.
//
// The JSON object is the export's one representation: the JSON file is
// that object, and the PDF (ui/personaldata, which needs Qt Gui) is rendered
// from it, so both formats say the same. Values are read from the rows as
// stored, not through the domain structs, so that NULL stays null and an
// empty text stays "".
class PersonalDataExport
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataExport)
public:
    enum class Format { Json, Pdf };

    explicit PersonalDataExport(EmployeeStore *store) : m_store(store) { }

    // The format a file's extension asks for (.json or .pdf, any case).
    static std::optional<Format> formatOf(const QString &path);
    // "JSON" or "PDF": what the history records (never the file's name,
    // which tends to hold the person's).
    static QString formatName(Format format);

    // The employee, current or archived, with this email (compared as
    // stored, case-folded); 0 for none or on error (lastError()).
    qint64 employeeIdByEmail(const QString &email) const;

    // Everything stored about `employeeId`; empty on error or for no such
    // employee (lastError() says which).
    QJsonObject collect(qint64 employeeId) const;
    static QByteArray toJson(const QJsonObject &data);

    // Writes `bytes` to `path` (owner-only, 0600) and records the export of
    // `employeeId` in the history. The file replaces `path` only inside the
    // recording transaction, so there is never an export without its record
    // nor a record without its file; on failure `path` is left as it was.
    bool save(qint64 employeeId, Format format, const QString &path, const QByteArray &bytes,
              QString *error) const;

    // The history's entry of an export: no personal data, only the format.
    // Runs inside the store's transaction, whose change set is `changeSetId`.
    static StoreResult recordEntry(const QSqlDatabase &db, qint64 changeSetId, qint64 employeeId,
                                   const QString &format);

    QString lastError() const { return m_error; }

private:
    bool readRecord(qint64 employeeId, bool archived, QJsonObject *out) const;
    QJsonArray readHistory(qint64 employeeId) const;

    EmployeeStore *m_store;
    mutable QString m_error;
};

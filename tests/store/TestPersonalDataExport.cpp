// A person's own data (issue 12 part 4, GDPR Art. 15): everything stored about
// one employee, current or archived, as JSON, field by field; NULL stays null;
// the photo's bytes come back whole; the export is recorded in the history
// without personal data; the file is 0600 and replaced only when recorded.
#include "TestDatabase.h"
#include "domain/HistoryFormat.h"
#include "store/ChangeLog.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"
#include "store/PersonalDataExport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
Employee person(const char *first, const char *last, const char *email, const char *phone = "")
{
    Employee e;
    e.firstName = QString::fromUtf8(first);
    e.lastName = QString::fromUtf8(last);
    e.email = QString::fromUtf8(email);
    e.phone = QString::fromUtf8(phone);
    return e;
}

qint64 count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString text(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
}

// Binary on purpose: a NUL, 0xFF, and a PNG signature so the type is told.
const QByteArray Photo = QByteArray("\x89PNG\r\n\x1a\n\0\xff\x01 portrait bytes", 27);

// Through the file, as a reader of the export gets it.
QJsonObject roundTrip(const QJsonObject &data)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(PersonalDataExport::toJson(data), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0;
}
} // namespace

class TestPersonalDataExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyFieldIsExportedAsStored();
    void nullStaysNullAndEmptyStaysEmpty();
    void anArchivedPersonIsExportedWithTheArchive();
    void theHistoryOfAFormSaveIsExported();
    void theExportIsRecordedWithoutPersonalData();
    void theFileIsPrivateAndReplacedOnlyWhenRecorded();
    void theFormatComesFromTheExtension();
    void nobodyIsNoExport();

private:
    qint64 addAda();
    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<AppSession> m_session;
    EmployeeStore *m_store = nullptr;
    QTemporaryDir m_dir;
};

void TestPersonalDataExport::init()
{
    m_tdb = std::make_unique<TestDatabase>();
    QVERIFY2(m_tdb->isOpen(), qPrintable(m_tdb->error()));
    QString error;
    m_session = m_tdb->openSession(&error);
    QVERIFY2(m_session, qPrintable(error));
    m_store = m_session->store();
}

void TestPersonalDataExport::cleanup()
{
    m_store = nullptr;
    m_session.reset();
    m_tdb.reset();
}

// Every field filled, in the form's way (the creation's seed profile).
qint64 TestPersonalDataExport::addAda()
{
    EmployeeProfile seed;
    seed.dateOfBirth = QDate(1815, 12, 10);
    seed.teamId = m_store->teams().at(1).id;
    seed.address = QStringLiteral("12 St James's Square\nLondon");
    seed.gender = Gender::Female;
    seed.bio = QString::fromUtf8("Analyst of the \"Engine\"; notes → G");
    seed.photo = Photo;
    return m_store->createEmployee(person("Ada", "Lovelace", "Ada.Lovelace@Example.com", "+442071234567"), seed).id();
}

void TestPersonalDataExport::everyFieldIsExportedAsStored()
{
    const qint64 id = addAda();
    QVERIFY(id > 0);
    const EmployeeRecord stored = *m_store->record(id);
    const QJsonObject data = roundTrip(PersonalDataExport(m_store).collect(id));
    QVERIFY(!data.isEmpty());
    QCOMPARE(data.value("status").toString(), QStringLiteral("current"));
    QVERIFY(data.value("archive").isNull());

    const QJsonObject e = data.value("employee").toObject();
    QCOMPARE(e.value("id").toInteger(), id);
    QCOMPARE(e.value("first_name").toString(), QStringLiteral("Ada"));
    QCOMPARE(e.value("last_name").toString(), QStringLiteral("Lovelace"));
    QCOMPARE(e.value("email").toString(), QStringLiteral("Ada.Lovelace@Example.com")); // as typed
    QCOMPARE(e.value("phone").toString(), QStringLiteral("+442071234567"));
    QCOMPARE(e.value("created_at").toString(), text(m_store->database(), QStringLiteral("SELECT created_at FROM employee")));
    QCOMPARE(e.value("updated_at").toString(), text(m_store->database(), QStringLiteral("SELECT updated_at FROM employee")));
    QCOMPARE(e.value("version").toInteger(), qint64(stored.employee.version));

    const QJsonObject p = data.value("profile").toObject();
    QCOMPARE(p.value("id").toInteger(), stored.profile.id);
    QCOMPARE(p.value("date_of_birth").toString(), QStringLiteral("1815-12-10"));
    const QJsonObject team = p.value("team").toObject();
    QCOMPARE(team.value("id").toInteger(), m_store->teams().at(1).id);
    QCOMPARE(team.value("name").toString(), m_store->teams().at(1).name);
    QCOMPARE(p.value("address").toString(), QStringLiteral("12 St James's Square\nLondon"));
    QCOMPARE(p.value("gender").toString(), QStringLiteral("female"));
    QCOMPARE(p.value("bio").toString(), QString::fromUtf8("Analyst of the \"Engine\"; notes → G"));
    QCOMPARE(p.value("version").toInteger(), qint64(stored.profile.version));
    QCOMPARE(p.value("created_at").toString(),
             text(m_store->database(), QStringLiteral("SELECT created_at FROM employee_profile")));
    QCOMPARE(p.value("updated_at").toString(),
             text(m_store->database(), QStringLiteral("SELECT updated_at FROM employee_profile")));

    // The photo: the very bytes, and a checksum that is theirs.
    const QJsonObject photo = p.value("photo").toObject();
    const QByteArray bytes = QByteArray::fromBase64(photo.value("base64").toString().toLatin1());
    QCOMPARE(bytes, Photo);
    QCOMPARE(photo.value("sha256").toString(),
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(photo.value("sha256").toString(),
             QString::fromLatin1(QCryptographicHash::hash(Photo, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(photo.value("size").toInteger(), qint64(Photo.size()));
    QCOMPARE(photo.value("media_type").toString(), QStringLiteral("image/png"));

    const QJsonObject exported = data.value("export").toObject();
    QCOMPARE(exported.value("exported_by").toString(), ChangeLog::osUser());
    QCOMPARE(exported.value("format_version").toInt(), 1);
    const QJsonArray history = data.value("history").toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value("action").toString(), QStringLiteral("created"));
    QCOMPARE(history.at(0).toObject().value("source").toString(), QStringLiteral("window"));
}

void TestPersonalDataExport::nullStaysNullAndEmptyStaysEmpty()
{
    const qint64 id = m_store->createEmployee(person("Alan", "Turing", "alan@example.com")).id();
    QVERIFY(id > 0);
    // An empty address written by another tool is "", not null: what is stored.
    QVERIFY(TestDatabase::exec(m_store->database(), QStringLiteral("UPDATE employee_profile SET address = ''")));
    const QJsonObject data = roundTrip(PersonalDataExport(m_store).collect(id));
    const QJsonObject e = data.value("employee").toObject();
    QVERIFY2(e.value("phone").isNull(), qPrintable(QJsonDocument(e).toJson()));
    const QJsonObject p = data.value("profile").toObject();
    for (const char *field : {"date_of_birth", "team", "gender", "bio", "photo"})
        QVERIFY2(p.value(QLatin1String(field)).isNull(), field);
    QVERIFY(p.value("address").isString());
    QCOMPARE(p.value("address").toString(), QString(""));
    QVERIFY(data.value("archive").isNull());
    // The history's NULL values too (the other tool's edit: NULL -> "").
    const QJsonObject change = data.value("history").toArray().at(0).toObject();
    QCOMPARE(change.value("field").toString(), QStringLiteral("address"));
    QVERIFY(change.value("old_value").isNull());
    QCOMPARE(change.value("new_value").toString(), QString(""));
    QVERIFY(change.value("source").isNull()); // another tool: no change set
    QVERIFY(change.value("change_set").isNull());
}

void TestPersonalDataExport::anArchivedPersonIsExportedWithTheArchive()
{
    const qint64 id = addAda();
    QVERIFY(m_store->archiveEmployee(*m_store->record(id), QDate(2026, 3, 31), QStringLiteral("Moved to Paris")).ok());
    const PersonalDataExport exporter(m_store);
    QCOMPARE(exporter.employeeIdByEmail(QStringLiteral("ada.lovelace@example.com")), id);
    const QJsonObject data = roundTrip(exporter.collect(id));
    QCOMPARE(data.value("status").toString(), QStringLiteral("archived"));
    const QJsonObject archive = data.value("archive").toObject();
    QCOMPARE(archive.value("left_on").toString(), QStringLiteral("2026-03-31"));
    QCOMPARE(archive.value("reason").toString(), QStringLiteral("Moved to Paris"));
    QVERIFY(!archive.value("archived_at").toString().isEmpty());
    QCOMPARE(data.value("employee").toObject().value("email").toString(), QStringLiteral("Ada.Lovelace@Example.com"));
    const QJsonObject p = data.value("profile").toObject();
    QCOMPARE(p.value("address").toString(), QStringLiteral("12 St James's Square\nLondon"));
    QCOMPARE(QByteArray::fromBase64(p.value("photo").toObject().value("base64").toString().toLatin1()), Photo);
    QCOMPARE(data.value("history").toArray().at(0).toObject().value("action").toString(), QStringLiteral("archived"));
    QCOMPARE(data.value("history").toArray().at(0).toObject().value("new_value").toString(), QStringLiteral("2026-03-31"));
}

void TestPersonalDataExport::theHistoryOfAFormSaveIsExported()
{
    const qint64 id = addAda();
    const EmployeeRecord base = *m_store->record(id);
    EmployeeRecord edited = base;
    edited.employee.lastName = QStringLiteral("King");
    edited.profile.address.clear(); // the form writes NULL for an emptied field
    QVERIFY(m_store->saveChanges(base, edited, {RecordField::LastName, RecordField::Address}).ok());
    const QJsonArray history = roundTrip(PersonalDataExport(m_store).collect(id)).value("history").toArray();
    QCOMPARE(history.size(), 3); // two fields of the save, newest first, then the creation
    QHash<QString, QJsonObject> byField;
    for (int i = 0; i < 2; ++i)
        byField.insert(history.at(i).toObject().value("field").toString(), history.at(i).toObject());
    const QJsonObject name = byField.value("last_name");
    QCOMPARE(name.value("action").toString(), QStringLiteral("changed"));
    QCOMPARE(name.value("subject").toString(), QStringLiteral("employee"));
    QCOMPARE(name.value("old_value").toString(), QStringLiteral("Lovelace"));
    QCOMPARE(name.value("new_value").toString(), QStringLiteral("King"));
    QCOMPARE(name.value("source").toString(), QStringLiteral("window"));
    QCOMPARE(name.value("os_user").toString(), ChangeLog::osUser());
    QVERIFY(name.value("change_set").toInteger() > 0);
    QVERIFY(!name.value("at").toString().isEmpty());
    const QJsonObject address = byField.value("address");
    QCOMPARE(address.value("subject").toString(), QStringLiteral("profile"));
    QCOMPARE(address.value("old_value").toString(), QStringLiteral("12 St James's Square\nLondon"));
    QVERIFY(address.value("new_value").isNull());
    QCOMPARE(history.at(2).toObject().value("action").toString(), QStringLiteral("created"));
}

void TestPersonalDataExport::theExportIsRecordedWithoutPersonalData()
{
    const qint64 id = addAda();
    const PersonalDataExport exporter(m_store);
    const QByteArray json = PersonalDataExport::toJson(exporter.collect(id));
    const QString path = m_dir.filePath(QStringLiteral("ada.json"));
    QString error;
    QVERIFY2(exporter.save(id, PersonalDataExport::Format::Json, path, json, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), json);

    const QSqlDatabase db = m_store->database();
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_set WHERE source = 'export' AND detail = 'window' "
                                      "AND open = 0")),
             1);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_entry c JOIN change_set s ON s.id = c.change_set_id "
                                      "WHERE s.source = 'export' AND c.employee_id = %1 AND c.subject = 'employee' AND "
                                      "c.action = 'exported' AND c.new_value = 'JSON' AND c.old_value IS NULL AND "
                                      "c.field IS NULL")
                       .arg(id)),
             1);
    // Nothing of the person (nor the file's name, which holds it) in the record.
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_set s JOIN change_entry c ON c.change_set_id = s.id "
                                      "WHERE s.source = 'export' AND (s.detail LIKE '%ada%' OR c.new_value LIKE '%ada%' "
                                      "OR c.new_value LIKE '%Lovelace%')")),
             0);
    // As --history and the History tab word it.
    const HistoryEntry newest = HistoryReader(db).employeeHistory(id).first();
    QCOMPARE(newest.action, QStringLiteral("exported"));
    // (PostgreSQL adds the role: "(export from the window, role er_test)".)
    QVERIFY2(HistoryFormat::who(newest).contains(QStringLiteral("(export from the window")),
             qPrintable(HistoryFormat::who(newest)));
    QVERIFY2(HistoryFormat::line(newest).endsWith(QStringLiteral("  exported (JSON)")),
             qPrintable(HistoryFormat::line(newest)));
    // From the command line it says so, and the store's origin is back to what it was.
    m_store->setChangeOrigin({QString::fromLatin1(ChangeOrigin::CommandLine), {}});
    QVERIFY2(exporter.save(id, PersonalDataExport::Format::Pdf, m_dir.filePath("ada.pdf"), "%PDF-", &error),
             qPrintable(error));
    QCOMPARE(m_store->changeOrigin().source, QStringLiteral("command line"));
    const HistoryEntry second = HistoryReader(db).employeeHistory(id).first();
    QVERIFY(HistoryFormat::who(second).contains(QStringLiteral("(export from the command line")));
    QCOMPARE(HistoryFormat::what(second), QStringLiteral("exported (PDF)"));
}

void TestPersonalDataExport::theFileIsPrivateAndReplacedOnlyWhenRecorded()
{
    const qint64 id = addAda();
    const PersonalDataExport exporter(m_store);
    const QString path = m_dir.filePath(QStringLiteral("ada.json"));
    // A permissive umask: the file must still be owner-only.
    const mode_t previous = ::umask(0);
    QString error;
    const bool saved = exporter.save(id, PersonalDataExport::Format::Json, path, "{}", &error);
    ::umask(previous);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));

    // The record fails: the file is not replaced, and nothing is recorded.
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the earlier export");
    }
    const QSqlDatabase db = m_store->database();
    const qint64 sets = count(db, QStringLiteral("SELECT COUNT(*) FROM change_set"));
    QVERIFY(TestDatabase::exec(db, m_tdb->isPostgres()
                                       ? QStringLiteral("ALTER TABLE change_entry ADD CONSTRAINT no_export "
                                                        "CHECK (action <> 'exported') NOT VALID")
                                       : QStringLiteral("CREATE TRIGGER no_export BEFORE INSERT ON change_entry "
                                                        "WHEN NEW.action = 'exported' BEGIN "
                                                        "SELECT RAISE(ABORT, 'refused'); END")));
    QVERIFY(!exporter.save(id, PersonalDataExport::Format::Json, path, "{\"new\": 1}", &error));
    QVERIFY(!error.isEmpty());
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("the earlier export"));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_set")), sets);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("ada.json*")}, QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("ada.json")}); // no temporary left

    // An unwritable place: a message naming it, and no record.
    const QString nowhere = m_dir.filePath(QStringLiteral("missing/ada.json"));
    QVERIFY(!exporter.save(id, PersonalDataExport::Format::Json, nowhere, "{}", &error));
    QVERIFY2(error.contains(nowhere), qPrintable(error));
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM change_set")), sets);
}

void TestPersonalDataExport::theFormatComesFromTheExtension()
{
    QCOMPARE(PersonalDataExport::formatOf(QStringLiteral("/tmp/a.json")), PersonalDataExport::Format::Json);
    QCOMPARE(PersonalDataExport::formatOf(QStringLiteral("a.JSON")), PersonalDataExport::Format::Json);
    QCOMPARE(PersonalDataExport::formatOf(QStringLiteral("b.Pdf")), PersonalDataExport::Format::Pdf);
    QVERIFY(!PersonalDataExport::formatOf(QStringLiteral("c.txt")));
    QVERIFY(!PersonalDataExport::formatOf(QStringLiteral("json")));
    QCOMPARE(PersonalDataExport::formatName(PersonalDataExport::Format::Pdf), QStringLiteral("PDF"));
}

void TestPersonalDataExport::nobodyIsNoExport()
{
    const PersonalDataExport exporter(m_store);
    QCOMPARE(exporter.employeeIdByEmail(QStringLiteral("nobody@example.com")), 0);
    QVERIFY(exporter.lastError().isEmpty());
    QVERIFY(exporter.collect(4242).isEmpty());
    QVERIFY(exporter.lastError().contains(QStringLiteral("4242")));
}

QTEST_GUILESS_MAIN(TestPersonalDataExport)
#include "TestPersonalDataExport.moc"

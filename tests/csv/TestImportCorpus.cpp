// Files as spreadsheets and other HR systems write them, made here byte by
// byte (each encoding, delimiter, date style and header style), each imported
// and read back field by field: the umlauts, the dates, the genders. On both
// backends (the _postgres run reads the dates back as QDate, SQLite as text).
#include "TestDatabase.h"
#include "csv/CsvImporter.h"
#include "store/EmployeeStore.h"
#include "validation/EmployeeValidator.h"

#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Person
{
    QString firstName, lastName, email, phone, storedPhone;
    QDate dateOfBirth;
    QString gender; // the stored code
    QString address, bio;
};

// Umlauts, accents, a comma inside the address and Windows-1252's own
// quotation marks in the bio; 31 December settles a column's date order.
const QList<Person> People = {
    {"Jürgen", "Müller", "juergen.mueller@example.com", "030 1234567", "+49301234567", QDate(1980, 12, 31),
     "male", "Hauptstraße 5, Berlin", "„Chef“ seit 2010"},
    {"Élodie", "Lefèvre", "elodie.lefevre@example.com", "+33 1 42 68 53 00", "+33142685300",
     QDate(1975, 3, 5), "female", "", ""},
    {"Zoë", "Åström", "zoe.astrom@example.com", "", "", QDate(1990, 1, 2), "other", "Ölweg 1", ""},
};

enum class Encoding { Utf8, Utf8Bom, Utf16LeBom, Windows1252 };
enum class DateStyle { Iso, Dotted, DaySlash, MonthSlash };
enum class Genders { Codes, English, German, French, Letters };
enum class Headers { Fields, People, German, French, HrSystem };

QString dateText(const QDate &d, DateStyle style)
{
    switch (style) {
    case DateStyle::Iso:
        return d.toString(Qt::ISODate);
    case DateStyle::Dotted:
        return d.toString(QStringLiteral("dd.MM.yyyy"));
    case DateStyle::DaySlash:
        return d.toString(QStringLiteral("dd/MM/yyyy"));
    case DateStyle::MonthSlash:
        return d.toString(QStringLiteral("MM/dd/yyyy"));
    }
    return {};
}

QString genderText(const QString &code, Genders style)
{
    const int i = code == u"female" ? 0 : code == u"male" ? 1 : 2;
    switch (style) {
    case Genders::Codes:
        return code;
    case Genders::English:
        return QStringList{"Female", "Male", "Other"}.at(i);
    case Genders::German:
        return QStringList{"weiblich", "männlich", "divers"}.at(i);
    case Genders::French:
        return QStringList{"Femme", "Homme", "Autre"}.at(i);
    case Genders::Letters:
        return QStringList{"F", "M", "D"}.at(i);
    }
    return {};
}

// The header and each person's row in that header's columns.
QStringList headerFor(Headers style)
{
    switch (style) {
    case Headers::Fields:
        return {"first_name", "last_name", "email", "phone", "date_of_birth", "address", "gender", "bio"};
    case Headers::People:
        return {"First Name",    "Last Name", "Email Address", "Mobile",
                "Date of Birth", "Address",   "Gender",        "Bio"};
    case Headers::German:
        return {"Vorname",      "Nachname", "E-Mail",     "Telefon",
                "Geburtsdatum", "Adresse",  "Geschlecht", "Biografie"};
    case Headers::French:
        return {"Prénom",  "Nom",   "E-mail",    "Téléphone", "Date de naissance",
                "Adresse", "Genre", "Biographie"};
    case Headers::HrSystem:
        return {"first_name", "middle_name", "last_name",     "employee_id",
                "work_email", "mobile",      "date_of_birth", "gender"};
    }
    return {};
}

QStringList rowFor(const Person &p, int index, Headers headers, DateStyle dates, Genders genders)
{
    const QString date = dateText(p.dateOfBirth, dates);
    const QString gender = genderText(p.gender, genders);
    if (headers == Headers::HrSystem)
        return {p.firstName, index == 0 ? "Karl" : "",
                p.lastName,  QStringLiteral("E-%1").arg(1000 + index),
                p.email,     p.phone,
                date,        gender};
    return {p.firstName, p.lastName, p.email, p.phone, date, p.address, gender, p.bio};
}

// As a spreadsheet writes it: CRLF, quotes only where needed.
QString table(const QList<QStringList> &rows, QChar delimiter)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        for (QString field : row) {
            if (field.contains(delimiter) || field.contains(u'"') || field.contains(u'\n')) {
                field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
                field = u'"' + field + u'"';
            }
            fields << field;
        }
        text += fields.join(delimiter) + QStringLiteral("\r\n");
    }
    return text;
}

QByteArray encode(const QString &text, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return text.toUtf8();
    case Encoding::Utf8Bom:
        return "\xEF\xBB\xBF" + text.toUtf8();
    case Encoding::Utf16LeBom: {
        QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        return encoder.encode(text);
    }
    case Encoding::Windows1252: {
        QByteArray bytes;
        for (QChar c : text) {
            const char16_t u = c.unicode();
            if (u == u'„')
                bytes += '\x84';
            else if (u == u'“')
                bytes += '\x93';
            else if (u == u'€')
                bytes += '\x80';
            else if (u < 0x80 || (u >= 0xA0 && u <= 0xFF))
                bytes += char(u);
            else
                qFatal("not in Windows-1252: %x", unsigned(u));
        }
        return bytes;
    }
    }
    return {};
}

struct Fixture
{
    TestDatabase database;
    QString sessionError;
    std::unique_ptr<AppSession> session = database.openSession(&sessionError);
    EmployeeStore &store = *session->store();
    QTemporaryDir dir;

    ImportReport import(const QByteArray &bytes, const ImportOptions &options = {})
    {
        const QString path = dir.filePath(QStringLiteral("people.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        CsvImporter importer(&store, EmployeeValidator(QStringLiteral("DE")));
        importer.setOptions(options);
        return importer.importFile(path);
    }

    // One employee with its profile, every field as stored.
    QStringList stored(const QString &email)
    {
        QSqlQuery q(database.db());
        q.prepare(QStringLiteral(
            "SELECT e.first_name, e.last_name, e.email, coalesce(e.phone, ''), p.date_of_birth, "
            "coalesce(p.address, ''), coalesce(p.gender, ''), coalesce(p.bio, '') FROM employee e "
            "JOIN employee_profile p ON p.employee_id = e.id WHERE e.email = ?"));
        q.addBindValue(email);
        if (!q.exec() || !q.next())
            return {};
        QStringList row;
        for (int i = 0; i < 8; ++i) {
            const QVariant v = q.value(i);
            row << (v.metaType().id() == QMetaType::QDate ? v.toDate().toString(Qt::ISODate) : v.toString());
        }
        return row;
    }
};

QStringList expected(const Person &p, bool withAddressAndBio)
{
    return {p.firstName,
            p.lastName,
            p.email,
            p.storedPhone,
            p.dateOfBirth.toString(Qt::ISODate),
            withAddressAndBio ? p.address : QString(),
            p.gender,
            withAddressAndBio ? p.bio : QString()};
}

} // namespace

Q_DECLARE_METATYPE(Encoding)
Q_DECLARE_METATYPE(DateStyle)
Q_DECLARE_METATYPE(Genders)
Q_DECLARE_METATYPE(Headers)

class TestImportCorpus : public QObject
{
    Q_OBJECT

private slots:
    void spreadsheetFilesImportWithTheirValues_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<DateStyle>("dates");
        QTest::addColumn<Genders>("genders");
        QTest::addColumn<Headers>("headers");
        // The four files first.
        QTest::newRow("(a) German spreadsheet: ';', Windows-1252, 31.12.1980")
            << Encoding::Windows1252 << QChar(u';') << DateStyle::Dotted << Genders::German
            << Headers::German;
        QTest::newRow("(b) the same comma-separated")
            << Encoding::Windows1252 << QChar(u',') << DateStyle::Dotted << Genders::German
            << Headers::German;
        QTest::newRow("(c) First Name,Last Name,Email,Phone")
            << Encoding::Utf8 << QChar(u',') << DateStyle::Iso << Genders::English << Headers::People;
        QTest::newRow("(d) another HR system's export with Male")
            << Encoding::Utf8 << QChar(u',') << DateStyle::Iso << Genders::English << Headers::HrSystem;
        // Each encoding, delimiter, date style and header style.
        QTest::newRow("Excel Unicode Text: UTF-16LE with BOM, tab")
            << Encoding::Utf16LeBom << QChar(u'\t') << DateStyle::DaySlash << Genders::Letters
            << Headers::People;
        QTest::newRow("UTF-8 with BOM, ';', French")
            << Encoding::Utf8Bom << QChar(u';') << DateStyle::DaySlash << Genders::French << Headers::French;
        QTest::newRow("UTF-8, '|', month first")
            << Encoding::Utf8 << QChar(u'|') << DateStyle::MonthSlash << Genders::English << Headers::Fields;
        QTest::newRow("Windows-1252, tab, ISO, codes")
            << Encoding::Windows1252 << QChar(u'\t') << DateStyle::Iso << Genders::Codes << Headers::Fields;
        QTest::newRow("UTF-8, ',', day first, French genders")
            << Encoding::Utf8 << QChar(u',') << DateStyle::DaySlash << Genders::French << Headers::Fields;
        QTest::newRow("UTF-16LE with BOM, ';', dotted, German")
            << Encoding::Utf16LeBom << QChar(u';') << DateStyle::Dotted << Genders::German << Headers::German;
        QTest::newRow("HR export as Windows-1252 ';' with month-first dates")
            << Encoding::Windows1252 << QChar(u';') << DateStyle::MonthSlash << Genders::Letters
            << Headers::HrSystem;
    }
    void spreadsheetFilesImportWithTheirValues()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QChar, delimiter);
        QFETCH(DateStyle, dates);
        QFETCH(Genders, genders);
        QFETCH(Headers, headers);
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        QList<QStringList> rows{headerFor(headers)};
        for (int i = 0; i < People.size(); ++i)
            rows << rowFor(People.at(i), i, headers, dates, genders);
        const ImportReport report = f.import(encode(table(rows, delimiter), encoding));
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
        QCOMPARE(report.accepted, People.size());
        QCOMPARE(report.delimiter, delimiter);
        if (encoding == Encoding::Windows1252)
            QVERIFY2(report.encoding.contains(u"1252") || report.encoding.contains(u"8859"),
                     qPrintable(report.encoding));
        else
            QVERIFY2(report.encoding.startsWith(encoding == Encoding::Utf16LeBom ? u"UTF-16LE" : u"UTF-8"),
                     qPrintable(report.encoding));
        const bool full = headers != Headers::HrSystem;
        for (const Person &p : People)
            QCOMPARE(f.stored(p.email), expected(p, full));
        if (!full)
            QCOMPARE(report.notes.filter(u"middle_name").size() + report.notes.filter(u"employee_id").size(),
                     2);
    }

    void undecodableByteNamesLineAndColumn()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        // UTF-8 said, but line 3 has a Windows-1252 ü as its fourth character.
        ImportOptions utf8;
        utf8.encoding = TextDecoder::Encoding::Utf8;
        ImportReport report = f.import("first_name,last_name,email\r\nAda,Lovelace,ada@example.com\r\n"
                                       "J\xC3\xBCr\xFCgen,M,j@example.com\r\n",
                                       utf8);
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.startsWith(u"line 3, column 4:"), qPrintable(report.fatalError));
        QVERIFY2(report.fatalError.contains(u"--encoding"), qPrintable(report.fatalError));
        QCOMPARE(f.store.employeeCount(), 0);
        // Windows-1252 leaves 0x81 unassigned: named, not replaced.
        ImportOptions cp1252;
        cp1252.encoding = TextDecoder::Encoding::Windows1252;
        report = f.import("first_name;last_name;email\r\nAda;Lo\x81;ada@example.com\r\n", cp1252);
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.startsWith(u"line 2, column 7:"), qPrintable(report.fatalError));
        QVERIFY2(report.fatalError.contains(u"0x81"), qPrintable(report.fatalError));
        QCOMPARE(f.store.employeeCount(), 0);
    }

    void ambiguousDateColumnFailsNamingItUntilTheOrderIsGiven()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const QByteArray csv = "Vorname;Nachname;E-Mail;Geburtsdatum\r\n"
                               "Ada;Lovelace;ada@example.com;03/04/1980\r\n"
                               "Alan;Turing;alan@example.com;05/06/1981\r\n";
        ImportReport report = f.import(csv);
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.contains(u"'Geburtsdatum'") && report.fatalError.contains(u"--date-order"),
                 qPrintable(report.fatalError));
        QCOMPARE(f.store.employeeCount(), 0);

        ImportOptions mdy;
        mdy.dateOrder = DateOrder::MDY;
        report = f.import(csv, mdy);
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 2);
        QCOMPARE(f.stored("ada@example.com").at(4), QStringLiteral("1980-03-04"));
        QCOMPARE(f.stored("alan@example.com").at(4), QStringLiteral("1981-05-06"));
    }

    void aDayOverTwelveSettlesTheColumnAndLaterRowsFollowIt()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import("first_name,last_name,email,date_of_birth\n"
                                             "Ada,Lovelace,ada@example.com,03/04/1980\n"
                                             "Alan,Turing,alan@example.com,25/06/1981\n");
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(f.stored("ada@example.com").at(4), QStringLiteral("1980-04-03"));
        QCOMPARE(f.stored("alan@example.com").at(4), QStringLiteral("1981-06-25"));
    }

    void conflictingDateOrdersFailNamingTheColumn()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import("first_name,last_name,email,Date of Birth\n"
                                             "Ada,Lovelace,ada@example.com,31/12/1980\n"
                                             "Alan,Turing,alan@example.com,12/31/1981\n");
        QVERIFY(!report.ok());
        QVERIFY2(report.fatalError.contains(u"'Date of Birth'") && report.fatalError.contains(u"31/12/1980")
                     && report.fatalError.contains(u"12/31/1981"),
                 qPrintable(report.fatalError));
    }

    void unknownColumnsAreNotedAndIgnored()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        const ImportReport report = f.import(
            "first_name,last_name,email,salary,Cost Center\nAda,Lovelace,ada@example.com,100,4711\n");
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.accepted, 1);
        QCOMPARE(report.notes.size(), 2);
        QVERIFY2(report.notes.at(0).contains(u"'salary'"), qPrintable(report.notes.at(0)));
        QVERIFY2(report.notes.at(1).contains(u"'Cost Center'"), qPrintable(report.notes.at(1)));
    }

    void theUsersMapDelimiterAndEncodingWin()
    {
        Fixture f;
        QVERIFY2(f.database.isOpen(), qPrintable(f.database.error()));
        ImportOptions options;
        options.columnMap = {{QStringLiteral("Rufname"), QStringLiteral("first_name")}};
        options.delimiter = u':';
        options.encoding = TextDecoder::Encoding::Latin9;
        const ImportReport report =
            f.import("Rufname:Nachname:E-Mail:Bio\nJ\xFCrgen:M\xFCller:j@example.com:\xA4\n", options);
        QVERIFY2(report.ok(), qPrintable(report.fatalError));
        QCOMPARE(report.encoding, QStringLiteral("ISO-8859-15"));
        QCOMPARE(f.stored("j@example.com"),
                 (QStringList{"Jürgen", "Müller", "j@example.com", "", "", "", "", "€"}));
    }
};

QTEST_GUILESS_MAIN(TestImportCorpus)
#include "TestImportCorpus.moc"

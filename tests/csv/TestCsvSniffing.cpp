// The pieces that let the import read the files people have: the encodings,
// the delimiter, the column names, the dates and the genders as written.
#include "csv/ColumnAliases.h"
#include "csv/CsvFormat.h"
#include "csv/DateOrder.h"
#include "csv/DelimiterSniffer.h"
#include "csv/EncodingSniffer.h"
#include "csv/GenderWords.h"
#include "csv/HeaderMatcher.h"
#include "csv/TextDecoder.h"

#include <QBuffer>
#include <QTest>

namespace {

struct Decoded
{
    QString text;
    qint64 errorAt = -1;
    int errorByte = -1;
};

Decoded decode(TextDecoder::Encoding encoding, const QByteArray &bytes)
{
    TextDecoder decoder(encoding);
    Decoded d;
    // Two chunks, split in the middle, as the reader feeds them.
    for (const QByteArray &chunk : {bytes.left(bytes.size() / 2), bytes.mid(bytes.size() / 2)}) {
        QString part(decoder.requiredSpace(chunk.size()), Qt::Uninitialized);
        part.truncate(decoder.appendToBuffer(part.data(), chunk) - part.constData());
        d.text += part;
    }
    d.errorAt = decoder.firstErrorAt();
    d.errorByte = decoder.firstErrorByte();
    return d;
}

} // namespace

class TestCsvSniffing : public QObject
{
    Q_OBJECT

private slots:
    void singleByteEncodingsDecodeAndRefuseUnassignedBytes()
    {
        // Windows-1252: 0x80 is the euro sign, 0x84/0x93 German quotes; 0xFC is ü.
        Decoded d = decode(TextDecoder::Encoding::Windows1252,
                           "M\xFCller \x84"
                           "Chef\x93 \x80");
        QCOMPARE(d.text, QStringLiteral("Müller „Chef“ €"));
        QCOMPARE(d.errorAt, -1);
        // 0x81 is unassigned: an error at its character, never a silent replacement.
        d = decode(TextDecoder::Encoding::Windows1252,
                   "ab\x81"
                   "cd");
        QCOMPARE(d.errorAt, 2);
        QCOMPARE(d.errorByte, 0x81);
        // ISO-8859-15 has the euro at 0xA4 where Latin-1 has the currency sign.
        QCOMPARE(decode(TextDecoder::Encoding::Latin9, "\xA4").text, QStringLiteral("€"));
        QCOMPARE(decode(TextDecoder::Encoding::Latin1, "\xA4\xFC").text, QStringLiteral("¤ü"));
        QCOMPARE(decode(TextDecoder::Encoding::Latin1, "a\x85").errorAt, 1); // a C1 control
        // UTF-8 through Qt's decoder: where the bad byte landed.
        d = decode(TextDecoder::Encoding::Utf8, "Zo\xC3\xAB M\xFCller");
        QCOMPARE(d.errorAt, 5);
    }

    void encodingNames()
    {
        QCOMPARE(TextDecoder::encodingForName("cp1252"), TextDecoder::Encoding::Windows1252);
        QCOMPARE(TextDecoder::encodingForName("WINDOWS-1252"), TextDecoder::Encoding::Windows1252);
        QCOMPARE(TextDecoder::encodingForName("iso-8859-15"), TextDecoder::Encoding::Latin9);
        QCOMPARE(TextDecoder::encodingForName("latin1"), TextDecoder::Encoding::Latin1);
        QCOMPARE(TextDecoder::encodingForName("utf-16le"), TextDecoder::Encoding::Utf16LE);
        QCOMPARE(TextDecoder::encodingForName("utf8"), TextDecoder::Encoding::Utf8);
        QVERIFY(!TextDecoder::encodingForName("EBCDIC"));
    }

    void encodingFromTheBomUtf8OrDetection_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<int>("evidence");
        using E = TextDecoder::Encoding;
        using V = EncodingSniffer::Evidence;
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBFname\n") << int(E::Utf8)
                                   << int(V::ByteOrderMark);
        QTest::newRow("utf-16le bom")
            << QByteArray("\xFF\xFEn\0a\0", 6) << int(E::Utf16LE) << int(V::ByteOrderMark);
        QTest::newRow("utf-16be bom")
            << QByteArray("\xFE\xFF\0n\0a", 6) << int(E::Utf16BE) << int(V::ByteOrderMark);
        QTest::newRow("ascii") << QByteArray("first_name,last_name\n") << int(E::Utf8) << int(V::ValidUtf8);
        QTest::newRow("utf-8") << QByteArray("Vorname\nJ\xC3\xBCrgen\n") << int(E::Utf8) << int(V::ValidUtf8);
        QTest::newRow("windows-1252")
            << QByteArray("Vorname;Nachname\nJ\xFCrgen;M\xFCller\n\xC9lodie;Lef\xE8vre\nGr\xE4"
                          "fin;K\xF6nig\n")
            << int(E::Windows1252) << int(V::Detected);
    }
    void encodingFromTheBomUtf8OrDetection()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, encoding);
        QFETCH(int, evidence);
        const EncodingSniffer::Result result = EncodingSniffer::sniff(head, true);
        QCOMPARE(int(result.evidence), evidence);
        // libuchardet may call Western text ISO-8859-1 or Windows-1252: both are read as Windows-1252.
        QCOMPARE(int(result.encoding), encoding);
    }

    void aUtf8SequenceCutByTheSniffWindowIsNoEvidenceAgainstUtf8()
    {
        const QByteArray head("name\nJ\xC3", 7);
        QCOMPARE(EncodingSniffer::sniff(head, false).evidence, EncodingSniffer::Evidence::ValidUtf8);
        QCOMPARE(EncodingSniffer::sniff(head, true).evidence, EncodingSniffer::Evidence::Detected);
    }

    void delimiterFromTheHeaderAndFirstRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("comma") << "a,b,c\n1,2,3\n"
                               << ",";
        QTest::newRow("semicolon with commas in quotes") << "a;b;c\r\n1;\"x, y, z\";3\r\n4;\"p, q\";6\r\n"
                                                         << ";";
        QTest::newRow("tab") << "a\tb\tc\n1\t2,5\t3\n"
                             << "\t";
        QTest::newRow("pipe") << "a|b|c\n1|2|3\n"
                              << "|";
        QTest::newRow("one column") << "email\nx@example.com\n"
                                    << ",";
        QTest::newRow("quoted newline") << "a;b\n\"1\n2\";3\n"
                                        << ";";
        QTest::newRow("consistent beats frequent") << "a;b,c,d\n1;2\n3;4\n"
                                                   << ";";
    }
    void delimiterFromTheHeaderAndFirstRows()
    {
        QFETCH(QString, text);
        QFETCH(QString, delimiter);
        QCOMPARE(QString(DelimiterSniffer::sniff(text, true)), delimiter);
    }

    void formatOfADeviceIsSniffedWithoutConsumingIt()
    {
        QByteArray data("Vorname;Nachname;E-Mail\r\nJ\xFCrgen;M\xFCller;j@example.com\r\n");
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        const CsvFormat format = CsvFormat::sniff(&buffer, std::nullopt, QChar());
        QCOMPARE(format.delimiter, QChar(u';'));
        QVERIFY(format.encodingDetected);
        QCOMPARE(buffer.pos(), 0);
        // What the user says wins.
        const CsvFormat told = CsvFormat::sniff(&buffer, TextDecoder::Encoding::Latin9, QChar(u','));
        QCOMPARE(told.delimiter, QChar(u','));
        QCOMPARE(told.encoding, TextDecoder::Encoding::Latin9);
        QVERIFY(!told.encodingDetected);
    }

    void headersByMeaning_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("column");
        QTest::newRow("field name") << "date_of_birth" << int(ColumnAliases::DateOfBirth);
        QTest::newRow("upper case") << "EMAIL" << int(ColumnAliases::Email);
        QTest::newRow("people's") << "First Name" << int(ColumnAliases::FirstName);
        QTest::newRow("email address") << "Email Address" << int(ColumnAliases::Email);
        QTest::newRow("work email") << "work_email" << int(ColumnAliases::Email);
        QTest::newRow("E-Mail") << "E-Mail" << int(ColumnAliases::Email);
        QTest::newRow("mobile") << "Mobile" << int(ColumnAliases::Phone);
        QTest::newRow("Telefon") << "Telefon" << int(ColumnAliases::Phone);
        QTest::newRow("Date of Birth") << "Date of Birth" << int(ColumnAliases::DateOfBirth);
        QTest::newRow("Geburtsdatum") << " Geburtsdatum " << int(ColumnAliases::DateOfBirth);
        QTest::newRow("Prénom") << "Prénom" << int(ColumnAliases::FirstName);
        QTest::newRow("Prenom without accent") << "PRENOM" << int(ColumnAliases::FirstName);
        QTest::newRow("Nachname") << "Nachname" << int(ColumnAliases::LastName);
        QTest::newRow("Nom") << "Nom" << int(ColumnAliases::LastName);
        QTest::newRow("Geschlecht") << "Geschlecht" << int(ColumnAliases::Gender);
        QTest::newRow("Date de naissance") << "Date de naissance" << int(ColumnAliases::DateOfBirth);
        QTest::newRow("Ausgetreten am") << "Ausgetreten am" << int(ColumnAliases::LeftOn);
        QTest::newRow("left_on") << "left_on" << int(ColumnAliases::LeftOn);
        QTest::newRow("leaving_reason") << "leaving_reason" << int(ColumnAliases::LeavingReason);
        QTest::newRow("middle name") << "middle_name" << -1;
        QTest::newRow("employee id") << "employee_id" << -1;
        QTest::newRow("name alone") << "Name" << -1;
    }
    void headersByMeaning()
    {
        QFETCH(QString, header);
        QFETCH(int, column);
        QCOMPARE(ColumnAliases::columnFor(header), column);
    }

    void headerMatcherIgnoresUnknownMapsAndRequires()
    {
        HeaderMatcher matcher;
        QString error;
        QVERIFY2(
            matcher.match({"first_name", "middle_name", "last_name", "employee_id", "work_email", "mobile"},
                          &error),
            qPrintable(error));
        QCOMPARE(matcher.ignoredHeaders(), (QStringList{"middle_name", "employee_id"}));
        QCOMPARE(matcher.columnIndex()[ColumnAliases::Email], 4);
        QCOMPARE(matcher.columnIndex()[ColumnAliases::Phone], 5);

        // Two columns meaning the same field: an error naming both.
        QVERIFY(!matcher.match({"first_name", "last_name", "Email", "E-Mail"}, &error));
        QVERIFY2(error.contains("'Email'") && error.contains("'E-Mail'"), qPrintable(error));
        // A required field missing.
        QVERIFY(!matcher.match({"first_name", "last_name", "phone"}, &error));
        QVERIFY2(error.contains("email"), qPrintable(error));

        // --map first: "Kennung" means the email here, "Mail" (an alias) is then left out.
        HeaderMatcher mapped({{QStringLiteral("Kennung"), QStringLiteral("email")},
                              {QStringLiteral("Mail"), QStringLiteral("bio")}});
        QVERIFY2(mapped.match({"Vorname", "Nachname", "Kennung", "Mail"}, &error), qPrintable(error));
        QCOMPARE(mapped.columnIndex()[ColumnAliases::Email], 2);
        QCOMPARE(mapped.columnIndex()[ColumnAliases::Bio], 3);
        HeaderMatcher wrong({{QStringLiteral("X"), QStringLiteral("salary")}});
        QVERIFY(!wrong.match({"first_name", "last_name", "email"}, &error));
        QVERIFY2(error.contains("salary"), qPrintable(error));
    }

    void datesAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("order"); // -1: the column's order is not known
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("ambiguous");
        const QDate d(1980, 12, 31);
        QTest::newRow("iso") << "1980-12-31" << -1 << d << false;
        QTest::newRow("iso with slashes") << "1980/12/31" << -1 << d << false;
        QTest::newRow("dotted") << "31.12.1980" << -1 << d << false;
        QTest::newRow("dotted short") << "5.3.1975" << -1 << QDate(1975, 3, 5) << false;
        QTest::newRow("day over 12 first") << "31/12/1980" << -1 << d << false;
        QTest::newRow("day over 12 second") << "12/31/1980" << -1 << d << false;
        QTest::newRow("ambiguous") << "03/04/1980" << -1 << QDate() << true;
        QTest::newRow("same either way") << "04/04/1980" << -1 << QDate(1980, 4, 4) << false;
        QTest::newRow("DMY") << "03/04/1980" << int(DateOrder::DMY) << QDate(1980, 4, 3) << false;
        QTest::newRow("MDY") << "03/04/1980" << int(DateOrder::MDY) << QDate(1980, 3, 4) << false;
        QTest::newRow("MDY refuses day first") << "31/12/1980" << int(DateOrder::MDY) << QDate() << false;
        QTest::newRow("dots stay day first under MDY")
            << "03.04.1980" << int(DateOrder::MDY) << QDate(1980, 4, 3) << false;
        QTest::newRow("two-digit year") << "31.12.80" << -1 << QDate() << false;
        QTest::newRow("not a date") << "soon" << -1 << QDate() << false;
        QTest::newRow("no such day") << "31.02.1980" << -1 << QDate() << false;
        QTest::newRow("iso not a day") << "1980-02-31" << -1 << QDate() << false;
    }
    void datesAsWritten()
    {
        QFETCH(QString, text);
        QFETCH(int, order);
        QFETCH(QDate, date);
        QFETCH(bool, ambiguous);
        bool wasAmbiguous = false;
        const std::optional<DateOrder::Order> o =
            order < 0 ? std::nullopt : std::optional<DateOrder::Order>(DateOrder::Order(order));
        QCOMPARE(DateOrder::parse(text, o, &wasAmbiguous), date);
        QCOMPARE(wasAmbiguous, ambiguous);
    }

    void aColumnsOrderFromAllItsValues()
    {
        DateOrder dmy;
        for (const char *v : {"01/02/1980", "1980-05-06", "", "31/12/1980", "07/08/1990"})
            dmy.observe(QString::fromLatin1(v));
        QCOMPARE(dmy.verdict(), DateOrder::Verdict::Decided);
        QCOMPARE(dmy.order(), DateOrder::DMY);

        DateOrder mdy;
        for (const char *v : {"01/02/1980", "12/31/1980"})
            mdy.observe(QString::fromLatin1(v));
        QCOMPARE(mdy.order(), DateOrder::MDY);

        DateOrder ambiguous;
        for (const char *v : {"01/02/1980", "03/04/1985", "05/05/1990"})
            ambiguous.observe(QString::fromLatin1(v));
        QCOMPARE(ambiguous.verdict(), DateOrder::Verdict::Ambiguous);
        QCOMPARE(ambiguous.ambiguousExample(), QStringLiteral("01/02/1980"));

        DateOrder conflict;
        for (const char *v : {"31/12/1980", "12/31/1980"})
            conflict.observe(QString::fromLatin1(v));
        QCOMPARE(conflict.verdict(), DateOrder::Verdict::Conflict);

        DateOrder open;
        for (const char *v : {"31.12.1980", "1980-01-02", "05/05/1990"})
            open.observe(QString::fromLatin1(v));
        QCOMPARE(open.verdict(), DateOrder::Verdict::Open);
    }

    void genderWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("gender"); // -1: refused
        QTest::newRow("code") << "female" << int(Gender::Female);
        QTest::newRow("Male") << "Male" << int(Gender::Male);
        QTest::newRow("weiblich") << "weiblich" << int(Gender::Female);
        QTest::newRow("Männlich") << "Männlich" << int(Gender::Male);
        QTest::newRow("divers") << "Divers" << int(Gender::Other);
        QTest::newRow("Homme") << "Homme" << int(Gender::Male);
        QTest::newRow("Femme") << "Femme" << int(Gender::Female);
        QTest::newRow("Autre") << "Autre" << int(Gender::Other);
        QTest::newRow("F") << "F" << int(Gender::Female);
        QTest::newRow("m") << " m " << int(Gender::Male);
        QTest::newRow("empty") << "" << int(Gender::Unspecified);
        QTest::newRow("unknown") << "yes" << -1;
    }
    void genderWords()
    {
        QFETCH(QString, text);
        QFETCH(int, gender);
        const std::optional<Gender> g = GenderWords::fromText(text);
        QCOMPARE(g ? int(*g) : -1, gender);
    }
};

QTEST_GUILESS_MAIN(TestCsvSniffing)
#include "TestCsvSniffing.moc"

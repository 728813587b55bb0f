#include "CsvSeeds.h"

#include <QStringEncoder>

namespace {

QByteArray utf16(const QString &text, QStringEncoder::Encoding encoding)
{
    QStringEncoder encoder(encoding, QStringEncoder::Flag::WriteBom);
    return encoder.encode(text);
}

} // namespace

QList<std::pair<QString, QByteArray>> csvSeeds()
{
    const QString people = QStringLiteral(
        "First Name,Last Name,Email Address,Mobile,Date of Birth,Team,Address,Gender,Bio\r\n"
        "J\u00fcrgen,M\u00fcller,juergen@example.com,030 1234567,31/12/1980,Sales,\"Hauptstra\u00dfe 5, Berlin\",Male,"
        "\"\u201eChef\u201c seit 2010\"\r\n"
        "\u00c9lodie,Lef\u00e8vre,elodie@example.com,+33 1 42 68 53 00,05/03/1975,,,Femme,\"two\r\nlines\"\r\n");
    // Windows-1252: ü is 0xFC, „ is 0x84, “ is 0x93.
    const QByteArray german = "Vorname;Nachname;E-Mail;Telefon;Geburtsdatum;Adresse;Geschlecht;Biografie\r\n"
                              "J\xFCrgen;M\xFCller;j@example.com;030 1234567;31.12.1980;\"Hauptstra\xDF" "e 5; Berlin\";"
                              "m\xE4nnlich;\x84" "Chef\x93\r\n"
                              "Zo\xEB;\xC5str\xF6m;z@example.com;;02.01.1990;\xD6lweg 1;divers;\r\n";
    return {
        {QStringLiteral("utf8-fields.csv"),
         "first_name,last_name,email,phone,date_of_birth,team,address,gender,bio,left_on,leaving_reason\n"
         "Ada,Lovelace,ada@example.com,030 1111111,1815-12-10,Research,\"1 St James's Square, London\",female,"
         "\"Analyst, \"\"first programmer\"\"\",,\n"
         "Alan,Turing,alan@example.com,,1912-06-23,,,M,,1954-06-07,\"left\"\n"},
        {QStringLiteral("utf8-people-crlf.csv"), people.toUtf8()},
        {QStringLiteral("utf8-bom-semicolon.csv"),
         "\xEF\xBB\xBFPr\xC3\xA9nom;Nom;E-mail;Date de naissance;Genre\r\n\xC3\x89lodie;Lef\xC3\xA8vre;e@example.com;"
         "05/03/1975;Femme\r\n"},
        {QStringLiteral("utf16le-bom-tab.csv"), utf16(QString(people).replace(u',', u'\t'), QStringEncoder::Utf16LE)},
        {QStringLiteral("utf16be-bom.csv"), utf16(people, QStringEncoder::Utf16BE)},
        {QStringLiteral("windows1252-german-semicolon.csv"), german},
        {QStringLiteral("quoted-newlines-pipe.csv"),
         "first_name|last_name|email|bio\n\"Grace\"|\"Hopper\"|grace@example.com|\"line one\nline \"\"two\"\"\r\n"
         "line three|with pipe\"\nEdsger|Dijkstra|e@example.com|\n\n\n"},
        {QStringLiteral("hr-system-month-first.csv"),
         "first_name,middle_name,last_name,employee_id,work_email,mobile,date_of_birth,gender\r\n"
         "Karl,,Marx,E-1000,karl@example.com,,12/31/1980,Male\r\nRosa,,Luxemburg,E-1001,rosa@example.com,,"
         "03/04/1971,F\r\n"},
        {QStringLiteral("mapped-latin9.csv"), "Rufname:Nachname:E-Mail:Bio\nJ\xFCrgen:M\xFCller:j@example.com:\xA4\n"},
        {QStringLiteral("broken-quote.csv"), "first_name,last_name,email\nAda,\"Love\"lace,ada@example.com\n"},
    };
}

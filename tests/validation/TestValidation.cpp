#include "validation/EmployeeValidator.h"
#include "validation/PhoneNumberNormalizer.h"
#include "validation/SimplePhoneParser.h"

#include <QRandomGenerator>
#include <QLocale>
#include <QTest>

#include <phonenumbers/phonenumberutil.h>

#include <set>

// The rules a person meets in the form and in the import: which field is
// blamed, that there is a message, and what normalization stores.
class TestValidation : public QObject
{
    Q_OBJECT

private:
    static Employee validEmployee()
    {
        Employee e;
        e.firstName = QStringLiteral("Ada");
        e.lastName = QStringLiteral("Lovelace");
        e.email = QStringLiteral("ada@example.com");
        return e;
    }

    // Exactly one error, on `field`, with a message; or none when field is empty.
    static void checkSingleError(const FieldErrors &errors, const QString &field)
    {
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(describeErrors(errors)));
            return;
        }
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, field);
        QVERIFY(!errors.first().message.trimmed().isEmpty());
    }

private slots:
    void names_data()
    {
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("lastName");
        QTest::addColumn<QString>("errorField");
        QTest::addColumn<QString>("storedFirst");

        QTest::newRow("plain") << "Ada" << "Lovelace" << "" << "Ada";
        QTest::newRow("trimmed") << "  Ada \t" << " Lovelace " << "" << "Ada";
        QTest::newRow("unicode") << "Zoë" << "Łukasiewicz" << "" << "Zoë";
        QTest::newRow("first empty") << "" << "Lovelace" << "first_name" << "";
        QTest::newRow("first blank") << "   " << "Lovelace" << "first_name" << "";
        QTest::newRow("last empty") << "Ada" << "" << "last_name" << "Ada";
        QTest::newRow("first 100") << QString(100, u'a') << "L" << "" << QString(100, u'a');
        QTest::newRow("first 101") << QString(101, u'a') << "L" << "first_name" << QString(101, u'a');
        QTest::newRow("last 101") << "Ada" << QString(101, u'b') << "last_name" << "Ada";
    }
    void names()
    {
        QFETCH(QString, firstName);
        QFETCH(QString, lastName);
        QFETCH(QString, errorField);
        QFETCH(QString, storedFirst);
        Employee e = validEmployee();
        e.firstName = firstName;
        e.lastName = lastName;
        checkSingleError(EmployeeValidator(QStringLiteral("US")).validate(e), errorField);
        QCOMPARE(e.firstName, storedFirst);
        QCOMPARE(e.lastName, lastName.trimmed());
    }

    void missingNamesSayRequired()
    {
        Employee e = validEmployee();
        e.firstName.clear();
        const FieldErrors errors = EmployeeValidator(QStringLiteral("US")).validate(e);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().message, QStringLiteral("First name is required"));
    }

    void emails_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");

        QTest::newRow("simple") << "ada@example.com" << true;
        QTest::newRow("no tld") << "a@b" << true;
        QTest::newRow("dots and plus") << "first.last+tag@sub.example.co.uk" << true;
        QTest::newRow("apostrophe") << "o'neil@example.com" << true;
        QTest::newRow("all specials") << "!#$%&'*+/=?^_`{|}~-@example.com" << true;
        QTest::newRow("hyphen inside label") << "a@my-host.example" << true;
        QTest::newRow("digits") << "1@2.3" << true;
        QTest::newRow("punycode") << "a@xn--bcher-kva.ch" << true;
        QTest::newRow("63-char label") << "a@" + QString(63, u'x') + ".com" << true;
        QTest::newRow("leading dot local (WHATWG allows)") << ".a@example.com" << true;

        QTest::newRow("empty") << "" << false;
        QTest::newRow("no at") << "plain.example.com" << false;
        QTest::newRow("empty local") << "@example.com" << false;
        QTest::newRow("empty domain") << "a@" << false;
        QTest::newRow("two ats") << "a@b@example.com" << false;
        QTest::newRow("space in local") << "a b@example.com" << false;
        QTest::newRow("leading dot domain") << "a@.example.com" << false;
        QTest::newRow("trailing dot domain") << "a@example.com." << false;
        QTest::newRow("double dot domain") << "a@example..com" << false;
        QTest::newRow("label starts with hyphen") << "a@-example.com" << false;
        QTest::newRow("label ends with hyphen") << "a@example-.com" << false;
        QTest::newRow("underscore in domain") << "a@ex_ample.com" << false;
        QTest::newRow("64-char label") << "a@" + QString(64, u'x') + ".com" << false;
        QTest::newRow("non-ascii local") << "zoë@example.com" << false;
        QTest::newRow("non-ascii domain") << "a@bücher.ch" << false;
        QTest::newRow("display name") << "Ada <ada@example.com>" << false;
        QTest::newRow("comma") << "a,b@example.com" << false;
    }
    void emails()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(EmployeeValidator::isValidEmail(email), valid);

        Employee e = validEmployee();
        e.email = email;
        checkSingleError(EmployeeValidator(QStringLiteral("US")).validate(e),
                         valid ? QString() : QStringLiteral("email"));
    }

    void emailIsTrimmedAndNormalized()
    {
        Employee e = validEmployee();
        e.email = QStringLiteral("  Ada.Lovelace@Example.COM \n");
        QVERIFY(EmployeeValidator(QStringLiteral("US")).validate(e).isEmpty());
        QCOMPARE(e.email, QStringLiteral("Ada.Lovelace@Example.COM"));
        QCOMPARE(EmployeeValidator::normalizedEmail(e.email), QStringLiteral("ada.lovelace@example.com"));
        QCOMPARE(EmployeeValidator::normalizedEmail(QStringLiteral(" X@Y ")), QStringLiteral("x@y"));
    }

    void invalidEmailMessage()
    {
        Employee e = validEmployee();
        e.email = QStringLiteral("not an address");
        const FieldErrors errors = EmployeeValidator(QStringLiteral("US")).validate(e);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().message, QStringLiteral("Email is not a valid address"));
    }

    void phones_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("e164");   // empty = must be rejected

        QTest::newRow("US national") << "US" << "(201) 555-0123" << "+12015550123";
        QTest::newRow("US dashes") << "US" << "201-555-0123" << "+12015550123";
        QTest::newRow("US with +1") << "US" << "+1 201 555 0123" << "+12015550123";
        QTest::newRow("DE national") << "DE" << "030 123456" << "+4930123456";
        QTest::newRow("DE 00 prefix") << "DE" << "0049 30 123456" << "+4930123456";
        QTest::newRow("DE number from US") << "US" << "+49 30 123456" << "+4930123456";
        QTest::newRow("GB national") << "GB" << "0121 234 5678" << "+441212345678";
        QTest::newRow("FR national") << "FR" << "01 23 45 67 89" << "+33123456789";
        QTest::newRow("surrounding blanks") << "DE" << "  +49 30 123456  " << "+4930123456";

        QTest::newRow("too short") << "US" << "12" << "";
        QTest::newRow("letters") << "US" << "call me" << "";
        QTest::newRow("DE number read as US") << "US" << "030 123456" << "";
        QTest::newRow("unknown country code") << "US" << "+999 1234567" << "";
        QTest::newRow("US invalid area code") << "US" << "+1 100 555 0123" << "";
        QTest::newRow("too long") << "DE" << "+49 30 1234567890123456" << "";
    }
    void phones()
    {
        QFETCH(QString, region);
        QFETCH(QString, input);
        QFETCH(QString, e164);

        QString error;
        const QString normalized = PhoneNumberNormalizer(region).normalize(input, &error);
        QCOMPARE(normalized, e164);
        QCOMPARE(error.isEmpty(), !e164.isEmpty());

        Employee e = validEmployee();
        e.phone = input;
        checkSingleError(EmployeeValidator(region).validate(e), e164.isEmpty() ? QStringLiteral("phone") : QString());
        if (!e164.isEmpty())
            QCOMPARE(e.phone, e164);
    }

    void phoneIsOptional()
    {
        Employee e = validEmployee();
        e.phone = QStringLiteral("   ");
        QVERIFY(EmployeeValidator(QStringLiteral("DE")).validate(e).isEmpty());
        QVERIFY(e.phone.isEmpty());
    }

    void phoneErrorNamesTheRegion()
    {
        QString error;
        QVERIFY(PhoneNumberNormalizer(QStringLiteral("DE")).normalize(QStringLiteral("0301"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("0301")), qPrintable(error));
        QVERIFY(PhoneNumberNormalizer(QStringLiteral("US")).normalize(QStringLiteral("+1 100 555 0123"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("region US")), qPrintable(error));
    }

    // The import's fast path must give exactly what libphonenumber's Parse()
    // path gives: the same E.164, or "not sure" (then Parse() decides).
    void phoneFastPathAgreesWithParse_data()
    {
        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
        QTest::addColumn<QStringList>("inputs");
        QStringList regions = {"DE", "FR", "GB", "US", "IT", "MX", "AR", "RU", "JP", "BR", "CN", "IN", "AU",
                               "SM", "VA", "KZ", "CA", "GG", "CI", "NZ", "AT", "CH", "NL", "ES", "KR"};
        std::set<std::string> all;
        util.GetSupportedRegions(&all);
        for (const std::string &region : all)
            regions << QString::fromStdString(region);
        regions.removeDuplicates();
        QRandomGenerator random(20261122);
        const PhoneNumberUtil::PhoneNumberType types[] = {
            PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
            PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
            PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
            PhoneNumberUtil::VOICEMAIL};
        auto variants = [&](const PhoneNumber &number, QStringList &out) {
            std::string international;
            util.Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
            std::string e164;
            util.Format(number, PhoneNumberUtil::E164, &e164);
            std::string national;
            util.GetNationalSignificantNumber(number, &national);
            const QString cc = QString::number(number.country_code());
            const QString nsn = QString::fromStdString(national);
            std::string numberRegion;
            util.GetRegionCodeForNumber(number, &numberRegion);
            std::string nddText;
            util.GetNddPrefixForRegion(numberRegion, true, &nddText);
            const QString ndd = QString::fromStdString(nddText);
            out << QString::fromStdString(international) << QString::fromStdString(e164)
                << QString::fromStdString(international).replace(' ', '-')
                << QString::fromStdString(international).replace(' ', '.')
                << "+" + cc + " " + nsn << "+" + cc + "-" + nsn.left(3) + "." + nsn.mid(3)
                << "+" + cc + " 0" + nsn << "+" + cc + " " + ndd + nsn      // national prefix kept by mistake
                << "+" + cc + " 1" + nsn << "+" + cc + " 15" + nsn << "+" + cc + " 9" + nsn
                << "+" + cc + " 00" + nsn << "+" + cc + nsn.left(nsn.size() - 1)   // one digit short
                << "+" + cc + nsn + QString::number(random.bounded(10))          // one digit long
                << " +" + cc + " " + nsn + " ";
            // The same length with random digits: valid or not, both paths must agree.
            for (int k = 0; k < 6; ++k) {
                QString digits = nsn;
                for (int i = qMax(1, int(digits.size()) - 6); i < digits.size(); ++i)
                    digits[i] = QChar(u'0' + random.bounded(10));
                out << "+" + cc + " " + digits;
            }
        };
        for (const QString &region : std::as_const(regions)) {
            QStringList inputs;
            for (auto type : types) {
                PhoneNumber example;
                if (util.GetExampleNumberForType(region.toStdString(), type, &example))
                    variants(example, inputs);
            }
            QTest::newRow(qPrintable(region)) << inputs;
        }
        // Non-geographic numbers (+800, +808, +870, +878, +881, +882, +883, +888, +979).
        std::set<int> codes;
        util.GetSupportedGlobalNetworkCallingCodes(&codes);
        QStringList global;
        for (int code : codes) {
            PhoneNumber example;
            if (util.GetExampleNumberForNonGeoEntity(code, &example))
                variants(example, global);
        }
        QTest::newRow("non-geographic") << global;
        // Italian leading zeros, hand-written forms and things that are not simple.
        QTest::newRow("hand-written") << QStringList{
            "+39 06 6982 1234", "+39 02 1234 5678", "+39 0 6 1234", "+39 3123456789", "+39 0000 1234",
            "+39 00", "+39 06", "+225 07 1234 5678", "+225 0712345678", "+49 30 12345678", "+49 030 12345678",
            "+49 (30) 1234567", "+49 30 1234567 ext. 12", "+49  30 1234567", "+49 30-1234567-", "+4930 1234567#",
            "+1 201 555 0123", "+1 1 201 555 0123", "+1-201-555-0123", "+7 8 495 123 45 67", "+7 495 123-45-67",
            "+52 1 55 1234 5678", "+52 55 1234 5678", "+54 9 11 1234 5678", "+54 11 15 1234 5678",
            "+81 3 1234 5678", "+81 03 1234 5678", "+44 20 7123 4567", "+44 020 7123 4567", "+800 1234 5678",
            "+", "+0", "+00 49 30 1234567", "+999 123456", "+4", "+49", "+49 3", "+49 30", "+123456789012345678901",
            "+49 30 1234567 8901234567890", "+３０ 1234567", "+49 ３0 1234567", "0049 30 1234567", "030 1234567"};
    }

    void phoneFastPathAgreesWithParse()
    {
        QFETCH(QStringList, inputs);
        int fastHits = 0;
        for (const QString &defaultRegion : {QStringLiteral("DE"), QStringLiteral("US"), QStringLiteral("JE")}) {
            const PhoneNumberNormalizer normalizer(defaultRegion);
            for (const QString &input : std::as_const(inputs)) {
                QString parseError;
                const QString parsed = normalizer.normalizeWithParse(input, &parseError);
                const QString fast = SimplePhoneParser::international(input);
                if (!fast.isEmpty()) {
                    ++fastHits;
                    QVERIFY2(fast == parsed, qPrintable(input + ": fast " + fast + ", Parse " + parsed + " " + parseError));
                }
                QString error;
                QCOMPARE(normalizer.normalize(input, &error), parsed);
                QCOMPARE(error, parseError);
            }
        }
        if (QByteArray(QTest::currentDataTag()) == "DE")
            QVERIFY(fastHits > 0);   // the fast path is taken at all
    }

    // The same for numbers written nationally, read in their own region.
    void phoneNationalFastPathAgreesWithParse_data()
    {
        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
        QTest::addColumn<QString>("region");
        QTest::addColumn<QStringList>("inputs");
        std::set<std::string> all;
        util.GetSupportedRegions(&all);
        QRandomGenerator random(20261123);
        for (const std::string &regionCode : all) {
            const QString region = QString::fromStdString(regionCode);
            QStringList inputs;
            for (int t = 0; t <= PhoneNumberUtil::VOICEMAIL; ++t) {
                PhoneNumber example;
                if (!util.GetExampleNumberForType(regionCode, PhoneNumberUtil::PhoneNumberType(t), &example))
                    continue;
                std::string formatted;
                util.Format(example, PhoneNumberUtil::NATIONAL, &formatted);
                std::string nsnText;
                util.GetNationalSignificantNumber(example, &nsnText);
                std::string nddText;
                util.GetNddPrefixForRegion(regionCode, true, &nddText);
                const QString national = QString::fromStdString(formatted);
                const QString nsn = QString::fromStdString(nsnText);
                const QString ndd = QString::fromStdString(nddText);
                const QString cc = QString::number(example.country_code());
                inputs << national << QString(national).replace(' ', '-') << ndd + nsn << ndd + " " + nsn
                       << "(" + ndd + nsn.left(2) + ") " + nsn.mid(2) << ndd + nsn.left(3) + "/" + nsn.mid(3)
                       << ndd + ndd + nsn << nsn << ndd + nsn.left(nsn.size() - 1) << ndd + nsn + "5"
                       << "00" + cc + nsn << ndd + cc + nsn << " " + national + " ";
                for (int k = 0; k < 6; ++k) {
                    QString digits = nsn;
                    for (int i = qMax(1, int(digits.size()) - 6); i < digits.size(); ++i)
                        digits[i] = QChar(u'0' + random.bounded(10));
                    inputs << ndd + " " + digits;
                }
            }
            QTest::newRow(qPrintable(region)) << region << inputs;
        }
        QTest::newRow("DE hand-written") << QStringLiteral("DE") << QStringList{
            "030 20000005", "(030) 2000-0005", "030/20000005", "030-2000-0005", "0 30 2000 0005", "(030)20000005",
            "(030 2000 0005", "030) 2000 0005", "030  2000 0005", "030 2000 0005-", "0049 30 20000005",
            "04930 20000005", "0171 1000005", "015112345678", "0800 1234567", "0", "00", "030", "(0)30 1234567",
            "030 2000 0005 x12", "03０ 20000005"};
    }

    void phoneNationalFastPathAgreesWithParse()
    {
        QFETCH(QString, region);
        QFETCH(QStringList, inputs);
        const PhoneNumberNormalizer normalizer(region);
        int fastHits = 0;
        for (const QString &input : std::as_const(inputs)) {
            QString parseError;
            const QString parsed = normalizer.normalizeWithParse(input, &parseError);
            const QString fast = SimplePhoneParser::national(input, region);
            if (!fast.isEmpty()) {
                ++fastHits;
                QVERIFY2(fast == parsed, qPrintable(input + ": fast " + fast + ", Parse " + parsed + " " + parseError));
            }
            QString error;
            QCOMPARE(normalizer.normalize(input, &error), parsed);
            QCOMPARE(error, parseError);
        }
        if (region == QLatin1String("DE") || region == QLatin1String("FR") || region == QLatin1String("GB"))
            QVERIFY(fastHits > 0);   // the fast path is taken at all
    }

    void systemRegionIsARegion()
    {
        // The locale's territory, as libphonenumber names it...
        QCOMPARE(PhoneNumberNormalizer::regionOf(QLocale(QStringLiteral("de_CH"))), QStringLiteral("CH"));
        QCOMPARE(PhoneNumberNormalizer::regionOf(QLocale(QStringLiteral("fr_BE"))), QStringLiteral("BE"));
        QCOMPARE(PhoneNumberNormalizer::regionOf(QLocale(QStringLiteral("en_GB"))), QStringLiteral("GB"));
        // ...and US where the locale names no such region.
        QCOMPARE(PhoneNumberNormalizer::regionOf(QLocale::c()), QStringLiteral("US"));
        QCOMPARE(PhoneNumberNormalizer::regionOf(QLocale(QLocale::Spanish, QLocale::LatinAmerica)), QStringLiteral("US"));
        QCOMPARE(PhoneNumberNormalizer::systemRegion(), PhoneNumberNormalizer::regionOf(QLocale::system()));
    }

    void dates_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("valid");

        QTest::newRow("not given") << QDate() << true;
        QTest::newRow("ordinary") << QDate(1985, 6, 30) << true;
        QTest::newRow("first allowed") << QDate(1900, 1, 1) << true;
        QTest::newRow("today") << QDate::currentDate() << true;
        QTest::newRow("1899") << QDate(1899, 12, 31) << false;
        QTest::newRow("tomorrow") << QDate::currentDate().addDays(1) << false;
        QTest::newRow("far future") << QDate(2999, 1, 1) << false;
    }
    void dates()
    {
        QFETCH(QDate, date);
        QFETCH(bool, valid);
        EmployeeProfile profile;
        profile.dateOfBirth = date;
        checkSingleError(EmployeeValidator(QStringLiteral("US")).validate(profile),
                         valid ? QString() : QStringLiteral("date_of_birth"));
        QCOMPARE(profile.dateOfBirth, date);   // validation never alters a date
    }

    void profileLimits_data()
    {
        QTest::addColumn<int>("addressLength");
        QTest::addColumn<int>("bioLength");
        QTest::addColumn<QString>("errorField");

        QTest::newRow("empty") << 0 << 0 << "";
        QTest::newRow("at the limits") << 500 << 5000 << "";
        QTest::newRow("address too long") << 501 << 10 << "address";
        QTest::newRow("bio too long") << 10 << 5001 << "bio";
    }
    void profileLimits()
    {
        QFETCH(int, addressLength);
        QFETCH(int, bioLength);
        QFETCH(QString, errorField);
        EmployeeProfile profile;
        profile.address = QString(addressLength, u'a');
        profile.bio = QString(bioLength, u'b');
        profile.gender = Gender::Other;
        checkSingleError(EmployeeValidator(QStringLiteral("US")).validate(profile), errorField);
    }

    void severalErrorsAtOnce()
    {
        Employee e;
        e.email = QStringLiteral("nope");
        e.phone = QStringLiteral("12");
        const FieldErrors errors = EmployeeValidator(QStringLiteral("US")).validate(e);
        QStringList fields;
        for (const FieldError &error : errors)
            fields << error.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("first_name"), QStringLiteral("last_name"),
                                      QStringLiteral("email"), QStringLiteral("phone")}));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"

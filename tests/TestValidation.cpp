#include "EmployeeValidator.h"
#include "PhoneNumberNormalizer.h"

#include <QTest>

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

    void systemRegionIsARegion()
    {
        const QString region = PhoneNumberNormalizer::systemRegion();
        QCOMPARE(region.size(), 2);
        QVERIFY(region.at(0).isUpper() && region.at(1).isUpper());
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

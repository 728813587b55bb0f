// Issue 4, translations: the embedded .qm files, the LanguageLoader (our
// strings, Qt's own qtbase_<lang>.qm, the default locale), the main window
// started in German and in French, English plural forms, View > Language,
// and `employee-records --help` translated from the environment
// (LANG/LC_ALL and EMPLOYEE_RECORDS_LANGUAGE).
// The completeness of the .ts files is the ctest TranslationsComplete.
#include "store/EmployeeStore.h"
#include "language/LanguageMenu.h"
#include "mainwindow/MainWindow.h"
#include "translations/ShippedTranslations.h"
#include "TestDatabase.h"
#include "translations/LanguageLoader.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

namespace {

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles.append(action->text());
    return titles;
}

bool hasActionText(const QWidget &widget, const QString &text)
{
    const QList<QAction *> actions = widget.findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->text() == text)
            return true;
    }
    return false;
}

QString qtCancelText()
{
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    return box.button(QDialogButtonBox::Cancel)->text();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void translationsAreEmbedded();
    void resolveMapsToShippedLanguages();
    void loaderPrefersEnvironmentThenSettings();
    void mainWindowInGerman();
    void mainWindowInFrench();
    void englishPluralForms();
    void languageMenuStoresTheChoice();
    void helpIsTranslated_data();
    void helpIsTranslated();

private:
    std::unique_ptr<MainWindow> startWindow(const QString &language);
    Run runBinary(const QStringList &arguments, const QMap<QString, QString> &environment);

    QTemporaryDir m_config;
    std::unique_ptr<LanguageLoader> m_loader;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<EmployeeStore> m_store;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Never touch the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QSettings().clear();
    qunsetenv(LanguageLoader::EnvironmentVariable);
    m_loader = std::make_unique<LanguageLoader>(QCoreApplication::instance());
}

void TestTranslations::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_loader->load(QStringLiteral("en"));
    QSettings().clear();
    qunsetenv(LanguageLoader::EnvironmentVariable);
}

std::unique_ptr<MainWindow> TestTranslations::startWindow(const QString &language)
{
    if (m_loader->load(language) != language)
        return nullptr;
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->isOpen())
        return nullptr;
    m_store = std::make_unique<EmployeeStore>(m_db->db());
    auto window = std::make_unique<MainWindow>(m_store.get(), QStringLiteral("test.sqlite"));
    LanguageMenu::attachTo(window->viewMenu());
    window->show();
    return window;
}

void TestTranslations::translationsAreEmbedded()
{
    QCOMPARE(ShippedTranslations::languages(),
             (QStringList{QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("fr")}));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/employee-records_de.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/employee-records_fr.qm")));
}

void TestTranslations::resolveMapsToShippedLanguages()
{
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("de_AT")), QStringLiteral("de"));
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("fr-CH")), QStringLiteral("fr"));
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("FR_fr.UTF-8")), QStringLiteral("fr"));
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("es")), QStringLiteral("en"));
    QCOMPARE(LanguageLoader::resolve(QStringLiteral("en_GB")), QStringLiteral("en"));
    QVERIFY(LanguageLoader::supportedLanguages().contains(LanguageLoader::resolve(QString())));
}

void TestTranslations::loaderPrefersEnvironmentThenSettings()
{
    QCOMPARE(LanguageLoader::configuredLanguage(), QString());
    LanguageLoader::saveLanguage(QStringLiteral("fr"));
    QCOMPARE(LanguageLoader::savedLanguage(), QStringLiteral("fr"));
    QCOMPARE(m_loader->load(), QStringLiteral("fr"));
    QCOMPARE(QLocale().language(), QLocale::French);
    qputenv(LanguageLoader::EnvironmentVariable, "de");
    QCOMPARE(LanguageLoader::configuredLanguage(), QStringLiteral("de"));
    QCOMPARE(m_loader->load(), QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    qunsetenv(LanguageLoader::EnvironmentVariable);
    LanguageLoader::saveLanguage(QString());
    QVERIFY(!QSettings().contains(QLatin1String(LanguageLoader::SettingsKey)));
}

void TestTranslations::mainWindowInGerman()
{
    auto window = startWindow(QStringLiteral("de"));
    QVERIFY(window);
    const QStringList titles = menuTitles(*window);
    QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(QLatin1Char(' '))));
    QVERIFY(titles.contains(QStringLiteral("&Bearbeiten")));
    QVERIFY(titles.contains(QStringLiteral("&Ansicht")));
    QVERIFY(titles.contains(QStringLiteral("&Hilfe")));
    QVERIFY(hasActionText(*window, QStringLiteral("&Neuer Mitarbeiter")));
    QVERIFY(hasActionText(*window, QStringLiteral("CSV &importieren…")));
    auto *languageMenu = window->viewMenu()->findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(languageMenu);
    QCOMPARE(languageMenu->title(), QStringLiteral("S&prache"));
    // Plurals, Qt's own strings and the locale.
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n employee(s)", nullptr, 1), QStringLiteral("1 Mitarbeiter"));
    QCOMPARE(QCoreApplication::translate("HeadlessRunner", "%n row(s) rejected.", nullptr, 3),
             QStringLiteral("3 Zeilen abgelehnt."));
    QCOMPARE(qtCancelText(), QStringLiteral("Abbrechen"));
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
}

void TestTranslations::mainWindowInFrench()
{
    auto window = startWindow(QStringLiteral("fr"));
    QVERIFY(window);
    const QStringList titles = menuTitles(*window);
    QVERIFY2(titles.contains(QStringLiteral("&Fichier")), qPrintable(titles.join(QLatin1Char(' '))));
    QVERIFY(titles.contains(QStringLiteral("&Aide")));
    QVERIFY(hasActionText(*window, QStringLiteral("&Nouvel employé")));
    QVERIFY(hasActionText(*window, QStringLiteral("&Quitter")));
    auto *languageMenu = window->viewMenu()->findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(languageMenu);
    QCOMPARE(languageMenu->title(), QStringLiteral("&Langue"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n employee(s)", nullptr, 1), QStringLiteral("1 employé"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n employee(s)", nullptr, 2), QStringLiteral("2 employés"));
    QCOMPARE(qtCancelText(), QStringLiteral("Annuler"));
    QCOMPARE(QLocale().language(), QLocale::French);
}

void TestTranslations::englishPluralForms()
{
    QCOMPARE(m_loader->load(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n employee(s)", nullptr, 1), QStringLiteral("1 employee"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n employee(s)", nullptr, 2), QStringLiteral("2 employees"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n match(es)", nullptr, 1), QStringLiteral("1 match"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "%n match(es)", nullptr, 5), QStringLiteral("5 matches"));
    // Everything else stays the source text.
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslations::languageMenuStoresTheChoice()
{
    auto window = startWindow(QStringLiteral("en"));
    QVERIFY(window);
    auto *menu = window->viewMenu()->findChild<LanguageMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 5);   // System Default, separator, English, Deutsch, Français
    QVERIFY(menu->actionFor(QString())->isChecked());
    QVERIFY(menu->actionFor(QStringLiteral("fr")));

    // The "applies after restart" message box: answer it.
    QString seen;
    QTimer::singleShot(0, [&seen] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        seen = box->text();
        box->accept();
    });
    menu->actionFor(QStringLiteral("de"))->trigger();
    QVERIFY2(seen.contains(QStringLiteral("next time")), qPrintable(seen));
    QVERIFY(menu->actionFor(QStringLiteral("de"))->isChecked());
    QVERIFY(!menu->actionFor(QString())->isChecked());
    QCOMPARE(QSettings().value(QLatin1String(LanguageLoader::SettingsKey)).toString(), QStringLiteral("de"));
    QCOMPARE(LanguageLoader::configuredLanguage(), QStringLiteral("de"));
}

Run TestTranslations::runBinary(const QStringList &arguments, const QMap<QString, QString> &environment)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {QStringLiteral("LANGUAGE"), QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"),
                                QStringLiteral("LANG"), QString::fromLatin1(LanguageLoader::EnvironmentVariable)})
        env.remove(name);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());   // no saved language
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ER_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestTranslations::helpIsTranslated_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("ours");      // from employee-records_<lang>.qm
    QTest::addColumn<QString>("qt");        // from qtbase_<lang>.qm
    QTest::newRow("LANG=de_DE") << "LANG" << "de_DE.UTF-8" << "Mitarbeiter aus der CSV-Datei" << "Aufruf:";
    QTest::newRow("LC_ALL=de_DE") << "LC_ALL" << "de_DE.UTF-8" << "Mitarbeiter aus der CSV-Datei" << "Aufruf:";
    QTest::newRow("LANG=fr_FR") << "LANG" << "fr_FR.UTF-8" << "Importer les employés" << "Utilisation";
    QTest::newRow("EMPLOYEE_RECORDS_LANGUAGE=de") << LanguageLoader::EnvironmentVariable << "de"
                                                  << "Mitarbeiter aus der CSV-Datei" << "Aufruf:";
    QTest::newRow("EMPLOYEE_RECORDS_LANGUAGE=fr") << LanguageLoader::EnvironmentVariable << "fr"
                                                  << "Importer les employés" << "Utilisation";
    QTest::newRow("LANG=C") << "LANG" << "C" << "Import employees from the CSV file" << "Usage:";
}

void TestTranslations::helpIsTranslated()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, ours);
    QFETCH(QString, qt);
    QMap<QString, QString> environment{{variable, value}};
    if (variable == QLatin1String("LC_ALL"))
        environment.insert(QStringLiteral("LANG"), value);
    const Run run = runBinary({QStringLiteral("--help")}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(ours), qPrintable(run.out));
    QVERIFY2(run.out.contains(qt), qPrintable(run.out));
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"

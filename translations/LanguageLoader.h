#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

class QTranslator;

// Installs the user interface language (issue 4): our own translation
// (:/i18n/employee-records_<lang>.qm, embedded by translations/) and Qt's
// (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, so standard dialogs,
// buttons and --help are translated too), and makes the language's locale
// the default so dates and numbers are written the way the user expects.
//
// Which language, first match wins:
//   1. the environment variable EMPLOYEE_RECORDS_LANGUAGE ("en", "de", "fr";
//      for tests and scripts),
//   2. the QSettings key "ui/language" ("en", "de", "fr"; "" or absent:
//      system default), set from View > Language,
//   3. the system: QLocale::system().uiLanguages() (on Linux from LANGUAGE,
//      LC_ALL, LC_MESSAGES, LANG), the first language we ship,
//   4. English.
//
// Call load() right after the QCoreApplication/QApplication exists and
// before the command line is parsed.
class LanguageLoader
{
    Q_DECLARE_TR_FUNCTIONS(LanguageLoader)
public:
    static const char *const SettingsKey;           // "ui/language"
    static const char *const EnvironmentVariable;   // "EMPLOYEE_RECORDS_LANGUAGE"

    explicit LanguageLoader(QCoreApplication *application);
    ~LanguageLoader();
    LanguageLoader(const LanguageLoader &) = delete;
    LanguageLoader &operator=(const LanguageLoader &) = delete;

    // Loads the configured language (environment, settings, system). Returns
    // the language now in use ("en", "de", "fr").
    QString load();
    // Loads `language` ("de", "fr", "en", also "de_AT" or "fr-CH"); empty:
    // the system's. Replaces whatever this loader installed before.
    QString load(const QString &language);

    QString language() const { return m_language; }
    QLocale locale() const { return m_locale; }

    // The languages the application ships, "en" first.
    static QStringList supportedLanguages();
    // The language as configured: environment variable, else settings; ""
    // means follow the system.
    static QString configuredLanguage();
    // The settings value only ("" = system default).
    static QString savedLanguage();
    static void saveLanguage(const QString &language);
    // The supported language for `requested` ("de_AT" -> "de"; "" -> the
    // system's preference; anything unsupported -> "en").
    static QString resolve(const QString &requested);

private:
    void unload();

    QCoreApplication *m_application;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
    QString m_language;
    QLocale m_locale;
};

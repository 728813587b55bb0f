#include "translations/LanguageLoader.h"

#include "translations/ShippedTranslations.h"

#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

const char *const LanguageLoader::SettingsKey = "ui/language";
const char *const LanguageLoader::EnvironmentVariable = "EMPLOYEE_RECORDS_LANGUAGE";

namespace {

// "de_AT", "de-AT", "DE" -> "de"
QString languageCode(const QString &name)
{
    QString code = name.trimmed().toLower();
    const qsizetype cut = code.indexOf(QRegularExpression(QStringLiteral("[-_.@]")));
    if (cut >= 0)
        code.truncate(cut);
    return code;
}

} // namespace

LanguageLoader::LanguageLoader(QCoreApplication *application)
    : m_application(application)
{
}

LanguageLoader::~LanguageLoader()
{
    unload();
}

QStringList LanguageLoader::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString LanguageLoader::configuredLanguage()
{
    const QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable).trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return savedLanguage();
}

QString LanguageLoader::savedLanguage()
{
    return QSettings().value(QLatin1String(SettingsKey)).toString().trimmed();
}

void LanguageLoader::saveLanguage(const QString &language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(QLatin1String(SettingsKey));
    else
        settings.setValue(QLatin1String(SettingsKey), language);
}

QString LanguageLoader::resolve(const QString &requested)
{
    const QStringList supported = supportedLanguages();
    if (!requested.trimmed().isEmpty()) {
        const QString code = languageCode(requested);
        return supported.contains(code) ? code : QStringLiteral("en");
    }
    // The system's preferences in order ("de-CH", "de", "en-US", ...): the
    // first one we ship wins.
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &name : preferred) {
        const QString code = languageCode(name);
        if (supported.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString LanguageLoader::load()
{
    return load(configuredLanguage());
}

QString LanguageLoader::load(const QString &requested)
{
    unload();
    m_language = resolve(requested);

    // Dates and numbers: the system's own locale when it speaks the chosen
    // language (keeps de_CH or fr_CA formats), else the language's main locale.
    const QLocale system = QLocale::system();
    const QLocale chosen(m_language);
    m_locale = system.language() == chosen.language() ? system : chosen;
    QLocale::setDefault(m_locale);

    // Ours: German and French complete; English holds only the plural forms.
    auto *app = new QTranslator(m_application);
    if (app->load(ShippedTranslations::qmFile(m_language))) {
        QCoreApplication::installTranslator(app);
        m_appTranslator = app;
    } else {
        delete app;
    }
    // Qt's own (none for English).
    auto *qt = new QTranslator(m_application);
    if (qt->load(QStringLiteral("qtbase_") + m_language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_qtTranslator = qt;
    } else {
        delete qt;
    }
    return m_language;
}

void LanguageLoader::unload()
{
    for (QTranslator **translator : {&m_appTranslator, &m_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

#pragma once

#include <QString>
#include <QStringList>

// The application's own translations embedded under :/i18n by
// translations/CMakeLists.txt (qt_add_translations).
class ShippedTranslations
{
public:
    // The resource directory, ":/i18n".
    static QString resourceDirectory();
    // The .qm file for a language ("de", "fr", "en"): ":/i18n/employee-records_de.qm".
    static QString qmFile(const QString &language);
    // The languages with an embedded .qm file, sorted ("de", "en", "fr").
    static QStringList languages();
};

#include "translations/ShippedTranslations.h"

#include <QDir>

namespace {
const QLatin1String kPrefix("employee-records_");
const QLatin1String kSuffix(".qm");
} // namespace

QString ShippedTranslations::resourceDirectory()
{
    return QStringLiteral(":/i18n");
}

QString ShippedTranslations::qmFile(const QString &language)
{
    return resourceDirectory() + QLatin1Char('/') + kPrefix + language + kSuffix;
}

QStringList ShippedTranslations::languages()
{
    QStringList result;
    const QStringList files = QDir(resourceDirectory()).entryList({kPrefix + QLatin1String("*") + kSuffix},
                                                                  QDir::Files, QDir::Name);
    for (const QString &file : files)
        result.append(file.mid(kPrefix.size(), file.size() - kPrefix.size() - kSuffix.size()));
    return result;
}

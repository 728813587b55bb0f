#include "csv/ExportFormat.h"

#include <QFileInfo>

namespace {
struct Named
{
    ExportFormat format;
    const char *name;
};
constexpr Named Names[] = {
    {ExportFormat::Csv, "csv"}, {ExportFormat::ExcelCsv, "excel-csv"}, {ExportFormat::Xlsx, "xlsx"}};
} // namespace

QStringList ExportFormats::names()
{
    QStringList names;
    for (const Named &named : Names)
        names << QLatin1String(named.name);
    return names;
}

std::optional<ExportFormat> ExportFormats::forName(const QString &name)
{
    for (const Named &named : Names) {
        if (name.compare(QLatin1String(named.name), Qt::CaseInsensitive) == 0)
            return named.format;
    }
    return std::nullopt;
}

QString ExportFormats::name(ExportFormat format)
{
    for (const Named &named : Names) {
        if (named.format == format)
            return QLatin1String(named.name);
    }
    return {};
}

ExportFormat ExportFormats::forPath(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0
        ? ExportFormat::Xlsx
        : ExportFormat::Csv;
}

QString ExportFormats::suffix(ExportFormat format)
{
    return format == ExportFormat::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

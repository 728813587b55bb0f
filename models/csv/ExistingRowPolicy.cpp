#include "csv/ExistingRowPolicy.h"

namespace ExistingRowPolicy {

std::optional<Mode> modeForName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("reject"))
        return Mode::Reject;
    if (key == QLatin1String("skip"))
        return Mode::Skip;
    if (key == QLatin1String("update"))
        return Mode::Update;
    return std::nullopt;
}

QString name(Mode mode)
{
    switch (mode) {
    case Mode::Skip:
        return QStringLiteral("skip");
    case Mode::Update:
        return QStringLiteral("update");
    case Mode::Reject:
        break;
    }
    return QStringLiteral("reject");
}

} // namespace ExistingRowPolicy

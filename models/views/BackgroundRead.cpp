#include "views/BackgroundRead.h"

QString BackgroundRead::nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("er_window_bg_%1").arg(++counter);
}

#pragma once

#include <QIcon>
#include <QString>

// Icons from the freedesktop theme where the desktop has one, with the SVGs
// shipped in resources/icons/actions/ as the fallback (and on platforms with
// no icon theme at all).
class IconProvider
{
public:
    // `themeName` is a freedesktop icon name (document-new, edit-delete...);
    // the fallback is :/icons/actions/<themeName>.svg when it exists.
    static QIcon icon(const QString &themeName);
    static QIcon applicationIcon();
};

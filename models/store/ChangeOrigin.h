#pragma once

#include <QString>

// Where a write comes from, as the history shows it: the window, the command
// line, or an import (with its file's name).
struct ChangeOrigin
{
    static constexpr const char *Window = "window";
    static constexpr const char *CommandLine = "command line";
    static constexpr const char *Import = "import";
    static constexpr const char *Purge = "purge";   // erasing the archived (data protection)

    QString source = QString::fromLatin1(Window);
    QString detail;   // an import's file name; "" otherwise
};

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
    // A person's data exported (GDPR Art. 15); the detail says from where (window, command line).
    static constexpr const char *Export = "export";

    QString source = QString::fromLatin1(Window);
    QString detail;   // an import's file name, an export's origin; "" otherwise
};

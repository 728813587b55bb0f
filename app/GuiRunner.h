#pragma once

#include "CommandLine.h"

#include <QCoreApplication>

// Opens the database the user asked for (or the last one, or the default)
// and shows the main window; a database that cannot be opened is explained
// in a dialog instead of ending the program.
class GuiRunner
{
    Q_DECLARE_TR_FUNCTIONS(GuiRunner)
public:
    static int run(const CommandLineOptions &options);
};

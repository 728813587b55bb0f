#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <utility>

// The fuzz target's seed corpus: files as spreadsheets and other systems
// write them (UTF-8, UTF-8 and UTF-16 with a BOM, a Windows-1252 German ';'
// file, quoted newlines and delimiters, CRLF, dates and genders in each
// style), named for the corpus directory.
QList<std::pair<QString, QByteArray>> csvSeeds();

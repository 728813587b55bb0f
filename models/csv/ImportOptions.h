#pragma once

#include "csv/DateOrder.h"
#include "csv/ExistingRowPolicy.h"
#include "csv/TextDecoder.h"

#include <QChar>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

// What the user says about a file instead of letting the importer find out
// (the command line's --encoding, --delimiter, --map, --date-order, --existing,
// --dry-run, --rejected-rows and --create-teams).
struct ImportOptions
{
    std::optional<TextDecoder::Encoding> encoding; // else from the BOM, UTF-8 or detected
    QChar delimiter; // null: sniffed among , ; TAB |
    QList<std::pair<QString, QString>> columnMap; // header -> field name, before the aliases
    std::optional<DateOrder::Order> dateOrder; // for date columns whose values leave it open
    ExistingRowPolicy::Mode existing = ExistingRowPolicy::Mode::Reject; // --existing
    bool dryRun = false; // --dry-run: the whole import, then rolled back
    bool keepRejectedRows = false; // --rejected-rows: the report keeps each refused row's fields
    bool createTeams = false; // --create-teams, the import dialog's checkbox: a team no one has (in any case) is created, else the row is refused
};

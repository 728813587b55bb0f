#pragma once

#include <QString>
#include <optional>

// What an import does with a row whose normalized email an employee already
// has (the command line's --existing): refuse it as a duplicate (the
// default, the fast path), skip it, or update that employee with the
// file's columns.
namespace ExistingRowPolicy {
enum class Mode { Reject, Skip, Update };

// "reject", "skip" or "update" (any case); nullopt for anything else.
std::optional<Mode> modeForName(const QString &name);
QString name(Mode mode);
} // namespace ExistingRowPolicy

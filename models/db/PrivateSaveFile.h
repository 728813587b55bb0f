#pragma once

#include <QSaveFile>

// Opens `file` for writing, owner-only (0600) whatever the umask: what the
// exports and the refused rows hold is personal data. QSaveFile writes a
// temporary beside the target and renames it on commit(), which keeps the
// temporary's mode, so an interrupted write never leaves half a file in place
// of a good one. False (file.errorString() says why) if it cannot be opened.
bool openPrivately(QSaveFile &file);

#pragma once

#include <QChar>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What an import did. Rejected rows never stop the import; a fatal error
// (unreadable file, bad header, broken CSV, database failure) or a cancel
// means nothing was imported at all.
struct ImportReport
{
    // A refused row as the file wrote it (kept only when asked for: --rejected-rows).
    struct RejectedRow
    {
        qint64 line = 0;
        QStringList fields;
        QString reason;
    };
    // One row's fate, for a list of them (the import dialog's Test); kept only
    // when asked for (CsvImporter::setKeepRowOutcomes), so a plain import pays nothing.
    struct RowOutcome
    {
        enum Kind { Added, Updated, Unchanged, Skipped, Refused };
        qint64 line = 0;
        Kind kind = Added;
        QString reason; // why it was refused
    };

    int accepted = 0; // rows added
    int updated = 0; // --existing update: employees changed
    int unchanged = 0; // --existing update: rows that matched an employee and changed nothing
    int skipped = 0; // --existing skip: rows whose email an employee has
    int rejected = 0;
    QStringList problems; // "line 12: email: Email is not a valid address", in file order
    QStringList notes; // what was read differently from a plain file: columns ignored, encoding guessed
    bool cancelled = false;
    QString fatalError; // header/encoding/file errors: nothing imported
    qint64 changeSetId = 0; // the history's change set of a committed import (what its rows name)
    int archived = 0; // of the accepted rows, those left_on put back into the archive
    QString encoding; // as read: "UTF-8", "Windows-1252", …
    QChar delimiter; // as read
    bool dryRun = false; // rolled back: the counts say what would have happened
    QStringList header; // the file's header as written (for the rejected rows' file)
    QList<RejectedRow> rejectedRows; // with ImportOptions::keepRejectedRows, in file order
    QStringList createdTeams; // ImportOptions::createTeams: the teams this import created (a dry run: would create)
    QList<RowOutcome> rowOutcomes; // with CsvImporter::setKeepRowOutcomes(true), in file order

    bool ok() const { return fatalError.isEmpty() && !cancelled; }
};
Q_DECLARE_METATYPE(ImportReport)

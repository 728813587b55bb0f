#pragma once

#include <QChar>
#include <QStringView>

// Which of , ; TAB | separates the fields, from the header and the first
// rows: the candidate that occurs outside quotes equally often on every line
// read (and at least once), the most often; ties go in that order, so a
// one-column file stays comma-separated. A German spreadsheet's ';' wins over
// the ',' inside its quoted addresses because only ';' is counted outside quotes.
class DelimiterSniffer
{
public:
    static constexpr int LinesRead = 20;
    static constexpr char16_t Candidates[] = {u',', u';', u'\t', u'|'};

    // `text` is the decoded start of the file; `wholeFile` says whether its
    // last line is complete.
    static QChar sniff(QStringView text, bool wholeFile);
};

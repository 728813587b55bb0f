#include "csv/DelimiterSniffer.h"

#include <array>
#include <vector>

namespace {

constexpr int CandidateCount = int(std::size(DelimiterSniffer::Candidates));
using Counts = std::array<int, CandidateCount>;

// Counts each candidate outside quotes, record by record (a quoted line break
// does not end a record).
std::vector<Counts> countPerRecord(QStringView text, bool wholeFile)
{
    std::vector<Counts> records;
    Counts counts{};
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size() && int(records.size()) < DelimiterSniffer::LinesRead; ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            quoted = !quoted; // a doubled quote toggles twice
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (any)
                records.push_back(counts);
            counts = {};
            any = false;
            continue;
        } else if (!quoted) {
            for (int k = 0; k < CandidateCount; ++k)
                counts[k] += c == DelimiterSniffer::Candidates[k];
        }
        any = true;
    }
    // A last line without a line break counts only when nothing follows it.
    if (any && wholeFile && !quoted && int(records.size()) < DelimiterSniffer::LinesRead)
        records.push_back(counts);
    return records;
}

} // namespace

QChar DelimiterSniffer::sniff(QStringView text, bool wholeFile)
{
    const std::vector<Counts> records = countPerRecord(text, wholeFile);
    if (records.empty())
        return QChar(Candidates[0]);
    int best = -1;
    bool bestConsistent = false;
    for (int k = 0; k < CandidateCount; ++k) {
        const int inHeader = records.front()[k];
        if (inHeader == 0)
            continue;
        bool consistent = true;
        for (const Counts &counts : records)
            consistent = consistent && counts[k] == inHeader;
        // Consistent beats inconsistent; then more fields beat fewer.
        if (best < 0 || (consistent && !bestConsistent)
            || (consistent == bestConsistent && inHeader > records.front()[best])) {
            best = k;
            bestConsistent = consistent;
        }
    }
    return QChar(best < 0 ? Candidates[0] : Candidates[best]);
}

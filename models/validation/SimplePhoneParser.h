#pragma once

#include <QString>

// The fast path of PhoneNumberNormalizer. Import validation would spend
// most of its time in libphonenumber's Parse() (~8 us a number, all ICU
// regular expressions), yet most numbers are written simply. For those this
// builds the PhoneNumber Parse() would build and only checks it is valid.
// It never disagrees with Parse(): where it cannot tell, it answers "" and
// the normalizer asks Parse() (tests/validation compares both on every
// region's example numbers).
class SimplePhoneParser
{
public:
    // E.164 of '+' <digits> with single spaces, hyphens or dots between
    // digits ("+49 30 1234-5678"), or "".
    static QString international(const QString &input);
    // E.164 of a number written nationally in `region` ("030 1234 5678",
    // "(030) 1234-5678" in DE): digit groups after the national prefix, or "".
    static QString national(const QString &input, const QString &region);
};

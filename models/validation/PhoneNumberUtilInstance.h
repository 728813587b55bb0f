#pragma once

#include <phonenumbers/phonenumberutil.h>

// libphonenumber's PhoneNumberUtil, for this layer's sources only.
// GetInstance() is a thread-safe singleton; caching the pointer saves the
// lookup on every one of the million numbers an import validates.
inline const i18n::phonenumbers::PhoneNumberUtil &phoneNumberUtil()
{
    static const i18n::phonenumbers::PhoneNumberUtil *instance = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    return *instance;
}

#include "db/PrivateSaveFile.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

bool openPrivately(QSaveFile &file)
{
    if (!file.open(QIODevice::WriteOnly))
        return false;
#ifdef Q_OS_UNIX
    ::fchmod(file.handle(), S_IRUSR | S_IWUSR);
#endif
    return true;
}

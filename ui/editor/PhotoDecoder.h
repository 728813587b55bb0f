#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

// Turns a file the user chose into the bytes a profile stores, trusting
// nothing about it: only JPEG and PNG, recognised by their first bytes (not
// the name: an SVG or a script renamed .jpg is refused), decoded with that
// explicit format under an allocation limit, refused when its header claims
// huge dimensions, and re-encoded, so nothing of the file but its pixels is
// kept (no EXIF location, no comments).
class PhotoDecoder
{
    Q_DECLARE_TR_FUNCTIONS(PhotoDecoder)
public:
    static constexpr int MaxSide = 512;                        // stored size
    static constexpr qint64 MaxFileBytes = 20 * 1024 * 1024;
    static constexpr int MaxSourceSide = 12000;
    static constexpr int AllocationLimitMb = 256;              // QImageReader's decoding budget

    struct Result
    {
        QByteArray bytes;   // PNG (with transparency) or JPEG; empty on error
        QString error;      // for the user, naming the file
        bool ok() const { return error.isEmpty(); }
    };

    static Result fromFile(const QString &path);
    static QByteArray encode(const QImage &image);

private:
    static QByteArray formatOf(const QByteArray &head);   // "png", "jpeg" or empty
};

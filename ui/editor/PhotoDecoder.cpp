#include "editor/PhotoDecoder.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QPainter>

QByteArray PhotoDecoder::formatOf(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QByteArrayLiteral("png");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("jpeg");
    return {};
}

PhotoDecoder::Result PhotoDecoder::fromFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return {{}, tr("“%1” cannot be read.").arg(name)};
    if (file.size() > MaxFileBytes)
        return {{}, tr("“%1” is too large (%2); choose an image of at most %3.")
                        .arg(name, QLocale().formattedDataSize(file.size()), QLocale().formattedDataSize(MaxFileBytes))};
    QByteArray data = file.readAll();
    const QByteArray format = formatOf(data.left(8));
    if (format.isEmpty())
        return {{}, tr("“%1” is not a JPEG or PNG image.").arg(name)};

    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);   // the camera's orientation, applied to the pixels
    QImageReader::setAllocationLimit(AllocationLimitMb);
    const QSize size = reader.size();
    if (!size.isValid())
        return {{}, tr("“%1” could not be decoded: %2").arg(name, reader.errorString())};
    if (size.width() > MaxSourceSide || size.height() > MaxSourceSide)
        return {{}, tr("“%1” is too large (%2 × %3 pixels); choose an image of at most %4 pixels per side.")
                        .arg(name)
                        .arg(size.width())
                        .arg(size.height())
                        .arg(MaxSourceSide)};
    QImage image = reader.read();
    if (image.isNull())
        return {{}, tr("“%1” could not be decoded: %2").arg(name, reader.errorString())};
    if (image.width() > MaxSide || image.height() > MaxSide)
        image = image.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return {encode(image), {}};
}

QByteArray PhotoDecoder::encode(const QImage &image)
{
    // Only the pixels: QImage carries the file's text chunks and JPEG
    // comments along (a copy or a conversion keeps them), so the pixels are
    // painted into a new image before encoding.
    const bool alpha = image.hasAlphaChannel();
    QImage pixels(image.size(), alpha ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    pixels.fill(Qt::transparent);
    {
        QPainter painter(&pixels);
        painter.drawImage(0, 0, image);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (alpha)
        pixels.save(&buffer, "PNG");
    else
        pixels.save(&buffer, "JPEG", 88);
    return bytes;
}

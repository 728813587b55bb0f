#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPushButton;

// The profile's photo: a preview, Choose… and Remove. A chosen file is
// decoded, scaled to at most MaxSide pixels and stored re-encoded (PNG when
// it has transparency, JPEG otherwise), which also drops its metadata. A
// file that is not an image, or too large, gets a message under the preview
// and leaves the current photo alone.
class PhotoField : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QByteArray photo READ photo WRITE setPhoto NOTIFY photoChanged USER true)
public:
    static constexpr int MaxSide = 512;
    static constexpr qint64 MaxFileBytes = 20 * 1024 * 1024;
    static constexpr int MaxSourceSide = 12000;

    explicit PhotoField(QWidget *parent = nullptr);

    QByteArray photo() const { return m_photo; }
    void setPhoto(const QByteArray &bytes);
    QString errorText() const;

    // Loads, scales and encodes `path`; on failure shows (and returns false
    // with) the reason and keeps the current photo.
    bool loadFromFile(const QString &path);
    // The encoded bytes for an image: PNG if it has alpha, JPEG otherwise.
    static QByteArray encode(const QImage &image);

public slots:
    void choose();
    void remove();

signals:
    void photoChanged();

private:
    void showError(const QString &message);
    void updatePreview();

    QByteArray m_photo;
    QLabel *m_preview;
    QLabel *m_error;
    QPushButton *m_choose;
    QPushButton *m_remove;
};

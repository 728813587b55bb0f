#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPushButton;

// The profile's photo: a preview, Choose… and Remove. A chosen file goes
// through PhotoDecoder (JPEG or PNG only, by content; size limits; re-encoded,
// so no metadata is kept). A file it refuses gets a message under the preview
// and leaves the current photo alone.
class PhotoField : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QByteArray photo READ photo WRITE setPhoto NOTIFY photoChanged USER true)
public:
    explicit PhotoField(QWidget *parent = nullptr);

    QByteArray photo() const { return m_photo; }
    void setPhoto(const QByteArray &bytes);
    QString errorText() const;

    // Loads, scales and encodes `path`; on failure shows (and returns false
    // with) the reason and keeps the current photo.
    bool loadFromFile(const QString &path);

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

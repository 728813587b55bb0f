#include "editor/PhotoField.h"

#include "editor/PhotoDecoder.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {
constexpr int PreviewSide = 128;
}

PhotoField::PhotoField(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Photo"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("photoPreview"));
    m_preview->setAccessibleName(tr("Photo"));
    m_preview->setFixedSize(PreviewSide, PreviewSide);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setBackgroundRole(QPalette::Base);
    m_preview->setAutoFillBackground(true);

    m_choose = new QPushButton(tr("&Choose…"), this);
    m_choose->setObjectName(QStringLiteral("choosePhotoButton"));
    m_choose->setAccessibleName(tr("Choose photo"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removePhotoButton"));
    m_remove->setAccessibleName(tr("Remove photo"));
    connect(m_choose, &QPushButton::clicked, this, &PhotoField::choose);
    connect(m_remove, &QPushButton::clicked, this, &PhotoField::remove);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("photoError"));
    m_error->setWordWrap(true);
    m_error->setMaximumWidth(PreviewSide + 40);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_error->setPalette(pal);
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_choose);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 0, Qt::AlignHCenter);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    setFocusProxy(m_choose);
    updatePreview();
}

void PhotoField::setPhoto(const QByteArray &bytes)
{
    m_error->hide();
    if (bytes == m_photo)
        return;
    m_photo = bytes;
    updatePreview();
    emit photoChanged();
}

QString PhotoField::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PhotoField::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_preview->setAccessibleDescription(message);
}

void PhotoField::updatePreview()
{
    QImage image;
    if (!m_photo.isEmpty())
        image.loadFromData(m_photo);
    if (image.isNull()) {
        m_preview->setPixmap({});
        m_preview->setText(m_photo.isEmpty() ? tr("No photo") : tr("Unreadable photo"));
    } else {
        m_preview->setPixmap(QPixmap::fromImage(image.scaled(PreviewSide - 4, PreviewSide - 4, Qt::KeepAspectRatio,
                                                             Qt::SmoothTransformation)));
    }
    m_preview->setAccessibleDescription(m_photo.isEmpty() ? tr("No photo") : tr("Photo set"));
    m_remove->setEnabled(!m_photo.isEmpty());
}

bool PhotoField::loadFromFile(const QString &path)
{
    const PhotoDecoder::Result decoded = PhotoDecoder::fromFile(path);
    if (!decoded.ok()) {
        showError(decoded.error);
        return false;
    }
    setPhoto(decoded.bytes);
    return true;
}

void PhotoField::choose()
{
    QString filter = tr("JPEG and PNG images (*.jpg *.jpeg *.png)") + QStringLiteral(";;") + tr("All files (*)");
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose Photo"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), filter);
    if (!path.isEmpty())
        loadFromFile(path);
}

void PhotoField::remove()
{
    setPhoto({});
}

#include "mainwindow/ArchiveDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ArchiveDialog::ArchiveDialog(const QString &name, QWidget *parent)
    : QDialog(parent), m_leftOn(new QDateEdit(QDate::currentDate(), this)), m_reason(new QLineEdit(this))
{
    setObjectName(QStringLiteral("ArchiveDialog"));
    setWindowTitle(tr("Archive Employee"));
    auto *intro =
        new QLabel(tr("%1 left: they are hidden from the views and kept, with their profile and history, "
                      "in View > Show Archived, from where they can be restored.")
                       .arg(name.toHtmlEscaped()),
                   this);
    intro->setWordWrap(true);
    m_leftOn->setObjectName(QStringLiteral("leftOnEdit"));
    m_leftOn->setCalendarPopup(true);
    m_leftOn->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat).contains(QLatin1String("yyyy"))
                                   ? QLocale().dateFormat(QLocale::ShortFormat)
                                   : QStringLiteral("yyyy-MM-dd"));
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Optional"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Left on:"), m_leftOn);
    form->addRow(tr("&Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Archive"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("archiveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QDate ArchiveDialog::leftOn() const
{
    return m_leftOn->date();
}

QString ArchiveDialog::reason() const
{
    return m_reason->text().trimmed();
}

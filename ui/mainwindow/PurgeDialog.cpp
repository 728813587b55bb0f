#include "mainwindow/PurgeDialog.h"

#include "domain/DisplayFormat.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

PurgeDialog::PurgeDialog(int retentionMonths, Lister lister, QWidget *parent)
    : QDialog(parent),
      m_lister(std::move(lister)),
      m_years(new QSpinBox(this)),
      m_months(new QSpinBox(this)),
      m_summary(new QLabel(this)),
      m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("PurgeDialog"));
    setWindowTitle(tr("Purge Archived Employees"));
    auto *intro = new QLabel(tr("Data protection: erase the archived employees whose leaving date is older than "
                                "the retention period, with their profiles and every value their history kept. "
                                "The history keeps who purged, when and how many, nothing about them."),
                             this);
    intro->setWordWrap(true);
    m_years->setObjectName(QStringLiteral("retentionYearsSpin"));
    m_years->setRange(0, 100);
    m_years->setSuffix(tr(" years"));
    m_years->setAccessibleName(tr("Retention period, years"));
    m_months->setObjectName(QStringLiteral("retentionMonthsSpin"));
    m_months->setRange(0, 11);
    m_months->setSuffix(tr(" months"));
    m_months->setAccessibleName(tr("Retention period, months"));
    m_years->setValue(retentionMonths / 12);
    m_months->setValue(retentionMonths % 12);
    auto *period = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Keep archived employees for"), this);
    periodLabel->setBuddy(m_years);
    period->addWidget(periodLabel);
    period->addWidget(m_years);
    period->addWidget(m_months);
    period->addWidget(new QLabel(tr("after they left"), this));
    period->addStretch();
    m_summary->setObjectName(QStringLiteral("purgeSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("purgeList"));
    m_list->setAccessibleName(tr("Archived employees the purge would erase"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_purge = buttons->addButton(tr("&Purge…"), QDialogButtonBox::DestructiveRole);
    m_purge->setObjectName(QStringLiteral("purgeButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("closeButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_purge, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(period);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 420);
    connect(m_years, &QSpinBox::valueChanged, this, &PurgeDialog::update);
    connect(m_months, &QSpinBox::valueChanged, this, &PurgeDialog::update);
    update();
}

int PurgeDialog::retentionMonths() const
{
    return m_years->value() * 12 + m_months->value();
}

QDate PurgeDialog::cutoff() const
{
    const int months = retentionMonths();
    return months > 0 ? QDate::currentDate().addMonths(-months) : QDate();
}

void PurgeDialog::update()
{
    m_list->clear();
    m_candidates.clear();
    const QDate before = cutoff();
    if (!before.isValid()) {
        // The default: nothing is old enough until the user says how old is too old.
        m_summary->setText(tr("No retention period is set, so nobody is purged. Set how long archived employees "
                              "are kept after they left."));
        m_purge->setEnabled(false);
        emit retentionChanged(0);
        return;
    }
    m_candidates = m_lister(before);
    for (const ArchivedEmployee &a : std::as_const(m_candidates)) {
        auto *item = new QListWidgetItem(tr("%1 <%2>, left on %3")
                                             .arg(a.firstName + QLatin1Char(' ') + a.lastName, a.email,
                                                  DisplayFormat::date(a.leftOn)),
                                         m_list);
        item->setData(Qt::UserRole, a.id);
    }
    m_summary->setText(m_candidates.isEmpty()
                           ? tr("Nobody in the archive left before %1.").arg(DisplayFormat::date(before))
                           : tr("%n archived employee(s) left before %1 and would be erased:", nullptr,
                                int(m_candidates.size()))
                                 .arg(DisplayFormat::date(before)));
    m_purge->setEnabled(!m_candidates.isEmpty());
    emit retentionChanged(retentionMonths());
}

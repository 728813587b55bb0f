#pragma once

#include "domain/ArchivedEmployee.h"

#include <QDate>
#include <QDialog>
#include <QList>
#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

// Purge Archived Employees: the retention period (years and months after
// leaving; none until the user sets one) and who it would erase now, read
// by a dry run each time the period changes. Purge… accepts; the
// confirmations and the purge itself are PurgeController's.
class PurgeDialog : public QDialog
{
    Q_OBJECT
public:
    // `lister`: the archived employees who left before a day (a dry run).
    using Lister = std::function<QList<ArchivedEmployee>(const QDate &leftBefore)>;
    PurgeDialog(int retentionMonths, Lister lister, QWidget *parent = nullptr);

    int retentionMonths() const;
    // Those who left before this day are purged; invalid without a period.
    QDate cutoff() const;
    // Who the purge would erase, as the list shows them.
    QList<ArchivedEmployee> candidates() const { return m_candidates; }

signals:
    void retentionChanged(int months);

private:
    void update();

    Lister m_lister;
    QSpinBox *m_years;
    QSpinBox *m_months;
    QLabel *m_summary;
    QListWidget *m_list;
    QPushButton *m_purge;
    QList<ArchivedEmployee> m_candidates;
};

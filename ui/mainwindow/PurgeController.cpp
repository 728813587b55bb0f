#include "mainwindow/PurgeController.h"

#include "domain/DisplayFormat.h"
#include "mainwindow/PurgeDialog.h"
#include "mainwindow/WindowSettings.h"
#include "store/EmployeeStore.h"

#include <QAction>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <algorithm>

namespace {
QSet<qint64> idsOf(const QList<ArchivedEmployee> &employees)
{
    QSet<qint64> ids;
    for (const ArchivedEmployee &a : employees)
        ids.insert(a.id);
    return ids;
}
} // namespace

PurgeController::PurgeController(QMainWindow *window)
    : QObject(window), m_window(window), m_action(new QAction(tr("P&urge Archived Employees…"), window))
{
    m_action->setObjectName(QStringLiteral("actionPurgeArchived"));
    m_action->setStatusTip(tr("Erase the archived employees who left longer ago than the retention period"));
    connect(m_action, &QAction::triggered, this, &PurgeController::purge);
}

void PurgeController::update(bool importing, const ServerRoles::Privileges &privileges)
{
    const bool allowed = privileges.editEmployees && privileges.purgeArchived;
    m_action->setEnabled(!importing && allowed);
    const QString tip = allowed
        ? tr("Erase the archived employees who left longer ago than the retention period")
        : tr("Your database role may not purge archived employees (an administrator's task).");
    m_action->setToolTip(tip);
    m_action->setStatusTip(tip);
}

bool PurgeController::purge()
{
    if (!m_store || !m_action->isEnabled())
        return false;
    PurgeDialog dialog(WindowSettings::retentionMonths(),
                       [this](const QDate &before) { return m_store->purgeArchivedBefore(before, true).purged; },
                       m_window);
    connect(&dialog, &PurgeDialog::retentionChanged, this, [](int months) {
        WindowSettings::setRetentionMonths(months);
    });
    if (dialog.exec() != QDialog::Accepted || dialog.candidates().isEmpty())
        return false;
    const QDate cutoff = dialog.cutoff();
    const QList<ArchivedEmployee> shown = dialog.candidates();
    if (!confirm(int(shown.size()), cutoff))
        return false;
    // Someone archived or restored while the questions were open would
    // change who left before the day: only the people the user saw and
    // confirmed are purged, which the store checks under its write lock.
    const QSet<qint64> confirmed = idsOf(shown);
    const PurgeReport report = m_store->purgeArchivedBefore(cutoff, false, &confirmed);
    if (report.archiveChanged) {
        QMessageBox box(QMessageBox::Warning, tr("Purge Archived Employees"),
                        tr("The archive changed while you were deciding; nothing was purged. Open "
                           "Purge Archived Employees again to see who would be erased now."),
                        QMessageBox::Ok, m_window);
        box.setObjectName(QStringLiteral("purgeChangedBox"));
        box.exec();
        return false;
    }
    if (!report.ok()) {
        QMessageBox::warning(m_window, tr("Purge Archived Employees"),
                             tr("Nothing was purged: %1").arg(report.error));
        return false;
    }
    const QString done = tr("Purged %n archived employee(s) who left before %1.", nullptr,
                            int(report.purged.size()))
                             .arg(DisplayFormat::date(cutoff));
    QMessageBox box(QMessageBox::Information, tr("Purge Archived Employees"), done, QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("purgeReportBox"));
    box.setInformativeText(tr("The history records the purge: who ran it, when and how many."));
    box.exec();
    emit statusMessage(done);
    return true;
}

// Twice, since nothing brings them back: first what is lost, then once more
// naming how many, with Cancel the default both times.
bool PurgeController::confirm(int count, const QDate &cutoff)
{
    QMessageBox first(QMessageBox::Warning, tr("Purge Archived Employees"),
                      tr("Erase %n archived employee(s) who left before %1?", nullptr, count)
                          .arg(DisplayFormat::date(cutoff)),
                      QMessageBox::NoButton, m_window);
    first.setObjectName(QStringLiteral("purgeFirstConfirmation"));
    first.setInformativeText(tr("Their employee records, profiles (date of birth, team, address, gender, bio, "
                                "photo) and every value their history kept are erased and cannot be restored."));
    QPushButton *next = first.addButton(tr("&Continue…"), QMessageBox::AcceptRole);
    first.setDefaultButton(first.addButton(QMessageBox::Cancel));
    first.exec();
    if (first.clickedButton() != next)
        return false;

    QMessageBox second(QMessageBox::Critical, tr("Purge Archived Employees"),
                       tr("Really erase %n employee(s) for good?", nullptr, count), QMessageBox::NoButton,
                       m_window);
    second.setObjectName(QStringLiteral("purgeSecondConfirmation"));
    second.setInformativeText(tr("This is the last question. There is no undo."));
    QPushButton *erase =
        second.addButton(tr("&Erase %n Employee(s)", nullptr, count), QMessageBox::DestructiveRole);
    second.setDefaultButton(second.addButton(QMessageBox::Cancel));
    second.exec();
    return second.clickedButton() == erase;
}

#pragma once

#include "domain/EmployeeRecord.h"
#include "domain/HistoryEntry.h"
#include "domain/Team.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// The History tab of the form: the employee's changes, newest first, one
// group per save (time, who, from where) with a line per field (old -> new).
// "Restore This Value" and "Restore This Version" put old values back into
// the form as ordinary edits: the user still saves them, through validation,
// the conflict checks and the history.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    // `teams` turn a recorded team name back into the form's choice.
    void setEntries(const QList<HistoryEntry> &entries, const QList<Team> &teams);
    void setRestoreEnabled(bool enabled);
    int groupCount() const;

signals:
    // Values as RecordBinding::setInputValue() takes them.
    void restoreRequested(const QList<QPair<RecordField, QVariant>> &values);

private:
    void updateButtons();
    void restore(bool wholeVersion);
    // The old value of a field change as the form takes it; false when it cannot be put back.
    bool restorable(const HistoryEntry &entry, QPair<RecordField, QVariant> *value) const;
    QString fieldLabel(const QString &field) const;
    QString valueText(const QString &field, const QVariant &value) const;
    QList<QPair<RecordField, QVariant>> valuesOf(const QTreeWidgetItem *item) const;

    QTreeWidget *m_tree;
    QPushButton *m_restoreValue;
    QPushButton *m_restoreVersion;
    QList<HistoryEntry> m_entries;
    QList<Team> m_teams;
    bool m_restoreEnabled = true;
};

#pragma once

#include "views/HistoryFilter.h"

#include <QHash>
#include <QSqlDatabase>
#include <QWidget>

class HistoryTableModel;
class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

// The History panel (View > History): every recorded change of the whole
// database, newest first (time, who, from where, employee, field, old →
// new), narrowed by person, user and a date range. The table is windowed
// (HistoryTableModel): it reads the rows on screen, however long the
// history. The panel is handed the database's connection; it never opens one.
class DatabaseHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DatabaseHistoryPanel(QWidget *parent = nullptr);

    // A new model on `db` (another database was opened); the filters stay.
    void setDatabase(const QSqlDatabase &db);
    void setFieldLabels(const QHash<QString, QString> &labels);
    // Re-reads after a write: new entries appear at the top.
    void refresh();
    HistoryTableModel *model() const { return m_model; }
    HistoryFilter filter() const;

private:
    void applyFilter();
    void updateCount();

    HistoryTableModel *m_model = nullptr;
    QHash<QString, QString> m_fieldLabels;
    QLineEdit *m_person;
    QLineEdit *m_user;
    QCheckBox *m_fromCheck;
    QDateEdit *m_from;
    QCheckBox *m_toCheck;
    QDateEdit *m_to;
    QTableView *m_table;
    QLabel *m_count;
};

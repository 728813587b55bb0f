#include "views/HistoryTableModel.h"

#include "domain/DisplayFormat.h"
#include "domain/HistoryFormat.h"
#include "domain/Timestamp.h"

#include <QLocale>

namespace {
// The values each row reads, in this order (cellData() reads them by these).
enum Value {
    At,
    OsUser,
    SetRole,
    EntryRole,
    Source,
    Detail,
    Client,
    ChangeSet,
    Subject,
    Action,
    FieldName,
    OldValue,
    NewValue,
    EmployeeId,
    Name,
    State,
    TeamName
};

// What became of the entry's employee (the State value).
enum EmployeeState { Current = 0, Deleted = 1, Purged = 2, Archived = 3 };

const QString From = QStringLiteral(
    "change_entry c LEFT JOIN change_set s ON s.id = c.change_set_id "
    "LEFT JOIN employee e ON e.id = c.employee_id "
    "LEFT JOIN archived_employee a ON a.id = c.employee_id "
    "LEFT JOIN team t ON t.id = c.team_id");
} // namespace

HistoryTableModel::HistoryTableModel(const QSqlDatabase &db, QObject *parent) : WindowedSqlTableModel(db, parent)
{
    initialize(Time, Qt::DescendingOrder);
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryTableModel::isSortable(int) const
{
    return false; // newest first is what a history is read in
}

void HistoryTableModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    filterChanged();
}

void HistoryTableModel::setFieldLabels(const QHash<QString, QString> &labels)
{
    m_fieldLabels = labels;
    if (rowCount() > 0)
        emit dataChanged(index(0, Field), index(rowCount() - 1, Change));
}

QString HistoryTableModel::columnTitle(int column) const
{
    switch (column) {
    case Time: return tr("Time");
    case User: return tr("User");
    case Origin: return tr("From");
    case Employee: return tr("Employee");
    case Field: return tr("Field");
    case Change: return tr("Change");
    default: return QString();
    }
}

SqlRowWindow::Spec HistoryTableModel::buildSpec() const
{
    SqlRowWindow::Spec spec;
    spec.idColumn = QStringLiteral("c.id");
    spec.columns = {
        QStringLiteral("c.at"),
        QStringLiteral("s.os_user"),
        QStringLiteral("s.db_user"),
        QStringLiteral("c.db_user"),
        QStringLiteral("s.source"),
        QStringLiteral("s.detail"),
        QStringLiteral("c.client"),
        QStringLiteral("c.change_set_id"),
        QStringLiteral("c.subject"),
        QStringLiteral("c.action"),
        QStringLiteral("c.field"),
        QStringLiteral("c.old_value"),
        QStringLiteral("c.new_value"),
        QStringLiteral("c.employee_id"),
        // The name as it is now, wherever the employee is.
        QStringLiteral("COALESCE(e.first_name || ' ' || e.last_name, a.first_name || ' ' || a.last_name)"),
        // Gone: purged if a purge marked its deletion (an index range of
        // change_entry_employee_idx, read only for the gone).
        QStringLiteral("CASE WHEN c.employee_id IS NULL OR e.id IS NOT NULL THEN 0 WHEN a.id IS NOT NULL THEN 3 "
                       "WHEN EXISTS (SELECT 1 FROM change_entry p WHERE p.employee_id = c.employee_id "
                       "AND p.action = 'purged') THEN 2 ELSE 1 END"),
        QStringLiteral("t.name"),
    };
    spec.from = From;
    spec.countFrom = QStringLiteral("change_entry c");
    spec.filter = m_filter.condition(database(), &spec.filterBinds);
    spec.descending = true;
    spec.segments = {{{}, {}, {QStringLiteral("c.id")}, QStringLiteral("change_entry c")}};
    return spec;
}

HistoryEntry HistoryTableModel::entryOf(const SqlRowWindow::Row &row)
{
    const QVariantList &v = row.values;
    HistoryEntry e;
    e.id = row.id;
    e.at = v.value(At).toString();
    e.changeSetId = v.value(ChangeSet).toLongLong();
    e.dbUser = v.value(EntryRole).toString();
    e.client = v.value(Client).toString();
    e.subject = v.value(Subject).toString();
    e.action = v.value(Action).toString();
    e.field = v.value(FieldName).toString();
    e.oldValue = v.value(OldValue);
    e.newValue = v.value(NewValue);
    if (e.changeSetId != 0) {
        // As HistoryReader: the set says who; the entry's role fills in.
        e.osUser = v.value(OsUser).toString();
        e.source = v.value(Source).toString();
        e.detail = v.value(Detail).toString();
        if (!v.value(SetRole).toString().isEmpty())
            e.dbUser = v.value(SetRole).toString();
    }
    return e;
}

QString HistoryTableModel::employeeText(const SqlRowWindow::Row &row) const
{
    const QVariantList &v = row.values;
    if (v.value(Subject).toString() == QLatin1String("team")) {
        QString name = v.value(TeamName).toString();
        if (name.isEmpty())
            name = v.value(NewValue).isNull() ? v.value(OldValue).toString() : v.value(NewValue).toString();
        return tr("Team %1").arg(name);
    }
    switch (v.value(State).toInt()) {
    case Deleted: return tr("(deleted)");
    case Purged: return tr("(purged)");
    case Archived: return tr("%1 (archived)").arg(v.value(Name).toString());
    default: return v.value(Name).toString();
    }
}

QVariant HistoryTableModel::cellData(const SqlRowWindow::Row &row, int column, int) const
{
    const HistoryEntry e = entryOf(row);
    const QString field = e.subject == QLatin1String("team") ? tr("team name") : m_fieldLabels.value(e.field, e.field);
    switch (column) {
    case Time: {
        const QDateTime local = Timestamp::fromText(e.at).toLocalTime();
        return DisplayFormat::date(local.date()) + QLatin1Char(' ') + local.time().toString(QStringLiteral("HH:mm:ss"));
    }
    case User: return HistoryFormat::user(e);
    case Origin: return HistoryFormat::origin(e);
    case Employee: return employeeText(row);
    case Field: return e.action == QLatin1String("changed") ? field : QString();
    case Change: {
        // The field has a column of its own: the change says old -> new only.
        const QString text = HistoryFormat::change(e, QString());
        return e.action == QLatin1String("changed") ? text.mid(2) : text;
    }
    default: return {};
    }
}

#include "views/EmployeeTableModel.h"

#include "views/SearchCondition.h"

#include "domain/DisplayFormat.h"

EmployeeTableModel::EmployeeTableModel(const QSqlDatabase &db, QObject *parent) : WindowedSqlTableModel(db, parent)
{
    initialize(LastName, Qt::AscendingOrder);
}

int EmployeeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EmployeeTableModel::columnTitle(int column) const
{
    switch (column) {
    case FirstName: return tr("First name");
    case LastName: return tr("Last name");
    case Email: return tr("Email");
    case Phone: return tr("Phone");
    default: return QString();
    }
}

SqlRowWindow::Spec EmployeeTableModel::buildSpec() const
{
    SqlRowWindow::Spec spec;
    spec.idColumn = QStringLiteral("e.id");
    spec.columns = {QStringLiteral("e.first_name"), QStringLiteral("e.last_name"), QStringLiteral("e.email"),
                    QStringLiteral("e.phone")};
    spec.from = QStringLiteral("employee e");
    const SearchCondition search = SearchCondition::forEmployees(database(), searchText(), QStringLiteral("e"));
    spec.filter = search.filter;
    spec.scanFilter = search.scanFilter;
    spec.countFilter = search.countFilter;
    spec.filterBinds = search.binds;
    spec.streams = search.streams;
    spec.descending = sortOrder() == Qt::DescendingOrder;
    // Every order is served by an index (SchemaMigrator step 2): names
    // case-insensitively with the other name and the id breaking ties; email
    // by its case-folded unique form; phone by its unique index, employees
    // without a phone after those with one.
    switch (sortColumn()) {
    case FirstName:
        spec.segments = {{{}, {}, {QStringLiteral("lower(e.first_name)"), QStringLiteral("lower(e.last_name)"), QStringLiteral("e.id")}}};
        break;
    case Email:
        spec.segments = {{{}, {}, {QStringLiteral("e.email_normalized")}}};
        break;
    case Phone:
        spec.segments = {{QStringLiteral("e.phone IS NOT NULL"), {}, {QStringLiteral("e.phone")}},
                         {QStringLiteral("e.phone IS NULL"), {}, {QStringLiteral("e.id")}}};
        break;
    case LastName:
    default:
        spec.segments = {{{}, {}, {QStringLiteral("lower(e.last_name)"), QStringLiteral("lower(e.first_name)"), QStringLiteral("e.id")}}};
        break;
    }
    return spec;
}

QVariant EmployeeTableModel::cellData(const SqlRowWindow::Row &row, int column, int role) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    const QVariant v = row.values.value(column);
    const QString text = v.isNull() ? QString() : v.toString();
    // Phones are stored in E.164; people read them grouped. EditRole keeps the stored form.
    if (column == Phone && role == Qt::DisplayRole)
        return DisplayFormat::phone(text);
    return text;
}

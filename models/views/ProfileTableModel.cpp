#include "views/ProfileTableModel.h"

#include "views/SearchCondition.h"

#include "domain/DisplayFormat.h"

#include "domain/Gender.h"

#include <QDate>
#include <QSqlQuery>
#include <algorithm>

namespace {
enum Value { FirstNameValue, LastNameValue, DateOfBirthValue, TeamNameValue, GenderValue, AddressValue, TeamIdValue };
// Above this many teams the team order is a sort of the join instead of one
// indexed segment per team.
constexpr int MaxTeamSegments = 200;
}

ProfileTableModel::ProfileTableModel(const QSqlDatabase &db, QObject *parent) : WindowedSqlTableModel(db, parent)
{
    initialize(Employee, Qt::AscendingOrder);
}

int ProfileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProfileTableModel::columnTitle(int column) const
{
    switch (column) {
    case Employee: return tr("Employee");
    case DateOfBirth: return tr("Date of birth");
    case Team: return tr("Team");
    case Gender: return tr("Gender");
    case Address: return tr("Address");
    default: return QString();
    }
}

SqlRowWindow::Spec ProfileTableModel::buildSpec() const
{
    SqlRowWindow::Spec spec;
    spec.idColumn = QStringLiteral("p.employee_id");
    spec.columns = {QStringLiteral("e.first_name"), QStringLiteral("e.last_name"), QStringLiteral("p.date_of_birth"),
                    QStringLiteral("t.name"), QStringLiteral("p.gender"), QStringLiteral("p.address"),
                    QStringLiteral("p.team_id")};
    spec.from = QStringLiteral("employee_profile p JOIN employee e ON e.id = p.employee_id "
                               "LEFT JOIN team t ON t.id = p.team_id");
    spec.countFrom = QStringLiteral("employee_profile p");
    const SearchCondition search = SearchCondition::forEmployees(database(), searchText(), QStringLiteral("e"));
    spec.filter = search.filter;
    spec.scanFilter = search.scanFilter;
    spec.countFilter = search.countFilter;
    spec.filterBinds = search.binds;
    spec.streams = search.streams;
    spec.descending = sortOrder() == Qt::DescendingOrder;
    const QString pid = QStringLiteral("p.id");
    switch (sortColumn()) {
    case DateOfBirth:
        spec.segments = {{QStringLiteral("p.date_of_birth IS NOT NULL"), {}, {QStringLiteral("p.date_of_birth"), pid}},
                         {QStringLiteral("p.date_of_birth IS NULL"), {}, {pid}}};
        spec.segments.first().countByDifference = true;
        break;
    case Address:
        // (Spelt on lower(address) so that the expression index serves both.)
        spec.segments = {{QStringLiteral("lower(p.address) IS NOT NULL"), {}, {QStringLiteral("lower(p.address)"), pid}},
                         {QStringLiteral("lower(p.address) IS NULL"), {}, {pid}}};
        spec.segments.first().countByDifference = true;
        break;
    case Team: {
        // One segment per team in the order of the team names, each read
        // along the team_id index; profiles without a team last.
        QList<QPair<QString, qint64>> teams;
        QSqlQuery q(database());
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT id, name FROM team")))
            while (q.next())
                teams.append({q.value(1).toString(), q.value(0).toLongLong()});
        if (teams.size() > MaxTeamSegments) {
            spec.segments = {{{}, {}, {QStringLiteral("COALESCE(t.name, '')"), pid}}};
            break;
        }
        std::sort(teams.begin(), teams.end(), [](const auto &a, const auto &b) {
            const int c = QString::localeAwareCompare(a.first, b.first);
            return c != 0 ? c < 0 : a.second < b.second;
        });
        for (const auto &team : std::as_const(teams))
            spec.segments.append({QStringLiteral("p.team_id = ?"), {team.second}, {pid}});
        spec.segments.append({QStringLiteral("p.team_id IS NULL"), {}, {pid}});
        break;
    }
    case Gender: {
        QList<::Gender> order = {::Gender::Female, ::Gender::Male, ::Gender::Other};
        std::sort(order.begin(), order.end(), [](::Gender a, ::Gender b) {
            return QString::localeAwareCompare(genderDisplayName(a), genderDisplayName(b)) < 0;
        });
        for (::Gender g : std::as_const(order))
            spec.segments.append({QStringLiteral("p.gender = ?"), {genderCode(g)}, {pid}});
        spec.segments.append({QStringLiteral("p.gender IS NULL"), {}, {pid}});
        break;
    }
    case Employee:
    default:
        spec.segments = {{{}, {}, {QStringLiteral("lower(e.first_name)"), QStringLiteral("lower(e.last_name)"), QStringLiteral("e.id")}}};
        break;
    }
    // Positions are found on one table's index: the employee table for the
    // name order (every employee has exactly one profile, the store's
    // invariant), the profile table for the others unless a search (on the
    // employee's columns) needs the join.
    for (SqlRowWindow::Segment &segment : spec.segments) {
        if (segment.keys.first().startsWith(QLatin1String("lower(e.")))
            segment.keyFrom = QStringLiteral("employee e");
        else if (spec.filter.isEmpty() && !segment.keys.first().contains(QLatin1String("t.")))
            segment.keyFrom = spec.countFrom;
    }
    return spec;
}

QVariant ProfileTableModel::cellData(const SqlRowWindow::Row &row, int column, int role) const
{
    const QVariantList &v = row.values;
    switch (column) {
    case Employee:
        return (v.value(FirstNameValue).toString() + QLatin1Char(' ') + v.value(LastNameValue).toString()).trimmed();
    case DateOfBirth: {
        const QString iso = v.value(DateOfBirthValue).toString();
        const QDate date = QDate::fromString(iso, Qt::ISODate);
        if (role == Qt::EditRole)
            return date;
        return DisplayFormat::date(date);
    }
    case Team:
        if (role == Qt::EditRole)
            return v.value(TeamIdValue).isNull() ? qint64(0) : v.value(TeamIdValue).toLongLong();
        return v.value(TeamNameValue).isNull() ? QString() : v.value(TeamNameValue).toString();
    case Gender: {
        const QString code = v.value(GenderValue).toString();
        if (role == Qt::EditRole)
            return code;
        const ::Gender g = genderFromCode(code).value_or(::Gender::Unspecified);
        return g == ::Gender::Unspecified ? QString() : genderDisplayName(g);
    }
    case Address:
        return v.value(AddressValue).isNull() ? QString() : v.value(AddressValue).toString();
    default:
        return {};
    }
}

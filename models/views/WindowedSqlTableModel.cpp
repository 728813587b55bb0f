#include "views/WindowedSqlTableModel.h"

#include <QSet>
#include <algorithm>
#include <atomic>

namespace {
// refresh() announces at most this many added rows one by one; more (an
// import) and the views are reset instead.
constexpr int MaxIncrementalInserts = 64;
// sort() keeps at most this many persistent indexes (the selection) on their employee.
constexpr int MaxTrackedOnSort = 32;
// The background count starts once typing pauses this long.
constexpr int ExactCountDelayMs = 120;
std::atomic<qint64> g_searchCountCap{256};
}

namespace {
// Anchor rows every g_anchorStep rows once a result has 8 times as many.
std::atomic<int> g_anchorStep{2048};
}

void WindowedSqlTableModel::setSearchCountCap(qint64 cap)
{
    g_searchCountCap.store(cap);
}

qint64 WindowedSqlTableModel::searchCountCap()
{
    return g_searchCountCap.load();
}

void WindowedSqlTableModel::setAnchorStep(int rows)
{
    g_anchorStep.store(std::max(2, rows));
}

int WindowedSqlTableModel::anchorStep()
{
    return g_anchorStep.load();
}

WindowedSqlTableModel::WindowedSqlTableModel(const QSqlDatabase &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_window(db),
      m_postgres(db.driverName().startsWith(QLatin1String("QPSQL"))), m_guard(std::make_shared<BackgroundRead::Guard>())
{
    m_guard->model = this;
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(ExactCountDelayMs);
    connect(&m_countTimer, &QTimer::timeout, this, &WindowedSqlTableModel::startBackgroundWork);
}

WindowedSqlTableModel::~WindowedSqlTableModel()
{
    QMutexLocker lock(&m_guard->mutex);
    m_guard->model = nullptr;
}

qint64 WindowedSqlTableModel::capFor() const
{
    // A background count needs a second connection to the same database: not
    // for an in-memory SQLite database.
    const QString name = m_db.databaseName();
    if (!m_postgres && (name.isEmpty() || name == QLatin1String(":memory:") || name.startsWith(QLatin1String("file::memory:"))))
        return 0;
    return searchCountCap();
}

void WindowedSqlTableModel::scheduleBackgroundWork()
{
    m_guard->generation.store(++m_countGeneration);   // results of earlier searches are stale now
    if (capFor() > 0 && (m_window.isProvisional() || m_window.count() >= 8 * qint64(g_anchorStep.load())))
        m_countTimer.start();
    else
        m_countTimer.stop();
}

void WindowedSqlTableModel::startBackgroundWork()
{
    if (!m_window.isProvisional()) {
        startAnchorScan();
        return;
    }
    const quint64 generation = m_countGeneration;
    const CountJob job = m_window.countJob();
    BackgroundRead::start<WindowedSqlTableModel, QList<qint64>>(
        m_guard, m_db.connectionName(), [job](QSqlDatabase &db, QList<qint64> &counts) { return job.run(db, counts); },
        [generation](WindowedSqlTableModel *model, const QList<qint64> &counts) {
            model->exactCountsArrived(generation, counts);
        });
}

void WindowedSqlTableModel::startAnchorScan()
{
    if (m_window.isProvisional() || m_window.hasAnchors() || m_window.count() < 8 * qint64(g_anchorStep.load()))
        return;
    const quint64 generation = m_countGeneration;
    const int step = g_anchorStep.load();
    const AnchorScan scan = m_window.anchorScan(step);
    std::shared_ptr<BackgroundRead::Guard> guard = m_guard;
    BackgroundRead::start<WindowedSqlTableModel, QList<QList<QVariantList>>>(
        m_guard, m_db.connectionName(),
        [scan, guard, generation](QSqlDatabase &db, QList<QList<QVariantList>> &anchors) {
            anchors = scan.run(db, [&] { return guard->generation.load() != generation; });
            return anchors.size() == scan.segments.size();
        },
        [generation, step](WindowedSqlTableModel *model, const QList<QList<QVariantList>> &anchors) {
            model->anchorsArrived(generation, anchors, step);
        });
}

void WindowedSqlTableModel::anchorsArrived(quint64 generation, const QList<QList<QVariantList>> &anchors, int step)
{
    if (generation != m_countGeneration || m_window.isProvisional())
        return;
    m_window.setAnchors(anchors, step);
}

void WindowedSqlTableModel::exactCountsArrived(quint64 generation, const QList<qint64> &counts)
{
    if (generation != m_countGeneration || !m_window.isProvisional()
        || counts.size() != m_window.segmentCounts().size())
        return;
    // The rows past each provisional count appear as inserted where that
    // segment ends; rows already shown stay where they are.
    qint64 start = 0;
    for (int seg = 0; seg < counts.size(); ++seg) {
        const qint64 shown = m_window.segmentCounts().at(seg);
        if (m_window.isSegmentProvisional(seg)) {
            const qint64 more = std::max<qint64>(0, counts.at(seg) - shown);
            if (more > 0) {
                beginInsertRows({}, int(start + shown), int(start + shown + more - 1));
                m_window.setSegmentCount(seg, shown + more);
                m_rowCount += more;
                endInsertRows();
            } else {
                m_window.setSegmentCount(seg, shown);
            }
        }
        start += m_window.segmentCounts().at(seg);
    }
    emit countsChanged();
    startAnchorScan();
}

void WindowedSqlTableModel::initialize(int sortColumn, Qt::SortOrder order)
{
    m_sortColumn = sortColumn;
    m_sortOrder = order;
    m_window.forgetCounts();
    rebuild();
}

bool WindowedSqlTableModel::isSortable(int column) const
{
    return column >= 0 && column < columnCount();
}

bool WindowedSqlTableModel::reload(qint64 cap)
{
    m_window.setSpec(buildSpec());
    const bool ok = m_window.recount(cap);
    if (m_searchText.trimmed().isEmpty()) {
        m_totalCount = m_window.count();
    } else if (cap == 0 || m_totalCount < 0) {
        // The unfiltered total only changes with the data: not per keystroke.
        const SqlRowWindow::Spec spec = m_window.spec();
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + spec.countFrom) && q.next())
            m_totalCount = q.value(0).toLongLong();
    }
    return ok;
}

void WindowedSqlTableModel::rebuild()
{
    beginResetModel();
    reload(capFor());
    m_rowCount = m_window.count();
    endResetModel();
    scheduleBackgroundWork();
    emit countsChanged();
}

int WindowedSqlTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowCount);
}

Qt::ItemFlags WindowedSqlTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QVariant WindowedSqlTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole && role != EmployeeIdRole
        && role != Qt::AccessibleTextRole)
        return {};
    const SqlRowWindow::Row *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == EmployeeIdRole)
        return row->id;
    return cellData(*row, index.column(), role == Qt::ToolTipRole || role == Qt::AccessibleTextRole ? Qt::DisplayRole : role);
}

QVariant WindowedSqlTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString title = columnTitle(section);
    return title.isEmpty() ? QVariant() : QVariant(title);
}

void WindowedSqlTableModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    const bool sameQuery = text.simplified() == m_searchText.simplified();
    m_searchText = text;
    if (!sameQuery)
        rebuild();
}

void WindowedSqlTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder && m_window.count() == m_rowCount))
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // The selection follows its employees to their new rows.
    const QModelIndexList persistent = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex &index : persistent) {
        const SqlRowWindow::Row *row = m_window.cachedRow(index.row());
        ids << (row ? row->id : 0);
    }
    m_sortColumn = column;
    m_sortOrder = order;
    reload(capFor());
    QHash<qint64, qint64> newRows;
    int tracked = 0;
    QModelIndexList to;
    for (int i = 0; i < persistent.size(); ++i) {
        const qint64 id = ids.at(i);
        qint64 r = -1;
        if (id != 0) {
            auto it = newRows.constFind(id);
            if (it != newRows.cend()) {
                r = *it;
            } else if (tracked < MaxTrackedOnSort) {
                ++tracked;
                r = m_window.rowOfId(id);
                newRows.insert(id, r);
            }
        }
        to << (r >= 0 ? index(int(r), persistent.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(persistent, to);
    m_rowCount = m_window.count();
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    scheduleBackgroundWork();
    emit countsChanged();
}

const SqlRowWindow::Row *WindowedSqlTableModel::rowAt(qint64 row) const
{
    if (m_inTransition) {
        const auto it = m_transition.find(row);
        return it == m_transition.end() ? nullptr : &it->second;
    }
    return m_window.row(row);
}

qint64 WindowedSqlTableModel::employeeIdAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return 0;
    const SqlRowWindow::Row *r = rowAt(row);
    return r ? r->id : 0;
}

int WindowedSqlTableModel::rowOfEmployee(qint64 employeeId) const
{
    if (employeeId <= 0)
        return -1;
    return int(m_window.rowOfId(employeeId));
}

void WindowedSqlTableModel::refresh()
{
    const qint64 oldMaxId = m_window.maxId();
    const QList<QPair<qint64, qint64>> cached = m_window.cachedRowsAndIds();
    QList<qint64> cachedIds;
    for (const auto &rowAndId : cached)
        cachedIds << rowAndId.second;
    const QList<qint64> stillThere = m_window.existingIds(cachedIds);
    const QSet<qint64> still(stillThere.cbegin(), stillThere.cend());
    const QList<qint64> added = m_window.idsAbove(oldMaxId, MaxIncrementalInserts);
    QHash<qint64, SqlRowWindow::Row> oldRowValues;
    for (const auto &rowAndId : cached) {
        if (const SqlRowWindow::Row *row = m_window.cachedRow(rowAndId.first))
            oldRowValues.insert(rowAndId.second, *row);
    }
    QHash<qint64, const SqlRowWindow::Row *> oldRows;
    for (auto it = oldRowValues.cbegin(); it != oldRowValues.cend(); ++it)
        oldRows.insert(it.key(), &it.value());

    const bool wasExact = !m_window.isProvisional();
    m_window.forgetCounts();   // what changed is why we are here
    if (!reload()) {
        beginResetModel();
        m_rowCount = m_window.count();
        endResetModel();
        emit countsChanged();
        return;
    }
    const qint64 newCount = m_window.count();
    QList<qint64> removedRows;
    for (const auto &rowAndId : cached) {
        if (!still.contains(rowAndId.second))
            removedRows << rowAndId.first;
    }
    scheduleBackgroundWork();   // refresh() counts exactly: pending background work is stale
    bool incremental = wasExact && added.size() <= MaxIncrementalInserts
        && m_rowCount - removedRows.size() + added.size() == newCount;
    QList<qint64> addedRows;
    if (incremental) {
        for (qint64 id : added) {
            const qint64 r = m_window.rowOfId(id);
            if (r < 0) {
                incremental = false;
                break;
            }
            addedRows << r;
        }
    }
    if (!incremental) {
        beginResetModel();
        m_rowCount = newCount;
        endResetModel();
        emit countsChanged();
        return;
    }
    // Views may read rows between the announcements: they get the rows they
    // had, shifted by what was announced so far; the new values follow as
    // dataChanged at the end.
    m_transition.clear();
    for (const auto &rowAndId : cached) {
        if (const SqlRowWindow::Row *row = oldRows.value(rowAndId.second))
            m_transition.emplace(rowAndId.first, *row);
    }
    auto shift = [this](qint64 from, qint64 by) {
        std::map<qint64, SqlRowWindow::Row> moved;
        for (auto it = m_transition.begin(); it != m_transition.end();) {
            if (it->first >= from) {
                moved.emplace(it->first + by, std::move(it->second));
                it = m_transition.erase(it);
            } else {
                ++it;
            }
        }
        m_transition.merge(moved);
    };
    std::sort(removedRows.begin(), removedRows.end(), std::greater<>());
    std::sort(addedRows.begin(), addedRows.end());
    QList<SqlRowWindow::Row> addedValues;
    for (qint64 r : std::as_const(addedRows)) {
        const SqlRowWindow::Row *row = m_window.row(r);
        addedValues << (row ? *row : SqlRowWindow::Row{});
    }
    m_inTransition = true;
    for (qint64 r : std::as_const(removedRows)) {
        beginRemoveRows({}, int(r), int(r));
        m_transition.erase(r);
        shift(r + 1, -1);
        --m_rowCount;
        endRemoveRows();
    }
    for (int i = 0; i < addedRows.size(); ++i) {
        const qint64 r = addedRows.at(i);
        beginInsertRows({}, int(r), int(r));
        shift(r, 1);
        m_transition.emplace(r, addedValues.at(i));
        ++m_rowCount;
        endInsertRows();
    }
    m_inTransition = false;
    m_transition.clear();
    m_window.clearCache();
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(int(m_rowCount) - 1, columnCount() - 1));
    emit countsChanged();
}

#pragma once

#include "views/BackgroundRead.h"
#include "views/SqlRowWindow.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <QSqlDatabase>
#include <map>
#include <memory>

// A QAbstractTableModel over QSqlQuery (issue #5 allows this member of the Qt
// SQL model family) that holds only a window of rows: rowCount() is the real
// count of the current filter (a cached COUNT(*)), so a view's scroll bar and
// Ctrl+End work on the whole table, while data() reads blocks of rows around
// what the view paints (see SqlRowWindow) and forgets the far ones.
//
// refresh() re-reads after a store change without resetting views: rows that
// were removed and rows that were added are announced with
// beginRemoveRows/beginInsertRows at their places, everything else as
// dataChanged, so selection and scroll position survive. sort() keeps the
// selected rows selected (persistent indexes follow their employee).
class WindowedSqlTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit WindowedSqlTableModel(const QSqlDatabase &db, QObject *parent = nullptr);
    ~WindowedSqlTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    qint64 employeeIdAt(int row) const;
    int rowOfEmployee(qint64 employeeId) const;   // -1 if filtered out or unknown
    qint64 totalCount() const { return m_totalCount; }
    qint64 matchCount() const { return m_window.count(); }

    void refresh();
    QSqlDatabase database() const { return m_db; }
    QString lastError() const { return m_window.lastError(); }
    // Rows read from the database so far (see SqlRowWindow::rowsFetched()).
    qint64 rowsFetched() const { return m_window.rowsFetched(); }

    // Role under which every cell also answers its row's employee id.
    static constexpr int EmployeeIdRole = Qt::UserRole + 1;

    // Search keystrokes count at most this many matches per segment at once
    // (a LIMITed count); a broader match shows its first rows at once and
    // gets its exact count from a background connection a moment later (the
    // rows then appear as inserted at the end, countsChanged() follows).
    static void setSearchCountCap(qint64 cap);
    static qint64 searchCountCap();
    bool isCountExact() const { return !m_window.isProvisional(); }
    bool hasAnchors() const { return m_window.hasAnchors(); }
    // Results of at least 8 x this many rows get a background scan that
    // notes every this-many-th row, so that jumps are seeks (default 2048).
    static void setAnchorStep(int rows);
    static int anchorStep();

signals:
    void countsChanged();

protected:
    // The header of `column` (translated), for display and screen readers.
    virtual QString columnTitle(int column) const = 0;
    // The spec for the current search text, sort column and order.
    virtual SqlRowWindow::Spec buildSpec() const = 0;
    virtual QVariant cellData(const SqlRowWindow::Row &row, int column, int role) const = 0;
    virtual bool isSortable(int column) const;
    // Call at the end of the subclass constructor.
    void initialize(int sortColumn, Qt::SortOrder order);
    // A subclass's own filter (beyond the search text) changed: re-read
    // with a new spec, as a new search does.
    void filterChanged() { rebuild(); }
    bool isPostgres() const { return m_postgres; }

private:
    void rebuild();
    bool reload(qint64 cap = 0);
    qint64 capFor() const;
    void scheduleBackgroundWork();
    void startBackgroundWork();
    void startAnchorScan();
    void exactCountsArrived(quint64 generation, const QList<qint64> &counts);
    void anchorsArrived(quint64 generation, const QList<QList<QVariantList>> &anchors, int step);
    const SqlRowWindow::Row *rowAt(qint64 row) const;

    QSqlDatabase m_db;
    mutable SqlRowWindow m_window;
    bool m_postgres = false;
    QString m_searchText;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_rowCount = 0;
    qint64 m_totalCount = -1;
    // While refresh() announces removed and added rows one by one, views see
    // the rows they had, shifted, instead of the new state all at once.
    bool m_inTransition = false;
    std::map<qint64, SqlRowWindow::Row> m_transition;
    // Exact counts of a broad search, computed on a pool thread.
    QTimer m_countTimer;
    quint64 m_countGeneration = 0;
    std::shared_ptr<BackgroundRead::Guard> m_guard;
};

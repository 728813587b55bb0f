#pragma once

#include "domain/EmployeeRecord.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QTabWidget>

class EmployeeTableModel;
class EmployeeView;
class ProfileTableModel;
class QLineEdit;
class QTimer;

// The two views of the open database as tabs: Employees, with the search
// field, and Profiles, each over its windowed Qt SQL model. It keeps the
// user's place: the selection follows its employee across refreshes,
// searches and database switches, and the headers keep their widths and
// sort. It only reads; the window decides what a request leads to.
class EmployeeTabs : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { EmployeesTab = 0, ProfilesTab = 1 };

    explicit EmployeeTabs(QWidget *parent = nullptr);

    // The header layouts to start with (QSettings' bytes; empty = defaults),
    // used by the first setDatabase(); later switches keep the current ones.
    void setInitialHeaderStates(const QByteArray &employees, const QByteArray &profiles);
    // New models over `db`; the old ones are deleted.
    void setDatabase(const QSqlDatabase &db);
    QByteArray employeesHeaderState() const;
    QByteArray profilesHeaderState() const;

    EmployeeView *currentView() const;
    // The id of the employee selected in the visible view, 0 if none.
    qint64 currentEmployeeId() const;
    int currentRow() const;
    // The record as the visible view shows it in `row` (its cells may predate
    // a colleague's save); `current` is what the database holds now.
    EmployeeRecord shownInView(int row, const EmployeeRecord &current) const;
    // Selects the employee in both views (clears a search that hides them).
    void selectEmployee(qint64 employeeId);
    // After a delete: the next row takes the deleted one's place.
    void selectNear(int row);
    void showTab(Tab tab);
    void focusSearch();

    qint64 totalCount() const;
    qint64 matchCount() const;

    // The database changed: re-read on the next event loop turn (coalesced).
    void scheduleRefresh();
    // Re-reads now if a refresh is pending.
    void flushRefresh();

signals:
    // Enter or a double-click on a row of either view.
    void editRequested(qint64 employeeId);
    // The selection, the tab or the rows changed.
    void currentEmployeeChanged();
    void countsChanged();

private:
    QWidget *createEmployeesPage();
    QWidget *createProfilesPage();
    void connectView(EmployeeView *view);
    void applySearch();
    void applyDefaultColumnWidths(EmployeeView *view);
    qint64 employeeIdInView(const EmployeeView *view, int row) const;
    int rowInView(const EmployeeView *view, qint64 employeeId) const;

    EmployeeTableModel *m_employeeModel = nullptr;
    ProfileTableModel *m_profileModel = nullptr;
    EmployeeView *m_employeeView = nullptr;
    EmployeeView *m_profileView = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QByteArray m_initialEmployeesHeader;
    QByteArray m_initialProfilesHeader;
    bool m_headersRestored = false;
    bool m_refreshPending = false;
};

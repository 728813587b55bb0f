#include "employees/EmployeeTabs.h"

#include "employees/EmployeeView.h"
#include "views/EmployeeTableModel.h"
#include "views/ProfileTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int SearchDelayMs = 150;
}

EmployeeTabs::EmployeeTabs(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("viewTabs"));
    setDocumentMode(true);
    addTab(createEmployeesPage(), tr("Employees"));
    addTab(createProfilesPage(), tr("Profiles"));
    connect(this, &QTabWidget::currentChanged, this, &EmployeeTabs::currentEmployeeChanged);
    setTabOrder(m_search, m_employeeView);
    connectView(m_employeeView);
    connectView(m_profileView);
}

QWidget *EmployeeTabs::createEmployeesPage()
{
    auto *page = new QWidget(this);
    auto *searchLabel = new QLabel(tr("&Search:"), page);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Name, email or phone"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    // Search as you type, once the typing pauses.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &EmployeeTabs::applySearch);
    // Enter in the search field goes to the results.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applySearch();
        m_employeeView->setFocus();
        if (m_employeeView->currentRow() < 0)
            m_employeeView->selectRow(0);
    });

    m_employeeView = new EmployeeView(page);
    m_employeeView->setObjectName(QStringLiteral("employeeView"));
    m_employeeView->setAccessibleName(tr("Employees"));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(searchRow);
    layout->addWidget(m_employeeView, 1);
    return page;
}

QWidget *EmployeeTabs::createProfilesPage()
{
    auto *page = new QWidget(this);
    m_profileView = new EmployeeView(page);
    m_profileView->setObjectName(QStringLiteral("profileView"));
    m_profileView->setAccessibleName(tr("Profiles"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_profileView, 1);
    return page;
}

void EmployeeTabs::connectView(EmployeeView *view)
{
    connect(view, &EmployeeView::editRequested, this, [this, view](int row) {
        if (const qint64 id = employeeIdInView(view, row))
            emit editRequested(id);
    });
}

// --- the models of the open database -------------------------------------------------

void EmployeeTabs::setInitialHeaderStates(const QByteArray &employees, const QByteArray &profiles)
{
    m_initialEmployeesHeader = employees;
    m_initialProfilesHeader = profiles;
}

void EmployeeTabs::setDatabase(const QSqlDatabase &db)
{
    EmployeeTableModel *oldEmployees = m_employeeModel;
    ProfileTableModel *oldProfiles = m_profileModel;
    m_refreshPending = false;

    m_employeeModel = new EmployeeTableModel(db, this);
    m_employeeModel->setObjectName(QStringLiteral("employeeModel"));
    m_profileModel = new ProfileTableModel(db, this);
    m_profileModel->setObjectName(QStringLiteral("profileModel"));
    m_employeeModel->setSearchText(m_search->text());

    const struct
    {
        EmployeeView *view;
        QAbstractItemModel *model;
        QByteArray initialState;
    } pairs[] = {{m_employeeView, m_employeeModel, m_initialEmployeesHeader},
                 {m_profileView, m_profileModel, m_initialProfilesHeader}};
    for (const auto &p : pairs) {
        // Another database keeps the user's widths and sort.
        const QByteArray state = m_headersRestored ? p.view->saveHeaderState() : p.initialState;
        p.view->setSortingEnabled(false);
        p.view->setModel(p.model);
        if (state.isEmpty())
            applyDefaultColumnWidths(p.view);
        else
            p.view->restoreHeaderState(state);
        // Enabling sorting sorts by the (restored) indicator.
        p.view->setSortingEnabled(true);
        connect(p.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &EmployeeTabs::currentEmployeeChanged);
        if (p.model->rowCount() > 0)
            p.view->selectRow(0);
    }
    m_headersRestored = true;
    connect(m_employeeModel, &EmployeeTableModel::countsChanged, this, &EmployeeTabs::countsChanged);
    connect(m_profileModel, &ProfileTableModel::countsChanged, this, &EmployeeTabs::countsChanged);

    delete oldEmployees;
    delete oldProfiles;
}

void EmployeeTabs::applyDefaultColumnWidths(EmployeeView *view)
{
    const int em = view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QHeaderView *header = view->horizontalHeader();
    if (view == m_employeeView) {
        header->resizeSection(EmployeeTableModel::FirstName, 12 * em);
        header->resizeSection(EmployeeTableModel::LastName, 13 * em);
        header->resizeSection(EmployeeTableModel::Email, 24 * em);
    } else {
        header->resizeSection(ProfileTableModel::Employee, 18 * em);
        header->resizeSection(ProfileTableModel::DateOfBirth, 9 * em);
        header->resizeSection(ProfileTableModel::Team, 10 * em);
        header->resizeSection(ProfileTableModel::Gender, 9 * em);
    }
}

QByteArray EmployeeTabs::employeesHeaderState() const
{
    return m_employeeView->saveHeaderState();
}

QByteArray EmployeeTabs::profilesHeaderState() const
{
    return m_profileView->saveHeaderState();
}

// --- refreshing without losing the user's place ---------------------------------------

void EmployeeTabs::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &EmployeeTabs::flushRefresh);
}

void EmployeeTabs::flushRefresh()
{
    if (!m_refreshPending)
        return;
    m_refreshPending = false;
    // The models announce inserted and removed rows, so selections follow
    // their rows; the ids are remembered anyway in case a row moved.
    const qint64 employeeId = employeeIdInView(m_employeeView, m_employeeView->currentRow());
    const qint64 profileId = employeeIdInView(m_profileView, m_profileView->currentRow());
    m_employeeModel->refresh();
    m_profileModel->refresh();
    for (auto [view, id] : {std::pair{m_employeeView, employeeId}, std::pair{m_profileView, profileId}}) {
        if (!id)
            continue;
        const int row = rowInView(view, id);
        if (row >= 0 && row != view->currentRow())
            view->selectRow(row);
    }
    emit countsChanged();
    emit currentEmployeeChanged();
}

void EmployeeTabs::applySearch()
{
    m_searchTimer->stop();
    if (m_employeeModel->searchText() == m_search->text())
        return;
    const qint64 id = employeeIdInView(m_employeeView, m_employeeView->currentRow());
    m_employeeModel->setSearchText(m_search->text());
    const int row = id ? m_employeeModel->rowOfEmployee(id) : -1;
    if (row >= 0)
        m_employeeView->selectRow(row);
    else if (m_employeeModel->rowCount() > 0)
        m_employeeView->selectRow(0);
    emit countsChanged();
    emit currentEmployeeChanged();
}

void EmployeeTabs::selectEmployee(qint64 employeeId)
{
    flushRefresh();
    int row = m_employeeModel->rowOfEmployee(employeeId);
    if (row < 0 && !m_search->text().isEmpty()) {
        // Filtered out by the search: clear it so the employee can be shown.
        m_search->clear();
        applySearch();
        row = m_employeeModel->rowOfEmployee(employeeId);
    }
    m_employeeView->selectRow(row);
    m_profileView->selectRow(m_profileModel->rowOfEmployee(employeeId));
    emit currentEmployeeChanged();
}

void EmployeeTabs::selectNear(int row)
{
    EmployeeView *view = currentView();
    const int count = view->model()->rowCount();
    if (count > 0)
        view->selectRow(qMin(row, count - 1));
    emit currentEmployeeChanged();
}

void EmployeeTabs::showTab(Tab tab)
{
    setCurrentIndex(tab);
    currentView()->setFocus();
}

void EmployeeTabs::focusSearch()
{
    setCurrentIndex(EmployeesTab);
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

// --- rows and ids ------------------------------------------------------------------------

EmployeeView *EmployeeTabs::currentView() const
{
    return currentIndex() == ProfilesTab ? m_profileView : m_employeeView;
}

int EmployeeTabs::currentRow() const
{
    return currentView()->currentRow();
}

qint64 EmployeeTabs::currentEmployeeId() const
{
    return employeeIdInView(currentView(), currentRow());
}

qint64 EmployeeTabs::employeeIdInView(const EmployeeView *view, int row) const
{
    if (row < 0)
        return 0;
    if (view == m_employeeView)
        return m_employeeModel ? m_employeeModel->employeeIdAt(row) : 0;
    return m_profileModel ? m_profileModel->employeeIdAt(row) : 0;
}

int EmployeeTabs::rowInView(const EmployeeView *view, qint64 employeeId) const
{
    if (view == m_employeeView)
        return m_employeeModel->rowOfEmployee(employeeId);
    return m_profileModel->rowOfEmployee(employeeId);
}

// The Profiles view shows no employee fields to compare.
EmployeeRecord EmployeeTabs::shownInView(int row, const EmployeeRecord &current) const
{
    EmployeeRecord shown = current;
    if (currentView() != m_employeeView || !m_employeeModel || row < 0)
        return shown;
    auto cell = [&](int column) { return m_employeeModel->index(row, column).data(Qt::EditRole).toString(); };
    shown.employee.firstName = cell(EmployeeTableModel::FirstName);
    shown.employee.lastName = cell(EmployeeTableModel::LastName);
    shown.employee.email = cell(EmployeeTableModel::Email);
    shown.employee.phone = cell(EmployeeTableModel::Phone);
    return shown;
}

qint64 EmployeeTabs::totalCount() const
{
    return m_employeeModel ? m_employeeModel->totalCount() : 0;
}

qint64 EmployeeTabs::matchCount() const
{
    return m_employeeModel ? m_employeeModel->matchCount() : 0;
}

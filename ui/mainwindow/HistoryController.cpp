#include "mainwindow/HistoryController.h"

#include "editor/RecordFieldText.h"
#include "history/DatabaseHistoryPanel.h"
#include "store/EmployeeStore.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

namespace {
// The history names fields by their columns; the panel shows the form's labels.
QHash<QString, QString> fieldLabels()
{
    const std::pair<const char *, RecordField> fields[] = {
        {"first_name", RecordField::FirstName}, {"last_name", RecordField::LastName},
        {"email", RecordField::Email},          {"phone", RecordField::Phone},
        {"date_of_birth", RecordField::DateOfBirth}, {"team", RecordField::Team},
        {"gender", RecordField::Gender},        {"address", RecordField::Address},
        {"bio", RecordField::Bio},              {"photo", RecordField::Photo},
    };
    QHash<QString, QString> labels;
    for (const auto &[key, field] : fields)
        labels.insert(QString::fromLatin1(key), RecordFieldText::label(field));
    return labels;
}
} // namespace

HistoryController::HistoryController(QMainWindow *window)
    : QObject(window),
      m_dock(new QDockWidget(tr("History"), window)),
      m_panel(new DatabaseHistoryPanel(m_dock))
{
    m_dock->setObjectName(QStringLiteral("historyDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    m_panel->setFieldLabels(fieldLabels());
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("&History"));
    toggle->setObjectName(QStringLiteral("actionShowHistory"));
    // No standard key names a history; Ctrl+H is the browsers' (and is free here).
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    toggle->setStatusTip(tr("Every change to the employees and teams: who, when, from where, old and new value"));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &HistoryController::refreshNow);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            scheduleRefresh();
    });
}

QAction *HistoryController::showHistoryAction() const
{
    return m_dock->toggleViewAction();
}

void HistoryController::setStore(EmployeeStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_refresh.stop();
    m_stale = false;
    m_panel->setDatabase(store->database());
    // Every write of the store is recorded: each may add entries.
    for (auto signal : {&EmployeeStore::employeeAdded, &EmployeeStore::employeeUpdated,
                        &EmployeeStore::employeeRemoved, &EmployeeStore::profileUpdated})
        connect(m_store, signal, this, &HistoryController::scheduleRefresh);
    connect(m_store, &EmployeeStore::employeesImported, this, &HistoryController::scheduleRefresh);
    connect(m_store, &EmployeeStore::archiveChanged, this, &HistoryController::scheduleRefresh);
    connect(m_store, &EmployeeStore::teamsChanged, this, &HistoryController::scheduleRefresh);
}

void HistoryController::scheduleRefresh()
{
    // Hidden, it reads nothing: showing it again re-reads.
    m_stale = true;
    if (m_dock->isVisible())
        m_refresh.start();
}

void HistoryController::refreshNow()
{
    if (!m_dock->isVisible())
        return;
    m_stale = false;
    m_panel->refresh();
}

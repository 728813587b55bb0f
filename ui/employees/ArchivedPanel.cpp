#include "employees/ArchivedPanel.h"

#include "domain/DisplayFormat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

ArchivedPanel::ArchivedPanel(QWidget *parent)
    : QWidget(parent),
      m_table(new QTableWidget(this)),
      m_restore(new QPushButton(tr("&Restore"), this)),
      m_delete(new QPushButton(tr("Delete &Permanently…"), this))
{
    setObjectName(QStringLiteral("archivedPanel"));
    m_table->setObjectName(QStringLiteral("archivedTable"));
    m_table->setAccessibleName(tr("Archived employees"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Phone"), tr("Left on"), tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setToolTip(tr("Bring the selected employee back, with their profile and history"));
    m_delete->setObjectName(QStringLiteral("deleteArchivedButton"));
    m_delete->setToolTip(tr("Erase the selected employee and their profile for good"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_restore);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ArchivedPanel::updateButtons);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentEmployeeId())
            emit restoreRequested(id);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentEmployeeId())
            emit deleteRequested(id);
    });
    updateButtons();
}

void ArchivedPanel::setEmployees(const QList<ArchivedEmployee> &employees)
{
    const qint64 selected = currentEmployeeId();
    m_table->setRowCount(int(employees.size()));
    // Greyed: they left.
    const QBrush grey = palette().brush(QPalette::Disabled, QPalette::Text);
    for (int r = 0; r < employees.size(); ++r) {
        const ArchivedEmployee &a = employees.at(r);
        const QStringList texts{a.firstName + QLatin1Char(' ') + a.lastName, a.email,
                                DisplayFormat::phone(a.phone),
                                QLocale().toString(a.leftOn, QLocale::ShortFormat), a.reason};
        for (int c = 0; c < texts.size(); ++c) {
            auto *item = new QTableWidgetItem(texts.at(c));
            item->setForeground(grey);
            item->setData(Qt::UserRole, a.id);
            m_table->setItem(r, c, item);
        }
        if (a.id == selected)
            m_table->selectRow(r);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void ArchivedPanel::setWritable(bool writable, bool mayDeleteForGood)
{
    m_writable = writable;
    m_mayDelete = writable && mayDeleteForGood;
    const QString why = writable ? QString() : tr("Your database role may only read employees.");
    m_restore->setToolTip(writable ? tr("Bring the selected employee back, with their profile and history")
                                   : why);
    m_delete->setToolTip(m_mayDelete ? tr("Erase the selected employee and their profile for good")
                         : writable  ? tr("Only an administrator may delete employees permanently.")
                                     : why);
    updateButtons();
}

qint64 ArchivedPanel::currentEmployeeId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : items.first()->data(Qt::UserRole).toLongLong();
}

int ArchivedPanel::count() const
{
    return m_table->rowCount();
}

void ArchivedPanel::updateButtons()
{
    const bool selected = currentEmployeeId() != 0;
    m_restore->setEnabled(m_writable && selected);
    m_delete->setEnabled(m_mayDelete && selected);
}

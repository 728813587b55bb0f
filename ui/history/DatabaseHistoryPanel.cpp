#include "history/DatabaseHistoryPanel.h"

#include "domain/DisplayFormat.h"
#include "views/HistoryTableModel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QDateEdit *dateEdit(QWidget *parent, const QString &objectName, const QDate &date)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    // Four-digit years, as the views show dates (DisplayFormat).
    edit->setDisplayFormat(DisplayFormat::dateFormat());
    edit->setEnabled(false); // until its box is ticked: an open range by default
    return edit;
}
} // namespace

DatabaseHistoryPanel::DatabaseHistoryPanel(QWidget *parent)
    : QWidget(parent),
      m_person(new QLineEdit(this)),
      m_user(new QLineEdit(this)),
      m_fromCheck(new QCheckBox(tr("&From"), this)),
      m_from(dateEdit(this, QStringLiteral("historyFromEdit"), QDate::currentDate().addMonths(-1))),
      m_toCheck(new QCheckBox(tr("&To"), this)),
      m_to(dateEdit(this, QStringLiteral("historyToEdit"), QDate::currentDate())),
      m_table(new QTableView(this)),
      m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_person->setObjectName(QStringLiteral("historyPersonEdit"));
    m_person->setPlaceholderText(tr("Person: name or email"));
    m_person->setAccessibleName(tr("Person"));
    m_person->setClearButtonEnabled(true);
    m_person->setToolTip(tr("Changes of the employees whose name, email or phone starts with these words"));
    m_user->setObjectName(QStringLiteral("historyUserEdit"));
    m_user->setPlaceholderText(tr("User"));
    m_user->setAccessibleName(tr("User"));
    m_user->setClearButtonEnabled(true);
    m_user->setToolTip(tr("Changes made by the user or database role whose name starts with this"));
    m_fromCheck->setObjectName(QStringLiteral("historyFromCheck"));
    m_toCheck->setObjectName(QStringLiteral("historyToCheck"));
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("History of all employees"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Rows of one height: the view then never asks a row of the million
    // for its size, only those it paints.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_count->setObjectName(QStringLiteral("historyCountLabel"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_person, 2);
    filters->addWidget(m_user, 1);
    filters->addWidget(m_fromCheck);
    filters->addWidget(m_from);
    filters->addWidget(m_toCheck);
    filters->addWidget(m_to);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_table);
    layout->addWidget(m_count);

    connect(m_person, &QLineEdit::textChanged, this, &DatabaseHistoryPanel::applyFilter);
    connect(m_user, &QLineEdit::textChanged, this, &DatabaseHistoryPanel::applyFilter);
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_fromCheck, &QCheckBox::toggled, this, &DatabaseHistoryPanel::applyFilter);
    connect(m_toCheck, &QCheckBox::toggled, this, &DatabaseHistoryPanel::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &DatabaseHistoryPanel::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &DatabaseHistoryPanel::applyFilter);
}

void DatabaseHistoryPanel::setDatabase(const QSqlDatabase &db)
{
    HistoryTableModel *old = m_model;
    m_model = new HistoryTableModel(db, this);
    m_model->setObjectName(QStringLiteral("historyModel"));
    m_model->setFieldLabels(m_fieldLabels);
    m_model->setFilter(filter());
    m_table->setModel(m_model);
    connect(m_model, &HistoryTableModel::countsChanged, this, &DatabaseHistoryPanel::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DatabaseHistoryPanel::updateCount);
    delete old; // after the view let go of it
    // Widths from the font, not from the rows: sizing to contents would read
    // a thousand rows of a history that may hold a million.
    const QFontMetrics fm = m_table->fontMetrics();
    const auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(HistoryTableModel::Time, width(QStringLiteral("2026-12-31 23:59:59")));
    m_table->setColumnWidth(HistoryTableModel::User, width(QStringLiteral("firstname.lastname")));
    m_table->setColumnWidth(HistoryTableModel::Origin, width(QStringLiteral("import of employees.csv")));
    m_table->setColumnWidth(HistoryTableModel::Employee, width(QStringLiteral("Firstname Lastname (archived)")));
    m_table->setColumnWidth(HistoryTableModel::Field, width(QStringLiteral("Date of birth")));
    updateCount();
}

void DatabaseHistoryPanel::setFieldLabels(const QHash<QString, QString> &labels)
{
    m_fieldLabels = labels;
    if (m_model)
        m_model->setFieldLabels(labels);
}

void DatabaseHistoryPanel::refresh()
{
    if (m_model)
        m_model->refresh();
}

HistoryFilter DatabaseHistoryPanel::filter() const
{
    HistoryFilter f;
    f.person = m_person->text();
    f.user = m_user->text();
    if (m_fromCheck->isChecked())
        f.from = m_from->date();
    if (m_toCheck->isChecked())
        f.to = m_to->date();
    return f;
}

void DatabaseHistoryPanel::applyFilter()
{
    if (m_model)
        m_model->setFilter(filter());
}

void DatabaseHistoryPanel::updateCount()
{
    if (!m_model) {
        m_count->clear();
        return;
    }
    const int n = int(qMin<qint64>(m_model->matchCount(), INT_MAX));
    // A broad filter shows its first rows before its exact count arrives.
    m_count->setText(m_model->isCountExact() ? tr("%n change(s)", nullptr, n)
                                              : tr("at least %n change(s)", nullptr, n));
}

#include "editor/HistoryPanel.h"

#include "domain/DisplayFormat.h"
#include "domain/Gender.h"
#include "domain/HistoryFormat.h"
#include "domain/Timestamp.h"
#include "editor/RecordFieldText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr int EntryRole = Qt::UserRole + 1; // index into m_entries; -1 on a group

struct FieldKey
{
    const char *key;
    RecordField field;
};
constexpr FieldKey Keys[] = {
    {"first_name", RecordField::FirstName},
    {"last_name", RecordField::LastName},
    {"email", RecordField::Email},
    {"phone", RecordField::Phone},
    {"date_of_birth", RecordField::DateOfBirth},
    {"team", RecordField::Team},
    {"gender", RecordField::Gender},
    {"address", RecordField::Address},
    {"bio", RecordField::Bio},
    {"photo", RecordField::Photo},
};

std::optional<RecordField> fieldOf(const QString &key)
{
    for (const FieldKey &k : Keys) {
        if (key == QLatin1String(k.key))
            return k.field;
    }
    return std::nullopt;
}

// Where a field stands in the form (unknown ones last).
int formOrder(const QString &key)
{
    int i = 0;
    for (const FieldKey &k : Keys) {
        if (key == QLatin1String(k.key))
            return i;
        ++i;
    }
    return i;
}

// The lines of a save in the form's order of their fields.
void sortLines(QTreeWidgetItem *group, const QList<HistoryEntry> &entries)
{
    QList<QTreeWidgetItem *> lines = group->takeChildren();
    std::stable_sort(lines.begin(), lines.end(), [&](const QTreeWidgetItem *a, const QTreeWidgetItem *b) {
        return formOrder(entries.value(a->data(0, EntryRole).toInt()).field)
            < formOrder(entries.value(b->data(0, EntryRole).toInt()).field);
    });
    group->addChildren(lines);
}

bool sameSave(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.changeSetId == b.changeSetId && (a.changeSetId != 0 || a.at == b.at);
}
} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent),
      m_tree(new QTreeWidget(this)),
      m_restoreValue(new QPushButton(tr("Restore This &Value"), this)),
      m_restoreVersion(new QPushButton(tr("Restore This Versi&on"), this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_tree->setObjectName(QStringLiteral("historyTree"));
    m_tree->setAccessibleName(tr("History"));
    m_tree->setHeaderLabels({tr("When"), tr("Who"), tr("Field"), tr("Before"), tr("After")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_restoreValue->setObjectName(QStringLiteral("restoreValueButton"));
    m_restoreValue->setToolTip(tr("Put this field's earlier value back into the form"));
    m_restoreVersion->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restoreVersion->setToolTip(tr("Put every field of this save back as it was before it"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_restoreValue);
    buttons->addWidget(m_restoreVersion);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &HistoryPanel::updateButtons);
    connect(m_restoreValue, &QPushButton::clicked, this, [this] { restore(false); });
    connect(m_restoreVersion, &QPushButton::clicked, this, [this] { restore(true); });
    updateButtons();
}

void HistoryPanel::setEntries(const QList<HistoryEntry> &entries, const QList<Team> &teams)
{
    m_entries = entries;
    m_teams = teams;
    m_tree->clear();
    QTreeWidgetItem *group = nullptr;
    for (int i = 0; i < m_entries.size(); ++i) {
        const HistoryEntry &e = m_entries.at(i);
        if (!group || !sameSave(m_entries.at(group->data(0, EntryRole + 1).toInt()), e)) {
            const QDateTime at = Timestamp::fromText(e.at).toLocalTime();
            group = new QTreeWidgetItem(
                m_tree, {QLocale().toString(at, QLocale::ShortFormat), HistoryFormat::who(e)});
            group->setData(0, EntryRole, -1);
            group->setData(0, EntryRole + 1, i);
            group->setToolTip(0, e.at);
        }
        QString field;
        QString before;
        QString after;
        if (e.action == QLatin1String("changed")) {
            field = fieldLabel(e.field);
            before = valueText(e.field, e.oldValue);
            after = valueText(e.field, e.newValue);
        } else if (e.action == QLatin1String("archived")) {
            field = tr("Archived");
            after = tr("Left on %1").arg(valueText(QStringLiteral("date_of_birth"), e.newValue));
        } else if (e.action == QLatin1String("restored")) {
            field = tr("Restored");
        } else if (e.action == QLatin1String("exported")) {   // GDPR Art. 15; the format, no data
            field = tr("Exported");
            after = e.newValue.toString();
        } else {
            field = e.action == QLatin1String("created") ? tr("Created") : tr("Deleted");
        }
        auto *line = new QTreeWidgetItem(group, {QString(), QString(), field, before, after});
        line->setData(0, EntryRole, i);
        line->setToolTip(3, before);
        line->setToolTip(4, after);
    }
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        sortLines(m_tree->topLevelItem(g), m_entries);
    m_tree->expandAll();
    for (int c = 0; c < 4; ++c)
        m_tree->resizeColumnToContents(c);
    updateButtons();
}

int HistoryPanel::groupCount() const
{
    return m_tree->topLevelItemCount();
}

void HistoryPanel::setRestoreEnabled(bool enabled)
{
    m_restoreEnabled = enabled;
    updateButtons();
}

QString HistoryPanel::fieldLabel(const QString &field) const
{
    const std::optional<RecordField> f = fieldOf(field);
    return f ? RecordFieldText::label(*f) : field;
}

QString HistoryPanel::valueText(const QString &field, const QVariant &value) const
{
    if (value.isNull())
        return tr("(empty)");
    const QString text = value.toString();
    if (field == QLatin1String("phone"))
        return DisplayFormat::phone(text);
    if (field == QLatin1String("date_of_birth")) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : text;
    }
    if (field == QLatin1String("gender")) {
        const std::optional<Gender> gender = genderFromCode(text);
        return gender ? genderDisplayName(*gender) : text;
    }
    if (field == QLatin1String("photo"))
        return tr("A photo");
    return text;
}

bool HistoryPanel::restorable(const HistoryEntry &entry, QPair<RecordField, QVariant> *value) const
{
    const std::optional<RecordField> field = fieldOf(entry.field);
    if (entry.action != QLatin1String("changed") || !field || *field == RecordField::Photo)
        return false; // a photo's bytes are not kept
    if (*field == RecordField::Team) {
        if (entry.oldValue.isNull()) {
            *value = {*field, qint64(0)};
            return true;
        }
        for (const Team &team : m_teams) {
            if (team.name == entry.oldValue.toString()) {
                *value = {*field, team.id};
                return true;
            }
        }
        return false; // that team is gone
    }
    *value = {*field, entry.oldValue.isNull() ? QString() : entry.oldValue.toString()};
    return true;
}

QList<QPair<RecordField, QVariant>> HistoryPanel::valuesOf(const QTreeWidgetItem *item) const
{
    QList<QPair<RecordField, QVariant>> values;
    QList<const QTreeWidgetItem *> lines;
    if (item && item->data(0, EntryRole).toInt() < 0) {
        for (int i = 0; i < item->childCount(); ++i)
            lines << item->child(i);
    } else if (item) {
        lines << item;
    }
    for (const QTreeWidgetItem *line : lines) {
        QPair<RecordField, QVariant> value;
        if (restorable(m_entries.value(line->data(0, EntryRole).toInt()), &value))
            values << value;
    }
    return values;
}

void HistoryPanel::updateButtons()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const bool line = item && item->data(0, EntryRole).toInt() >= 0;
    m_restoreValue->setEnabled(m_restoreEnabled && line && !valuesOf(item).isEmpty());
    const QTreeWidgetItem *group = line ? item->parent() : item;
    m_restoreVersion->setEnabled(m_restoreEnabled && group && !valuesOf(group).isEmpty());
}

void HistoryPanel::restore(bool wholeVersion)
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (wholeVersion && item && item->parent())
        item = item->parent();
    const QList<QPair<RecordField, QVariant>> values = valuesOf(item);
    if (!values.isEmpty())
        emit restoreRequested(values);
}

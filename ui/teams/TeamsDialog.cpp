#include "teams/TeamsDialog.h"

#include "store/EmployeeStore.h"
#include "common/IconProvider.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

TeamsDialog::TeamsDialog(EmployeeStore *store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Teams"));
    setObjectName(QStringLiteral("TeamsDialog"));

    auto *label = new QLabel(tr("&Teams:"), this);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Teams"));
    m_list->setSortingEnabled(true);
    label->setBuddy(m_list);

    m_add = new QPushButton(IconProvider::icon(QStringLiteral("list-add")), tr("&Add…"), this);
    m_add->setAccessibleName(tr("Add Team"));
    m_rename = new QPushButton(IconProvider::icon(QStringLiteral("edit-rename")), tr("&Rename…"), this);
    m_rename->setAccessibleName(tr("Rename Team"));
    m_delete = new QPushButton(IconProvider::icon(QStringLiteral("list-remove")), tr("&Delete"), this);
    m_delete->setAccessibleName(tr("Delete Team"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &TeamsDialog::onAdd);
    connect(m_rename, &QPushButton::clicked, this, &TeamsDialog::onRename);
    connect(m_delete, &QPushButton::clicked, this, &TeamsDialog::onDelete);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &TeamsDialog::onRename);
    connect(m_list, &QListWidget::currentRowChanged, this, &TeamsDialog::updateButtons);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &EmployeeStore::teamsChanged, this, &TeamsDialog::reload);

    reload();
    resize(420, 320);
}

void TeamsDialog::reload()
{
    const qint64 current = currentTeamId();
    m_list->clear();
    for (const Team &team : m_store->teams()) {
        auto *item = new QListWidgetItem(team.name, m_list);
        item->setData(Qt::UserRole, team.id);
    }
    selectTeam(current);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

qint64 TeamsDialog::currentTeamId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

QString TeamsDialog::currentTeamName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

void TeamsDialog::selectTeam(qint64 teamId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == teamId) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

void TeamsDialog::updateButtons()
{
    const bool has = m_list->currentItem() != nullptr;
    m_rename->setEnabled(has);
    m_delete->setEnabled(has);
}

QString TeamsDialog::addTeam(const QString &name)
{
    const StoreResult result = m_store->createTeam(name.trimmed());
    if (!result.ok())
        return result.errors().isEmpty() ? tr("The team could not be added.") : result.errors().first().message;
    reload();
    selectTeam(result.id());
    return {};
}

QString TeamsDialog::renameTeam(qint64 teamId, const QString &name)
{
    const StoreResult result = m_store->renameTeam(teamId, name.trimmed());
    if (!result.ok())
        return result.errors().isEmpty() ? tr("The team could not be renamed.") : result.errors().first().message;
    reload();
    selectTeam(teamId);
    return {};
}

QString TeamsDialog::deleteTeam(qint64 teamId)
{
    const StoreResult result = m_store->deleteTeam(teamId);
    if (!result.ok())
        return result.errors().isEmpty() ? tr("The team could not be deleted.") : result.errors().first().message;
    reload();
    return {};
}

// Asks for a name until `apply` takes it (it answers "" or why not) or the
// user cancels; what they typed stays in the field after a refusal.
void TeamsDialog::askForName(const QString &title, const QString &prompt, const QString &initial,
                             const std::function<QString(const QString &)> &apply)
{
    QString name = initial;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(this, title, prompt, QLineEdit::Normal, name, &ok);
        if (!ok || (!initial.isEmpty() && name.trimmed() == initial))
            return;
        if (name.trimmed().isEmpty()) {
            QMessageBox::warning(this, title, tr("A team needs a name."));
            continue;
        }
        const QString error = apply(name);
        if (error.isEmpty())
            return;
        QMessageBox::warning(this, title, error);
    }
}

void TeamsDialog::onAdd()
{
    askForName(tr("Add Team"), tr("Name of the new team:"), QString(),
               [this](const QString &name) { return addTeam(name); });
}

void TeamsDialog::onRename()
{
    const qint64 id = currentTeamId();
    if (!id)
        return;
    askForName(tr("Rename Team"), tr("New name of “%1”:").arg(currentTeamName()), currentTeamName(),
               [this, id](const QString &name) { return renameTeam(id, name); });
}

void TeamsDialog::onDelete()
{
    const qint64 id = currentTeamId();
    if (!id)
        return;
    const QString name = currentTeamName();
    if (QMessageBox::question(this, tr("Delete Team"), tr("Delete the team “%1”?").arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    const QString error = deleteTeam(id);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Delete Team"), tr("“%1” cannot be deleted: %2").arg(name, error));
}

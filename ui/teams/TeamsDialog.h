#pragma once

#include <QDialog>
#include <functional>

class EmployeeStore;
class QListWidget;
class QPushButton;

// Add, rename and delete teams through the store. Names are unique (the
// store says so when one is taken); a team that profiles still use cannot be
// deleted, and the store's reason is shown.
class TeamsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TeamsDialog(EmployeeStore *store, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }

    // The operations behind the buttons, without the prompts (for tests and
    // scripted use). Return the store's error message, empty on success.
    QString addTeam(const QString &name);
    QString renameTeam(qint64 teamId, const QString &name);
    QString deleteTeam(qint64 teamId);

private slots:
    void onAdd();
    void onRename();
    void onDelete();
    void reload();

private:
    void askForName(const QString &title, const QString &prompt, const QString &initial,
                    const std::function<QString(const QString &)> &apply);
    qint64 currentTeamId() const;
    QString currentTeamName() const;
    void selectTeam(qint64 teamId);
    void updateButtons();

    EmployeeStore *m_store;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_delete;
};

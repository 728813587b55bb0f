#pragma once

#include "domain/EmployeeRecord.h"
#include "validation/EmployeeValidator.h"
#include "domain/FieldError.h"
#include "domain/StoreResult.h"
#include "domain/Team.h"

#include <QDialog>
#include <memory>

class ConflictDialog;
class EmployeeStore;
class FormErrorLabels;
class HistoryPanel;
class PersonalDataExportController;
class QPushButton;
class QTabWidget;
class RecordBinding;

namespace Ui {
class EmployeeEditDialog;
}

// The form editor: one employee and, below it, its profile reached through
// the reverse relation.
//
// One read, one write: the form shows an EmployeeRecord read in one statement
// (EmployeeStore::record), remembers what each field showed, and on Save
// writes only the fields whose input now differs (EmployeeStore::saveChanges,
// against the versions of that same read). Opening and saving without an edit
// writes nothing; NULL stays NULL. Save validates with EmployeeValidator and
// shows each error under its field, keeping what the user typed.
//
// When someone else saved the employee meanwhile, a ConflictDialog lets the
// user keep their edits on top of the other version or take theirs; when it
// was deleted, save it as new or discard. Both open non-modally on top of the
// form (open()), so nothing typed is lost while the user decides.
//
// Non-blocking friendly: open() it and listen to accepted()/finished().
class EmployeeEditDialog : public QDialog
{
    Q_OBJECT
public:
    // employeeId 0 opens an empty form for a new employee.
    EmployeeEditDialog(EmployeeStore *store, qint64 employeeId, QWidget *parent = nullptr);
    ~EmployeeEditDialog() override;

    // Phone numbers without a country code are read in the validator's
    // region (the system locale's unless --phone-region says otherwise).
    void setValidator(const EmployeeValidator &validator) { m_validator = validator; }

    // For a role that may only read: every input shows and cannot change,
    // and the form has Close instead of Save and Cancel.
    void setReadOnly(bool readOnly);

    // The employee edited, or the one created by a successful save.
    qint64 employeeId() const { return m_employeeId; }
    bool isNewEmployee() const { return m_isNew; }

public slots:
    // Validates and writes; accepts the dialog on success. Returns whether it saved.
    bool save();
    // Asks before discarding unsaved changes (Cancel, Esc, the close button).
    void reject() override;
    // Another client committed changes (`who`: their database roles, when
    // known): an unedited form shows this employee's new version by itself;
    // an edited one keeps the input, says so and offers Reload (saving
    // otherwise asks which version to keep).
    void recordChangedElsewhere(const QString &who = {});
    // The window reconnected to the same database: the form goes on with the
    // new connection's store, keeping the input and the versions it read.
    void setStore(EmployeeStore *store) { m_store = store; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpFields();
    void setUpTeams();
    void setUpTabs();
    void setUpExport();
    void loadHistory();
    void restoreValues(const QList<QPair<RecordField, QVariant>> &values);
    void loadRecord(const EmployeeRecord &record);
    void reloadTheirVersion();
    void onEdited();
    void updateTitle();
    FieldErrors validate(EmployeeRecord &record, const RecordFields &fields) const;

    bool saveNew();
    bool saveEdits();
    void handleRefusal(const StoreResult &result, const EmployeeRecord &mine, const RecordFields &fields);
    void askAboutConflict(const EmployeeRecord &mine, const RecordFields &fields, const EmployeeRecord &theirs);
    void resolveConflict(ConflictDialog *dialog, const EmployeeRecord &theirs);
    void askAboutDeletion();

    std::unique_ptr<Ui::EmployeeEditDialog> m_ui;
    std::unique_ptr<RecordBinding> m_binding;
    std::unique_ptr<FormErrorLabels> m_errors;
    EmployeeStore *m_store;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    PersonalDataExportController *m_exporter = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryPanel *m_history = nullptr;
    EmployeeValidator m_validator;
    qint64 m_employeeId;
    bool m_isNew;
    bool m_loading = false;
    bool m_readOnly = false;
    QList<Team> m_teams;
};

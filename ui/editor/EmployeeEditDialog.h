#pragma once

#include "Employee.h"
#include "EmployeeProfile.h"
#include "EmployeeValidator.h"
#include "FieldError.h"

#include <QDialog>
#include <QHash>
#include <memory>

class EmployeeStore;
class QDataWidgetMapper;
class QLabel;
class QSqlRelationalTableModel;
class QSqlTableModel;

namespace Ui {
class EmployeeEditDialog;
}

// The form editor: one employee and, below it, its profile reached through
// the reverse relation. Both are read through Qt SQL models bound with
// QDataWidgetMapper (a QSqlTableModel of `employee` and a
// QSqlRelationalTableModel of `employee_profile` with the team relation,
// each filtered to this one employee by its integer id, and a
// QSqlRelationalDelegate for the team combo). Save validates with
// EmployeeValidator, shows each error under its field and keeps what the user
// typed; a valid form is written through EmployeeStore in one transaction
// (saveEmployeeWithProfile, or createEmployee seeded with the profile for a
// new employee, whose profile the employeeCreated receiver creates).
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

    // The employee edited, or the one created by a successful save.
    qint64 employeeId() const { return m_employeeId; }
    bool isNewEmployee() const { return m_isNew; }

    // The visible error message under `field` (a column name such as
    // "email"), or an empty string.
    QString errorFor(const QString &field) const;
    QWidget *fieldWidget(const QString &field) const;

    QSqlTableModel *employeeModel() const { return m_employeeModel; }
    QSqlRelationalTableModel *profileModel() const { return m_profileModel; }
    int teamColumn() const { return m_teamColumn; }

public slots:
    // Validates and writes; accepts the dialog on success. Returns whether it saved.
    bool save();
    // Asks before discarding unsaved changes (Cancel, Esc, the close button).
    void reject() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FieldUi
    {
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };

    void setUpModels();
    void setUpFields();
    void load();
    void onEdited();
    void updateTitle();
    void clearErrors();
    void showErrors(const FieldErrors &errors);
    Employee employeeFromForm() const;
    EmployeeProfile profileFromForm() const;
    qint64 selectedTeamId() const;

    std::unique_ptr<Ui::EmployeeEditDialog> m_ui;
    EmployeeStore *m_store;
    EmployeeValidator m_validator;
    qint64 m_employeeId;
    bool m_isNew;
    bool m_loading = false;
    Employee m_original;
    EmployeeProfile m_originalProfile;

    QSqlTableModel *m_employeeModel = nullptr;
    QSqlRelationalTableModel *m_profileModel = nullptr;
    QDataWidgetMapper *m_employeeMapper = nullptr;
    QDataWidgetMapper *m_profileMapper = nullptr;
    int m_teamColumn = -1;

    QHash<QString, FieldUi> m_fields;
    QStringList m_fieldOrder;   // visual order, to focus the first bad field
};

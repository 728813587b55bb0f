#include "EmployeeEditDialog.h"

#include "DisplayFormat.h"
#include "ui_EmployeeEditDialog.h"

#include "EmployeeStore.h"
#include "IconProvider.h"

#include <QDataWidgetMapper>
#include <QMessageBox>
#include <QPushButton>
#include <QKeyEvent>
#include <QSqlRelationalDelegate>
#include <QSqlRelationalTableModel>
#include <QSqlTableModel>

namespace {
void makeErrorLabel(QLabel *label)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(pal);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // Use the whole width of the field column (QFormLayout only grows
    // expanding fields).
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->hide();
}
}

EmployeeEditDialog::EmployeeEditDialog(EmployeeStore *store, qint64 employeeId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EmployeeEditDialog>())
    , m_store(store)
    , m_employeeId(employeeId)
    , m_isNew(employeeId <= 0)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("EmployeeEditDialog"));
    setUpFields();
    setUpModels();
    // Esc cancels from every field. QDataWidgetMapper's delegate filters the
    // mapped widgets' keys and would take Esc to revert just that field;
    // this filter, installed after the mappings, runs before it.
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);
    load();
    // As tall as the fields need: extra height would only spread the rows.
    resize(qMax(width(), sizeHint().width()), sizeHint().height());
}

EmployeeEditDialog::~EmployeeEditDialog() = default;

void EmployeeEditDialog::setUpFields()
{
    auto add = [this](const QString &field, QWidget *input, QLabel *error) {
        m_fields.insert(field, FieldUi{input, error});
        m_fieldOrder << field;
        makeErrorLabel(error);
    };
    add(QStringLiteral("first_name"), m_ui->firstNameEdit, m_ui->firstNameError);
    add(QStringLiteral("last_name"), m_ui->lastNameEdit, m_ui->lastNameError);
    add(QStringLiteral("email"), m_ui->emailEdit, m_ui->emailError);
    add(QStringLiteral("phone"), m_ui->phoneEdit, m_ui->phoneError);
    add(QStringLiteral("date_of_birth"), m_ui->dateOfBirthEdit, m_ui->dateOfBirthError);
    add(QStringLiteral("team"), m_ui->teamCombo, m_ui->teamError);
    add(QStringLiteral("gender"), m_ui->genderCombo, m_ui->genderError);
    add(QStringLiteral("address"), m_ui->addressEdit, m_ui->addressError);
    add(QStringLiteral("bio"), m_ui->bioEdit, m_ui->bioError);
    add(QStringLiteral("photo"), m_ui->photoField, m_ui->photoError);
    makeErrorLabel(m_ui->generalError);

    m_ui->firstNameEdit->setMaxLength(EmployeeValidator::MaxNameLength);
    m_ui->lastNameEdit->setMaxLength(EmployeeValidator::MaxNameLength);
    m_ui->emailEdit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_ui->phoneEdit->setInputMethodHints(Qt::ImhDialableCharactersOnly);

    // The .ui holds the English source strings; translate them here too so
    // that lupdate sees every user-visible text in one place.
    m_ui->employeeGroup->setTitle(tr("Employee"));
    m_ui->profileGroup->setTitle(tr("Profile"));
    m_ui->photoGroup->setTitle(tr("Photo"));
    m_ui->firstNameEdit->setAccessibleName(tr("First name"));
    m_ui->lastNameEdit->setAccessibleName(tr("Last name"));
    m_ui->emailEdit->setAccessibleName(tr("Email"));
    m_ui->phoneEdit->setAccessibleName(tr("Phone"));
    m_ui->photoField->setAccessibleName(tr("Photo"));
    m_ui->dateOfBirthEdit->setAccessibleName(tr("Date of birth"));
    m_ui->teamCombo->setAccessibleName(tr("Team"));
    m_ui->genderCombo->setAccessibleName(tr("Gender"));
    m_ui->addressEdit->setAccessibleName(tr("Address"));
    m_ui->bioEdit->setAccessibleName(tr("Bio"));

    m_ui->clearDateButton->setIcon(IconProvider::icon(QStringLiteral("edit-clear")));
    m_ui->clearDateButton->setText(tr("Clear"));
    m_ui->clearDateButton->setToolTip(tr("Clear the date of birth"));
    m_ui->clearDateButton->setAccessibleName(tr("Clear date of birth"));
    m_ui->clearTeamButton->setIcon(IconProvider::icon(QStringLiteral("edit-clear")));
    m_ui->clearTeamButton->setText(tr("Clear"));
    m_ui->clearTeamButton->setToolTip(tr("No team"));
    m_ui->clearTeamButton->setAccessibleName(tr("No team"));
    connect(m_ui->clearDateButton, &QToolButton::clicked, m_ui->dateOfBirthEdit, &DateOfBirthEdit::clearDate);
    connect(m_ui->clearTeamButton, &QToolButton::clicked, this, [this] { m_ui->teamCombo->setCurrentIndex(-1); });

    QPushButton *saveButton = m_ui->buttonBox->button(QDialogButtonBox::Save);
    QPushButton *cancelButton = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    saveButton->setText(tr("&Save"));
    saveButton->setAccessibleName(tr("Save"));
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setDefault(true);
    cancelButton->setText(tr("Cancel"));
    cancelButton->setAccessibleName(tr("Cancel"));
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &EmployeeEditDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &EmployeeEditDialog::reject);

    for (QLineEdit *edit : {m_ui->firstNameEdit, m_ui->lastNameEdit, m_ui->emailEdit, m_ui->phoneEdit})
        connect(edit, &QLineEdit::textChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->dateOfBirthEdit, &DateOfBirthEdit::isoDateChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->teamCombo, &QComboBox::currentIndexChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->genderCombo, &GenderComboBox::codeChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->addressEdit, &QPlainTextEdit::textChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->bioEdit, &QPlainTextEdit::textChanged, this, &EmployeeEditDialog::onEdited);
    connect(m_ui->photoField, &PhotoField::photoChanged, this, &EmployeeEditDialog::onEdited);
}

void EmployeeEditDialog::setUpModels()
{
    const QSqlDatabase db = m_store->database();
    // The filters below are built from the integer id only, never from text
    // a user typed.
    const qint64 id = m_isNew ? 0 : m_employeeId;

    m_employeeModel = new QSqlTableModel(this, db);
    m_employeeModel->setObjectName(QStringLiteral("employeeFormModel"));
    m_employeeModel->setTable(QStringLiteral("employee"));
    m_employeeModel->setEditStrategy(QSqlTableModel::OnManualSubmit);
    m_employeeModel->setFilter(QStringLiteral("id = %1").arg(id));

    m_employeeMapper = new QDataWidgetMapper(this);
    m_employeeMapper->setModel(m_employeeModel);
    m_employeeMapper->setSubmitPolicy(QDataWidgetMapper::ManualSubmit);
    m_employeeMapper->addMapping(m_ui->firstNameEdit, m_employeeModel->fieldIndex(QStringLiteral("first_name")));
    m_employeeMapper->addMapping(m_ui->lastNameEdit, m_employeeModel->fieldIndex(QStringLiteral("last_name")));
    m_employeeMapper->addMapping(m_ui->emailEdit, m_employeeModel->fieldIndex(QStringLiteral("email")));
    m_employeeMapper->addMapping(m_ui->phoneEdit, m_employeeModel->fieldIndex(QStringLiteral("phone")));

    m_profileModel = new QSqlRelationalTableModel(this, db);
    m_profileModel->setObjectName(QStringLiteral("profileFormModel"));
    m_profileModel->setTable(QStringLiteral("employee_profile"));
    m_profileModel->setEditStrategy(QSqlTableModel::OnManualSubmit);
    m_profileModel->setJoinMode(QSqlRelationalTableModel::LeftJoin);
    m_teamColumn = m_profileModel->fieldIndex(QStringLiteral("team_id"));
    m_profileModel->setRelation(m_teamColumn, QSqlRelation(QStringLiteral("team"), QStringLiteral("id"),
                                                           QStringLiteral("name")));
    m_profileModel->setFilter(QStringLiteral("employee_profile.employee_id = %1").arg(id));

    QSqlTableModel *teams = m_profileModel->relationModel(m_teamColumn);
    if (teams) {
        teams->setSort(teams->fieldIndex(QStringLiteral("name")), Qt::AscendingOrder);
        teams->select();
        m_ui->teamCombo->setModel(teams);
        m_ui->teamCombo->setModelColumn(teams->fieldIndex(QStringLiteral("name")));
    }

    m_profileMapper = new QDataWidgetMapper(this);
    m_profileMapper->setModel(m_profileModel);
    m_profileMapper->setSubmitPolicy(QDataWidgetMapper::ManualSubmit);
    m_profileMapper->setItemDelegate(new QSqlRelationalDelegate(m_profileMapper));
    m_profileMapper->addMapping(m_ui->dateOfBirthEdit, m_profileModel->fieldIndex(QStringLiteral("date_of_birth")),
                                "isoDate");
    m_profileMapper->addMapping(m_ui->teamCombo, m_teamColumn);
    m_profileMapper->addMapping(m_ui->genderCombo, m_profileModel->fieldIndex(QStringLiteral("gender")), "code");
    m_profileMapper->addMapping(m_ui->addressEdit, m_profileModel->fieldIndex(QStringLiteral("address")),
                                "plainText");
    m_profileMapper->addMapping(m_ui->bioEdit, m_profileModel->fieldIndex(QStringLiteral("bio")), "plainText");
    m_profileMapper->addMapping(m_ui->photoField, m_profileModel->fieldIndex(QStringLiteral("photo")), "photo");
}

void EmployeeEditDialog::load()
{
    m_loading = true;
    if (!m_isNew) {
        if (auto e = m_store->employee(m_employeeId))
            m_original = *e;
        if (auto p = m_store->profileOf(m_employeeId))
            m_originalProfile = *p;
        m_employeeModel->select();
        m_profileModel->select();
        m_employeeMapper->toFirst();
        m_profileMapper->toFirst();
        // Stored as E.164, shown grouped as in the views; saving normalizes it again.
        m_ui->phoneEdit->setText(DisplayFormat::phone(m_ui->phoneEdit->text()));
    } else {
        m_ui->teamCombo->setCurrentIndex(-1);
        m_ui->genderCombo->setGender(Gender::Unspecified);
        m_ui->dateOfBirthEdit->clearDate();
    }
    m_loading = false;
    setWindowModified(false);
    updateTitle();
    m_ui->firstNameEdit->setFocus();
}

void EmployeeEditDialog::onEdited()
{
    if (m_loading)
        return;
    setWindowModified(true);
    updateTitle();
}

void EmployeeEditDialog::updateTitle()
{
    const QString name = (m_ui->firstNameEdit->text().trimmed() + QLatin1Char(' ')
                          + m_ui->lastNameEdit->text().trimmed()).trimmed();
    if (m_isNew) {
        setWindowTitle(name.isEmpty() ? tr("New Employee[*]") : tr("%1[*] – New Employee").arg(name));
    } else {
        setWindowTitle(tr("%1[*] – Edit Employee").arg(name.isEmpty() ? tr("Unnamed") : name));
    }
}

qint64 EmployeeEditDialog::selectedTeamId() const
{
    const int row = m_ui->teamCombo->currentIndex();
    QSqlTableModel *teams = m_profileModel->relationModel(m_teamColumn);
    if (row < 0 || !teams)
        return 0;
    return teams->data(teams->index(row, teams->fieldIndex(QStringLiteral("id")))).toLongLong();
}

Employee EmployeeEditDialog::employeeFromForm() const
{
    Employee e = m_original;
    e.id = m_isNew ? 0 : m_employeeId;
    e.firstName = m_ui->firstNameEdit->text();
    e.lastName = m_ui->lastNameEdit->text();
    e.email = m_ui->emailEdit->text();
    e.phone = m_ui->phoneEdit->text();
    return e;
}

EmployeeProfile EmployeeEditDialog::profileFromForm() const
{
    EmployeeProfile p = m_originalProfile;
    p.employeeId = m_isNew ? 0 : m_employeeId;
    p.dateOfBirth = m_ui->dateOfBirthEdit->dateOfBirth();
    p.teamId = selectedTeamId();
    p.gender = m_ui->genderCombo->gender();
    p.address = m_ui->addressEdit->toPlainText();
    p.bio = m_ui->bioEdit->toPlainText();
    p.photo = m_ui->photoField->photo();
    return p;
}

void EmployeeEditDialog::clearErrors()
{
    for (const FieldUi &f : std::as_const(m_fields)) {
        f.error->clear();
        f.error->hide();
        f.input->setAccessibleDescription(QString());
    }
    m_ui->generalError->clear();
    m_ui->generalError->hide();
}

void EmployeeEditDialog::showErrors(const FieldErrors &errors)
{
    QStringList general;
    for (const FieldError &error : errors) {
        QString field = error.field;
        if (field == QLatin1String("team_id"))
            field = QStringLiteral("team");
        auto it = m_fields.constFind(field);
        if (it == m_fields.constEnd()) {
            general << (field.isEmpty() ? error.message : field + QStringLiteral(": ") + error.message);
            continue;
        }
        const QString text = it->error->text().isEmpty() ? error.message
                                                          : it->error->text() + QLatin1Char('\n') + error.message;
        it->error->setText(text);
        it->error->show();
        it->input->setAccessibleDescription(text);
    }
    if (!general.isEmpty()) {
        m_ui->generalError->setText(general.join(QLatin1Char('\n')));
        m_ui->generalError->show();
    }
    for (const QString &field : std::as_const(m_fieldOrder)) {
        const FieldUi &f = m_fields[field];
        if (!f.error->isHidden()) {
            f.input->setFocus(Qt::OtherFocusReason);
            if (auto *edit = qobject_cast<QLineEdit *>(f.input))
                edit->selectAll();
            return;
        }
    }
}

QString EmployeeEditDialog::errorFor(const QString &field) const
{
    if (field.isEmpty())
        return m_ui->generalError->isHidden() ? QString() : m_ui->generalError->text();
    auto it = m_fields.constFind(field);
    if (it == m_fields.constEnd() || it->error->isHidden())
        return {};
    return it->error->text();
}

QWidget *EmployeeEditDialog::fieldWidget(const QString &field) const
{
    return m_fields.value(field).input;
}

bool EmployeeEditDialog::save()
{
    clearErrors();
    Employee employee = employeeFromForm();
    EmployeeProfile profile = profileFromForm();
    // The validator normalizes its copies (trimmed names, E.164 phone); the
    // form keeps exactly what the user typed.
    FieldErrors errors = m_validator.validate(employee);
    errors += m_validator.validate(profile);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return false;
    }
    const StoreResult result = m_isNew ? m_store->createEmployee(employee, profile)
                                       : m_store->saveEmployeeWithProfile(employee, profile);
    if (!result.ok()) {
        showErrors(result.errors());
        return false;
    }
    if (m_isNew)
        m_employeeId = result.id();
    setWindowModified(false);
    accept();
    return true;
}

bool EmployeeEditDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && isVisible()) {
            reject();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void EmployeeEditDialog::reject()
{
    if (isWindowModified()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                        tr("This employee has unsaved changes. Save them before closing?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedChangesBox"));
        box.button(QMessageBox::Save)->setText(tr("&Save"));
        box.button(QMessageBox::Discard)->setText(tr("&Discard"));
        box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
        box.setDefaultButton(QMessageBox::Cancel);
        box.setEscapeButton(QMessageBox::Cancel);
        switch (box.exec()) {
        case QMessageBox::Save:
            save();
            return;
        case QMessageBox::Discard:
            break;
        default:
            return;
        }
    }
    setWindowModified(false);
    QDialog::reject();
}

#include "editor/EmployeeEditDialog.h"

#include "ui_EmployeeEditDialog.h"

#include "common/IconProvider.h"
#include "editor/ConflictDialog.h"
#include "editor/FormErrorLabels.h"
#include "editor/HistoryPanel.h"
#include "editor/RecordBinding.h"
#include "personaldata/PersonalDataExportController.h"
#include "store/EmployeeStore.h"
#include "store/HistoryReader.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <algorithm>

EmployeeEditDialog::EmployeeEditDialog(EmployeeStore *store, qint64 employeeId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EmployeeEditDialog>())
    , m_binding(std::make_unique<RecordBinding>(*m_ui))
    , m_errors(std::make_unique<FormErrorLabels>())
    , m_store(store)
    , m_employeeId(employeeId)
    , m_isNew(employeeId <= 0)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("EmployeeEditDialog"));
    setUpFields();
    setUpTeams();
    setUpTabs();
    setUpExport();
    // Esc cancels from every field (a QDateEdit or combo popup would
    // otherwise take it for itself).
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);
    if (m_isNew) {
        loadRecord(EmployeeRecord{});
    } else if (const auto record = m_store->record(m_employeeId)) {
        loadRecord(*record);
    } else {
        loadRecord(EmployeeRecord{});
        m_errors->showGeneral(tr("This employee was deleted by someone else."));
    }
    m_ui->firstNameEdit->setFocus();
    // As tall as the fields need: extra height would only spread the rows.
    resize(qMax(width(), sizeHint().width()), sizeHint().height());
}

EmployeeEditDialog::~EmployeeEditDialog() = default;

void EmployeeEditDialog::setUpFields()
{
    m_errors->add(QStringLiteral("first_name"), m_ui->firstNameEdit, m_ui->firstNameError);
    m_errors->add(QStringLiteral("last_name"), m_ui->lastNameEdit, m_ui->lastNameError);
    m_errors->add(QStringLiteral("email"), m_ui->emailEdit, m_ui->emailError);
    m_errors->add(QStringLiteral("phone"), m_ui->phoneEdit, m_ui->phoneError);
    m_errors->add(QStringLiteral("date_of_birth"), m_ui->dateOfBirthEdit, m_ui->dateOfBirthError);
    m_errors->add(QStringLiteral("team"), m_ui->teamCombo, m_ui->teamError);
    m_errors->add(QStringLiteral("gender"), m_ui->genderCombo, m_ui->genderError);
    m_errors->add(QStringLiteral("address"), m_ui->addressEdit, m_ui->addressError);
    m_errors->add(QStringLiteral("bio"), m_ui->bioEdit, m_ui->bioError);
    m_errors->add(QStringLiteral("photo"), m_ui->photoField, m_ui->photoError);
    m_errors->setGeneralLabel(m_ui->generalError);

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
    // Shown when someone else saved this employee while the user was editing.
    m_reload = m_ui->buttonBox->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Show the version saved elsewhere instead of your changes"));
    m_reload->hide();
    connect(m_reload, &QPushButton::clicked, this, &EmployeeEditDialog::reloadTheirVersion);
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

void EmployeeEditDialog::setUpTeams()
{
    // Index -1 (the placeholder) is "no team": a NULL team_id is shown as
    // nothing chosen, never as the first team of the list.
    m_teams = m_store->teams();
    for (const Team &team : std::as_const(m_teams))
        m_ui->teamCombo->addItem(team.name, team.id);
    m_ui->teamCombo->setCurrentIndex(-1);
}

// The fields on a Details tab and the employee's History beside them.
void EmployeeEditDialog::setUpTabs()
{
    auto *details = new QWidget;
    m_ui->mainLayout->removeItem(m_ui->columnsLayout);
    details->setLayout(m_ui->columnsLayout);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("formTabs"));
    m_tabs->addTab(details, tr("Details"));
    m_history = new HistoryPanel(this);
    m_tabs->addTab(m_history, tr("&History"));
    m_tabs->setTabEnabled(1, !m_isNew);
    m_ui->mainLayout->insertWidget(0, m_tabs);
    connect(m_history, &HistoryPanel::restoreRequested, this, &EmployeeEditDialog::restoreValues);
}

// GDPR Art. 15: everything stored about this employee as a file. It
// exports what is saved (a new employee has nothing yet); the History tab
// then shows the export.
void EmployeeEditDialog::setUpExport()
{
    // ResetRole for its place only: at the left, apart from Save and Cancel,
    // in every platform's button order; the button box gives it no behaviour.
    m_export = m_ui->buttonBox->addButton(tr("&Export Employee's Data…"), QDialogButtonBox::ResetRole);
    m_export->setObjectName(QStringLiteral("exportPersonalDataButton"));
    m_export->setToolTip(tr("Save everything stored about this employee, their history included, as a PDF "
                            "or JSON file (right of access)"));
    m_export->setEnabled(!m_isNew);
    m_exporter = new PersonalDataExportController(this, [this] { return m_store; });
    connect(m_export, &QPushButton::clicked, this, [this] {
        m_exporter->exportWithDialog(m_employeeId, m_binding->base().employee.displayName());
    });
    connect(m_exporter, &PersonalDataExportController::finished, this, [this](bool ok, const QString &message) {
        if (!ok) {
            m_errors->showGeneral(message);
            return;
        }
        m_errors->showNotice(isWindowModified() ? message + QLatin1Char(' ') + tr("It holds the saved version, "
                                                                               "without your unsaved changes.")
                                                : message);
        loadHistory();
    });
}

void EmployeeEditDialog::loadHistory()
{
    if (m_isNew || m_employeeId <= 0)
        return;
    m_history->setEntries(HistoryReader(m_store->database()).employeeHistory(m_employeeId), m_teams);
}

// Old values from the History tab become edits in the form, saved (or not) as any other.
void EmployeeEditDialog::restoreValues(const QList<QPair<RecordField, QVariant>> &values)
{
    if (m_readOnly)
        return;
    for (const auto &[field, value] : values)
        m_binding->setInputValue(field, value);
    m_tabs->setCurrentIndex(0);
    onEdited();
}

void EmployeeEditDialog::loadRecord(const EmployeeRecord &record)
{
    if (m_reload)
        m_reload->hide();
    m_loading = true;
    m_binding->load(record);
    m_loading = false;
    setWindowModified(false);
    updateTitle();
    loadHistory();
}

// Validates (and normalizes: trimmed names, E.164 phone) `record`, reporting
// only the errors of `fields`: a value the user did not touch is not theirs
// to fix, and is not written either.
FieldErrors EmployeeEditDialog::validate(EmployeeRecord &record, const RecordFields &fields) const
{
    EmployeeRecord checked = record;
    FieldErrors errors = m_validator.validate(checked.employee);
    errors += m_validator.validate(checked.profile);
    for (RecordField field : fields)
        RecordFieldInfo::copy(checked, record, field);
    FieldErrors relevant;
    for (const FieldError &error : std::as_const(errors)) {
        bool edited = error.field.isEmpty();
        for (RecordField field : fields) {
            const QString column = RecordFieldInfo::column(field);
            if (error.field == column || (field == RecordField::Team && error.field == QLatin1String("team")))
                edited = true;
        }
        if (edited)
            relevant << error;
    }
    return relevant;
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

bool EmployeeEditDialog::save()
{
    if (m_readOnly)
        return false;
    m_errors->clear();
    return m_isNew ? saveNew() : saveEdits();
}

namespace {
// The database may wait for another program's write; say so with the cursor.
class BusyCursor
{
public:
    BusyCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QGuiApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};
}

bool EmployeeEditDialog::saveNew()
{
    EmployeeRecord record = m_binding->recordFromForm(RecordFieldInfo::all());
    if (const FieldErrors errors = validate(record, RecordFieldInfo::all()); !errors.isEmpty()) {
        m_errors->show(errors);
        return false;
    }
    StoreResult result = StoreResult::success(0);
    {
        BusyCursor busy;
        result = m_store->createEmployee(record.employee, record.profile);
    }
    if (!result.ok()) {
        m_errors->show(result.errors());
        return false;
    }
    m_employeeId = result.id();
    setWindowModified(false);
    accept();
    return true;
}

bool EmployeeEditDialog::saveEdits()
{
    const RecordFields fields = m_binding->editedFields();
    if (fields.isEmpty() && m_binding->base().employee.id != 0) {   // nothing edited: nothing written
        setWindowModified(false);
        accept();
        return true;
    }
    EmployeeRecord mine = m_binding->recordFromForm(fields);
    if (const FieldErrors errors = validate(mine, fields); !errors.isEmpty()) {
        m_errors->show(errors);
        return false;
    }
    if (m_binding->base().employee.id == 0) {   // it was gone when the form opened
        askAboutDeletion();
        return false;
    }
    StoreResult result = StoreResult::success(0);
    {
        BusyCursor busy;
        result = m_store->saveChanges(m_binding->base(), mine, fields);
    }
    if (!result.ok()) {
        handleRefusal(result, mine, fields);
        return false;
    }
    setWindowModified(false);
    accept();
    return true;
}

void EmployeeEditDialog::handleRefusal(const StoreResult &result, const EmployeeRecord &mine,
                                       const RecordFields &fields)
{
    if (result.isConflict()) {
        if (const auto theirs = m_store->record(m_employeeId)) {
            askAboutConflict(mine, fields, *theirs);
            return;
        }
    }
    if (result.isConflict() || result.isGone()) {
        askAboutDeletion();
        return;
    }
    m_errors->show(result.errors());
}

void EmployeeEditDialog::askAboutConflict(const EmployeeRecord &mine, const RecordFields &fields,
                                          const EmployeeRecord &theirs)
{
    auto *dialog = new ConflictDialog(m_binding->base(), mine, fields, theirs, m_teams, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, theirs] { resolveConflict(dialog, theirs); });
    dialog->open();
}

void EmployeeEditDialog::resolveConflict(ConflictDialog *dialog, const EmployeeRecord &theirs)
{
    switch (dialog->choice()) {
    case ConflictDialog::Choice::Back:
        return;   // the form keeps the user's input; the next Save asks again
    case ConflictDialog::Choice::TakeTheirs:
        loadRecord(theirs);
        return;
    case ConflictDialog::Choice::KeepMine:
        break;
    }
    // Rebase the form onto their version: it becomes what the form "showed",
    // and the user's inputs stay in the fields they edited (but where they
    // chose the other side's value). Saving then writes just those fields
    // against their version.
    const RecordFields takeTheirs = dialog->takenFromTheirs();
    QHash<RecordField, QVariant> kept;
    for (RecordField field : m_binding->editedFields()) {
        if (!takeTheirs.contains(field))
            kept.insert(field, m_binding->inputValue(field));
    }
    loadRecord(theirs);
    m_loading = true;
    for (auto it = kept.constBegin(); it != kept.constEnd(); ++it)
        m_binding->setInputValue(it.key(), it.value());
    m_loading = false;
    setWindowModified(!kept.isEmpty());
    updateTitle();
    save();
}

void EmployeeEditDialog::askAboutDeletion()
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Deleted by Someone Else"),
                                tr("This employee was deleted by someone else. Save what the form shows as a new "
                                   "employee, or discard it?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deletedElsewhereBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *saveAsNew = box->addButton(tr("Save as &New"), QMessageBox::AcceptRole);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton *back = box->addButton(tr("Back to the Form"), QMessageBox::RejectRole);
    saveAsNew->setObjectName(QStringLiteral("saveAsNewButton"));
    discard->setObjectName(QStringLiteral("discardButton"));
    box->setDefaultButton(saveAsNew);
    box->setEscapeButton(back);
    connect(box, &QMessageBox::finished, this, [this, box, saveAsNew, discard] {
        if (box->clickedButton() == saveAsNew) {
            m_isNew = true;
            m_employeeId = 0;
            m_binding->forgetBase();
            updateTitle();
            save();
        } else if (box->clickedButton() == discard) {
            setWindowModified(false);
            QDialog::reject();
        }
    });
    box->open();
}

void EmployeeEditDialog::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_binding->setReadOnly(readOnly);
    m_history->setRestoreEnabled(!readOnly);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setVisible(!readOnly);
    // An export must be recorded in the history, which a reading role may not write.
    m_export->setEnabled(!readOnly && !m_isNew);
    if (readOnly)
        m_export->setToolTip(tr("Your database role may only read: an export is recorded in the history, "
                                "which it may not write."));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(readOnly ? tr("Close") : tr("Cancel"));
    if (readOnly)
        m_errors->showNotice(tr("Your database role may only read employees: this form is for viewing."));
}

void EmployeeEditDialog::recordChangedElsewhere(const QString &who)
{
    const EmployeeRecord &base = m_binding->base();
    if (m_isNew || base.employee.id == 0)
        return;
    const auto current = m_store->record(m_employeeId);
    if (current && current->employee.version == base.employee.version
        && current->profile.version == base.profile.version)
        return;   // another employee changed
    if (!current) {
        m_errors->showGeneral(tr("This employee was deleted by someone else. Saving offers to keep what the form "
                                 "shows as a new employee."));
        return;
    }
    const QDateTime when = std::max(current->employee.updatedAt, current->profile.updatedAt).toLocalTime();
    const QString at = QLocale().toString(when, QLocale::ShortFormat);
    const QString saved = who.isEmpty() ? tr("Someone else saved this employee at %1.").arg(at)
                                        : tr("Changed by %1 at %2.").arg(who, at);
    if (!isWindowModified()) {
        loadRecord(*current);
        m_errors->clear();
        m_errors->showNotice(saved + QLatin1Char(' ') + tr("The form shows their version."));
        return;
    }
    m_errors->showGeneral(saved + QLatin1Char(' ')
                          + tr("Your changes are kept; Save asks which version to keep, Reload shows theirs."));
    m_reload->show();
}

// Reload after a change elsewhere: the user's edits go, after asking.
void EmployeeEditDialog::reloadTheirVersion()
{
    const auto current = m_store->record(m_employeeId);
    if (!current)
        return;
    if (isWindowModified()
        && QMessageBox::question(this, tr("Reload"), tr("Discard your changes in this form and show the saved version?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Discard)
        return;
    loadRecord(*current);
    m_errors->clear();
    m_errors->showNotice(tr("The form shows the saved version."));
    m_reload->hide();
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

#include "editor/ConflictDialog.h"

#include "editor/RecordFieldText.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A radio button with the value beside it in a label that wraps (a bio can
// be long; a radio button's own text never wraps). The value is also the
// button's accessible description and tooltip.
QRadioButton *choiceButton(const QString &value, const QString &name, QGridLayout *grid, int row, int column)
{
    auto *cell = new QWidget;
    auto *box = new QHBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    auto *button = new QRadioButton(cell);
    button->setObjectName(name);
    button->setAccessibleDescription(value);
    button->setToolTip(value);
    auto *label = valueLabel(value, cell);
    label->setBuddy(button);
    box->addWidget(button, 0, Qt::AlignTop);
    box->addWidget(label, 1);
    grid->addWidget(cell, row, column, Qt::AlignTop);
    return button;
}

QLabel *headerLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}
}

ConflictDialog::ConflictDialog(const EmployeeRecord &base, const EmployeeRecord &mine, const RecordFields &myFields,
                               const EmployeeRecord &theirs, const QList<Team> &teams, QWidget *parent)
    : QDialog(parent), m_theirFields(RecordFieldInfo::differences(base, theirs))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Changed by Someone Else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(m_theirFields.isEmpty()
                       ? tr("%1 was saved by someone else since you opened the form, without changing any field "
                            "you see. Keep your changes to save them on top of that version.")
                             .arg(theirs.employee.displayName())
                       : tr("%1 was changed by someone else since you opened the form. Their changes are listed "
                            "below. Keep your changes to save them on top of their version, or take theirs.")
                             .arg(theirs.employee.displayName()));
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->addWidget(headerLabel(tr("Field"), this), 0, 0);
    grid->addWidget(headerLabel(tr("Their value"), this), 0, 1);
    grid->addWidget(headerLabel(tr("Your value"), this), 0, 2);
    int row = 1;
    for (RecordField field : std::as_const(m_theirFields)) {
        const QString column = RecordFieldInfo::column(field);
        grid->addWidget(new QLabel(RecordFieldText::label(field), this), row, 0, Qt::AlignTop);
        const QString theirText = RecordFieldText::value(theirs, field, teams);
        const QString myText = RecordFieldText::value(myFields.contains(field) ? mine : base, field, teams);
        const bool bothEdited = myFields.contains(field) && !RecordFieldInfo::sameValue(mine, theirs, field);
        if (bothEdited) {
            // Both sides changed it differently: the user picks. Their own
            // value is preselected, as "Keep My Changes" promises.
            auto *group = new QButtonGroup(this);
            auto *theirsButton = choiceButton(theirText, QStringLiteral("theirs_") + column, grid, row, 1);
            auto *mineButton = choiceButton(myText, QStringLiteral("mine_") + column, grid, row, 2);
            theirsButton->setAccessibleName(tr("Use their %1").arg(RecordFieldText::label(field)));
            mineButton->setAccessibleName(tr("Use your %1").arg(RecordFieldText::label(field)));
            group->addButton(theirsButton);
            group->addButton(mineButton);
            mineButton->setChecked(true);
            m_theirsChoice.insert(field, theirsButton);
        } else {
            grid->addWidget(valueLabel(theirText, this), row, 1, Qt::AlignTop);
            grid->addWidget(valueLabel(myFields.contains(field) ? myText : tr("(unchanged) %1").arg(myText), this),
                            row, 2, Qt::AlignTop);
        }
        ++row;
    }
    grid->setHorizontalSpacing(16);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    if (!m_theirFields.isEmpty())
        layout->addLayout(grid);

    layout->addStretch(1);   // spare height below the list, not around the text
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keep = buttons->addButton(tr("&Keep My Changes"), QDialogButtonBox::AcceptRole);
    QPushButton *take = buttons->addButton(tr("&Take Theirs"), QDialogButtonBox::DestructiveRole);
    QPushButton *back = buttons->addButton(tr("&Back to the Form"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepMineButton"));
    take->setObjectName(QStringLiteral("takeTheirsButton"));
    back->setObjectName(QStringLiteral("backButton"));
    keep->setDefault(true);
    connect(keep, &QPushButton::clicked, this, [this] { finish(Choice::KeepMine); });
    connect(take, &QPushButton::clicked, this, [this] { finish(Choice::TakeTheirs); });
    connect(back, &QPushButton::clicked, this, [this] { finish(Choice::Back); });
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

RecordFields ConflictDialog::takenFromTheirs() const
{
    RecordFields fields;
    for (auto it = m_theirsChoice.constBegin(); it != m_theirsChoice.constEnd(); ++it) {
        if (it.value()->isChecked())
            fields << it.key();
    }
    return fields;
}

void ConflictDialog::finish(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Back)
        reject();
    else
        accept();
}

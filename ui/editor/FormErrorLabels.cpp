#include "editor/FormErrorLabels.h"

#include <QLabel>
#include <QLineEdit>

namespace {
void styleErrorLabel(QLabel *label)
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

void FormErrorLabels::add(const QString &column, QWidget *input, QLabel *error)
{
    m_fields.insert(column, Field{input, error});
    m_order << column;
    styleErrorLabel(error);
}

void FormErrorLabels::setGeneralLabel(QLabel *label)
{
    m_general = label;
    styleErrorLabel(label);
    m_errorPalette = label->palette();
}

void FormErrorLabels::clear()
{
    for (const Field &f : std::as_const(m_fields)) {
        f.error->clear();
        f.error->hide();
        f.input->setAccessibleDescription(QString());
    }
    m_general->clear();
    m_general->hide();
}

void FormErrorLabels::show(const FieldErrors &errors)
{
    QStringList general;
    for (const FieldError &error : errors) {
        // The store names the column, the form the field.
        const QString column = error.field == QLatin1String("team_id") ? QStringLiteral("team") : error.field;
        const auto it = m_fields.constFind(column);
        if (it == m_fields.constEnd()) {
            general << (column.isEmpty() ? error.message : column + QStringLiteral(": ") + error.message);
            continue;
        }
        const QString text = it->error->text().isEmpty() ? error.message
                                                          : it->error->text() + QLatin1Char('\n') + error.message;
        it->error->setText(text);
        it->error->show();
        it->input->setAccessibleDescription(text);
    }
    if (!general.isEmpty())
        showGeneral(general.join(QLatin1Char('\n')));
    focusFirstError();
}

void FormErrorLabels::showGeneral(const QString &message)
{
    m_general->setPalette(m_errorPalette);
    m_general->setText(message);
    m_general->show();
}

void FormErrorLabels::showNotice(const QString &message)
{
    m_general->setPalette(m_general->parentWidget() ? m_general->parentWidget()->palette() : QPalette());
    m_general->setText(message);
    m_general->show();
}

void FormErrorLabels::focusFirstError()
{
    for (const QString &column : std::as_const(m_order)) {
        const Field &f = m_fields[column];
        if (!f.error->isHidden()) {
            f.input->setFocus(Qt::OtherFocusReason);
            if (auto *edit = qobject_cast<QLineEdit *>(f.input))
                edit->selectAll();
            return;
        }
    }
}

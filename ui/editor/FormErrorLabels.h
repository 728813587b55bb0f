#pragma once

#include "domain/FieldError.h"

#include <QHash>
#include <QPalette>
#include <QString>
#include <QStringList>

class QLabel;
class QWidget;

// The error under each field of the form, and the general one below them.
// An error is shown next to its input with the input left as typed, is what
// a screen reader says for the input (accessibleDescription), and the first
// bad field in visual order takes the focus.
class FormErrorLabels
{
public:
    // In visual order; `column` is the field's name in FieldError ("email").
    void add(const QString &column, QWidget *input, QLabel *error);
    void setGeneralLabel(QLabel *label);

    void clear();
    void show(const FieldErrors &errors);
    // Says something that belongs to no field (and stays until clear()).
    void showGeneral(const QString &message);
    // The same place, in the normal text colour: news, not a problem.
    void showNotice(const QString &message);

private:
    struct Field
    {
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };
    void focusFirstError();

    QHash<QString, Field> m_fields;
    QStringList m_order;
    QLabel *m_general = nullptr;
    QPalette m_errorPalette;
};

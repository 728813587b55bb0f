#pragma once

#include <QString>

class QWidget;

// The parts of an EmployeeEditDialog a test looks at, found by the
// objectNames of its .ui: the input of a field and the error shown under it.
// Fields are named as FieldError names them ("email", "date_of_birth").
// A part that is missing fails the test at once (qFatal), naming it.
namespace FormParts {
QWidget *input(const QWidget &dialog, const QString &field);
// The visible error under `field` ("" = the general one below the fields),
// or "" when none is shown.
QString errorFor(const QWidget &dialog, const QString &field);
}

#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QLineEdit;

// Archive Employee: asks when the employee left (today unless told) and,
// optionally, why.
class ArchiveDialog : public QDialog
{
    Q_OBJECT
public:
    ArchiveDialog(const QString &name, QWidget *parent = nullptr);

    QDate leftOn() const;
    QString reason() const;

private:
    QDateEdit *m_leftOn;
    QLineEdit *m_reason;
};

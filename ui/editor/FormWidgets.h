#pragma once

#include "domain/Gender.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>

// The date of birth: a QDateEdit with a calendar popup that may also be
// empty. "Empty" is the minimum date (the day before 1900-01-01, which no
// valid date of birth can be), shown with a special value text. The mapper
// binds the ISO text of the `employee_profile.date_of_birth` column through
// the `isoDate` property (empty string = no date).
class DateOfBirthEdit : public QDateEdit
{
    Q_OBJECT
    Q_PROPERTY(QString isoDate READ isoDate WRITE setIsoDate NOTIFY isoDateChanged USER true)
public:
    explicit DateOfBirthEdit(QWidget *parent = nullptr);

    QDate dateOfBirth() const;              // invalid when empty
    bool isEmpty() const;
    QString isoDate() const;
    void setIsoDate(const QString &iso);

public slots:
    void clearDate();

signals:
    void isoDateChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    // Tab leaves the field (QDateTimeEdit would walk its sections; the arrow
    // keys still do), so the form's tab order stays one stop per field.
    bool focusNextPrevChild(bool next) override;

private:
    static QDate emptyDate();
};

// Unspecified, Female, Male, Other; bound to the `gender` code column
// (NULL/'' = Unspecified) through the `code` property.
class GenderComboBox : public QComboBox
{
    Q_OBJECT
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged USER true)
public:
    explicit GenderComboBox(QWidget *parent = nullptr);

    Gender gender() const;
    void setGender(Gender gender);
    QString code() const;
    void setCode(const QString &code);

signals:
    void codeChanged();
};

// The team, bound through QSqlRelationalDelegate to the team relation's
// model. No selection (index -1, shown as the placeholder) means no team;
// Delete or Backspace clears it from the keyboard.
class TeamComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit TeamComboBox(QWidget *parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

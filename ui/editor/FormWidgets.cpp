#include "editor/FormWidgets.h"

#include "domain/DisplayFormat.h"

#include <QCalendarWidget>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>

// --- DateOfBirthEdit ---------------------------------------------------------

DateOfBirthEdit::DateOfBirthEdit(QWidget *parent) : QDateEdit(parent)
{
    setCalendarPopup(true);
    setDisplayFormat(DisplayFormat::dateFormat(locale()));   // typing still starts at the year
    setMinimumDate(emptyDate());
    setMaximumDate(QDate::currentDate());
    setSpecialValueText(tr("Not given"));
    setDate(emptyDate());
    // Opening the calendar on an empty date should not start in December 1899.
    calendarWidget()->installEventFilter(this);
    connect(this, &QDateEdit::dateChanged, this, &DateOfBirthEdit::isoDateChanged);
}

QDate DateOfBirthEdit::emptyDate()
{
    return QDate(1899, 12, 31);
}

bool DateOfBirthEdit::isEmpty() const
{
    return date() <= emptyDate();
}

QDate DateOfBirthEdit::dateOfBirth() const
{
    return isEmpty() ? QDate() : date();
}

QString DateOfBirthEdit::isoDate() const
{
    return isEmpty() ? QString() : date().toString(Qt::ISODate);
}

void DateOfBirthEdit::setIsoDate(const QString &iso)
{
    const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
    setDate(d.isValid() && d > emptyDate() ? d : emptyDate());
}

void DateOfBirthEdit::clearDate()
{
    setDate(emptyDate());
}

bool DateOfBirthEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == calendarWidget() && event->type() == QEvent::Show && isEmpty())
        calendarWidget()->setCurrentPage(1990, 1);
    return QDateEdit::eventFilter(watched, event);
}

void DateOfBirthEdit::keyPressEvent(QKeyEvent *event)
{
    // When empty, typing a digit starts a date instead of fighting the
    // special value text.
    if (isEmpty() && !event->text().isEmpty() && event->text().at(0).isDigit()) {
        setDate(QDate(2000, 1, 1));
        setSelectedSection(QDateTimeEdit::YearSection);
    } else if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
               && lineEdit()->selectedText() == lineEdit()->text()) {
        clearDate();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}

bool DateOfBirthEdit::focusNextPrevChild(bool next)
{
    return QWidget::focusNextPrevChild(next);
}

// --- GenderComboBox -----------------------------------------------------------

GenderComboBox::GenderComboBox(QWidget *parent) : QComboBox(parent)
{
    for (Gender g : {Gender::Unspecified, Gender::Female, Gender::Male, Gender::Other})
        addItem(genderDisplayName(g), genderCode(g));
    connect(this, &QComboBox::currentIndexChanged, this, &GenderComboBox::codeChanged);
}

Gender GenderComboBox::gender() const
{
    return genderFromCode(code()).value_or(Gender::Unspecified);
}

void GenderComboBox::setGender(Gender gender)
{
    setCode(genderCode(gender));
}

QString GenderComboBox::code() const
{
    return currentData().toString();
}

void GenderComboBox::setCode(const QString &code)
{
    const Gender g = genderFromCode(code).value_or(Gender::Unspecified);
    setCurrentIndex(qMax(0, findData(genderCode(g))));
}

// --- TeamComboBox ---------------------------------------------------------------

TeamComboBox::TeamComboBox(QWidget *parent) : QComboBox(parent)
{
    setPlaceholderText(tr("No team"));
}

void TeamComboBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        setCurrentIndex(-1);
        event->accept();
        return;
    }
    // With no current item QComboBox's keyboard search looks in column 0 of
    // the model, not in the shown column; search the shown texts instead.
    const QString text = event->text();
    if (currentIndex() < 0 && !text.isEmpty() && text.at(0).isPrint() && event->modifiers() == Qt::NoModifier) {
        const int found = findText(text, Qt::MatchStartsWith);
        if (found >= 0) {
            setCurrentIndex(found);
            event->accept();
            return;
        }
    }
    QComboBox::keyPressEvent(event);
}

#include "MessageBoxAnswerer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QTest>
#include <QTimer>

namespace {
QList<QPointer<QTimer>> &pending()
{
    static QList<QPointer<QTimer>> timers;
    return timers;
}

void finish(QTimer *timer)
{
    timer->stop();
    pending().removeAll(timer);
    timer->deleteLater();
}
}

void answerNextMessageBox(const QString &buttonText, QString *seenText, int timeoutMs)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    pending().append(timer);
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(timer, &QTimer::timeout, [timer, buttonText, seenText, deadline] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (deadline.hasExpired()) {
                finish(timer);
                QTest::qFail(qPrintable(QStringLiteral("no message box appeared to answer with %1").arg(buttonText)),
                             __FILE__, __LINE__);
            }
            return;
        }
        finish(timer);
        if (seenText)
            *seenText = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == buttonText) {
                button->click();
                return;
            }
        }
        QTest::qFail(qPrintable(QStringLiteral("no button %1 in the message box").arg(buttonText)), __FILE__,
                     __LINE__);
    });
    timer->start();
}

int pendingMessageBoxAnswers()
{
    int count = 0;
    for (const QPointer<QTimer> &timer : pending()) {
        if (timer) {
            ++count;
            timer->stop();
            timer->deleteLater();
        }
    }
    pending().clear();
    return count;
}

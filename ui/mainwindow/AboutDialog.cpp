#include "mainwindow/AboutDialog.h"

#include "common/IconProvider.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QtGlobal>

namespace AboutDialog {

void show(QWidget *parent)
{
    const QString version = QCoreApplication::applicationVersion();
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(QCoreApplication::translate("AboutDialog", "About Employee Records"));
    box.setIconPixmap(IconProvider::applicationIcon().pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(QCoreApplication::translate("AboutDialog", "Employee Records"),
                         QCoreApplication::translate("AboutDialog", "Version %1").arg(version.toHtmlEscaped())));
    box.setInformativeText(
        QCoreApplication::translate("AboutDialog",
                                    "Keep employee records: employees, their profiles and their teams, "
                                    "in an SQLite file or on a PostgreSQL server.")
        + QStringLiteral("<br><br>")
        + QCoreApplication::translate("AboutDialog", "Built with Qt %1, running on Qt %2.")
              .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

}

#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

// The exact COUNT(*) of each segment of a SqlRowWindow whose search was
// counted only up to a cap, run in the background on another connection
// (SqlRowWindow::countJob() writes the statements; run() needs nothing of
// the window, so it is safe off the GUI thread).
struct CountJob
{
    QList<QPair<QString, QVariantList>> statements;   // SQL and its bound values, per segment

    // One count per statement, in order; false on an error (logged).
    bool run(const QSqlDatabase &db, QList<qint64> &counts) const;
};

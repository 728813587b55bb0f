#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

// The readable form of a person's data export (GDPR Art. 15): the JSON
// object of PersonalDataExport::collect() laid out as an A4 PDF with Qt's
// own QTextDocument and QPdfWriter, so it needs no tool outside Qt. Rendered
// from that object, the PDF says what the JSON file says, in the user's
// language (labels, dates, phone numbers, gender as words). Needs a
// QGuiApplication (fonts); a headless run gets one on the offscreen platform.
class PersonalDataPdf
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataPdf)
public:
    static QByteArray render(const QJsonObject &data);
    // The document's HTML (every stored value escaped); the photo is the
    // image resource "photo".
    static QString html(const QJsonObject &data);
};

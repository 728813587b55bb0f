#include "personaldata/PersonalDataPdf.h"

#include "domain/DisplayFormat.h"
#include "domain/Gender.h"
#include "domain/HistoryEntry.h"
#include "domain/HistoryFormat.h"
#include "domain/Timestamp.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace {

const QString PhotoUrl = QStringLiteral("photo");

// Stored text is the person's data, never markup: escaped, line breaks kept.
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString none()
{
    return QStringLiteral("<i>%1</i>").arg(HistoryFormat::value(QVariant()).toHtmlEscaped());
}

// A stored value as the form shows it; null as "(none)", "" as it is.
QString plain(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return none();
    return escaped(value.isDouble() ? QString::number(value.toInteger()) : value.toString());
}

QString timestamp(const QJsonValue &value)
{
    const QDateTime at = Timestamp::fromText(value.toString());
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::LongFormat).toHtmlEscaped() : plain(value);
}

// History lines: a four-digit year and the time, short enough for a column.
QString shortTimestamp(const QString &text)
{
    const QDateTime at = Timestamp::fromText(text).toLocalTime();
    if (!at.isValid())
        return escaped(text);
    return (DisplayFormat::date(at.date()) + QLatin1Char(' ') + QLocale().toString(at.time(), QLocale::ShortFormat))
        .toHtmlEscaped();
}

QString date(const QJsonValue &value)
{
    const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
    return day.isValid() ? QLocale().toString(day, QLocale::LongFormat).toHtmlEscaped() : plain(value);
}

QString phone(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? escaped(DisplayFormat::phone(value.toString()))
                                                           : plain(value);
}

QString gender(const QJsonValue &value)
{
    const std::optional<Gender> g = genderFromCode(value.toString());
    return value.isString() && g ? escaped(genderDisplayName(*g)) : plain(value);
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td class=\"label\" width=\"30%\">%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString table(const QString &rows)
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">%1</table>").arg(rows);
}

// A history line of the JSON back into the entry HistoryFormat words.
HistoryEntry entryOf(const QJsonObject &o)
{
    HistoryEntry e;
    e.changeSetId = o.value(QStringLiteral("change_set")).toInteger();
    e.at = o.value(QStringLiteral("at")).toString();
    e.osUser = o.value(QStringLiteral("os_user")).toString();
    e.dbUser = o.value(QStringLiteral("db_user")).toString();
    e.source = o.value(QStringLiteral("source")).toString();
    e.detail = o.value(QStringLiteral("detail")).toString();
    e.client = o.value(QStringLiteral("client")).toString();
    e.subject = o.value(QStringLiteral("subject")).toString();
    e.action = o.value(QStringLiteral("action")).toString();
    e.field = o.value(QStringLiteral("field")).toString();
    const QJsonValue before = o.value(QStringLiteral("old_value"));
    const QJsonValue after = o.value(QStringLiteral("new_value"));
    e.oldValue = before.isNull() ? QVariant() : QVariant(before.toString());
    e.newValue = after.isNull() ? QVariant() : QVariant(after.toString());
    return e;
}

// The stored photo as an image, or a null one when it is none or does not decode.
QImage photoImage(const QJsonObject &data)
{
    const QJsonObject photo =
        data.value(QStringLiteral("profile")).toObject().value(QStringLiteral("photo")).toObject();
    return QImage::fromData(QByteArray::fromBase64(photo.value(QStringLiteral("base64")).toString().toLatin1()));
}

} // namespace

QString PersonalDataPdf::html(const QJsonObject &data)
{
    const QJsonObject employee = data.value(QStringLiteral("employee")).toObject();
    const QJsonValue profileValue = data.value(QStringLiteral("profile"));
    const QJsonObject profile = profileValue.toObject();
    const QJsonObject exported = data.value(QStringLiteral("export")).toObject();
    const QString name = (employee.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ')
                          + employee.value(QStringLiteral("last_name")).toString())
                             .trimmed();

    QString html = QStringLiteral(
        "<html><head><style>"
        "body { font-family: sans-serif; font-size: 10pt; }"
        "h1 { font-size: 17pt; margin-bottom: 4px; } h2 { font-size: 13pt; margin-top: 22px; margin-bottom: 6px; }"
        "td { vertical-align: top; border-bottom: 1px solid #d0d0d0; }"
        "td.label { color: #404040; background-color: #f2f2f2; }"
        "th { text-align: left; background-color: #e4e4e4; }"
        "p.note { color: #505050; }"
        "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(escaped(tr("Personal data of %1").arg(name)));
    html += QStringLiteral("<p class=\"note\">%1</p>")
                .arg(escaped(tr("Everything Employee Records stores about this person (GDPR Art. 15), exported on "
                                "%1 by %2. The JSON export holds the same data for machines.")
                                 .arg(QLocale().toString(Timestamp::fromText(exported.value(QStringLiteral("exported_at")).toString()).toLocalTime(),
                                                         QLocale::LongFormat),
                                      exported.value(QStringLiteral("exported_by")).toString())));

    html += QStringLiteral("<h2>%1</h2>").arg(tr("Employee").toHtmlEscaped());
    html += table(row(tr("First name"), plain(employee.value(QStringLiteral("first_name"))))
                  + row(tr("Last name"), plain(employee.value(QStringLiteral("last_name"))))
                  + row(tr("Email"), plain(employee.value(QStringLiteral("email"))))
                  + row(tr("Phone"), phone(employee.value(QStringLiteral("phone"))))
                  + row(tr("Status"), data.value(QStringLiteral("status")).toString() == QLatin1String("archived")
                                          ? tr("Archived (left)").toHtmlEscaped()
                                          : tr("Current employee").toHtmlEscaped())
                  + row(tr("Record number"), plain(employee.value(QStringLiteral("id"))))
                  + row(tr("Created"), timestamp(employee.value(QStringLiteral("created_at"))))
                  + row(tr("Last changed"), timestamp(employee.value(QStringLiteral("updated_at"))))
                  + row(tr("Version"), plain(employee.value(QStringLiteral("version")))));

    html += QStringLiteral("<h2>%1</h2>").arg(tr("Profile").toHtmlEscaped());
    if (profileValue.isObject()) {
        const QJsonValue team = profile.value(QStringLiteral("team"));
        const QJsonValue photo = profile.value(QStringLiteral("photo"));
        QString photoHtml = none();
        if (photo.isObject()) {
            const QJsonObject p = photo.toObject();
            photoHtml = (photoImage(data).isNull() ? QString()
                                                   : QStringLiteral("<img src=\"%1\" width=\"110\"><br>").arg(PhotoUrl))
                + escaped(tr("%1, %n byte(s)", nullptr, p.value(QStringLiteral("size")).toInt())
                              .arg(p.value(QStringLiteral("media_type")).toString()))
                + QStringLiteral("<br><small>SHA-256 %1</small>").arg(escaped(p.value(QStringLiteral("sha256")).toString()));
        }
        html += table(row(tr("Date of birth"), date(profile.value(QStringLiteral("date_of_birth"))))
                      + row(tr("Team"), team.isObject() ? plain(team.toObject().value(QStringLiteral("name"))) : none())
                      + row(tr("Gender"), gender(profile.value(QStringLiteral("gender"))))
                      + row(tr("Address"), plain(profile.value(QStringLiteral("address"))))
                      + row(tr("Bio"), plain(profile.value(QStringLiteral("bio"))))
                      + row(tr("Photo"), photoHtml)
                      + row(tr("Created"), timestamp(profile.value(QStringLiteral("created_at"))))
                      + row(tr("Last changed"), timestamp(profile.value(QStringLiteral("updated_at"))))
                      + row(tr("Version"), plain(profile.value(QStringLiteral("version")))));
    } else {
        html += QStringLiteral("<p>%1</p>").arg(escaped(tr("No profile is stored.")));
    }

    const QJsonValue archive = data.value(QStringLiteral("archive"));
    if (archive.isObject()) {
        const QJsonObject a = archive.toObject();
        html += QStringLiteral("<h2>%1</h2>").arg(tr("Archive").toHtmlEscaped());
        html += table(row(tr("Left on"), date(a.value(QStringLiteral("left_on"))))
                      + row(tr("Reason"), plain(a.value(QStringLiteral("reason"))))
                      + row(tr("Archived at"), timestamp(a.value(QStringLiteral("archived_at")))));
    }

    const QJsonArray history = data.value(QStringLiteral("history")).toArray();
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(tr("History (%n change(s), newest first)", nullptr, int(history.size()))));
    QString lines = QStringLiteral("<tr><th width=\"22%\">%1</th><th width=\"30%\">%2</th><th>%3</th></tr>")
                        .arg(tr("When").toHtmlEscaped(), tr("Who").toHtmlEscaped(), tr("What").toHtmlEscaped());
    for (const QJsonValue &value : history) {
        const HistoryEntry e = entryOf(value.toObject());
        lines += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(shortTimestamp(e.at), escaped(HistoryFormat::who(e)), escaped(HistoryFormat::what(e)));
    }
    html += table(lines);
    html += QStringLiteral("</body></html>");
    return html;
}

QByteArray PersonalDataPdf::render(const QJsonObject &data)
{
    QTextDocument document;
    const QImage image = photoImage(data);
    if (!image.isNull())
        document.addResource(QTextDocument::ImageResource, QUrl(PhotoUrl), image);
    document.setHtml(html(data));

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 18, 18, 18),
                                         QPageLayout::Millimeter));
        writer.setCreator(QStringLiteral("Employee Records"));
        const QJsonObject employee = data.value(QStringLiteral("employee")).toObject();
        writer.setTitle(tr("Personal data of %1")
                            .arg((employee.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ')
                                  + employee.value(QStringLiteral("last_name")).toString())
                                     .trimmed()));
        // print() lays the document out on the writer's pages and numbers them.
        document.print(&writer);
    }
    return bytes;
}

#include "language/LanguageMenu.h"

#include "translations/LanguageLoader.h"

#include <QActionGroup>
#include <QMessageBox>

namespace {
const char *const kLanguageProperty = "languageCode";
}

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    // Language names are written in their own language, never translated.
    const QList<QPair<QString, QString>> entries = {
        {QString(), tr("&System Default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
    };
    const QString saved = LanguageLoader::savedLanguage();
    for (const auto &entry : entries) {
        QAction *action = addAction(entry.second);
        action->setCheckable(true);
        action->setProperty(kLanguageProperty, entry.first);
        action->setChecked(entry.first == saved);
        m_group->addAction(action);
        const QString language = entry.first;
        connect(action, &QAction::triggered, this, [this, language] { choose(language); });
        if (entry.first.isEmpty())
            addSeparator();
    }
    if (!m_group->checkedAction())   // an unknown value in the settings
        actionFor(QString())->setChecked(true);
}

LanguageMenu *LanguageMenu::attachTo(QMenu *viewMenu)
{
    auto *menu = new LanguageMenu(viewMenu);
    viewMenu->addSeparator();
    viewMenu->addMenu(menu);
    return menu;
}

QAction *LanguageMenu::actionFor(const QString &language) const
{
    const QList<QAction *> actions = m_group->actions();
    for (QAction *action : actions) {
        if (action->property(kLanguageProperty).toString() == language)
            return action;
    }
    return nullptr;
}

void LanguageMenu::choose(const QString &language)
{
    if (language == LanguageLoader::savedLanguage())
        return;
    LanguageLoader::saveLanguage(language);
    QMessageBox::information(parentWidget() ? parentWidget()->window() : nullptr, tr("Language"),
                             tr("The new language applies the next time you start Employee Records."));
}

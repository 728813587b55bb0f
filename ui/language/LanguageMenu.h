#pragma once

#include <QMenu>

class QActionGroup;

// View > Language: System Default, English, Deutsch, Français (checkable,
// exclusive). The choice is stored in QSettings ("ui/language", read by
// LanguageLoader) and applies from the next start; the user is told so.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // Adds a LanguageMenu to `viewMenu` (after a separator) and returns it.
    static LanguageMenu *attachTo(QMenu *viewMenu);

    // The action for a settings value: "" (system default), "en", "de", "fr".
    QAction *actionFor(const QString &language) const;

private:
    void choose(const QString &language);

    QActionGroup *m_group;
};

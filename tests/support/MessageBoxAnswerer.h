#pragma once

#include <QString>

// Clicks the button `buttonText` (mnemonics ignored) of the next QMessageBox
// that becomes the active modal widget, and records its text in *seenText.
// For GUI tests whose code under test asks the user a question modally.
void answerNextMessageBox(const QString &buttonText, QString *seenText = nullptr);

#pragma once

#include <QString>

// Clicks the button `buttonText` (mnemonics ignored) of the next QMessageBox
// that becomes the active modal widget, and records its text in *seenText.
// For GUI tests whose code under test asks the user a question modally.
//
// It never waits forever: a box that does not appear within `timeoutMs` is
// a test failure, and so is a box still unanswered when the test function
// ends (call pendingMessageBoxAnswers() in cleanup()).
void answerNextMessageBox(const QString &buttonText, QString *seenText = nullptr, int timeoutMs = 10000);

// How many answers are still waiting for their box; stops them. A test that
// expected a box which never came fails on this in cleanup().
int pendingMessageBoxAnswers();

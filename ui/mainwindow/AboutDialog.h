#pragma once

class QWidget;

// Help > About: name, version, what it is for, and the Qt it runs on.
namespace AboutDialog {
void show(QWidget *parent);
}

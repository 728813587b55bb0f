#pragma once

#include "db/DatabaseLocation.h"
#include "db/ServerProbe.h"

#include <QDialog>

class PasswordVault;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
template<typename T> class QFutureWatcher;

// File > Connect to Server…: host, port, database, user, password and TLS
// (disable, prefer, require, verify-full with a CA file). Test tries the
// server and shows what it says (libpq's own words on failure); Connect does
// the same and closes only when the server can be opened, so a typo keeps
// the dialog and its input. Both run on a worker thread: the window keeps
// answering while a server takes its time. The password is kept in memory,
// or in the secret service when "Remember password" is ticked.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(PasswordVault *vault, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Fills the fields with a known server (a recent one) and, when the
    // secret service remembers it, its password.
    void setServer(const DatabaseLocation &server);
    // What the fields say, the password included.
    DatabaseLocation server() const;

private:
    void buildForm();
    void showVaultAvailability(bool available, const QString &reason);
    void updateTlsFields();
    void chooseCaFile();
    QString missingField();
    QString connectOptions() const;
    void startProbe(bool connectWhenOk);
    void onProbeFinished();
    void setBusy(bool busy);
    void showResult(const QString &text, bool ok);
    void keepPassword(const DatabaseLocation &server);

    PasswordVault *m_vault;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_tls = nullptr;
    QLineEdit *m_caFile = nullptr;
    QToolButton *m_browseCa = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_rememberNote = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_connect = nullptr;
    QFutureWatcher<ServerProbe::Result> *m_probe = nullptr;
    bool m_connectWhenOk = false;
};

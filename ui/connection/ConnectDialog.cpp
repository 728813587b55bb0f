#include "connection/ConnectDialog.h"

#include "connection/PasswordVault.h"
#include "connection/RecentServers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
constexpr int DefaultPort = 5432;

QString osUserName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}
}

ConnectDialog::ConnectDialog(PasswordVault *vault, QWidget *parent) : QDialog(parent), m_vault(vault)
{
    setObjectName(QStringLiteral("ConnectDialog"));
    setWindowTitle(tr("Connect to Server"));
    buildForm();
    m_probe = new QFutureWatcher<ServerProbe::Result>(this);
    connect(m_probe, &QFutureWatcherBase::finished, this, &ConnectDialog::onProbeFinished);
    showVaultAvailability(m_vault->isKnownAvailable(), {});
    connect(m_vault, &PasswordVault::availabilityKnown, this, &ConnectDialog::showVaultAvailability);
    m_vault->checkAvailability();
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::buildForm()
{
    auto lineEdit = [this](const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_host = lineEdit(QStringLiteral("hostEdit"), tr("db.example.com"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(DefaultPort);
    m_database = lineEdit(QStringLiteral("databaseEdit"), tr("hr"));
    m_user = lineEdit(QStringLiteral("userEdit"), {});
    m_user->setText(osUserName());
    m_password = lineEdit(QStringLiteral("passwordEdit"), tr("from ~/.pgpass when empty"));
    m_password->setEchoMode(QLineEdit::Password);

    m_tls = new QComboBox(this);
    m_tls->setObjectName(QStringLiteral("tlsCombo"));
    m_tls->addItem(tr("Prefer encryption (use TLS when the server offers it)"), QStringLiteral("prefer"));
    m_tls->addItem(tr("Require encryption"), QStringLiteral("require"));
    m_tls->addItem(tr("Require encryption and verify the server (CA certificate)"), QStringLiteral("verify-full"));
    m_tls->addItem(tr("No encryption"), QStringLiteral("disable"));
    m_caFile = lineEdit(QStringLiteral("caFileEdit"), tr("the CA certificate that signed the server's (PEM)"));
    m_browseCa = new QToolButton(this);
    m_browseCa->setObjectName(QStringLiteral("browseCaButton"));
    m_browseCa->setText(tr("Browse…"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);

    m_remember = new QCheckBox(tr("&Remember password in the desktop's secret service"), this);
    m_remember->setObjectName(QStringLiteral("rememberPasswordBox"));
    m_rememberNote = new QLabel(this);
    m_rememberNote->setObjectName(QStringLiteral("rememberPasswordNote"));
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setEnabled(false);   // drawn greyed, as a note
    m_rememberNote->setMinimumHeight(m_rememberNote->fontMetrics().lineSpacing() * 2);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_rememberNote);
    form->addRow(tr("&Encryption:"), m_tls);
    // A row whose field is a layout gets no buddy from addRow(): give it one, for Alt+C.
    auto *caLabel = new QLabel(tr("&CA certificate:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("connectionResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_test = buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_connect = buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    connect(m_test, &QPushButton::clicked, this, [this] { startProbe(false); });
    // AcceptRole would close the dialog: Connect closes only on success.
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_connect, &QPushButton::clicked, this, [this] { startProbe(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateTlsFields);
    connect(m_browseCa, &QToolButton::clicked, this, &ConnectDialog::chooseCaFile);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    updateTlsFields();
    setMinimumWidth(520);
}

void ConnectDialog::showVaultAvailability(bool available, const QString &reason)
{
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    m_remember->setToolTip(available ? tr("Kept by the secret service of your desktop session, never in a file of "
                                          "Employee Records")
                                     : reason);
    m_rememberNote->setText(available ? QString()
                                      : tr("No secret service answers: nothing is remembered."));
    m_rememberNote->setToolTip(reason);
    m_rememberNote->setVisible(!available && !reason.isEmpty());
}

void ConnectDialog::updateTlsFields()
{
    const bool verify = m_tls->currentData().toString() == QLatin1String("verify-full");
    m_caFile->setEnabled(verify);
    m_browseCa->setEnabled(verify);
}

void ConnectDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void ConnectDialog::setServer(const DatabaseLocation &server)
{
    m_host->setText(server.host());
    m_port->setValue(server.port() > 0 ? server.port() : DefaultPort);
    m_database->setText(server.databaseName());
    m_user->setText(server.userName());
    m_password->setText(server.password());
    const QUrlQuery options(server.connectOptions().replace(QLatin1Char(';'), QLatin1Char('&')));
    const int tls = m_tls->findData(options.queryItemValue(QStringLiteral("sslmode")));
    m_tls->setCurrentIndex(tls >= 0 ? tls : 0);
    m_caFile->setText(options.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded));
    if (!server.password().isEmpty())
        return;
    m_vault->read(server, [dialog = QPointer<ConnectDialog>(this), server](std::optional<QString> password) {
        if (!dialog || !password || !dialog->server().isSameServer(server) || !dialog->m_password->text().isEmpty())
            return;
        dialog->m_password->setText(*password);
        dialog->m_remember->setChecked(true);
    });
}

QString ConnectDialog::connectOptions() const
{
    QStringList options{QStringLiteral("sslmode=") + m_tls->currentData().toString()};
    if (m_tls->currentData().toString() == QLatin1String("verify-full") && !m_caFile->text().trimmed().isEmpty())
        options << QStringLiteral("sslrootcert=") + m_caFile->text().trimmed();
    return options.join(QLatin1Char(';'));
}

DatabaseLocation ConnectDialog::server() const
{
    return DatabaseLocation::server(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(),
                                    m_user->text().trimmed(), m_password->text(), connectOptions());
}

QString ConnectDialog::missingField()
{
    const std::pair<QLineEdit *, QString> required[] = {
        {m_host, tr("Enter the server's host name or address.")},
        {m_database, tr("Enter the name of the database on the server.")},
        {m_user, tr("Enter your user name on the server.")},
    };
    for (const auto &[edit, message] : required) {
        if (edit->text().trimmed().isEmpty()) {
            edit->setFocus(Qt::OtherFocusReason);
            return message;
        }
    }
    // Spaces, quotes or ';' would end the libpq parameter early.
    if (m_caFile->isEnabled() && m_caFile->text().contains(QRegularExpression(QStringLiteral("[\\s';]")))) {
        m_caFile->setFocus(Qt::OtherFocusReason);
        return tr("The CA certificate's path must not contain spaces, quotes or ';'.");
    }
    return {};
}

void ConnectDialog::startProbe(bool connectWhenOk)
{
    if (m_probe->isRunning())
        return;
    if (const QString missing = missingField(); !missing.isEmpty()) {
        showResult(missing, false);
        return;
    }
    m_connectWhenOk = connectWhenOk;
    setBusy(true);
    showResult(tr("Connecting to %1…").arg(server().displayName()), true);
    m_probe->setFuture(QtConcurrent::run([location = server()] { return ServerProbe::run(location); }));
}

void ConnectDialog::onProbeFinished()
{
    setBusy(false);
    const ServerProbe::Result result = m_probe->result();
    showResult(result.summary(), result.ok());
    if (!result.ok() || !m_connectWhenOk)
        return;
    const DatabaseLocation chosen = server();
    keepPassword(chosen);
    RecentServers::add(chosen);
    accept();
}

void ConnectDialog::keepPassword(const DatabaseLocation &chosen)
{
    if (!m_vault->isKnownAvailable())
        return;
    if (m_remember->isChecked() && !chosen.password().isEmpty())
        m_vault->store(chosen, chosen.password());
    else if (!m_remember->isChecked())
        m_vault->forget(chosen);
}

void ConnectDialog::setBusy(bool busy)
{
    for (QWidget *widget : std::initializer_list<QWidget *>{m_test, m_connect, m_host, m_port, m_database, m_user,
                                                             m_password, m_tls})
        widget->setEnabled(!busy);
    if (!busy)
        updateTlsFields();
    else {
        m_caFile->setEnabled(false);
        m_browseCa->setEnabled(false);
    }
}

void ConnectDialog::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    // An error in the form's error red (as the employee form's); success in the usual colour.
    QPalette palette = this->palette();
    if (!ok)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_result->setPalette(palette);
}

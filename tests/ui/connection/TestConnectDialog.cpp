// File > Connect to Server… against the password-and-TLS test server
// (pg-test-server.sh --secure): Test says what the server says and runs off
// the GUI thread, a refusal keeps the dialog and its input, Connect adds a
// recent server without its password, "Remember password" uses the secret
// service or nothing, and the window's status bar says whether the
// connection is encrypted.
//
// ctest runs this twice: TestConnectDialog with no D-Bus session (no secret
// service may answer), TestConnectDialog_keyring inside a D-Bus session with
// an unlocked GNOME Keyring (tests/support/with-keyring.sh, ER_TEST_KEYRING=1).
#include "app/AppSession.h"
#include "connection/ConnectDialog.h"
#include "connection/PasswordVault.h"
#include "connection/RecentServers.h"
#include "connection/ServerConnector.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

class TestConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void testSaysWhatTheServerSays();
    void aWrongCaIsRefusedAndTheInputStays();
    void aMissingFieldIsSaidBeforeAnyConnection();
    void theWindowKeepsAnsweringWhileAServerTakesItsTime();
    void connectingRemembersTheServerButNotItsPassword();
    void theRememberBoxSaysWhetherASecretServiceAnswers();
    void aRememberedPasswordLivesOnlyInTheSecretService();
    void theStatusBarSaysWhetherTheConnectionIsEncrypted();

private:
    ConnectDialog *newDialog();
    void fill(ConnectDialog *dialog, const QString &ca, const QString &password);
    static QString result(const ConnectDialog *dialog);
    // Every byte QSettings wrote, for looking for the password in it.
    QByteArray settingsBytes() const;

    QString m_dir;
    int m_port = 0;
    QString m_password;
    bool m_keyring = false;
    QTemporaryDir m_config;
    PasswordVault *m_vault = nullptr;
    std::unique_ptr<QWidget> m_parent;
};

void TestConnectDialog::initTestCase()
{
    m_dir = qEnvironmentVariable("ER_TEST_SECURE_PG_DIR");
    m_port = qEnvironmentVariableIntValue("ER_TEST_SECURE_PG_PORT");
    QVERIFY2(!m_dir.isEmpty() && m_port > 0, "run through ctest: the PostgresSecureServer fixture sets these");
    QFile password(m_dir + QStringLiteral("/password"));
    QVERIFY(password.open(QIODevice::ReadOnly));
    m_password = QString::fromLatin1(password.readAll()).trimmed();
    m_keyring = qEnvironmentVariableIsSet("ER_TEST_KEYRING");
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("EmployeeRecordsTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TestConnectDialog"));
    // No ~/.pgpass of the developer's may help or hinder.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", QFile::encodeName(m_config.filePath(QStringLiteral("no-pgpass"))));
}

void TestConnectDialog::init()
{
    QSettings().clear();
    m_parent = std::make_unique<QWidget>();
    m_vault = new PasswordVault(m_parent.get());
}

void TestConnectDialog::cleanup()
{
    m_parent.reset();
}

ConnectDialog *TestConnectDialog::newDialog()
{
    auto *dialog = new ConnectDialog(m_vault, m_parent.get());
    dialog->show();
    return dialog;
}

void TestConnectDialog::fill(ConnectDialog *dialog, const QString &ca, const QString &password)
{
    dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(m_port);
    dialog->findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(QStringLiteral("postgres"));
    dialog->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(QStringLiteral("er_test"));
    dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    auto *tls = dialog->findChild<QComboBox *>(QStringLiteral("tlsCombo"));
    tls->setCurrentIndex(tls->findData(QStringLiteral("verify-full")));
    dialog->findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(m_dir + QLatin1Char('/') + ca);
}

QString TestConnectDialog::result(const ConnectDialog *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("connectionResultLabel"))->text();
}

QByteArray TestConnectDialog::settingsBytes() const
{
    QSettings().sync();
    QByteArray all;
    QDirIterator it(m_config.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

void TestConnectDialog::testSaysWhatTheServerSays()
{
    ConnectDialog *dialog = newDialog();
    fill(dialog, QStringLiteral("ca.pem"), m_password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(result(dialog).startsWith(QStringLiteral("Connected")), qPrintable(result(dialog)), 15000);
    QVERIFY2(result(dialog).contains(QStringLiteral("encrypted (TLSv1")), qPrintable(result(dialog)));
    QVERIFY2(result(dialog).contains(QStringLiteral("as er_test")), qPrintable(result(dialog)));
    QVERIFY(dialog->isVisible());   // Test never closes the dialog
    QVERIFY(RecentServers::list().isEmpty());
}

void TestConnectDialog::aWrongCaIsRefusedAndTheInputStays()
{
    ConnectDialog *dialog = newDialog();
    QSignalSpy accepted(dialog, &QDialog::accepted);
    fill(dialog, QStringLiteral("other-ca.pem"), m_password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(result(dialog).contains(QStringLiteral("certificate verify failed")),
                              qPrintable(result(dialog)), 15000);
    QVERIFY2(result(dialog).contains(QStringLiteral("not signed by the CA certificate given")), qPrintable(result(dialog)));
    QVERIFY(dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text(), m_password);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->text().endsWith(QStringLiteral("other-ca.pem")));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("connectButton"))->isEnabled());
    QVERIFY(RecentServers::list().isEmpty());
}

void TestConnectDialog::aMissingFieldIsSaidBeforeAnyConnection()
{
    ConnectDialog *dialog = newDialog();
    fill(dialog, QStringLiteral("ca.pem"), m_password);
    auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
    host->clear();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QCOMPARE(result(dialog), QStringLiteral("Enter the server's host name or address."));
    QVERIFY(dialog->isVisible());
}

void TestConnectDialog::theWindowKeepsAnsweringWhileAServerTakesItsTime()
{
    // A "server" that accepts the connection and never answers: libpq waits
    // for its connect_timeout. The event loop must run all the while.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ConnectDialog *dialog = newDialog();
    fill(dialog, QStringLiteral("ca.pem"), m_password);
    dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(silent.serverPort());
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(50);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY2(result(dialog).startsWith(QStringLiteral("Connecting")), qPrintable(result(dialog)));
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());
    QTest::qWait(1000);
    QVERIFY2(ticks >= 15, qPrintable(QStringLiteral("%1 ticks of 50 ms in 1 s").arg(ticks)));
    QVERIFY(result(dialog).startsWith(QStringLiteral("Connecting")));   // still waiting for the silent server
    QTRY_VERIFY2_WITH_TIMEOUT(result(dialog).startsWith(QStringLiteral("Cannot connect")), qPrintable(result(dialog)),
                              20000);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());
}

void TestConnectDialog::connectingRemembersTheServerButNotItsPassword()
{
    ConnectDialog *dialog = newDialog();
    QSignalSpy accepted(dialog, &QDialog::accepted);
    fill(dialog, QStringLiteral("ca.pem"), m_password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    QCOMPARE(dialog->server().password(), m_password);   // in memory, for the connection
    const QList<DatabaseLocation> recent = RecentServers::list();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.first().urlWithoutPassword(),
             QStringLiteral("postgresql://er_test@127.0.0.1:%1/postgres?sslmode=verify-full&sslrootcert=%2/ca.pem")
                 .arg(m_port)
                 .arg(m_dir));
    QVERIFY(recent.first().password().isEmpty());
    QVERIFY(!settingsBytes().isEmpty());
    QVERIFY(!settingsBytes().contains(m_password.toUtf8()));
}

void TestConnectDialog::theRememberBoxSaysWhetherASecretServiceAnswers()
{
    ConnectDialog *dialog = newDialog();
    auto *box = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPasswordBox"));
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("rememberPasswordNote"));
    QSignalSpy known(m_vault, &PasswordVault::availabilityKnown);
    QTRY_VERIFY_WITH_TIMEOUT(known.count() > 0, 10000);
    QCOMPARE(box->isEnabled(), m_keyring);
    QCOMPARE(note->isVisible(), !m_keyring);
    if (!m_keyring) {
        QVERIFY2(note->text().contains(QStringLiteral("No secret service")), qPrintable(note->text()));
        QVERIFY2(box->toolTip().contains(QStringLiteral("not stored anywhere else")), qPrintable(box->toolTip()));
    }
}

void TestConnectDialog::aRememberedPasswordLivesOnlyInTheSecretService()
{
    ConnectDialog *dialog = newDialog();
    QSignalSpy known(m_vault, &PasswordVault::availabilityKnown);
    QTRY_VERIFY_WITH_TIMEOUT(known.count() > 0, 10000);
    fill(dialog, QStringLiteral("ca.pem"), m_password);
    auto *box = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPasswordBox"));
    QTest::mouseClick(box, Qt::LeftButton);   // a disabled box stays unticked
    QCOMPARE(box->isChecked(), m_keyring);
    QSignalSpy stored(m_vault, &PasswordVault::stored);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 15000);
    if (m_keyring) {
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 10000);
        QVERIFY2(stored.first().at(0).toBool(), qPrintable(stored.first().at(1).toString()));
    }
    QVERIFY(!settingsBytes().contains(m_password.toUtf8()));

    // The recent server, chosen again: the password comes back only from the secret service.
    ConnectDialog *again = newDialog();
    again->setServer(RecentServers::list().value(0));
    auto *password = again->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    if (m_keyring) {
        QTRY_COMPARE_WITH_TIMEOUT(password->text(), m_password, 10000);
        QVERIFY(again->findChild<QCheckBox *>(QStringLiteral("rememberPasswordBox"))->isChecked());
    } else {
        QTest::qWait(500);
        QVERIFY(password->text().isEmpty());
    }
    QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->text(), m_dir + QStringLiteral("/ca.pem"));
}

void TestConnectDialog::theStatusBarSaysWhetherTheConnectionIsEncrypted()
{
    const QString base = QStringLiteral("postgresql://er_test@127.0.0.1:%1/postgres").arg(m_port);
    for (const bool tls : {true, false}) {
        QString error;
        auto location = DatabaseLocation::fromUrl(
            base + (tls ? QStringLiteral("?sslmode=verify-full&sslrootcert=%1/ca.pem").arg(m_dir)
                        : QStringLiteral("?sslmode=disable")),
            &error);
        QVERIFY2(location, qPrintable(error));
        location->setPassword(m_password);
        AppSession session;
        QVERIFY2(session.open(*location, &error), qPrintable(error));
        MainWindow window(session.store(), session.location().displayName());
        const QString status = window.findChild<QLabel *>(QStringLiteral("databaseLabel"))->text();
        QVERIFY2(status.contains(tls ? QStringLiteral("· encrypted (TLSv1") : QStringLiteral("· not encrypted")),
                 qPrintable(status));
        QVERIFY(!status.contains(m_password));
        // File > Connect to Server… opens the dialog.
        window.findChild<QAction *>(QStringLiteral("actionConnectServer"))->trigger();
        QVERIFY(window.findChild<ConnectDialog *>());
    }
}

QTEST_MAIN(TestConnectDialog)
#include "TestConnectDialog.moc"

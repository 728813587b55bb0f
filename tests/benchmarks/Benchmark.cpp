// employee-records-bench: the figures of issue #5, each printed next to its
// target, measured on the real code paths:
//   - a CSV of N realistic employees (unique emails, valid German phones in
//     several spellings, profile fields) imported through CsvImporter into a
//     fresh SQLite database, with ProfileAutoCreator connected to
//     employeeCreated exactly as the application wires it;
//   - CsvExporter writing all N rows;
//   - fresh child processes of this binary (so memory and caches are those of
//     a person opening the file) that open the database the way the
//     application does, show a real QTableView over EmployeeTableModel /
//     ProfileTableModel on the offscreen platform and time: process start to
//     first rows painted, Ctrl+End and jumps, scrolling steps, sorting by
//     every column, search keystrokes, and resident memory after visiting the
//     top, middle and bottom.
// Every timing is repeated and the median printed (max where the target is a
// bound on every event, like "never blocks more than 50 ms").
//
//   employee-records-bench --employees 100000 [--repeat 3] [--work DIR] [--keep]
//                          [--django-rate R --raw-rate R]   (from compare.sh)
//                          [--database-url postgresql://…]  (compare-postgres.sh: the same
//                          figures on a PostgreSQL server; that database is dropped and created again)
#include "csv/CsvExporter.h"
#include "csv/CsvImporter.h"
#include "csv/CsvReader.h"
#include "csv/CsvWriter.h"
#include "db/Database.h"
#include "db/ExternalChangeWatcher.h"
#include "store/EmployeeStore.h"
#include "views/EmployeeTableModel.h"
#include "validation/EmployeeValidator.h"
#include "store/ProfileAutoCreator.h"
#include "views/ProfileTableModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QWindow>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

double maxOf(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.cbegin(), v.cend());
}

double rssMb(const char *field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// ---------------------------------------------------------------- data ----

const char *const FirstNames[] = {
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Ida", "Jonas", "Karl", "Lena", "Maximilian",
    "Nina", "Oskar", "Paula", "Quentin", "Rosa", "Stefan", "Tina", "Ulrich", "Vera", "Werner", "Xenia", "Yusuf",
    "Zoe", "Ahmet", "Björn", "Chiara", "Dmitri", "Elif", "François", "Giulia", "Hiroshi", "Ingrid", "José", "Katarzyna",
    "Lars", "Mei", "Noah", "Olga", "Priya", "Rafael", "Sofia", "Thomas", "Ursula", "Viktor", "Wiebke", "Ximena", "Zeynep",
    "Alexander", "Barbara", "Christian", "Daniela", "Erik", "Franziska", "Georg", "Heike", "Jan", "Julia", "Kevin",
    "Laura", "Martin", "Michelle", "Nils", "Petra", "Ralf", "Sabine", "Tobias", "Uwe", "Yvonne", "Mia", "Leon", "Lukas",
    "Marie", "Sophie", "Paul", "Elias", "Emilia", "Finn", "Amelie", "Moritz", "Lea", "Henry", "Ella", "Theo", "Lina",
    "Anton", "Mila", "Jakob", "Luisa", "Samuel", "Frieda", "Matteo", "Johanna", "Liam", "Charlotte", "Ole", "Ronja", "Aaron"};
const char *const LastNames[] = {
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
    "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
    "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger",
    "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
    "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel",
    "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
    "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "O'Brien", "de Vries", "van Dijk",
    "Nguyen", "Yılmaz", "Kowalski", "García", "Rossi", "Ivanov", "Smith"};
const char *const Streets[] = {"Hauptstraße", "Schulstraße", "Gartenweg", "Bahnhofstraße", "Dorfstraße", "Bergstraße",
                               "Lindenallee", "Kirchplatz", "Am Markt", "Wiesenweg"};
const char *const Cities[] = {"Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Potsdam"};
const char *const Teams[] = {"Product", "Engineering", "Marketing", ""};
const char *const Genders[] = {"female", "male", "other", ""};

template <typename T, size_t N>
constexpr size_t count(const T (&)[N]) { return N; }

bool writeCsv(const QString &path, int n)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    CsvWriter w(&f);
    w.writeRecord({"first_name", "last_name", "email", "phone", "date_of_birth", "team", "address", "gender", "bio"});
    QRandomGenerator rng(20240501);
    for (int i = 0; i < n; ++i) {
        const QString first = QString::fromUtf8(FirstNames[rng.bounded(int(count(FirstNames)))]);
        const QString last = QString::fromUtf8(LastNames[rng.bounded(int(count(LastNames)))]);
        QString local = (first + QLatin1Char('.') + last).toLower();
        local.remove(QLatin1Char('\'')).replace(QLatin1Char(' '), QLatin1Char('-'));
        // ASCII-fold so every address is a valid WHATWG email.
        local.replace(QStringLiteral("ß"), QStringLiteral("ss"));
        QString ascii;
        for (const QChar c : local.normalized(QString::NormalizationForm_D)) {
            if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.') || c == QLatin1Char('-'))
                ascii += c;
        }
        local = ascii;
        const QString email = QStringLiteral("%1.%2@example.com").arg(local).arg(i);
        // Unique, valid Berlin numbers in the spellings people type.
        const QString digits = QString::number(20000000 + i);
        QString phone;
        switch (i % 10) {
        case 0: break;   // no phone
        case 1: case 2: case 3: phone = QStringLiteral("+49 30 ") + digits.left(4) + QLatin1Char(' ') + digits.mid(4); break;
        case 4: case 5: phone = QStringLiteral("030 ") + digits; break;
        case 6: phone = QStringLiteral("(030) ") + digits.left(4) + QLatin1Char('-') + digits.mid(4); break;
        default: phone = QStringLiteral("+4930") + digits; break;
        }
        const QString dob = i % 7 == 0 ? QString()
                                       : QDate(1950, 1, 1).addDays(rng.bounded(365 * 55)).toString(Qt::ISODate);
        const QString address = i % 5 == 0 ? QString()
                                            : QStringLiteral("%1 %2, %3").arg(QString::fromUtf8(Streets[rng.bounded(int(count(Streets)))]))
                                                  .arg(1 + rng.bounded(200))
                                                  .arg(QString::fromUtf8(Cities[rng.bounded(int(count(Cities)))]));
        const QString bio = i % 3 == 0 ? QStringLiteral("Joined in %1.").arg(2000 + i % 24) : QString();
        if (!w.writeRecord({first, last, email, phone, dob, QString::fromLatin1(Teams[i % 4]), address,
                            QString::fromLatin1(Genders[(i / 4) % 4]), bio}))
            return false;
    }
    return true;
}

// ------------------------------------------------------ database session --

// A database argument is an SQLite file or a postgresql:// URL.
bool isServer(const QString &db)
{
    return db.startsWith(QLatin1String("postgresql://"));
}

DatabaseLocation locationOf(const QString &db)
{
    return isServer(db) ? DatabaseLocation::fromUrl(db, nullptr).value_or(DatabaseLocation())
                        : DatabaseLocation::sqlite(db);
}

// An empty database for an import: the SQLite file removed, or the server's
// database dropped and created again (through the maintenance database
// `postgres`; the bench's own database only, so it needs CREATEDB).
bool resetDatabase(const QString &db)
{
    if (!isServer(db)) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(db + suffix);
        return true;
    }
    const DatabaseLocation target = locationOf(db);
    const DatabaseLocation maintenance =
        DatabaseLocation::server(target.host(), target.port(), QStringLiteral("postgres"), target.userName(),
                                 target.password(), target.connectOptions());
    bool ok = false;
    {
        const Database::OpenResult r = Database::connectToServer(maintenance, QStringLiteral("reset"));
        if (!r.ok()) {
            fprintf(stderr, "%s\n", qPrintable(r.error));
            return false;
        }
        QSqlQuery q(r.db);
        const QString name = r.db.driver()->escapeIdentifier(target.databaseName(), QSqlDriver::TableName);
        ok = q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name)
            && q.exec(QStringLiteral("CREATE DATABASE ") + name);
        if (!ok)
            fprintf(stderr, "cannot recreate the database: %s\n", qPrintable(q.lastError().text()));
    }
    Database::close(QStringLiteral("reset"));
    return ok;
}

// What the application's AppSession does on open: connection + migrations,
// the store, the profile creator on employeeCreated, the backfill.
struct Session
{
    QString name;
    QSqlDatabase db;
    std::unique_ptr<EmployeeStore> store;
    std::unique_ptr<ProfileAutoCreator> creator;
    QString error;

    QList<QPair<const char *, double>> stages;   // ms, for --probe-open's breakdown

    // asTheWindow: a server's backfill runs on a worker thread, as the window's does (AppSession::Backfill).
    explicit Session(const QString &path, const QString &connection = QStringLiteral("bench"), bool asTheWindow = false)
        : name(connection)
    {
        QElapsedTimer t;
        t.start();
        const Database::OpenResult r = Database::open(locationOf(path), name);
        stages.append({"database_open_ms", t.nsecsElapsed() / 1e6});
        if (!r.ok()) {
            error = r.error;
            return;
        }
        db = r.db;
        // Experiments only (e.g. ER_BENCH_SQL="PRAGMA cache_size=-65536;DROP INDEX x"): run after opening.
        if (!qEnvironmentVariableIsEmpty("ER_BENCH_SQL")) {
            QSqlQuery q(db);
            for (const QString &sql : qEnvironmentVariable("ER_BENCH_SQL").split(QLatin1Char(';'), Qt::SkipEmptyParts))
                q.exec(sql);
        }
        store = std::make_unique<EmployeeStore>(db);
        creator = std::make_unique<ProfileAutoCreator>(store.get());
        // As AppSession wires it (this harness times the stages of opening separately).
        QObject::connect(store.get(), &EmployeeStore::employeeCreated, creator.get(),
                         &ProfileAutoCreator::onEmployeeCreated, Qt::DirectConnection);
        t.restart();
        if (asTheWindow && isServer(path)) {
            QThreadPool::globalInstance()->start([path] { Session worker(path, QStringLiteral("bench-backfill")); });
            return;
        }
        // ER_BENCH_SKIP_BACKFILL=1: what opening costs without the backfill scan (for the report).
        const int backfilled = qEnvironmentVariableIsSet("ER_BENCH_SKIP_BACKFILL") ? 0 : creator->backfill(&error);
        stages.append({"backfill_ms", t.nsecsElapsed() / 1e6});
        if (backfilled < 0)
            return;
        error.clear();
    }
    ~Session()
    {
        creator.reset();
        store.reset();
        db = QSqlDatabase();
        Database::close(name);
    }
};

// ------------------------------------------------------------- results ----

struct Figure
{
    QString name;
    double value = 0;
    QString unit;
    QString target;   // human
    int verdict = -1; // 1 pass, 0 fail, -1 no target
};

QList<Figure> g_figures;

void figure(const QString &name, double value, const QString &unit, const QString &target = {}, int verdict = -1)
{
    g_figures.append({name, value, unit, target, verdict});
}

void atMost(const QString &name, double value, const QString &unit, double limit)
{
    figure(name, value, unit, QStringLiteral("<= %1 %2").arg(limit).arg(unit), value <= limit ? 1 : 0);
}

void printFigures(int n, bool server)
{
    out() << "\n== employee-records-bench: N = " << n << " employees (with profiles), "
          << (server ? "PostgreSQL" : "SQLite") << " ==\n";
    out() << QStringLiteral("%1 %2  %3  %4\n").arg(QStringLiteral("figure"), -48).arg(QStringLiteral("measured"), 14)
                 .arg(QStringLiteral("target"), -22).arg(QStringLiteral("verdict"));
    for (const Figure &f : std::as_const(g_figures)) {
        const QString value = f.value >= 1000 ? QString::number(f.value, 'f', 0)
            : f.unit == QLatin1String("x")   ? QString::number(f.value, 'f', f.value < 1 ? 3 : 2)
                                             : QString::number(f.value, 'f', 1);
        out() << QStringLiteral("%1 %2  %3  %4\n")
                     .arg(f.name, -48)
                     .arg(value + QLatin1Char(' ') + f.unit, 14)
                     .arg(f.target, -22)
                     .arg(f.verdict < 0 ? QString() : f.verdict ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
    }
    out().flush();
}

// --------------------------------------------------------- GUI probes ----

struct Probe
{
    QString path;
    std::unique_ptr<Session> session;
    std::unique_ptr<QTableView> view;
    std::unique_ptr<WindowedSqlTableModel> model;
    std::unique_ptr<ExternalChangeWatcher> liveRefresh;   // on, as in the window

    bool open(bool profiles = false)
    {
        session = std::make_unique<Session>(path, QStringLiteral("bench"), true);
        if (!session->error.isEmpty()) {
            fprintf(stderr, "cannot open: %s\n", qPrintable(session->error));
            return false;
        }
        liveRefresh = std::make_unique<ExternalChangeWatcher>(session->db);
        view = std::make_unique<QTableView>();
        view->resize(1200, 800);
        view->setSortingEnabled(false);
        setModel(profiles);
        view->show();
        while (!view->windowHandle() || !view->windowHandle()->isExposed())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return true;
    }
    void setModel(bool profiles)
    {
        std::unique_ptr<WindowedSqlTableModel> m;
        if (profiles)
            m = std::make_unique<ProfileTableModel>(session->db);
        else
            m = std::make_unique<EmployeeTableModel>(session->db);
        view->setModel(m.get());
        model = std::move(m);
    }
    // Paints now, as the event loop would after the action (data() for every visible cell).
    void paint()
    {
        view->viewport()->repaint();
        QCoreApplication::processEvents();
    }
    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        QKeyEvent press(QEvent::KeyPress, k, mods);
        QCoreApplication::sendEvent(view.get(), &press);
        QKeyEvent release(QEvent::KeyRelease, k, mods);
        QCoreApplication::sendEvent(view.get(), &release);
    }
    template <typename F>
    double timed(F &&action)
    {
        QElapsedTimer t;
        t.start();
        action();
        paint();
        return t.nsecsElapsed() / 1e6;
    }
};

void report(const char *name, double value)
{
    printf("%s %.3f\n", name, value);
    fflush(stdout);
}

int probeOpen(const QString &path)
{
    QElapsedTimer t;
    t.start();
    Probe p;
    p.path = path;
    if (!p.open())
        return 1;
    p.paint();
    const double total = t.nsecsElapsed() / 1e6;
    const QModelIndex first = p.view->indexAt(QPoint(1, 1));
    if (!first.isValid() || first.data().toString().isEmpty())
        return 2;
    printf("painted\n");
    fflush(stdout);
    report("open_rss_mb", rssMb());
    // The memory target: a fresh session that visits the top, middle and
    // bottom of both views (the rest of the session is the GUI probe's).
    const int n = p.model->rowCount();
    for (bool profiles : {false, true}) {
        if (profiles)
            p.setModel(true);
        for (int row : {0, n / 2, n - 1}) {
            p.view->scrollTo(p.model->index(std::max(0, row), 0));
            p.paint();
        }
    }
    report("visit_rss_mb", rssMb());
    // Where the in-process part of the open went (stderr: not parsed).
    for (const auto &stage : std::as_const(p.session->stages))
        fprintf(stderr, "  open stage %s %.1f\n", stage.first, stage.second);
    fprintf(stderr, "  open stage in_process_total_ms %.1f\n", total);
    return 0;
}

int probeGui(const QString &path, int repeat)
{
    Probe p;
    p.path = path;
    if (!p.open())
        return 1;
    p.paint();
    const int n = p.model->rowCount();
    QRandomGenerator rng(7);

    // Ctrl+End / Ctrl+Home on a cold model.
    QList<double> ctrlEnd, ctrlHome, jumps, steps, sorts;
    for (int r = 0; r < repeat; ++r) {
        p.setModel(false);
        p.paint();
        ctrlEnd << p.timed([&] { p.key(Qt::Key_End, Qt::ControlModifier); });
        ctrlHome << p.timed([&] { p.key(Qt::Key_Home, Qt::ControlModifier); });
    }
    report("ctrl_end_ms", median(ctrlEnd));
    report("ctrl_end_max_ms", maxOf(ctrlEnd));
    report("ctrl_home_ms", median(ctrlHome));
    // Jumps to arbitrary rows (a scroll bar drag is a series of these).
    for (int i = 0; i < 20 * repeat; ++i) {
        const int row = rng.bounded(std::max(1, n));
        jumps << p.timed([&] { p.view->scrollTo(p.model->index(row, 0), QAbstractItemView::PositionAtTop); });
    }
    report("jump_ms", median(jumps));
    report("jump_max_ms", maxOf(jumps));
    // Scrolling: page down/up, arrow keys, wheel-sized scroll bar steps from a random place.
    for (int r = 0; r < repeat; ++r) {
        const int start = rng.bounded(std::max(1, n));
        p.view->scrollTo(p.model->index(start, 0), QAbstractItemView::PositionAtTop);
        p.view->setCurrentIndex(p.model->index(start, 0));
        p.paint();
        for (int i = 0; i < 60; ++i)
            steps << p.timed([&] { p.key(Qt::Key_PageDown); });
        for (int i = 0; i < 60; ++i)
            steps << p.timed([&] { p.key(Qt::Key_PageUp); });
        QScrollBar *bar = p.view->verticalScrollBar();
        for (int i = 0; i < 200; ++i)
            steps << p.timed([&] { bar->setValue(bar->value() + 3); });
        // A scroll bar drag from top to bottom in 40 moves.
        for (int i = 0; i <= 40; ++i)
            steps << p.timed([&] { bar->setValue(int(qint64(bar->maximum()) * i / 40)); });
    }
    report("scroll_step_ms", median(steps));
    report("scroll_step_max_ms", maxOf(steps));

    // Sort by every column, both orders, as a header click does.
    double sortMax = 0;
    for (int col = 0; col < EmployeeTableModel::ColumnCount; ++col) {
        QList<double> t;
        for (int r = 0; r < repeat; ++r) {
            for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder})
                t << p.timed([&] { p.view->sortByColumn(col, order); });
        }
        sortMax = std::max(sortMax, median(t));
        report(qPrintable(QStringLiteral("sort_col%1_ms").arg(col)), median(t));
    }
    report("sort_max_ms", sortMax);
    p.view->sortByColumn(EmployeeTableModel::LastName, Qt::AscendingOrder);

    // Search as you type: every keystroke of a few searches, then clearing.
    QList<double> keys;
    const QStringList searches = {QStringLiteral("Schmidt"), QStringLiteral("anna m"), QStringLiteral("o'brien"),
                                  QStringLiteral("+49302000"), QStringLiteral("lena.k"), QStringLiteral("zz")};
    for (int r = 0; r < repeat; ++r) {
        for (const QString &s : searches) {
            for (int i = 1; i <= s.size(); ++i) {
                double model = 0;
                keys << p.timed([&] {
                    QElapsedTimer m;
                    m.start();
                    static_cast<EmployeeTableModel *>(p.model.get())->setSearchText(s.left(i));
                    model = m.nsecsElapsed() / 1e6;
                });
                if (keys.last() > 50)
                    fprintf(stderr, "  slow keystroke '%s': %.1f ms (setSearchText %.1f ms, then painting)\n",
                            qPrintable(s.left(i)), keys.last(), model);
            }
            keys << p.timed([&] { static_cast<EmployeeTableModel *>(p.model.get())->setSearchText(QString()); });
        }
    }
    report("search_key_ms", median(keys));
    report("search_key_max_ms", maxOf(keys));

    // Profiles view: open, Ctrl+End, sort by every column.
    QList<double> profileOpen, profileEnd, profileSorts;
    for (int r = 0; r < repeat; ++r) {
        profileOpen << p.timed([&] { p.setModel(true); });
        profileEnd << p.timed([&] { p.key(Qt::Key_End, Qt::ControlModifier); });
    }
    double profileSortMax = 0;
    for (int col = 0; col < ProfileTableModel::ColumnCount; ++col) {
        QList<double> t;
        for (int r = 0; r < repeat; ++r) {
            for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder})
                t << p.timed([&] { p.view->sortByColumn(col, order); });
        }
        profileSortMax = std::max(profileSortMax, median(t));
    }
    report("profile_view_ms", median(profileOpen));
    report("profile_ctrl_end_ms", median(profileEnd));
    report("profile_sort_max_ms", profileSortMax);

    // Memory after visiting top, middle and bottom of both views.
    for (bool profiles : {false, true}) {
        p.setModel(profiles);
        for (int row : {0, n / 2, n - 1}) {
            p.view->scrollTo(p.model->index(std::max(0, row), 0));
            p.paint();
        }
    }
    report("rss_mb", rssMb());
    report("hwm_mb", rssMb("VmHWM:"));
    return 0;
}

QMap<QString, double> runProbe(const QStringList &args)
{
    QMap<QString, double> values;
    QProcess proc;
    proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    proc.start(QCoreApplication::applicationFilePath(), args);
    if (!proc.waitForFinished(30 * 60 * 1000) || proc.exitCode() != 0) {
        fprintf(stderr, "probe %s failed (exit %d)\n", qPrintable(args.join(' ')), proc.exitCode());
        return values;
    }
    for (const QByteArray &line : proc.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2)
            values.insert(QString::fromLatin1(parts.at(0)), parts.at(1).toDouble());
    }
    return values;
}

// Process start (exec, Qt, database, models, view) to first rows painted.
double timeOpen(const QString &db, double *rss, double *visitRss = nullptr)
{
    QProcess proc;
    proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    proc.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--probe-open"), db});
    double ms = -1;
    QByteArray seen;
    while (proc.state() != QProcess::NotRunning || proc.bytesAvailable()) {
        if (proc.canReadLine() || proc.waitForReadyRead(20000)) {
            while (proc.canReadLine()) {
                const QByteArray line = proc.readLine().trimmed();
                if (line == "painted" && ms < 0)
                    ms = t.nsecsElapsed() / 1e6;
                else if (line.startsWith("open_rss_mb"))
                    *rss = line.split(' ').value(1).toDouble();
                else if (line.startsWith("visit_rss_mb") && visitRss)
                    *visitRss = line.split(' ').value(1).toDouble();
            }
        } else if (proc.state() == QProcess::NotRunning) {
            break;
        }
    }
    proc.waitForFinished();
    return ms;
}


// ------------------------------------------------------------ breakdown --
// Where an import's time goes, stage by stage, as CPU time of the thread
// doing it (robust against other processes on a shared box), in µs per row:
// reading CSV, validating (one core), the store's createEmployee path (with
// the profile creator), and floors written with plain prepared statements.
double threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int breakdown(const QString &csv, const QString &dir, int n)
{
    QList<QStringList> records;
    records.reserve(n);
    double t0 = threadCpuUs();
    {
        QFile f(csv);
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        CsvReader reader(&f);
        CsvRecord rec;
        reader.readRecord(&rec);   // header
        while (reader.readRecord(&rec))
            records << rec.fields;
    }
    const double readUs = (threadCpuUs() - t0) / n;

    const EmployeeValidator validator(QStringLiteral("DE"));
    QList<std::pair<Employee, EmployeeProfile>> rows;
    rows.reserve(n);
    t0 = threadCpuUs();
    for (const QStringList &f : std::as_const(records)) {
        Employee e;
        e.firstName = f.value(0);
        e.lastName = f.value(1);
        e.email = f.value(2);
        e.phone = f.value(3);
        validator.validate(e);
        EmployeeProfile p;
        p.dateOfBirth = QDate::fromString(f.value(4), Qt::ISODate);
        p.teamId = f.value(5).isEmpty() ? 0 : (f.value(5) == QLatin1String("Product") ? 1 : f.value(5) == QLatin1String("Engineering") ? 2 : 3);
        p.address = f.value(6);
        p.gender = genderFromCode(f.value(7)).value_or(Gender::Unspecified);
        p.bio = f.value(8);
        validator.validate(p);
        rows.append({e, p});
    }
    const double validateUs = (threadCpuUs() - t0) / n;
    // Employees without the phone: what validation costs besides libphonenumber.
    t0 = threadCpuUs();
    for (const QStringList &f : std::as_const(records)) {
        Employee e;
        e.firstName = f.value(0);
        e.lastName = f.value(1);
        e.email = f.value(2);
        validator.validate(e);
    }
    const double validateNoPhoneUs = (threadCpuUs() - t0) / n;

    auto fresh = [&](const QString &name) {
        const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".sqlite");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        return path;
    };
    double storeUs = 0;
    {
        Session s(fresh(QStringLiteral("breakdown-store")), QStringLiteral("bd1"));
        t0 = threadCpuUs();
        s.store->beginBulk();
        for (const auto &row : std::as_const(rows))
            s.store->createEmployee(row.first, row.second);
        s.store->commitBulk();
        storeUs = (threadCpuUs() - t0) / n;
    }
    // What CsvImporter does: createEmployees() over its batches.
    QList<NewEmployee> batched;
    batched.reserve(rows.size());
    for (const auto &row : std::as_const(rows))
        batched.append({&row.first, &row.second});
    auto createBatched = [&](EmployeeStore *store) {
        for (qsizetype from = 0; from < batched.size(); from += CsvImporter::BatchSize)
            store->createEmployees(batched.mid(from, CsvImporter::BatchSize));
    };
    double batchedUs = 0;
    {
        Session s(fresh(QStringLiteral("breakdown-batched")), QStringLiteral("bd5"));
        t0 = threadCpuUs();
        s.store->beginBulk();
        createBatched(s.store.get());
        s.store->commitBulk();
        batchedUs = (threadCpuUs() - t0) / n;
    }
    // What CsvImporter does for a large import into a small table: the
    // non-unique indexes are dropped and rebuilt once, inside the commit.
    double storeDeferredUs = 0;
    double deferredInsertUs = 0;
    {
        Session s(fresh(QStringLiteral("breakdown-deferred")), QStringLiteral("bd4"));
        t0 = threadCpuUs();
        s.store->beginBulk();
        s.store->deferSecondaryIndexes();
        createBatched(s.store.get());
        deferredInsertUs = (threadCpuUs() - t0) / n;
        s.store->commitBulk();
        storeDeferredUs = (threadCpuUs() - t0) / n;
    }
    // Floors: the same two INSERTs per row through QSqlQuery, same schema, one transaction.
    auto plain = [&](bool savepoints, const QString &name) {
        Session s(fresh(name), name);
        QSqlQuery e(s.db), p(s.db), sp(s.db), rel(s.db);
        e.prepare(QStringLiteral("INSERT INTO employee (first_name, last_name, email, email_normalized, phone, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,1)"));
        p.prepare(QStringLiteral("INSERT INTO employee_profile (employee_id, date_of_birth, team_id, address, gender, bio, photo, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,1)"));
        sp.prepare(QStringLiteral("SAVEPOINT row"));
        rel.prepare(QStringLiteral("RELEASE SAVEPOINT row"));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const double start = threadCpuUs();
        s.db.transaction();
        for (const auto &row : std::as_const(rows)) {
            if (savepoints)
                sp.exec();
            e.bindValue(0, row.first.firstName);
            e.bindValue(1, row.first.lastName);
            e.bindValue(2, row.first.email);
            e.bindValue(3, row.first.email.toCaseFolded());
            e.bindValue(4, row.first.phone.isEmpty() ? QVariant() : QVariant(row.first.phone));
            e.bindValue(5, now);
            e.bindValue(6, now);
            e.exec();
            const qint64 id = e.lastInsertId().toLongLong();
            p.bindValue(0, id);
            p.bindValue(1, row.second.dateOfBirth.isValid() ? QVariant(row.second.dateOfBirth.toString(Qt::ISODate)) : QVariant());
            p.bindValue(2, row.second.teamId ? QVariant(row.second.teamId) : QVariant());
            p.bindValue(3, row.second.address.isEmpty() ? QVariant() : QVariant(row.second.address));
            p.bindValue(4, row.second.gender == Gender::Unspecified ? QVariant() : QVariant(genderCode(row.second.gender)));
            p.bindValue(5, row.second.bio.isEmpty() ? QVariant() : QVariant(row.second.bio));
            p.bindValue(6, QVariant(QMetaType(QMetaType::QByteArray)));
            p.bindValue(7, now);
            p.bindValue(8, now);
            p.exec();
            if (savepoints)
                rel.exec();
        }
        s.db.commit();
        return (threadCpuUs() - start) / n;
    };
    const double plainUs = plain(false, QStringLiteral("bd2"));
    const double plainSpUs = plain(true, QStringLiteral("bd3"));

    printf("\n== import breakdown, N = %d, CPU time of the working thread per row ==\n", n);
    printf("read CSV (CsvReader)                         %8.2f us/row\n", readUs);
    printf("validate employee+profile, one core          %8.2f us/row  (%.0f rows/s/core)\n", validateUs, 1e6 / validateUs);
    printf("  of which without the phone                 %8.2f us/row\n", validateNoPhoneUs);
    printf("store: createEmployee + employeeCreated      %8.2f us/row  (%.0f rows/s)\n", storeUs, 1e6 / storeUs);
    printf("store: createEmployees, 64-row INSERTs       %8.2f us/row  (%.0f rows/s)\n", batchedUs, 1e6 / batchedUs);
    printf("  same, secondary indexes rebuilt at commit  %8.2f us/row  (%.0f rows/s)\n", storeDeferredUs, 1e6 / storeDeferredUs);
    printf("    of which before the commit               %8.2f us/row\n", deferredInsertUs);
    printf("floor: 2 prepared INSERTs, one transaction   %8.2f us/row  (%.0f rows/s)\n", plainUs, 1e6 / plainUs);
    printf("floor + SAVEPOINT/RELEASE per row            %8.2f us/row  (%.0f rows/s)\n", plainSpUs, 1e6 / plainSpUs);
    fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Employee Records benchmark (issue #5 targets)"));
    parser.addHelpOption();
    const QCommandLineOption employees(QStringLiteral("employees"), QStringLiteral("Number of employees."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("Repetitions per figure (medians)."), QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("Working directory (default: a temporary one)."), QStringLiteral("DIR"));
    const QCommandLineOption keep(QStringLiteral("keep"), QStringLiteral("Keep the CSV and database."));
    const QCommandLineOption djangoRate(QStringLiteral("django-rate"), QStringLiteral("Django peer rows/s measured in this run."), QStringLiteral("R"));
    const QCommandLineOption rawRate(QStringLiteral("raw-rate"), QStringLiteral("Raw SQLite rows/s measured in this run."), QStringLiteral("R"));
    const QCommandLineOption importOnly(QStringLiteral("import-only"), QStringLiteral("Only generate and import (for profiling)."));
    const QCommandLineOption reuse(QStringLiteral("reuse"), QStringLiteral("Reuse the database a previous --keep run left in --work (no import figures)."));
    const QCommandLineOption breakdownOpt(QStringLiteral("breakdown"), QStringLiteral("Print where an import's time goes (CPU per row by stage)."));
    const QCommandLineOption serverOpt(QStringLiteral("database-url"), QStringLiteral("A PostgreSQL database to measure instead of an SQLite file (dropped and created again)."), QStringLiteral("URL"));
    const QCommandLineOption probeOpenOpt(QStringLiteral("probe-open"), QStringLiteral("(internal)"), QStringLiteral("DB"));
    const QCommandLineOption probeGuiOpt(QStringLiteral("probe-gui"), QStringLiteral("(internal)"), QStringLiteral("DB"));
    parser.addOptions({employees, repeat, work, keep, djangoRate, rawRate, importOnly, reuse, breakdownOpt, serverOpt, probeOpenOpt, probeGuiOpt});
    parser.process(app);
    const int rep = std::max(1, parser.value(repeat).toInt());

    if (parser.isSet(probeOpenOpt))
        return probeOpen(parser.value(probeOpenOpt));
    if (parser.isSet(probeGuiOpt))
        return probeGui(parser.value(probeGuiOpt), rep);

    const int n = parser.value(employees).toInt();
    if (n <= 0) {
        fprintf(stderr, "--employees must be positive\n");
        return 2;
    }
    QTemporaryDir tmp;
    const QString dir = parser.isSet(work) ? parser.value(work) : tmp.path();
    QDir().mkpath(dir);
    tmp.setAutoRemove(!parser.isSet(keep));
    const QString csv = dir + QStringLiteral("/employees-%1.csv").arg(n);
    const bool server = parser.isSet(serverOpt);
    const QString dbPath = server ? parser.value(serverOpt) : dir + QStringLiteral("/employees-%1.sqlite").arg(n);
    const QString exportPath = dir + QStringLiteral("/export-%1.csv").arg(n);

    QElapsedTimer t;
    t.start();
    const bool reusing = parser.isSet(reuse) && (server || QFile::exists(dbPath)) && QFile::exists(csv);
    QList<double> importRates;
    if (!reusing) {
        if (!writeCsv(csv, n)) {
            fprintf(stderr, "cannot write %s\n", qPrintable(csv));
            return 1;
        }
        fprintf(stderr, "generated %d rows in %.1f s\n", n, t.nsecsElapsed() / 1e9);

        if (parser.isSet(breakdownOpt))
            return server ? 2 : breakdown(csv, dir, n);

        // Import: the real importer, the real signal path, a fresh database each time.
        // At a million rows it runs once (a 2-core box); smaller N repeat.
        const int importRepeats = n >= 500000 ? 1 : rep;
        qint64 profiles = 0;
        for (int r = 0; r < importRepeats; ++r) {
            if (!resetDatabase(dbPath))
                return 1;
            Session s(dbPath);
            if (!s.error.isEmpty()) {
                fprintf(stderr, "cannot open %s: %s\n", qPrintable(dbPath), qPrintable(s.error));
                return 1;
            }
            CsvImporter importer(s.store.get(), EmployeeValidator(QStringLiteral("DE")));
            t.restart();
            const ImportReport report = importer.importFile(csv);
            const double secs = t.nsecsElapsed() / 1e9;
            if (!report.ok() || report.accepted != n) {
                fprintf(stderr, "import: accepted %d rejected %d %s %s\n", report.accepted, report.rejected,
                        qPrintable(report.fatalError), qPrintable(report.problems.mid(0, 3).join(QLatin1String("; "))));
                return 1;
            }
            importRates << n / secs;
            QSqlQuery q(s.db);
            q.exec(QStringLiteral("SELECT COUNT(*) FROM employee_profile"));
            profiles = q.next() ? q.value(0).toLongLong() : -1;
            fprintf(stderr, "import %d: %.2f s (%.0f rows/s), %lld profiles\n", r + 1, secs, n / secs, profiles);
        }
        const double importRate = median(importRates);
        if (parser.isSet(importOnly)) {
            out() << QStringLiteral("bench_import N=%1 rows_per_s=%2\n").arg(n).arg(importRate, 0, 'f', 0);
            return 0;
        }
        if (profiles != n) {
            fprintf(stderr, "expected %d profiles, found %lld\n", n, profiles);
            return 1;
        }
    }
    QList<double> exportTimes;
    {
        Session s(dbPath);
        for (int r = 0; r < rep; ++r) {
            t.restart();
            const ExportReport report = CsvExporter::exportFile(s.db, exportPath);
            exportTimes << t.nsecsElapsed() / 1e9;
            if (!report.ok() || report.rows != n) {
                fprintf(stderr, "export: %lld rows %s\n", report.rows, qPrintable(report.error));
                return 1;
            }
        }
        QSqlQuery q(s.db);
        if (!server)
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    // Opening: fresh processes (first run warms the OS file cache like a second start of the app).
    QList<double> opens;
    QList<double> visitRss;
    double openRss = 0;
    timeOpen(dbPath, &openRss);
    for (int r = 0; r < std::max(rep, 3); ++r) {
        double visit = 0;
        opens << timeOpen(dbPath, &openRss, &visit);
        visitRss << visit;
    }

    const QMap<QString, double> gui = runProbe({QStringLiteral("--probe-gui"), dbPath, QStringLiteral("--repeat"), QString::number(rep)});

    // ------------------------------------------------------------ report --
    const double importRate = median(importRates);
    if (!reusing)
        figure(QStringLiteral("import rate (CSV, validation, profiles)"), importRate, QStringLiteral("rows/s"));
    if (parser.isSet(djangoRate)) {
        const double ratio = importRate / parser.value(djangoRate).toDouble();
        // Issue #5 asked 20x on SQLite; issue 11 asks 10x on PostgreSQL.
        const double wanted = server ? 10 : 20;
        figure(QStringLiteral("import / Django peer (same run)"), ratio, QStringLiteral("x"),
               QStringLiteral(">= %1 x").arg(wanted), ratio >= wanted);
    }
    if (parser.isSet(rawRate)) {
        const double ratio = importRate / parser.value(rawRate).toDouble();
        figure(QStringLiteral("import / raw SQLite limit (same run)"), ratio, QStringLiteral("x"), QStringLiteral(">= 0.3 x"), ratio >= 0.3);
    }
    const double exportSecs = median(exportTimes);
    const double exportLimit = 5.0 * n / 1e6;
    figure(QStringLiteral("export"), exportSecs * 1000, QStringLiteral("ms"),
           QStringLiteral("<= %1 ms (5 s/1M)").arg(exportLimit * 1000, 0, 'f', 0), exportSecs <= exportLimit);
    atMost(QStringLiteral("open to first rows painted (process start)"), median(opens), QStringLiteral("ms"), 300);
    atMost(QStringLiteral("Ctrl+End (cold model)"), gui.value(QStringLiteral("ctrl_end_max_ms")), QStringLiteral("ms"), 50);
    atMost(QStringLiteral("Ctrl+Home"), gui.value(QStringLiteral("ctrl_home_ms")), QStringLiteral("ms"), 50);
    atMost(QStringLiteral("jump to an arbitrary row (median)"), gui.value(QStringLiteral("jump_ms")), QStringLiteral("ms"), 50);
    atMost(QStringLiteral("jump to an arbitrary row (worst)"), gui.value(QStringLiteral("jump_max_ms")), QStringLiteral("ms"), 50);
    atMost(QStringLiteral("scroll step (median)"), gui.value(QStringLiteral("scroll_step_ms")), QStringLiteral("ms"), 50);
    atMost(QStringLiteral("scroll step (worst block)"), gui.value(QStringLiteral("scroll_step_max_ms")), QStringLiteral("ms"), 50);
    const QStringList columns = {QStringLiteral("first name"), QStringLiteral("last name"), QStringLiteral("email"), QStringLiteral("phone")};
    for (int c = 0; c < columns.size(); ++c)
        atMost(QStringLiteral("sort employees by %1").arg(columns.at(c)), gui.value(QStringLiteral("sort_col%1_ms").arg(c)),
               QStringLiteral("ms"), 500);
    atMost(QStringLiteral("sort profiles by any column (worst)"), gui.value(QStringLiteral("profile_sort_max_ms")), QStringLiteral("ms"), 500);
    atMost(QStringLiteral("search keystroke (median)"), gui.value(QStringLiteral("search_key_ms")), QStringLiteral("ms"), 100);
    atMost(QStringLiteral("search keystroke (worst)"), gui.value(QStringLiteral("search_key_max_ms")), QStringLiteral("ms"), 100);
    figure(QStringLiteral("profiles view shown"), gui.value(QStringLiteral("profile_view_ms")), QStringLiteral("ms"));
    atMost(QStringLiteral("profiles Ctrl+End"), gui.value(QStringLiteral("profile_ctrl_end_ms")), QStringLiteral("ms"), 50);
    figure(QStringLiteral("RSS after first paint"), openRss, QStringLiteral("MB"));
    atMost(QStringLiteral("RSS after top/middle/bottom (both views)"), median(visitRss), QStringLiteral("MB"), 100);
    figure(QStringLiteral("RSS after the whole probe session"), gui.value(QStringLiteral("rss_mb")), QStringLiteral("MB"));
    figure(QStringLiteral("peak RSS of the probe session"), gui.value(QStringLiteral("hwm_mb")), QStringLiteral("MB"));
    printFigures(n, server);
    // One line for scripts.
    out() << QStringLiteral("bench_import N=%1 rows_per_s=%2\n").arg(n).arg(importRate, 0, 'f', 0);
    out().flush();
    if (gui.isEmpty()) {
        fprintf(stderr, "the GUI probe failed\n");
        return 1;
    }
    // Every figure is a time, a rate or a size: one that is not above zero
    // (-1: no answer, 0: a value the probe never printed) was not measured,
    // and the run is a failure, not a pass (BenchmarkSmoke).
    QStringList unmeasured;
    for (const Figure &f : std::as_const(g_figures)) {
        if (!(f.value > 0))
            unmeasured << f.name;
    }
    if (!unmeasured.isEmpty()) {
        fprintf(stderr, "not measured (a probe failed): %s\n", qPrintable(unmeasured.join(QStringLiteral(", "))));
        return 1;
    }
    return 0;
}

#include "import/ImportDialog.h"

#include "csv/ColumnAliases.h"
#include "csv/HeaderMatcher.h"
#include "import/ColumnMappingTable.h"
#include "import/ImportFieldNames.h"
#include "import/ImportJob.h"
#include "import/ImportMappingMemory.h"
#include "import/ImportPreviewModel.h"
#include "import/RefusedRowsSaver.h"
#include "import/RowOutcomeModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
constexpr int Automatic = -1;   // the combos' "find out from the file"

QString delimiterName(QChar c)
{
    switch (c.unicode()) {
    case u',':
        return ImportDialog::tr("comma");
    case u';':
        return ImportDialog::tr("semicolon");
    case u'\t':
        return ImportDialog::tr("tab");
    case u'|':
        return ImportDialog::tr("pipe");
    }
    return QString(c);
}

QLabel *warningLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}
} // namespace

ImportDialog::ImportDialog(const QString &path, StoreSessionOpener opener, const EmployeeValidator &validator,
                           QWidget *parent)
    : QDialog(parent), m_path(path), m_opener(std::move(opener)), m_validator(validator)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import “%1”").arg(QFileInfo(path).fileName()));
    buildForm();
    fillChoices();
    readFile();
    resize(1300, 700);
}

// Closing during a Test cancels it (ImportJob's destructor waits for the
// rollback). The preview model lets go of m_preview, a member gone before
// QDialog's destructor hides the views.
ImportDialog::~ImportDialog()
{
    delete m_test;
    m_previewModel->setPreview(nullptr, {}, std::nullopt);
}

void ImportDialog::buildForm()
{
    m_encoding = new QComboBox;
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_delimiter = new QComboBox;
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_dateOrder = new QComboBox;
    m_dateOrder->setObjectName(QStringLiteral("dateOrderCombo"));
    m_dateMessage = warningLabel(QStringLiteral("dateOrderMessage"));
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_createTeams = new QCheckBox(tr("Create &missing teams"));
    m_createTeams->setObjectName(QStringLiteral("createTeamsCheck"));
    m_createTeams->setToolTip(tr("A team the file names that does not exist yet is created instead of refusing the row."));

    auto *reading = new QFormLayout;
    reading->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    reading->addRow(tr("&Encoding:"), m_encoding);
    reading->addRow(tr("&Delimiter:"), m_delimiter);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_dateOrder);
    dateRow->addWidget(m_dateMessage, 1);
    auto *dateLabel = new QLabel(tr("Dates &written as:"));
    dateLabel->setBuddy(m_dateOrder);
    auto *writing = new QFormLayout;
    writing->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    writing->addRow(dateLabel, dateRow);
    writing->addRow(tr("Employees that e&xist (same email):"), m_mode);
    writing->addRow(QString(), m_createTeams);
    auto *options = new QHBoxLayout;
    options->addLayout(reading);
    options->addSpacing(24);
    options->addLayout(writing, 1);

    m_problem = warningLabel(QStringLiteral("importProblem"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_testButton = new QPushButton(tr("&Test"));
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setToolTip(tr("Runs the whole import and then undoes it: shows what each row would do, changes nothing."));
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    connect(m_testButton, &QPushButton::clicked, this, &ImportDialog::startTest);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::acceptImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *fileLabel = new QLabel(tr("File: %1").arg(QDir::toNativeSeparators(m_path)));
    fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(fileLabel);
    layout->addLayout(options);
    layout->addWidget(buildTables(), 1);
    layout->addWidget(m_problem);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_testButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
}

QWidget *ImportDialog::buildTables()
{
    m_mapping = new ColumnMappingTable;
    m_mapping->setObjectName(QStringLiteral("mappingTable"));
    connect(m_mapping, &ColumnMappingTable::mappingChanged, this, &ImportDialog::refresh);

    m_previewModel = new ImportPreviewModel(this);
    m_previewView = new QTableView;
    m_previewView->setObjectName(QStringLiteral("previewTable"));
    m_previewView->setModel(m_previewModel);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_outcomes = new RowOutcomeModel(this);
    m_outcomeView = new QTableView;
    m_outcomeView->setObjectName(QStringLiteral("resultsTable"));
    m_outcomeView->setModel(m_outcomes);
    m_outcomeView->verticalHeader()->hide();
    m_outcomeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outcomeView->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(tr("Test runs the import without saving anything and lists what each row would do."));
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    m_summary->setWordWrap(true);
    auto *results = new QWidget;
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->addWidget(m_summary);
    resultsLayout->addWidget(m_outcomeView, 1);
    m_saveRefused = new QPushButton(tr("Save Re&fused Rows…"));
    m_saveRefused->setObjectName(QStringLiteral("saveRefusedButton"));
    m_saveRefused->setToolTip(tr("Saves the refused rows as a CSV file with a reason column, to correct and import again."));
    m_saveRefused->setEnabled(false);
    connect(m_saveRefused, &QPushButton::clicked, this, &ImportDialog::saveRefusedRows);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveRefused);
    resultsLayout->addLayout(saveRow);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("importTabs"));
    m_tabs->addTab(m_previewView, tr("&Preview (first %1 rows)").arg(ImportPreview::PreviewRows));
    m_tabs->addTab(results, tr("Test &Results"));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_mapping);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 900});
    return splitter;
}

void ImportDialog::fillChoices()
{
    m_encoding->addItem(tr("Automatic"), Automatic);
    for (auto e : {TextDecoder::Encoding::Utf8, TextDecoder::Encoding::Utf16LE, TextDecoder::Encoding::Utf16BE,
                   TextDecoder::Encoding::Windows1252, TextDecoder::Encoding::Latin1, TextDecoder::Encoding::Latin9})
        m_encoding->addItem(TextDecoder::name(e), int(e));
    m_delimiter->addItem(tr("Automatic"), Automatic);
    for (QChar c : {u',', u';', u'\t', u'|'})
        m_delimiter->addItem(delimiterName(c), int(c.unicode()));
    m_dateOrder->addItem(tr("Automatic"), Automatic);
    m_dateOrder->addItem(tr("Day first (31.12.1980, 31/12/1980)"), int(DateOrder::DMY));
    m_dateOrder->addItem(tr("Month first (12/31/1980)"), int(DateOrder::MDY));
    m_dateOrder->addItem(tr("Year first (1980-12-31)"), int(DateOrder::YMD));
    m_mode->addItem(tr("Refuse the row"), int(ExistingRowPolicy::Mode::Reject));
    m_mode->addItem(tr("Skip the row"), int(ExistingRowPolicy::Mode::Skip));
    m_mode->addItem(tr("Update the employee"), int(ExistingRowPolicy::Mode::Update));
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::readFile);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportDialog::readFile);
    connect(m_dateOrder, &QComboBox::currentIndexChanged, this, &ImportDialog::refresh);
}

// (Re)reads the file's start with the chosen encoding and delimiter; the
// Automatic items then name what was found.
void ImportDialog::readFile()
{
    const int encoding = m_encoding->currentData().toInt();
    const int delimiter = m_delimiter->currentData().toInt();
    const bool read = m_preview.read(
        m_path, encoding == Automatic ? std::nullopt : std::optional(TextDecoder::Encoding(encoding)),
        delimiter == Automatic ? QChar() : QChar(char16_t(delimiter)));
    m_encoding->setItemText(0, tr("Automatic (%1)").arg(TextDecoder::name(m_preview.format().encoding)));
    m_delimiter->setItemText(0, tr("Automatic (%1)").arg(delimiterName(m_preview.format().delimiter)));
    if (!read || m_preview.header() != m_shownHeader)
        applyMapping(read ? initialMapping() : QList<int>());
    else
        refresh();
}

// The mapping remembered for this header, else what the command line would
// read (HeaderMatcher: the same aliases), a field named twice kept on its first column.
QList<int> ImportDialog::initialMapping() const
{
    const QStringList &header = m_preview.header();
    if (const std::optional<QList<int>> remembered = ImportMappingMemory::recall(header))
        return *remembered;
    QList<int> mapping(header.size(), ImportFieldNames::Ignore);
    HeaderMatcher matcher;
    QString ignored;
    if (matcher.match(header, &ignored)) {
        for (int column = 0; column < ColumnAliases::ColumnCount; ++column) {
            if (const int index = matcher.columnIndex()[column]; index >= 0)
                mapping[index] = column;
        }
        return mapping;
    }
    for (qsizetype i = 0; i < header.size(); ++i) {
        const int column = ColumnAliases::columnFor(header.at(i));
        if (column >= 0 && !mapping.contains(column))
            mapping[i] = column;
    }
    return mapping;
}

void ImportDialog::applyMapping(const QList<int> &mapping)
{
    m_shownHeader = m_preview.header();
    QStringList examples;
    if (m_preview.rowCount() > 0)
        examples = m_preview.row(0).fields;
    const QSignalBlocker blocker(m_mapping);
    m_mapping->setColumns(m_shownHeader, examples, mapping);
    refresh();
}

// Everything that follows from the choices: the preview, the messages, and
// whether Test and Import may run.
void ImportDialog::refresh()
{
    const QList<int> mapping = m_mapping->mapping();
    const int order = m_dateOrder->currentData().toInt();
    m_previewModel->setPreview(&m_preview, mapping,
                               order == Automatic ? std::nullopt : std::optional(DateOrder::Order(order)));
    m_previewView->resizeColumnsToContents();
    const QString dateProblem = this->dateProblem(mapping);
    m_dateMessage->setText(dateProblem);
    m_dateMessage->setVisible(!dateProblem.isEmpty());
    QString problem = m_preview.error();
    if (problem.isEmpty())
        problem = mappingProblem(mapping);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const bool ready = problem.isEmpty() && dateProblem.isEmpty() && !m_test;
    m_testButton->setEnabled(ready);
    m_importButton->setEnabled(ready);
}

QString ImportDialog::mappingProblem(const QList<int> &mapping) const
{
    for (int column = 0; column < ColumnAliases::ColumnCount; ++column) {
        if (mapping.count(column) > 1)
            return tr("Two columns are imported as “%1”; set one of them to Ignore.")
                .arg(ImportFieldNames::label(column));
    }
    for (int column : HeaderMatcher::RequiredColumns) {
        if (!mapping.contains(column))
            return tr("Choose the column to import as “%1”: it is required.").arg(ImportFieldNames::label(column));
    }
    return {};
}

// A date column the first rows leave ambiguous is never guessed: with
// Automatic, the user must choose an order (as --date-order on the command line).
QString ImportDialog::dateProblem(const QList<int> &mapping) const
{
    if (m_dateOrder->currentData().toInt() != Automatic)
        return {};
    for (qsizetype i = 0; i < mapping.size(); ++i) {
        if (mapping.at(i) != ColumnAliases::DateOfBirth && mapping.at(i) != ColumnAliases::LeftOn)
            continue;
        const DateOrder order = m_preview.dateOrderOf(int(i));
        const QString name = m_preview.header().value(i).trimmed();
        if (order.verdict() == DateOrder::Verdict::Ambiguous)
            return tr("The dates in “%1” can be read day first or month first (such as %2): choose how they "
                      "are written.")
                .arg(name, order.ambiguousExample());
        if (order.verdict() == DateOrder::Verdict::Conflict)
            return tr("The dates in “%1” are written both day first (%2) and month first (%3): choose one order; "
                      "rows in the other are refused.")
                .arg(name, order.dayFirstExample(), order.monthFirstExample());
    }
    return {};
}

ImportOptions ImportDialog::options() const
{
    ImportOptions options;
    if (const int e = m_encoding->currentData().toInt(); e != Automatic)
        options.encoding = TextDecoder::Encoding(e);
    if (const int d = m_delimiter->currentData().toInt(); d != Automatic)
        options.delimiter = QChar(char16_t(d));
    if (const int o = m_dateOrder->currentData().toInt(); o != Automatic)
        options.dateOrder = DateOrder::Order(o);
    // Every column is named, Ignore as an empty field (HeaderMatcher), so the
    // importer reads exactly what the combos show.
    const QList<int> mapping = m_mapping->mapping();
    for (qsizetype i = 0; i < mapping.size(); ++i)
        options.columnMap.append({m_shownHeader.value(i),
                                  mapping.at(i) < 0 ? QString() : ColumnAliases::fieldName(mapping.at(i))});
    options.existing = ExistingRowPolicy::Mode(m_mode->currentData().toInt());
    options.createTeams = m_createTeams->isChecked();
    options.keepRejectedRows = true;   // for Save Refused Rows…
    return options;
}

void ImportDialog::startTest()
{
    if (m_test || !m_opener)
        return;
    ImportOptions options = this->options();
    options.dryRun = true;
    auto *job = new ImportJob(m_opener, m_validator, m_path, options, this);
    job->setKeepRowOutcomes(true);
    m_test = job;
    connect(job, &ImportJob::finished, this, &ImportDialog::showTestResults);
    m_summary->setText(tr("Testing…"));
    m_outcomes->setOutcomes({});
    m_saveRefused->setEnabled(false);
    m_tabs->setCurrentIndex(1);
    refresh();
    job->start();
}

void ImportDialog::showTestResults(const ImportReport &report)
{
    if (m_test)
        m_test->deleteLater();
    m_test = nullptr;
    m_testReport = report;
    m_outcomes->setOutcomes(report.rowOutcomes);
    m_outcomeView->resizeColumnToContents(RowOutcomeModel::Line);
    m_outcomeView->resizeColumnToContents(RowOutcomeModel::Result);
    if (!report.fatalError.isEmpty())
        m_summary->setText(tr("The file cannot be imported: %1").arg(report.fatalError));
    else
        m_summary->setText(tr("Would add: %1 · would update: %2 · unchanged: %3 · skipped: %4 · refused: %5. "
                              "Nothing was changed.")
                               .arg(report.accepted)
                               .arg(report.updated)
                               .arg(report.unchanged)
                               .arg(report.skipped)
                               .arg(report.rejected));
    m_saveRefused->setEnabled(!report.rejectedRows.isEmpty());
    refresh();
}

void ImportDialog::acceptImport()
{
    ImportMappingMemory::remember(m_shownHeader, m_mapping->mapping());
    accept();
}

void ImportDialog::saveRefusedRows()
{
    RefusedRowsSaver::save(this, m_testReport, m_path);
}

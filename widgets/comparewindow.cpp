#include "comparewindow.h"

#include "filedialog.h"
#include "formats/checkpointreader.h"
#include "itemmodels/diffmodels.h"
#include "itemmodels/displayformat.h"
#include "jobprogressdialog.h"
#include "jobs/job.h"
#include "messagebox.h"
#include "plot/histogramplot.h"
#include "windowsize.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <utility>
#include <vector>

namespace torchscope {

namespace {
struct TensorHistograms
{
    HistogramResult a, b, difference;
};

QLineEdit *prefixEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}
} // namespace

CompareWindow::CompareWindow(std::shared_ptr<const DiffSide> a, const QString &pathB, QWidget *parent)
    : QMainWindow(parent), m_a(std::move(a)), m_pathB(pathB), m_treeModel(new DiffTreeModel(this)),
      m_tableModel(new DiffTableModel(this)), m_filter(new DiffFilterModel(this))
{
    setObjectName(QStringLiteral("compareWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    // Esc closes it, as it closes a dialog.
    connect(new QShortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this, &QWidget::close);
    setWindowTitle(tr("%1 ↔ %2 — Compare").arg(m_a->label, QFileInfo(pathB).fileName()));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    // Names are matched after these prefixes; tolerances decide which elements count as changed.
    auto *options = new QHBoxLayout;
    auto *sideA = new QFormLayout;
    m_stripA = prefixEdit(QStringLiteral("compareStripA"), tr("e.g. module."), central);
    m_addA = prefixEdit(QStringLiteral("compareAddA"), tr("e.g. model."), central);
    sideA->addRow(tr("A: %1").arg(m_a->label), static_cast<QWidget *>(nullptr));
    sideA->addRow(tr("Strip prefix:"), m_stripA);
    sideA->addRow(tr("Add prefix:"), m_addA);
    auto *sideB = new QFormLayout;
    m_stripB = prefixEdit(QStringLiteral("compareStripB"), tr("e.g. module."), central);
    m_addB = prefixEdit(QStringLiteral("compareAddB"), tr("e.g. model."), central);
    sideB->addRow(tr("B: %1").arg(QFileInfo(pathB).fileName()), static_cast<QWidget *>(nullptr));
    sideB->addRow(tr("Strip prefix:"), m_stripB);
    sideB->addRow(tr("Add prefix:"), m_addB);
    auto *tolerances = new QFormLayout;
    m_atol = new QLineEdit(QStringLiteral("0"), central);
    m_atol->setObjectName(QStringLiteral("compareAtol"));
    m_atol->setToolTip(tr("Elements count as equal when |a − b| ≤ atol + rtol·|b|"));
    m_rtol = new QLineEdit(QStringLiteral("0"), central);
    m_rtol->setObjectName(QStringLiteral("compareRtol"));
    m_rtol->setToolTip(m_atol->toolTip());
    tolerances->addRow(tr("Absolute tolerance:"), m_atol);
    tolerances->addRow(tr("Relative tolerance:"), m_rtol);
    m_compare = new QPushButton(tr("Compare"), central);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    tolerances->addRow(QString(), m_compare);
    options->addLayout(sideA, 1);
    options->addLayout(sideB, 1);
    options->addLayout(tolerances, 1);
    layout->addLayout(options);

    auto *suggestionRow = new QHBoxLayout;
    m_suggestion = new QLabel(central);
    m_suggestion->setObjectName(QStringLiteral("suggestionLabel"));
    m_applySuggestion = new QPushButton(tr("Apply"), central);
    m_applySuggestion->setObjectName(QStringLiteral("applySuggestionButton"));
    suggestionRow->addWidget(m_suggestion, 1);
    suggestionRow->addWidget(m_applySuggestion);
    m_suggestion->hide();
    m_applySuggestion->hide();
    layout->addLayout(suggestionRow);

    m_summary = new QLabel(tr("Comparing…"), central);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_tree = new QTreeView(central);
    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);

    auto *tablePane = new QWidget(central);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableBar = new QHBoxLayout;
    m_onlyDifferent = new QCheckBox(tr("Only show changed"), tablePane);
    m_onlyDifferent->setObjectName(QStringLiteral("onlyChangedCheck"));
    m_exportCsv = new QPushButton(tr("Export CSV…"), tablePane);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    tableBar->addWidget(m_onlyDifferent);
    tableBar->addStretch(1);
    tableBar->addWidget(m_exportCsv);
    tableLayout->addLayout(tableBar);
    m_filter->setSourceModel(m_tableModel);
    m_table = new QTableView(tablePane);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DiffTableModel::RelL2Column, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    // What answers "what changed, and how much" first, where a window of any width shows it; the
    // dtypes, shapes and flags after them, a scroll away.
    {
        QHeaderView *header = m_table->horizontalHeader();
        const int order[] = {DiffTableModel::NameColumn,   DiffTableModel::StatusColumn,
                             DiffTableModel::RelL2Column,  DiffTableModel::CosineColumn,
                             DiffTableModel::MaxAbsColumn, DiffTableModel::ChangedColumn};
        for (int position = 0; position < int(std::size(order)); ++position)
            header->moveSection(header->visualIndex(order[position]), position);
    }
    tableLayout->addWidget(m_table);

    auto *plots = new QWidget(central);
    auto *plotLayout = new QHBoxLayout(plots);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    m_valuesPlot = new HistogramPlot(plots);
    m_valuesPlot->setObjectName(QStringLiteral("valuesPlot"));
    m_differencePlot = new HistogramPlot(plots);
    m_differencePlot->setObjectName(QStringLiteral("differencePlot"));
    m_tensorStats = new QLabel(plots);
    m_tensorStats->setObjectName(QStringLiteral("diffStatsLabel"));
    m_tensorStats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tensorStats->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    plotLayout->addWidget(m_valuesPlot, 2);
    plotLayout->addWidget(m_differencePlot, 2);
    plotLayout->addWidget(m_tensorStats, 1);

    auto *top = new QSplitter(Qt::Horizontal, central);
    top->addWidget(m_tree);
    top->addWidget(tablePane);
    top->setStretchFactor(1, 2);
    top->setSizes({440, 760});
    auto *vertical = new QSplitter(Qt::Vertical, central);
    vertical->addWidget(top);
    vertical->addWidget(plots);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    // Three parts tables to two parts plots at any window height (the plots' own hint is tiny).
    vertical->setSizes({3000, 2000});
    layout->addWidget(vertical, 1);
    setCentralWidget(central);

    connect(m_compare, &QPushButton::clicked, this, &CompareWindow::compare);
    // Enter in any of the fields compares again with what they say.
    for (QLineEdit *edit : {m_stripA, m_addA, m_stripB, m_addB, m_atol, m_rtol})
        connect(edit, &QLineEdit::returnPressed, m_compare, &QPushButton::click);
    connect(m_applySuggestion, &QPushButton::clicked, this, &CompareWindow::applySuggestion);
    connect(m_onlyDifferent, &QCheckBox::toggled, m_filter, &DiffFilterModel::setOnlyDifferent);
    connect(m_exportCsv, &QPushButton::clicked, this, &CompareWindow::exportClicked);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                const DiffModule *module = m_treeModel->module(index);
                m_filter->setModulePath(module ? module->path : QString());
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                if (index.isValid())
                    showTensor(index.data(DiffTableModel::DiffIndexRole).toInt());
            });
    resizeWithinScreen(this, QSize(1200, 800));
}

CompareWindow::~CompareWindow()
{
    for (Job *job : {m_running.data(), m_histogramJob.data()})
        if (job)
            job->cancel();
}

void CompareWindow::start()
{
    compare();
}

bool CompareWindow::readOptions(DiffOptions *options)
{
    bool atolOk = false, rtolOk = false;
    options->atol = QLocale().toDouble(m_atol->text(), &atolOk);
    if (!atolOk)
        options->atol = m_atol->text().toDouble(&atolOk);
    options->rtol = QLocale().toDouble(m_rtol->text(), &rtolOk);
    if (!rtolOk)
        options->rtol = m_rtol->text().toDouble(&rtolOk);
    if (!atolOk || !rtolOk || !std::isfinite(options->atol) || !std::isfinite(options->rtol) ||
        options->atol < 0 || options->rtol < 0) {
        MessageBox::critical(this, tr("Cannot compare"), tr("Tolerances are numbers of 0 or more."));
        return false;
    }
    options->a = {m_stripA->text(), m_addA->text()};
    options->b = {m_stripB->text(), m_addB->text()};
    return true;
}

void CompareWindow::compare()
{
    if (m_running)
        return;
    DiffOptions options;
    if (!readOptions(&options))
        return;
    using Result = std::shared_ptr<const ComparisonResult>;
    auto *job = ResultJob<Result>::start(this, [a = m_a, b = m_b, path = m_pathB, options](
                                                   const Progress &progress, Result *result, QString *error) {
        std::shared_ptr<const DiffSide> sideB = b;
        if (!sideB) {
            CheckpointContent content;
            if (!readCheckpoint(path, progress, &content, error))
                return false;
            if (!content.refusedContent.isEmpty()) {
                *error = QStringLiteral("%1: %2").arg(path, content.refusedContent);
                return false;
            }
            sideB = std::make_shared<const DiffSide>(DiffSide::fromContent(content));
        }
        auto computed = std::make_shared<ComparisonResult>();
        if (!ComparisonResult::compute(a, sideB, options, progress, computed.get()))
            return false;
        *result = std::move(computed);
        return true;
    });
    m_running = job;
    m_compare->setEnabled(false);
    new JobProgressDialog(job, tr("Comparing with %1…").arg(QFileInfo(m_pathB).fileName()), this);
    connect(job, &Job::finished, this, [this, job] {
        m_running.clear();
        m_compare->setEnabled(true);
        if (job->succeeded()) {
            m_b = job->result()->b;
            showResult(job->result());
        } else if (job->wasCanceled()) {
            m_summary->setText(m_result ? tr("Comparison canceled; the table shows the previous one.")
                                        : tr("Comparison canceled."));
        } else {
            fail(job->error());
        }
    });
}

void CompareWindow::fail(const QString &reason)
{
    m_summary->setText(reason);
    MessageBox::critical(this, tr("Cannot compare"), reason);
    Q_EMIT comparisonFailed(reason);
}

void CompareWindow::showResult(std::shared_ptr<const ComparisonResult> result)
{
    m_result = std::move(result);
    m_treeModel->setResult(m_result);
    m_tableModel->setResult(m_result);
    m_tree->expandToDepth(0);
    for (int c = 0; c < DiffTreeModel::ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
    m_table->resizeColumnsToContents();
    // Long names are elided in the middle rather than pushing the numbers out of sight.
    m_table->setColumnWidth(DiffTableModel::NameColumn,
                            std::min(m_table->columnWidth(DiffTableModel::NameColumn),
                                     std::max(160, m_table->viewport()->width() / 3)));
    const DiffTotals t = m_result->comparison.totals();
    QStringList parts;
    parts << tr("%1 identical").arg(t.identical) << tr("%1 changed").arg(t.changed);
    if (t.dtypeDiffers)
        parts << tr("%1 converted").arg(t.dtypeDiffers);
    if (t.shapeDiffers)
        parts << tr("%1 of another shape").arg(t.shapeDiffers);
    if (t.onlyInA)
        parts << tr("%1 only in A").arg(t.onlyInA);
    if (t.onlyInB)
        parts << tr("%1 only in B").arg(t.onlyInB);
    if (t.requiresGradDiffers)
        parts << tr("requires_grad differs for %1").arg(t.requiresGradDiffers);
    QString summary = tr("%n names: %1.", nullptr, t.tensors).arg(parts.join(tr(", ")));
    summary +=
        QLatin1Char(' ') + (t.equal ? tr("The checkpoints are equal.") : tr("The checkpoints differ."));
    for (const QString &warning : m_result->comparison.warnings)
        summary += QLatin1Char('\n') + warning;
    m_summary->setText(summary);

    const PrefixSuggestion &s = m_result->comparison.suggestion;
    m_suggestion->setVisible(s.isValid());
    m_applySuggestion->setVisible(s.isValid());
    if (s.isValid())
        m_suggestion->setText(tr("%n names of %1 match once “%2” is stripped.", nullptr, s.matches)
                                  .arg(s.side == PrefixSuggestion::Side::A ? tr("A") : tr("B"), s.prefix));
    statusBar()->showMessage(
        tr("Compared %1 elements", nullptr, DisplayFormat::pluralCount(t.elementsCompared))
            .arg(DisplayFormat::count(t.elementsCompared)),
        5000);
    Q_EMIT comparisonFinished();
}

void CompareWindow::applySuggestion()
{
    if (!m_result || !m_result->comparison.suggestion.isValid())
        return;
    const PrefixSuggestion &s = m_result->comparison.suggestion;
    (s.side == PrefixSuggestion::Side::A ? m_stripA : m_stripB)->setText(s.prefix);
    compare();
}

void CompareWindow::showTensor(int diffIndex)
{
    if (!m_result || diffIndex < 0 || diffIndex >= m_result->comparison.tensors.size())
        return;
    if (m_histogramJob)
        m_histogramJob->cancel();
    const TensorDiff &diff = m_result->comparison.tensors[diffIndex];
    const TensorInfo *a = diff.indexA >= 0 ? &m_result->a->tensors[size_t(diff.indexA)] : nullptr;
    const TensorInfo *b = diff.indexB >= 0 ? &m_result->b->tensors[size_t(diff.indexB)] : nullptr;
    m_valuesPlot->clearHistogram();
    m_valuesPlot->clearOverlay();
    m_differencePlot->clearHistogram();
    const bool plottable = [](const TensorInfo *t) { return !t || !dtypeIsComplex(t->dtype); }(a) &&
                           (!b || !dtypeIsComplex(b->dtype));
    if (!plottable) {
        m_tensorStats->setText(tr("%1: complex tensors are compared, not plotted").arg(diff.name));
        return;
    }
    m_tensorStats->setText(tr("Computing %1…").arg(diff.name));
    const bool withDifference = diff.hasStatistics;
    auto *job = ResultJob<TensorHistograms>::start(
        this, [result = m_result, a, b, withDifference](const Progress &progress, TensorHistograms *out,
                                                        QString *) {
            // Both sides over one range, so the bars line up.
            std::vector<const TensorInfo *> sideA, sideB;
            if (a)
                sideA.push_back(a);
            if (b)
                sideB.push_back(b);
            const TensorStats statsA = a ? HistogramKernel::statistics(sideA, progress) : TensorStats();
            const TensorStats statsB = b ? HistogramKernel::statistics(sideB, progress) : TensorStats();
            double low = std::numeric_limits<double>::infinity(), high = -low;
            for (const TensorStats *s : {&statsA, &statsB}) {
                if (s->hasMoments()) {
                    low = std::min(low, s->min);
                    high = std::max(high, s->max);
                }
            }
            HistogramRequest request;
            request.hasRange = low < high;
            request.low = low;
            request.high = high;
            if (a)
                out->a = HistogramKernel::compute(sideA, request, statsA, progress);
            if (b) {
                if (a && out->a.edges.size() > 1 && request.hasRange) {
                    out->b.edges = out->a.edges;
                    out->b.stats = statsB;
                    out->b.counts = HistogramKernel::counts(sideB, out->a.edges, progress);
                } else {
                    out->b = HistogramKernel::compute(sideB, request, statsB, progress);
                }
            }
            if (withDifference)
                out->difference = CheckpointDiff::differenceHistogram(*a, *b, 0, progress);
            return !progress.isCanceled();
        });
    m_histogramJob = job;
    connect(job, &Job::finished, this, [this, job, result = m_result, diffIndex, a, b, withDifference] {
        if (m_histogramJob != job || result != m_result || !job->succeeded())
            return;
        m_histogramJob.clear();
        const TensorHistograms &h = job->result();
        const TensorDiff &diff = m_result->comparison.tensors[diffIndex];
        if (a)
            m_valuesPlot->setHistogram(h.a, tr("A: %1").arg(m_result->a->label));
        if (b && a)
            m_valuesPlot->setOverlay(h.b, tr("B: %1").arg(m_result->b->label));
        else if (b)
            m_valuesPlot->setHistogram(h.b, tr("B: %1").arg(m_result->b->label));
        if (withDifference)
            m_differencePlot->setHistogram(h.difference, tr("a − b"));
        const QLocale locale;
        auto number = [](double v) { return diffNumber(v, 6); };
        QString text =
            QStringLiteral("<b>%1</b><br>%2").arg(diff.name.toHtmlEscaped(), diffStatusText(diff.status));
        if (diff.hasStatistics) {
            text += tr("<br>max |a−b| %1<br>mean |a−b| %2<br>rel. L2 %3<br>changed %4 of %5<br>cosine %6")
                        .arg(number(diff.maxAbs), number(diff.meanAbs), number(diff.relL2),
                             locale.toString(diff.changedElements), locale.toString(diff.elements),
                             diffCosine(diff.cosine, 8));
            const TensorStats &d = h.difference.stats;
            if (d.hasMoments())
                text += tr("<br>a − b: mean %1, std %2").arg(number(d.mean), number(d.std));
        }
        if (a && h.a.stats.hasMoments())
            text += tr("<br>A: mean %1, std %2").arg(number(h.a.stats.mean), number(h.a.stats.std));
        if (b && h.b.stats.hasMoments())
            text += tr("<br>B: mean %1, std %2").arg(number(h.b.stats.mean), number(h.b.stats.std));
        // Said even when there are none: a NaN that appeared in training is the first thing to rule out.
        for (const auto &[side, stats] : {std::pair{a ? tr("A") : QString(), &h.a.stats},
                                          std::pair{b ? tr("B") : QString(), &h.b.stats}}) {
            if (!side.isEmpty())
                text += tr("<br>%1: NaN %2, Inf %3")
                            .arg(side, locale.toString(stats->nanCount), locale.toString(stats->infCount));
        }
        m_tensorStats->setText(text);
        Q_EMIT histogramsShown();
    });
}

void CompareWindow::exportClicked()
{
    const QString path = FileDialog::getSaveFileName(this, tr("Export Comparison"), QString(),
                                                     tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void CompareWindow::exportCsv(const QString &path)
{
    if (!m_result)
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(CheckpointDiff::toCsv(m_result->comparison, *m_result->a, *m_result->b)) < 0 ||
        !file.commit()) {
        MessageBox::critical(this, tr("Cannot export"),
                             QStringLiteral("%1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

} // namespace torchscope

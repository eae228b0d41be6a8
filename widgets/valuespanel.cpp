#include "valuespanel.h"

#include "document/checkpointdocument.h"
#include "filedialog.h"
#include "inspect/tensorslice.h"
#include "itemmodels/tensorvaluesmodel.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "stats/histogramkernel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLinearGradient>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <limits>

namespace torchscope {

// The heat map's scale: the gradient the cells are coloured with, and its two ends.
class HeatLegend : public QWidget
{
public:
    HeatLegend(const TensorValuesModel *model, QWidget *parent) : QWidget(parent), m_model(model)
    {
        setMinimumWidth(220);
        setFixedHeight(fontMetrics().height() + 6);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (!m_model->hasHeatRange())
            return;
        QPainter painter(this);
        const QString low = QString::number(m_model->heatLow(), 'g', 4);
        const QString high = QString::number(m_model->heatHigh(), 'g', 4);
        const int lowWidth = fontMetrics().horizontalAdvance(low) + 6;
        const int highWidth = fontMetrics().horizontalAdvance(high) + 6;
        const QRect bar(lowWidth, 2, std::max(10, width() - lowWidth - highWidth), height() - 4);
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        for (int i = 0; i <= 10; ++i) {
            const double v = m_model->heatLow() + (m_model->heatHigh() - m_model->heatLow()) * i / 10.0;
            gradient.setColorAt(i / 10.0, m_model->heatColor(v));
        }
        painter.fillRect(bar, gradient);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawRect(bar.adjusted(0, 0, -1, -1));
        painter.drawText(QRect(0, 0, lowWidth - 4, height()), Qt::AlignRight | Qt::AlignVCenter, low);
        painter.drawText(QRect(bar.right() + 4, 0, highWidth, height()), Qt::AlignLeft | Qt::AlignVCenter,
                         high);
    }

private:
    const TensorValuesModel *m_model;
};

namespace {

// Row-major position of an element, and back.
qint64 flatIndex(const QVector<qint64> &shape, const QVector<qint64> &index)
{
    qint64 flat = 0;
    for (int d = 0; d < shape.size(); ++d)
        flat = flat * shape[d] + index[d];
    return flat;
}

QVector<qint64> unflatten(const QVector<qint64> &shape, qint64 flat)
{
    QVector<qint64> index(shape.size(), 0);
    for (int d = int(shape.size()) - 1; d >= 0; --d) {
        index[d] = flat % shape[d];
        flat /= shape[d];
    }
    return index;
}

QString indexText(const QVector<qint64> &index)
{
    QStringList parts;
    for (qint64 i : index)
        parts << QString::number(i);
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

} // namespace

ValuesPanel::ValuesPanel(QWidget *parent) : QWidget(parent), m_model(new TensorValuesModel(this))
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("valuesTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_rowsLabel = new QLabel(tr("Rows:"), this);
    m_rowAxis = new QComboBox(this);
    m_rowAxis->setObjectName(QStringLiteral("rowAxis"));
    // Their items change with each tensor: sized to what they hold now, not at the first show.
    m_rowAxis->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_columnsLabel = new QLabel(tr("Columns:"), this);
    m_columnAxis = new QComboBox(this);
    m_columnAxis->setObjectName(QStringLiteral("columnAxis"));
    m_columnAxis->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_fixedAxes = new QWidget(this);
    m_fixedLayout = new QHBoxLayout(m_fixedAxes);
    m_fixedLayout->setContentsMargins(0, 0, 0, 0);

    m_goTo = new QLineEdit(this);
    m_goTo->setObjectName(QStringLiteral("goTo"));
    m_goTo->setPlaceholderText(tr("Go to index, e.g. 3, 0, 7"));
    m_goTo->setClearButtonEnabled(true);
    m_findKind = new QComboBox(this);
    m_findKind->setObjectName(QStringLiteral("findKind"));
    m_findKind->addItem(tr("NaN"), int(ValueQuery::Kind::NaN));
    m_findKind->addItem(tr("±Inf"), int(ValueQuery::Kind::Inf));
    m_findKind->addItem(tr("|x| >"), int(ValueQuery::Kind::AbsAbove));
    m_findKind->addItem(tr("x = 0"), int(ValueQuery::Kind::Zero));
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("findThreshold"));
    m_threshold->setDecimals(6);
    m_threshold->setRange(0, std::numeric_limits<double>::max());
    m_threshold->setValue(1.0);
    m_threshold->setEnabled(false);
    m_findNext = new QPushButton(tr("Find Next"), this);
    m_findNext->setObjectName(QStringLiteral("findNext"));
    m_heatMap = new QCheckBox(tr("Heat map"), this);
    m_heatMap->setObjectName(QStringLiteral("heatMap"));
    m_legend = new HeatLegend(m_model, this);
    m_legend->setObjectName(QStringLiteral("heatLegend"));
    m_legend->hide();
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("exportValues"));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("This Plane as .npy or .csv…"), this, [this] { exportChosen(false); });
    exportMenu->addAction(tr("Whole Tensor as .npy or .csv…"), this, [this] { exportChosen(true); });
    m_export->setMenu(exportMenu);
    m_status = new JobStatusStrip(this);
    m_status->label()->setObjectName(QStringLiteral("valuesStatus"));
    m_status->label()->setWordWrap(false);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("valuesGrid"));
    m_view->setModel(m_model);
    m_view->setWordWrap(false);
    // Fixed, uniform sections: a header over 50,000 rows never measures a cell.
    for (QHeaderView *header : {m_view->horizontalHeader(), m_view->verticalHeader()}) {
        header->setSectionResizeMode(QHeaderView::Fixed);
        header->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(
        fontMetrics().horizontalAdvance(QStringLiteral("-0.000000e+00")));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(false); });
    auto *copyNumpy = new QAction(tr("Copy as NumPy Array"), m_view);
    connect(copyNumpy, &QAction::triggered, this, [this] { copySelection(true); });
    m_view->addActions({copy, copyNumpy});

    auto *axes = new QHBoxLayout;
    axes->addWidget(m_rowsLabel);
    axes->addWidget(m_rowAxis);
    axes->addWidget(m_columnsLabel);
    axes->addWidget(m_columnAxis);
    axes->addWidget(m_fixedAxes);
    axes->addStretch(1);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_goTo, 1);
    tools->addWidget(new QLabel(tr("Find:"), this));
    tools->addWidget(m_findKind);
    tools->addWidget(m_threshold);
    tools->addWidget(m_findNext);
    tools->addWidget(m_heatMap);
    // The go-to field keeps room for its hint whatever else the row shows.
    m_goTo->setMinimumWidth(m_goTo->fontMetrics().horizontalAdvance(m_goTo->placeholderText()) + 40);
    // On the status line, where the words of any language leave room for it.
    m_status->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The tensor's name, dtype and shape on a line of their own: long names need the whole width.
    layout->addWidget(m_title);
    layout->addLayout(axes);
    layout->addLayout(tools);
    // The heat map's scale on a line of its own when shown, rather than squeezing the tools.
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_rowAxis, &QComboBox::currentIndexChanged, this, &ValuesPanel::axesChosen);
    connect(m_columnAxis, &QComboBox::currentIndexChanged, this, &ValuesPanel::axesChosen);
    connect(m_goTo, &QLineEdit::returnPressed, this, &ValuesPanel::goToTyped);
    connect(m_findNext, &QPushButton::clicked, this, &ValuesPanel::findNext);
    connect(m_findKind, &QComboBox::currentIndexChanged, this, [this] {
        m_threshold->setEnabled(m_findKind->currentData().toInt() == int(ValueQuery::Kind::AbsAbove));
    });
    connect(m_heatMap, &QCheckBox::toggled, this, &ValuesPanel::setHeatMap);
    connect(m_model, &TensorValuesModel::planeChanged, this, [this] {
        if (!m_rebuilding)
            rebuildAxisControls();
    });
    showTensor(-1);
}

ValuesPanel::~ValuesPanel()
{
    if (m_running)
        m_running->cancel();
}

void ValuesPanel::setDocument(CheckpointDocument *document)
{
    if (m_running)
        m_running->cancel();
    m_document = document;
    m_ranges.clear();
    showTensor(-1);
}

void ValuesPanel::showTensor(int tensorIndex)
{
    if (m_running)
        m_running->cancel();
    m_tensorIndex =
        m_document && tensorIndex >= 0 && tensorIndex < m_document->tensorCount() ? tensorIndex : -1;
    const bool shown = m_tensorIndex >= 0;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_goTo, m_findKind, m_findNext, m_heatMap, m_export, m_view})
        w->setEnabled(shown);
    m_threshold->setEnabled(shown && m_findKind->currentData().toInt() == int(ValueQuery::Kind::AbsAbove));
    if (!shown) {
        m_model->clear();
        m_title->setText(tr("Select one tensor to see its values."));
        setStatus(QString());
        rebuildAxisControls();
        return;
    }
    const TensorInfo &tensor = m_document->tensor(m_tensorIndex);
    m_model->setTensor(tensor);
    m_title->setText(
        QStringLiteral("<b>%1</b>  %2  %3")
            .arg(tensor.name.toHtmlEscaped(), dtypeName(tensor.dtype), shapeToString(tensor.shape)));
    QString note;
    if (tensor.numel() > 0 && !tensor.storage)
        note = tr("The file holds no data for this tensor.");
    else if (tensor.numel() == 0)
        note = tr("The tensor is empty.");
    else if (m_model->isTruncated())
        note = tr("Only the first 2,147,483,647 rows or columns are shown; export or choose other axes for "
                  "the rest.");
    setStatus(note);
    if (const auto range = m_ranges.constFind(m_tensorIndex); range != m_ranges.constEnd())
        m_model->setHeatRange(range->first, range->second);
    m_model->setHeatMap(m_heatMap->isChecked());
    if (m_heatMap->isChecked() && !m_model->hasHeatRange())
        setHeatMap(true);
    m_legend->setVisible(m_heatMap->isChecked() && m_model->hasHeatRange());
    m_legend->update();
}

void ValuesPanel::rebuildAxisControls()
{
    m_rebuilding = true;
    const TensorInfo &tensor = m_model->tensor();
    const int rank = m_model->hasTensor() ? int(tensor.shape.size()) : 0;
    const bool choose = rank >= 2;
    for (QWidget *w : std::initializer_list<QWidget *>{m_rowsLabel, m_rowAxis, m_columnsLabel, m_columnAxis})
        w->setVisible(choose);
    if (choose) {
        for (QComboBox *box : {m_rowAxis, m_columnAxis}) {
            const QSignalBlocker block(box);
            box->clear();
            for (int axis = 0; axis < rank; ++axis)
                box->addItem(tr("axis %1 (%2)").arg(axis).arg(tensor.shape[axis]), axis);
        }
        const QSignalBlocker blockRows(m_rowAxis);
        const QSignalBlocker blockColumns(m_columnAxis);
        m_rowAxis->setCurrentIndex(m_model->rowAxis());
        m_columnAxis->setCurrentIndex(m_model->columnAxis());
    }
    // A spin box per axis that is neither rows nor columns.
    while (QLayoutItem *item = m_fixedLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int axis = 0; axis < rank; ++axis) {
        if (axis == m_model->rowAxis() || axis == m_model->columnAxis())
            continue;
        auto *label = new QLabel(tr("axis %1:").arg(axis), m_fixedAxes);
        auto *spin = new QSpinBox(m_fixedAxes);
        spin->setObjectName(QStringLiteral("fixedIndex%1").arg(axis));
        spin->setRange(0, int(std::min<qint64>(tensor.shape[axis] - 1, std::numeric_limits<int>::max())));
        spin->setValue(int(m_model->fixedIndex(axis)));
        spin->setEnabled(tensor.shape[axis] > 1);
        connect(spin, &QSpinBox::valueChanged, this, [this, axis](int value) {
            m_rebuilding = true;
            m_model->setFixedIndex(axis, value);
            m_rebuilding = false;
        });
        m_fixedLayout->addWidget(label);
        m_fixedLayout->addWidget(spin);
    }
    m_rebuilding = false;
}

void ValuesPanel::axesChosen()
{
    const int rows = m_rowAxis->currentData().toInt();
    const int columns = m_columnAxis->currentData().toInt();
    if (rows == columns) {
        // Picking the other box's axis swaps the two.
        const QSignalBlocker blockRows(m_rowAxis);
        const QSignalBlocker blockColumns(m_columnAxis);
        if (sender() == m_rowAxis)
            m_columnAxis->setCurrentIndex(m_model->rowAxis());
        else
            m_rowAxis->setCurrentIndex(m_model->columnAxis());
    }
    m_model->setAxes(m_rowAxis->currentData().toInt(), m_columnAxis->currentData().toInt());
}

QVector<qint64> ValuesPanel::currentElement() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    return m_model->elementIndex(current.row(), current.column());
}

bool ValuesPanel::goTo(const QVector<qint64> &index)
{
    const TensorInfo &tensor = m_model->tensor();
    bool inside = m_model->hasTensor() && index.size() == tensor.shape.size();
    for (int d = 0; inside && d < index.size(); ++d)
        inside = index[d] >= 0 && index[d] < tensor.shape[d];
    if (!inside) {
        setStatus(
            tr("%1 is not an index of this %2 tensor.").arg(indexText(index), shapeToString(tensor.shape)));
        return false;
    }
    const QModelIndex cell = m_model->cellOf(index, true);
    if (!cell.isValid()) {
        setStatus(tr("%1 lies beyond the rows or columns the grid can show.").arg(indexText(index)));
        return false;
    }
    m_view->setCurrentIndex(cell);
    m_view->scrollTo(cell, QAbstractItemView::PositionAtCenter);
    return true;
}

void ValuesPanel::goToTyped()
{
    // "3, 0, 7", "[3, 0, 7]" or "3 0 7"; negative entries count from the end, as in NumPy.
    QString text = m_goTo->text();
    text.remove(u'[').remove(u']').replace(u',', u' ');
    QVector<qint64> index;
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    const QVector<qint64> &shape = m_model->tensor().shape;
    for (int d = 0; d < parts.size(); ++d) {
        bool ok = false;
        qint64 i = parts[d].toLongLong(&ok);
        if (!ok) {
            setStatus(tr("'%1' is not an index: give one whole number per axis.").arg(m_goTo->text()));
            return;
        }
        if (i < 0 && d < shape.size())
            i += shape[d];
        index.append(i);
    }
    if (goTo(index))
        setStatus(tr("At %1.").arg(indexText(index)));
}

void ValuesPanel::findNext()
{
    if (!m_document || m_tensorIndex < 0 || m_running)
        return;
    ValueQuery query;
    query.kind = ValueQuery::Kind(m_findKind->currentData().toInt());
    query.threshold = m_threshold->value();
    const TensorInfo tensor = m_model->tensor();
    const QVector<qint64> current = currentElement();
    const qint64 start = current.isEmpty() ? 0 : flatIndex(tensor.shape, current) + 1;
    const QString what = m_findKind->currentText() +
                         (query.kind == ValueQuery::Kind::AbsAbove ? u' ' + m_threshold->text() : QString());
    // From the element after the current one to the end, then from the start: wraps once.
    auto *job = ResultJob<qint64>::start(
        this, [tensor, query, start](const Progress &progress, qint64 *found, QString *) {
            *found = query.findNext(tensor, start, progress);
            if (*found < 0 && !progress.isCanceled() && start > 0) {
                const qint64 wrapped = query.findNext(tensor, 0, progress);
                *found = wrapped >= 0 && wrapped < start ? wrapped : -1;
            }
            return !progress.isCanceled();
        });
    startJob(job, tr("Searching for %1…").arg(what));
    connect(job, &Job::finished, this, [this, job, tensor, what, start] {
        finishJob();
        if (!job->succeeded()) {
            setStatus(tr("Search canceled."));
            return;
        }
        const qint64 found = job->result();
        if (found < 0) {
            setStatus(tr("No %1 in this tensor.").arg(what));
            Q_EMIT searchFinished(false);
            return;
        }
        const QVector<qint64> index = unflatten(tensor.shape, found);
        goTo(index);
        setStatus(found < start ? tr("%1 at %2 (searched on from the start).").arg(what, indexText(index))
                                : tr("%1 at %2.").arg(what, indexText(index)));
        Q_EMIT searchFinished(true);
    });
}

void ValuesPanel::setHeatMap(bool on)
{
    m_model->setHeatMap(on);
    m_legend->setVisible(on && m_model->hasHeatRange());
    if (!on || m_model->hasHeatRange() || !m_document || m_tensorIndex < 0 || m_running)
        return;
    if (dtypeIsComplex(m_model->tensor().dtype) || !m_model->tensor().storage) {
        setStatus(tr("No heat map for this tensor."));
        return;
    }
    // The range of the whole tensor, so a plane's colours mean the same on every plane.
    const TensorInfo tensor = m_model->tensor();
    const int index = m_tensorIndex;
    auto *job = ResultJob<TensorStats>::start(
        this, [tensor](const Progress &progress, TensorStats *stats, QString *) {
            *stats = HistogramKernel::statistics({&tensor}, progress);
            return !progress.isCanceled();
        });
    startJob(job, tr("Finding the range of %1…").arg(tensor.name));
    connect(job, &Job::finished, this, [this, job, index] {
        finishJob();
        if (!job->succeeded() || index != m_tensorIndex)
            return;
        const TensorStats &stats = job->result();
        const double low = stats.hasMoments() ? stats.min : 0;
        const double high = stats.hasMoments() ? stats.max : 0;
        m_ranges.insert(index, {low, high});
        m_model->setHeatRange(low, high);
        m_legend->setVisible(m_heatMap->isChecked());
        m_legend->update();
        setStatus(QString());
        Q_EMIT heatRangeReady();
    });
}

void ValuesPanel::copySelection(bool asNumpy)
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    // The bounding rectangle of the selection, row by row.
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex &cell : selected) {
        top = std::min(top, cell.row());
        bottom = std::max(bottom, cell.row());
        left = std::min(left, cell.column());
        right = std::max(right, cell.column());
    }
    constexpr qint64 kMaxCells = 1 << 20;
    if (qint64(bottom - top + 1) * (right - left + 1) > kMaxCells) {
        setStatus(tr("Too many cells to copy (at most %1); export instead.").arg(kMaxCells));
        return;
    }
    QVector<QVector<ElementValue>> rows;
    for (int r = top; r <= bottom; ++r) {
        QVector<ElementValue> row;
        for (int c = left; c <= right; ++c)
            row.append(m_model->element(m_model->index(r, c)));
        rows.append(row);
    }
    QApplication::clipboard()->setText(asNumpy ? ValueExport::numpyLiteral(rows, m_model->tensor().dtype)
                                               : ValueExport::tabSeparated(rows));
}

QString ValuesPanel::sliceOfPlane() const
{
    QStringList items;
    for (int axis = 0; axis < m_model->tensor().shape.size(); ++axis)
        items << (axis == m_model->rowAxis() || axis == m_model->columnAxis()
                      ? QStringLiteral(":")
                      : QString::number(m_model->fixedIndex(axis)));
    return items.join(u',');
}

void ValuesPanel::exportChosen(bool wholeTensor)
{
    if (!m_document || m_tensorIndex < 0)
        return;
    const QString name = m_model->tensor().name;
    const QString path = FileDialog::getSaveFileName(
        this, wholeTensor ? tr("Export %1").arg(name) : tr("Export a plane of %1").arg(name),
        QString(name).replace(u'/', u'_') + QStringLiteral(".npy"),
        tr("NumPy array (*.npy);;Comma-separated values (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, wholeTensor);
}

void ValuesPanel::exportTo(const QString &path, bool wholeTensor)
{
    if (!m_document || m_tensorIndex < 0 || m_running)
        return;
    TensorInfo view = m_model->tensor();
    if (!wholeTensor) {
        TensorSlice slice;
        QString error;
        if (!TensorSlice::parse(sliceOfPlane(), &slice, &error) ||
            !slice.apply(m_model->tensor(), &view, &error)) {
            setStatus(error);
            return;
        }
    }
    const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    auto *job =
        ResultJob<bool>::start(this, [view, path, csv](const Progress &progress, bool *, QString *error) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                *error = QStringLiteral("%1: %2").arg(path, file.errorString());
                return false;
            }
            const bool ok = csv ? ValueExport::writeCsv(view, &file, progress, error)
                                : ValueExport::writeNpy(view, &file, progress, error);
            if (!ok) {
                file.cancelWriting();
                return false;
            }
            if (!file.commit()) {
                *error = QStringLiteral("%1: %2").arg(path, file.errorString());
                return false;
            }
            return true;
        });
    startJob(job, tr("Writing %1…").arg(QFileInfo(path).fileName()));
    connect(job, &Job::finished, this, [this, job, path, view, csv] {
        finishJob();
        bool widened = false;
        ValueExport::npyDescr(view.dtype, &widened);
        const QString message =
            job->succeeded()
                ? (widened && !csv ? tr("Wrote %1 (%2 as float32, exactly).")
                                         .arg(QFileInfo(path).fileName(), dtypeName(view.dtype))
                                   : tr("Wrote %1.").arg(QFileInfo(path).fileName()))
                : (job->wasCanceled() ? tr("Export canceled; nothing was written.") : job->error());
        setStatus(message);
        Q_EMIT exportFinished(job->succeeded(), message);
    });
}

void ValuesPanel::startJob(Job *job, const QString &what)
{
    m_running = job;
    m_findNext->setEnabled(false);
    m_export->setEnabled(false);
    m_status->track(job, what, QString()); // the job's end says how it ended
}

void ValuesPanel::finishJob()
{
    m_running.clear();
    m_findNext->setEnabled(m_tensorIndex >= 0);
    m_export->setEnabled(m_tensorIndex >= 0);
}

void ValuesPanel::setStatus(const QString &text)
{
    m_status->setMessage(text);
}

QString ValuesPanel::statusText() const
{
    return m_status->message();
}

} // namespace torchscope

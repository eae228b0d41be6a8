// The main window offscreen, driven as a user would: real clicks on checkboxes and the tree,
// the Save As dialog filled in and confirmed, the close prompt answered.

#include "checkpointvaluespanel.h"
#include "checkpointview.h"
#include "comparewindow.h"
#include "diff/checkpointdiff.h"
#include "document/checkpointdocument.h"
#include "document/examplemodel.h"
#include "document/freezeplan.h"
#include "document/loadweights.h"
#include "document/savejob.h"
#include "documentsupport.h"
#include "filedialog.h"
#include "formats/checkpointreader.h"
#include "freezeblocksdialog.h"
#include "freezepatterndialog.h"
#include "histogrampanel.h"
#include "inspect/elementvalue.h"
#include "inspect/healthreport.h"
#include "itemmodels/checkpointvaluesmodel.h"
#include "itemmodels/diffmodels.h"
#include "itemmodels/displayformat.h"
#include "itemmodels/healthreportmodel.h"
#include "itemmodels/moduletreemodel.h"
#include "itemmodels/parametertablemodel.h"
#include "itemmodels/scanfindingsmodel.h"
#include "itemmodels/tensorchunksmodel.h"
#include "itemmodels/tensorvaluesmodel.h"
#include "jobs/job.h"
#include "jobstatusstrip.h"
#include "loadweightsdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modulepane.h"
#include "optimizerpanel.h"
#include "parametertableview.h"
#include "plot/histogramplot.h"
#include "plot/qcustomplotinclude.h"
#include "reportwindow.h"
#include "saveasdialog.h"
#include "scanfindingsview.h"
#include "scanfolderwindow.h"
#include "shardspanel.h"
#include "spectrumpanel.h"
#include "testsupport.h"
#include "traininglogpanel.h"
#include "valuespanel.h"
#include "welcomepage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>

using namespace torchscope;

// Opens `view`'s context menu on `index` and clicks the action whose text starts with `text`.
static void chooseFromContextMenu(QAbstractItemView *view, const QModelIndex &index, const QString &text);

class TestGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void opensOffTheUiThread();
    void clickingTableCheckboxFreezesParameter();
    void clickingTreeCheckFreezesModule();
    void saveAsWeightsOnlyOfSubmodule();
    void saveAsEntireModelKeepsFlags();
    void saveAsChoosesFormatDtypeAndShards();
    void saveAsProposesTheWholeModelInItsOwnKind();
    void loadWeightsThroughTheDialog();
    void saveAsWritesAPickledModelBack();
    void weightsOnlyBlockedFileSavesALoadableCopy();
    void recentFilesReopenAndClear();
    void closeAndReload();
    void noticesWhenTheFileChangesOnDisk();
    void aboutNamesTheVersions();
    void windowLayoutIsRestored();
    void welcomePageWithoutAFile();
    void browseUsesFileDialog();
    void closingWithUnsavedChangesAsks();
    void closingWithSaveClosesAfterTheSave();
    void saveWritesTheOpenFileBack();
    void keyboardShortcutsListTheMenusKeys();
    void quickStartIconsAndFoldKeepWhatTheUserHad();
    void securityTabAndScanFolderNameTheCalls();
    void dcpFolderShowsWhereEachBoxLives();
    void deepSpeedFolderOpensAsOneModel();
    void ggufShowsItsHeaderAndDecodedValues();
    void openFailureSaysWhy();
    void everyOpenDialogOffersEveryCheckpointName();
    void statusStripShowsAndCancelsAJob();
    void droppingAFileOpensIt();
    void histogramFollowsSelection();
    void treeContextMenuFreezesAllExcept();
    void freezeEveryTypeFromTheMenu();
    void tableContextMenuAndMultiRowToggles();
    void freezeByPatternDialogPreviewsAndApplies();
    void enterInFreezeByPatternApplies();
    void enterDoesWhatEachDialogIsFor();
    void filtersNarrowTableAndTree_data();
    void filtersNarrowTableAndTree();
    void weightsOnlySaveWritesPlanBeside();
    void snippetGoesToClipboard();
    void histogramLogToggleAndExport();
    void newSelectionCancelsTheRunningHistogram();
    void overlayComparesOnTheSameBins();
    void weightsOnlyFileFreezesAsAPlan();
    void quantizedTensorsShowTheirQuantizer();
    void largeModelOpensWithoutReadingIt();
    void foldedBlocksAndFreezeBlocksDialog();
    void openFolderReadsConfig();
    void barePickleShowsWhatItWouldRun();
    void longReadsWaitForComputeAndGiveBackPages();
    void compareWithShowsWhatFineTuningChanged();
    void escAndTheDocumentCloseItsWindows();
    void compareSuggestsAPrefixAndApplies();
    void compareWithABadFileSaysWhy();
    void valuesTabShowsTheClickedTensor();
    void valuesHeatMapFindAndGoTo();
    void valuesCopyAndExport();
    void spectrumTabPlotsSingularValues();
    void modelReportFlagsSortsAndSelects();
    void trainingCheckpointShowsItsParts();
    void extractModelWeightsFromTheMenu();
    void trainerFolderPlotsItsLog();

private:
    static QRect checkRect(QAbstractItemView *view, const QModelIndex &index);
    static void clickCheck(QAbstractItemView *view, const QModelIndex &index);
    QModelIndex tableIndex(const QString &name, int column);
    QModelIndex treeIndex(const QString &path);
    // The window's parts, found by object name as a user's tools would.
    QTreeView *treeView() const { return m_window->findChild<QTreeView *>(QStringLiteral("moduleTree")); }
    ParameterTableView *tableView() const
    {
        return m_window->findChild<ParameterTableView *>(QStringLiteral("parameterTable"));
    }
    HistogramPanel *histogramPanel() const
    {
        return m_window->findChild<HistogramPanel *>(QStringLiteral("histogramPanel"));
    }
    // Clicks the Checkpoint Values tab; its panel.
    CheckpointValuesPanel *clickCheckpointValuesTab()
    {
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
        auto *panel = m_window->findChild<CheckpointValuesPanel *>(QStringLiteral("checkpointValuesPanel"));
        const int tab = tabs->indexOf(panel);
        if (!tabs->isTabVisible(tab))
            return nullptr;
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          tabs->tabBar()->tabRect(tab).center());
        return panel->isVisible() ? panel : nullptr;
    }
    // A checkpoint value's cell as the Checkpoint Values panel shows it.
    static QString checkpointValueText(CheckpointValuesPanel *panel, const QString &path,
                                       int column = CheckpointValuesModel::ValueColumn)
    {
        return panel->model()->indexOfPath(path).siblingAtColumn(column).data().toString();
    }
    // Clicks a tensor's row in the table, then the tab of the panel below it.
    void clickTensorAndTab(const QString &name, int tab)
    {
        const QModelIndex cell = tableIndex(name, ParameterTableModel::NameColumn);
        tableView()->scrollTo(cell);
        QTest::mouseClick(tableView()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          tableView()->visualRect(cell).center());
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier,
                          tabs->tabBar()->tabRect(tab).center());
    }
    ValuesPanel *valuesPanel() const
    {
        return m_window->findChild<ValuesPanel *>(QStringLiteral("valuesPanel"));
    }
    // Shows a hand-built document: one 3 x 4 x 5 float32 tensor "probe" holding NaN at [1, 2, 3] and
    // [2, 0, 1], 1e6 at [0, 3, 3], and v = index otherwise (so [0, 0, 0] is the only zero).
    void showProbeDocument();
    void saveScreenshot(QWidget *widget, const QString &name)
    {
        if (const QByteArray where = qgetenv("TORCHSCOPE_SCREENSHOTS"); !where.isEmpty())
            widget->grab().save(QString::fromLocal8Bit(where) + u'/' + name);
    }
    // Opens `path` in the window and waits until the document is shown.
    bool openAndWait(const QString &path)
    {
        QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
        m_window->openFile(path);
        return loaded.wait(60000);
    }
    // Saves the open document's weights to a file of the test's folder; its path, or "" when that failed.
    QString saveWeightsOnly(const QString &name)
    {
        QString path = m_dir.filePath(name);
        QString error;
        const auto job =
            SaveJob::prepare(*m_window->document(), {path, SaveMode::WeightsOnly, QString()}, &error);
        if (!job || !job->run(Progress(), &error)) {
            qWarning("%s", qPrintable(error));
            return QString();
        }
        return path;
    }
    // Writes `bytes` to a file of the test's folder.
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() ? file.fileName()
                                                                                    : QString();
    }
    // Answers the next modal dialog of type D from inside its event loop: `answer` fills it in and closes
    // it; a failed check rejects it, so no dialog's loop is left running.
    template <typename D, typename Answer> void answerNextDialog(Answer answer)
    {
        QTimer::singleShot(0, this, [answer] {
            auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto closeOnFailure = qScopeGuard([dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
            answer(dialog);
        });
    }
    // Answers the next Save As dialog from inside its event loop.
    void answerSaveAs(const QString &path, bool weightsOnly, const QString &module);
    // Edit > Freeze by Pattern: types `pattern` (ticking "all except the matches" if `invert`), presses
    // Enter; returns the preview's summary as it read before Enter.
    QString freezeByPatternWithEnter(const QString &pattern, bool invert)
    {
        QString summary;
        answerNextDialog<FreezePatternDialog>([&](FreezePatternDialog *dialog) {
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("patternEdit"));
            QTest::keyClicks(edit, pattern);
            if (invert)
                QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("invertCheck")),
                                  Qt::LeftButton, Qt::NoModifier, QPoint(8, 8));
            summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
            QTest::keyClick(edit, Qt::Key_Return);
        });
        m_window->findChild<QAction *>(QStringLiteral("freezeByPatternAction"))->trigger();
        return summary;
    }
    // The fine-tuned CNN of `peer.py finetune`, written once; returns the folder.
    QString fineTuned();
    // The training checkpoints of `peer.py training`, written once by PyTorch 1.13; returns the folder.
    QString trainingCheckpoints();
    // Compares the open document with `path` through File > Compare With... and waits for the result.
    CompareWindow *compareThroughMenu(const QString &path);

    QTemporaryDir m_dir;
    QString m_source;
    std::unique_ptr<MainWindow> m_window;
};

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings in a test folder, never the user's
    QVERIFY(m_dir.isValid());
    m_source = m_dir.filePath(QStringLiteral("cnn.pt"));
    CheckpointContent content;
    QString error;
    QVERIFY2(readExampleModel(&content, &error), qPrintable(error));
    CheckpointDocument example(std::move(content));
    auto job = SaveJob::prepare(example, {m_source, SaveMode::EntireModel, QString()}, &error);
    QVERIFY(job && job->run(Progress(), &error));
}

void TestGui::init()
{
    QSettings().clear(); // each test starts from the defaults, not from what the last one chose
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(openAndWait(m_source));
}

void TestGui::cleanup()
{
    if (m_window && m_window->document())
        m_window->document()->undoStack()->setClean();
    m_window.reset();
}

QRect TestGui::checkRect(QAbstractItemView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    option.state |= QStyle::State_Enabled;
    return view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
}

void TestGui::clickCheck(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, checkRect(view, index).center());
}

QModelIndex TestGui::tableIndex(const QString &name, int column)
{
    QAbstractItemModel *model = tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ParameterTableModel::NameColumn).data().toString() == name)
            return model->index(row, column);
    }
    return QModelIndex();
}

QModelIndex TestGui::treeIndex(const QString &path)
{
    return m_window->findChild<ModulePane *>(QStringLiteral("modulePane"))->indexOf(path);
}

void TestGui::opensOffTheUiThread()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::documentLoaded);
    window.openExampleModel();
    // The call returns at once; the work finishes in the background while events keep flowing.
    QVERIFY(window.isBusy());
    QVERIFY(!window.document());
    QVERIFY(loaded.wait(60000));
    QVERIFY(!window.isBusy());
    QCOMPARE(window.document()->root()->childCount(), 4);
    QVERIFY(window.windowTitle().contains(QStringLiteral("Example model")));
}

void TestGui::clickingTableCheckboxFreezesParameter()
{
    CheckpointDocument *document = m_window->document();
    const QModelIndex box = tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::RequiresGradColumn);
    QVERIFY(box.isValid());
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!m_window->isWindowModified());
    clickCheck(tableView(), box);
    QVERIFY(!document->requiresGrad(document->findTensor(QStringLiteral("fc.weight"))));
    QCOMPARE(box.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(treeIndex(QStringLiteral("fc")).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QCOMPARE(treeIndex(QString()).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))
                ->text()
                .contains(QStringLiteral("Frozen: 15,680 (")));
    // Clicking again restores it, and undo takes both steps back.
    clickCheck(tableView(), box);
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("fc.weight"))));
    QCOMPARE(document->undoStack()->count(), 2);
}

void TestGui::clickingTreeCheckFreezesModule()
{
    CheckpointDocument *document = m_window->document();
    const QModelIndex layer1 = treeIndex(QStringLiteral("layer1"));
    QVERIFY(layer1.isValid());
    clickCheck(treeView(), layer1);
    QCOMPARE(layer1.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    for (int i : document->tensorsInSubtree(document->findModule(QStringLiteral("layer1")))) {
        if (document->isEditable(i))
            QVERIFY2(!document->requiresGrad(i), qPrintable(document->tensor(i).name));
    }
    QCOMPARE(tableIndex(QStringLiteral("layer1.0.weight"), ParameterTableModel::RequiresGradColumn)
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::Unchecked));
    QCOMPARE(document->findModule(QStringLiteral("layer2"))->trainableCount(),
             document->findModule(QStringLiteral("layer2"))->parameterCount());
    // Selecting the module narrows the table to its subtree, named relative to it.
    treeView()->setCurrentIndex(layer1);
    QCOMPARE(tableView()->model()->rowCount(), 7);
    QVERIFY(tableIndex(QStringLiteral("0.weight"), 0).isValid());
    QCOMPARE(document->undoStack()->count(), 1);
}

void TestGui::answerSaveAs(const QString &path, bool weightsOnly, const QString &module)
{
    answerNextDialog<SaveAsDialog>([=](SaveAsDialog *dialog) {
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        pathEdit->clear();
        QTest::keyClicks(pathEdit, path);
        // Click the round indicator: a radio button takes clicks on its indicator and label only.
        auto *radio = dialog->findChild<QRadioButton *>(weightsOnly ? QStringLiteral("weightsOnlyButton")
                                                                    : QStringLiteral("entireModelButton"));
        QTest::mouseClick(radio, Qt::LeftButton, Qt::NoModifier, QPoint(8, radio->height() / 2));
        QCOMPARE(radio->isChecked(), true);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("moduleCombo"));
        combo->setCurrentIndex(combo->findData(module));
        const QString note = dialog->findChild<QLabel *>(QStringLiteral("noteLabel"))->text();
        if (weightsOnly)
            QVERIFY2(note.contains(QStringLiteral("keep no requires_grad flags")), qPrintable(note));
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
    });
}

void TestGui::saveAsWeightsOnlyOfSubmodule()
{
    const QString output = m_dir.filePath(QStringLiteral("layer2-weights.pt"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    answerSaveAs(output, true, QStringLiteral("layer2"));
    m_window->saveAs();
    QVERIFY(saved.wait(60000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QString peer;
    QVERIFY2(test::runPeer({QStringLiteral("check-weights"), m_source, output, QStringLiteral("--module"),
                            QStringLiteral("layer2")},
                           &peer) == 0,
             qPrintable(peer));
}

void TestGui::saveAsChoosesFormatDtypeAndShards()
{
    const QString folder = m_dir.filePath(QStringLiteral("shards"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    QString sentences;
    answerNextDialog<SaveAsDialog>([&](SaveAsDialog *dialog) {
        auto *radio = dialog->findChild<QRadioButton *>(QStringLiteral("weightsOnlyButton"));
        QTest::mouseClick(radio, Qt::LeftButton, Qt::NoModifier, QPoint(8, radio->height() / 2));
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
        QVERIFY(format->isVisible());
        auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        pathEdit->setText(folder + QStringLiteral(".pt"));
        format->setCurrentIndex(1); // safetensors: the name follows
        QCOMPARE(pathEdit->text(), QString(folder + QStringLiteral(".safetensors")));
        format->setCurrentIndex(2); // sharded safetensors: a folder
        QCOMPARE(pathEdit->text(), folder);
        auto *shardSize = dialog->findChild<QLineEdit *>(QStringLiteral("shardSizeEdit"));
        QVERIFY(shardSize->isVisible());
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        shardSize->clear();
        QTest::keyClicks(shardSize, QStringLiteral("lots"));
        QVERIFY(!save->isEnabled()); // not a size
        shardSize->clear();
        QTest::keyClicks(shardSize, QStringLiteral("20KB"));
        QVERIFY(save->isEnabled());
        auto *dtype = dialog->findChild<QComboBox *>(QStringLiteral("dtypeCombo"));
        dtype->setCurrentIndex(dtype->findText(QStringLiteral("bfloat16")));
        auto *buffers = dialog->findChild<QCheckBox *>(QStringLiteral("buffersCheck"));
        QTest::mouseClick(buffers, Qt::LeftButton, Qt::NoModifier, QPoint(8, buffers->height() / 2));
        QVERIFY(!buffers->isChecked());
        sentences = dialog->findChild<QLabel *>(QStringLiteral("choicesLabel"))->text();
        QTest::qWait(50); // let the layout settle, as it does between a user's clicks
        saveScreenshot(dialog, QStringLiteral("saveas.png"));
        QTest::mouseClick(save, Qt::LeftButton);
    });
    m_window->saveAs();
    QVERIFY(saved.wait(60000) || saved.count() > 0);
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    // Each choice says what it keeps and drops.
    for (const char *words : {"index", "bfloat16", "Buffers are left out"})
        QVERIFY2(sentences.contains(QLatin1String(words)), qPrintable(sentences));
    QVERIFY(QFile::exists(folder + QStringLiteral("/model.safetensors.index.json")));
    QJsonArray manifest{
        QJsonObject{{"original", m_source}, {"exported", folder}, {"dtype", "bfloat16"}, {"buffers", false}}};
    QFile file(m_dir.filePath(QStringLiteral("dialog-exports.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(manifest).toJson());
    file.close();
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("check-exports"), file.fileName()}, &output) == 0,
             qPrintable(output));

    // The next dialog proposes this file's own kind again (an entire model), not these choices; only
    // the shard size is remembered.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SaveAsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto closeOnFailure = qScopeGuard([dialog] { dialog->reject(); });
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("entireModelButton"))->isChecked());
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentIndex(), 0);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("shardSizeEdit"))->text(),
                 QStringLiteral("20KB"));
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("dtypeCombo"))->currentIndex(), 0);
        QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("buffersCheck"))->isChecked());
    });
    m_window->saveAs();
}

// After "Freeze All Except fc" the selected row is fc; Ctrl+Shift+S still proposes the whole model as
// an entire model beside the file. Choosing fc is explicit: the name carries its path and the dialog
// says how much of the file it leaves out. A weights-only safetensors file proposes safetensors.
void TestGui::saveAsProposesTheWholeModelInItsOwnKind()
{
    TORCHSCOPE_HELPER(chooseFromContextMenu(treeView(), treeIndex(QStringLiteral("fc")),
                                            QStringLiteral("Freeze All Except fc")));
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("fc")));
    const QString base = QFileInfo(m_source).dir().filePath(QFileInfo(m_source).completeBaseName());
    QString proposed, subtree, subtreeSummary, typed;
    // Armed after the waits: the answer runs at the next event-loop pass.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    answerNextDialog<SaveAsDialog>([&](SaveAsDialog *dialog) {
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("entireModelButton"))->isChecked());
        auto *module = dialog->findChild<QComboBox *>(QStringLiteral("moduleCombo"));
        QCOMPARE(module->currentData().toString(), QString());
        auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        proposed = pathEdit->text();
        module->setCurrentIndex(module->findData(QStringLiteral("fc")));
        subtree = pathEdit->text();
        subtreeSummary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        // A name the user writes is kept whatever is chosen next.
        pathEdit->setText(m_dir.filePath(QStringLiteral("mine.pt")));
        module->setCurrentIndex(0);
        typed = pathEdit->text();
        dialog->reject();
    });
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(proposed, base + QStringLiteral("-edited.pt"));
    QCOMPARE(subtree, base + QStringLiteral("-edited.fc.pt"));
    QVERIFY2(subtreeSummary.contains(QStringLiteral("Only fc: 2 of 23 tensors")), qPrintable(subtreeSummary));
    QCOMPARE(typed, m_dir.filePath(QStringLiteral("mine.pt")));

    const QString weights = m_dir.filePath(QStringLiteral("proposed.safetensors"));
    QString out, err;
    QCOMPARE(test::runProcess(test::cliPath(),
                              {QStringLiteral("export"), m_source, QStringLiteral("-o"), weights,
                               QStringLiteral("--weights-only")},
                              &out, &err),
             0);
    QVERIFY(openAndWait(weights));
    answerNextDialog<SaveAsDialog>([&](SaveAsDialog *dialog) {
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("weightsOnlyButton"))->isChecked());
        QVERIFY(!dialog->findChild<QRadioButton *>(QStringLiteral("entireModelButton"))->isEnabled());
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentIndex(), 1);
        proposed = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->text();
        dialog->reject();
    });
    m_window->saveAs();
    QCOMPARE(proposed, m_dir.filePath(QStringLiteral("proposed-edited.safetensors")));
}

// A training checkpoint PyTorch 2.15's default torch.load refuses (numpy values): the banner names what
// stops it and where, Save As proposes the whole file as a copy that loads, and PyTorch 2.15 loads it.
void TestGui::weightsOnlyBlockedFileSavesALoadableCopy()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("blocked"));
    QString output;
    QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("weights-only-blocked"), folder}, &output) ==
                 0,
             qPrintable(output));
    const QString source = folder + QStringLiteral("/numpy.pt");
    QVERIFY(openAndWait(source));
    const QString banner = m_window->findChild<QLabel *>(QStringLiteral("banner"))->text();
    QVERIFY2(banner.contains(QStringLiteral("weights_only=True")) &&
                 banner.contains(QStringLiteral("numpy._core.multiarray.scalar (at best_acc, steps)")),
             qPrintable(banner));
    const QString target = folder + QStringLiteral("/numpy-loadable.pt");
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    QString sentences;
    answerNextDialog<SaveAsDialog>([&](SaveAsDialog *dialog) {
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
        QVERIFY2(format->currentText().contains(QStringLiteral("weights_only=True")),
                 qPrintable(format->currentText()));
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("dtypeCombo"))->isEnabled());
        sentences = dialog->findChild<QLabel *>(QStringLiteral("choicesLabel"))->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->setText(target);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    m_window->saveAs();
    QVERIFY(saved.wait(60000) || saved.count() > 0);
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QVERIFY2(sentences.contains(QStringLiteral("numpy values as numbers")), qPrintable(sentences));
    QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("check-weights-only-safe"), source, target},
                           &output) == 0,
             qPrintable(output));
}

// A torch.save(model) pickle with a block frozen, saved through the dialog as an entire model: torch.load
// gives the same objects with that flag.
void TestGui::saveAsWritesAPickledModelBack()
{
    const QString source = m_dir.filePath(QStringLiteral("language-model.pt"));
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("language-model"), source, QStringLiteral("2")}, &output) == 0,
             qPrintable(output));
    QVERIFY(openAndWait(source));
    CheckpointDocument *document = m_window->document();
    QCOMPARE(document->format(), CheckpointFormat::PickleModule);
    document->setModuleRequiresGrad(document->findModule(QStringLiteral("model.layers.1")), false);
    const QString target = m_dir.filePath(QStringLiteral("language-model-edited.pt"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    QString note;
    answerNextDialog<SaveAsDialog>([&](SaveAsDialog *dialog) {
        auto *entire = dialog->findChild<QRadioButton *>(QStringLiteral("entireModelButton"));
        QVERIFY(entire->isEnabled());
        QVERIFY2(entire->text().contains(QStringLiteral("pickle")), qPrintable(entire->text()));
        QTest::mouseClick(entire, Qt::LeftButton, Qt::NoModifier, QPoint(8, entire->height() / 2));
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"))->isVisible());
        note = dialog->findChild<QLabel *>(QStringLiteral("noteLabel"))->text();
        dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->setText(target);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    m_window->saveAs();
    QVERIFY(saved.wait(60000) || saved.count() > 0);
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QVERIFY2(note.contains(QStringLiteral("torch.load")), qPrintable(note));
    QJsonObject flags;
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            flags.insert(document->tensor(i).name, document->requiresGrad(i));
    }
    QVERIFY(!flags.value(QStringLiteral("model.layers.1.mlp.up_proj.weight")).toBool());
    QFile file(target + QStringLiteral(".flags.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(flags).toJson());
    file.close();
    QVERIFY2(test::runPeer({QStringLiteral("check-pickle"), source, target, file.fileName()}, &output) == 0,
             qPrintable(output));
}

// File > Open Recent lists what was opened, newest first, reopens it, and Clear empties it.
void TestGui::recentFilesReopenAndClear()
{
    const QString weights = saveWeightsOnly(QStringLiteral("recent-weights.pt"));
    QVERIFY(!weights.isEmpty());
    QVERIFY(openAndWait(weights));
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu);
    QStringList listed;
    for (QAction *action : menu->actions()) {
        if (!action->data().toString().isEmpty())
            listed << action->data().toString();
    }
    QCOMPARE(listed,
             (QStringList{QFileInfo(weights).absoluteFilePath(), QFileInfo(m_source).absoluteFilePath()}));
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    menu->actions().at(1)->trigger(); // the CNN again
    QVERIFY(loaded.wait(60000));
    QCOMPARE(m_window->document()->filePath(), m_source);
    // A new window (the next session) lists the same files.
    MainWindow next;
    QCOMPARE(next.findChild<QMenu *>(QStringLiteral("recentMenu"))->actions().first()->data().toString(),
             QFileInfo(m_source).absoluteFilePath());
    QAction *clear = menu->findChild<QAction *>(QStringLiteral("clearRecentAction"));
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    menu = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
    QCOMPARE(menu->actions().size(), 2); // the separator and a disabled Clear
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("clearRecentAction"))->isEnabled());
}

// File > Close empties the window (asking first about unsaved flags); File > Reload reads the file again.
void TestGui::closeAndReload()
{
    auto *close = m_window->findChild<QAction *>(QStringLiteral("closeAction"));
    auto *reload = m_window->findChild<QAction *>(QStringLiteral("reloadAction"));
    QVERIFY(close && reload && close->isEnabled() && reload->isEnabled());
    CheckpointDocument *document = m_window->document();
    document->setModuleRequiresGrad(document->findModule(QStringLiteral("fc")), false);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    close->trigger();
    QCOMPARE(m_window->document(), document); // kept: the user canceled
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    reload->trigger();
    QVERIFY(loaded.wait(60000));
    QVERIFY(m_window->document()->undoStack()->isClean());
    QVERIFY(
        m_window->document()->requiresGrad(m_window->document()->findTensor(QStringLiteral("fc.weight"))));
    close->trigger();
    QVERIFY(!m_window->document());
    QVERIFY(m_window->findChild<WelcomePage *>(QStringLiteral("welcomePage"))->isVisible());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Torchscope"));
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("saveAsAction"))->isEnabled());
    QVERIFY(!reload->isEnabled() && !close->isEnabled());
}

void TestGui::noticesWhenTheFileChangesOnDisk()
{
    const QString copy = m_dir.filePath(QStringLiteral("watched.pt"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_source, copy));
    QVERIFY(openAndWait(copy));
    QSignalSpy changed(m_window.get(), &MainWindow::fileChangedOnDisk);
    QTest::qWait(50);
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::Append));
        file.write("x");
    }
    QVERIFY(changed.wait(10000));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Reload")));
}

void TestGui::aboutNamesTheVersions()
{
    m_window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(box);
    for (const QString &words : QStringList{QStringLiteral("Torchscope " TORCHSCOPE_VERSION),
                                            QStringLiteral("Qt ") + QString::fromLatin1(qVersion()),
                                            QStringLiteral("QCustomPlot 2."), QStringLiteral("LibTorch")})
        QVERIFY2(box->text().contains(words), qPrintable(box->text()));
    box->close();
}

// A window without a file welcomes: what Torchscope does, ways to open something, the recent files.
void TestGui::welcomePageWithoutAFile()
{
    MainWindow fresh;
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    auto *welcome = fresh.findChild<WelcomePage *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome && welcome->isVisible());
    auto *recent = welcome->findChild<QListWidget *>(QStringLiteral("welcomeRecentList"));
    QCOMPARE(recent->count(), 1); // the file init() opened
    QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), QFileInfo(m_source).absoluteFilePath());
    saveScreenshot(&fresh, QStringLiteral("welcome.png"));
    QSignalSpy loaded(&fresh, &MainWindow::documentLoaded);
    QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeExampleButton")),
                      Qt::LeftButton);
    QVERIFY(loaded.wait(30000));
    QVERIFY(!welcome->isVisible());
    QCOMPARE(fresh.document()->root()->childCount(), 4);

    // A first run says it has no recent files, rather than showing an empty box.
    QSettings().clear();
    MainWindow first;
    first.show();
    QVERIFY(QTest::qWaitForWindowExposed(&first));
    auto *firstRecent = first.findChild<WelcomePage *>(QStringLiteral("welcomePage"))
                            ->findChild<QListWidget *>(QStringLiteral("welcomeRecentList"));
    QCOMPARE(firstRecent->count(), 1);
    QCOMPARE(firstRecent->item(0)->text(), QStringLiteral("No recent files"));
    QCOMPARE(firstRecent->item(0)->flags(), Qt::NoItemFlags);
}

// Size, docks and toolbar come back as the last window left them.
void TestGui::windowLayoutIsRestored()
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar && toolBar->isVisible());
    QVERIFY(toolBar->actions().contains(m_window->findChild<QAction *>(QStringLiteral("saveAsAction"))));
    m_window->resize(900, 640);
    m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"))->show();
    CheckpointView *view = m_window->checkpointView();
    view->setSizes({300, 600});
    const QList<int> sizes = view->sizes();
    auto *table = m_window->findChild<ParameterTableView *>();
    table->horizontalHeader()->resizeSection(ParameterTableModel::ShapeColumn, 133);
    m_window->findChild<QSpinBox *>(QStringLiteral("binsSpin"))->setValue(37);
    m_window->findChild<QCheckBox *>(QStringLiteral("logCountsCheck"))->setChecked(true);
    m_window->close();

    MainWindow next;
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QCOMPARE(next.size(), QSize(900, 640));
    QVERIFY(next.findChild<QDockWidget *>(QStringLiteral("historyDock"))->isVisible());
    QCOMPARE(next.findChild<QSpinBox *>(QStringLiteral("binsSpin"))->value(), 37);
    QVERIFY(next.findChild<QCheckBox *>(QStringLiteral("logCountsCheck"))->isChecked());
    QSignalSpy loaded(&next, &MainWindow::documentLoaded);
    next.openFile(m_source);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(next.findChild<ParameterTableView *>()->horizontalHeader()->sectionSize(
                 ParameterTableModel::ShapeColumn),
             133);
    QCOMPARE(next.checkpointView()->sizes(), sizes);
}

void TestGui::loadWeightsThroughTheDialog()
{
    const QString folder = m_dir.filePath(QStringLiteral("weights"));
    QString output;
    if (!QFile::exists(folder + QStringLiteral("/good.pt")))
        QVERIFY2(test::runPeer({QStringLiteral("mismatched-weights"), m_source, folder}, &output) == 0,
                 qPrintable(output));
    CheckpointDocument *document = m_window->document();
    const int fc = document->findTensor(QStringLiteral("fc.weight"));
    const QByteArray before = document->tensor(fc).contiguousBytes();
    // Freeze layer1 first: loading weights must not touch the flags.
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("layer1")));
    clickCheck(treeView(), treeIndex(QStringLiteral("layer1")));
    const int layer1 = document->findTensor(QStringLiteral("layer1.0.weight"));
    QVERIFY(!document->requiresGrad(layer1));
    // The model as edited so far, for real PyTorch to compare with below.
    const QString reference = m_dir.filePath(QStringLiteral("frozen-reference.pt"));
    {
        QSignalSpy done(m_window.get(), &MainWindow::saveFinished);
        answerSaveAs(reference, false, QString());
        m_window->saveAs();
        QVERIFY(done.wait(60000) || done.count() > 0);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    }
    const int undoBefore = document->undoStack()->count();

    // The file is read off the UI thread; the dialog then opens, window-modal.
    QSignalSpy finished(m_window.get(), &MainWindow::loadWeightsFinished);
    const auto openDialog = [&](const QString &file) -> LoadWeightsDialog * {
        FileDialog::setNextFileName(file);
        m_window->findChild<QAction *>(QStringLiteral("loadWeightsAction"))->trigger();
        LoadWeightsDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<LoadWeightsDialog *>()) && dialog->isVisible(); },
            30000);
        return shown ? dialog : nullptr;
    };

    // A file with every kind of mismatch: strict refuses until unchecked.
    {
        LoadWeightsDialog *dialog = openDialog(folder + QStringLiteral("/bad.pt"));
        QVERIFY(dialog);
        auto closeOnFailure = qScopeGuard([dialog] { dialog->reject(); });
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("matchSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral(
                     "20 applied, 1 missing, 1 unexpected, 1 of another shape, 1 of another dtype")),
                 qPrintable(summary));
        QPushButton *load = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(load->isEnabled());
        QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("strictCheck")), Qt::LeftButton,
                          Qt::NoModifier, QPoint(8, 8));
        QVERIFY(!load->isEnabled());
        auto *details = dialog->findChild<QTreeWidget *>(QStringLiteral("matchDetails"));
        QCOMPARE(details->topLevelItemCount(), 5);
        QCOMPARE(details->topLevelItem(0)->child(0)->text(0), QStringLiteral("fc.bias"));
    }
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(document->undoStack()->count(), undoBefore);

    // DataParallel's names: the dialog proposes stripping "module.", then everything applies.
    {
        LoadWeightsDialog *dialog = openDialog(folder + QStringLiteral("/good.pt"));
        QVERIFY(dialog);
        auto closeOnFailure = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("stripPrefix"))->text(),
                 QStringLiteral("module."));
        QTest::mouseClick(dialog->findChild<QCheckBox *>(QStringLiteral("strictCheck")), Qt::LeftButton,
                          Qt::NoModifier, QPoint(8, 8));
        QPushButton *load = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(load->isEnabled());
        QTest::mouseClick(load, Qt::LeftButton);
    }
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(document->undoStack()->count(), undoBefore + 1);
    QVERIFY(document->isReplaced(fc));
    QVERIFY(document->tensor(fc).contiguousBytes() != before);
    QVERIFY(!document->requiresGrad(layer1));
    // One edit: undo brings the model's own values back, redo the file's.
    document->undoStack()->undo();
    QVERIFY(!document->isReplaced(fc));
    QCOMPARE(document->tensor(fc).contiguousBytes(), before);
    document->undoStack()->redo();
    QVERIFY(document->isReplaced(fc));

    // Saved as an entire model: real PyTorch finds the file's values and the model's flags.
    const QString saved = m_dir.filePath(QStringLiteral("loaded-model.pt"));
    QSignalSpy done(m_window.get(), &MainWindow::saveFinished);
    answerSaveAs(saved, false, QString());
    m_window->saveAs();
    QVERIFY(done.wait(60000) || done.count() > 0);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QVERIFY2(
        test::runPeer({QStringLiteral("check-load-weights"), reference, folder + QStringLiteral("/good.pt"),
                       saved, QStringLiteral("--strip"), QStringLiteral("module.")},
                      &output) == 0,
        qPrintable(output));
}

void TestGui::saveAsEntireModelKeepsFlags()
{
    CheckpointDocument *document = m_window->document();
    clickCheck(treeView(), treeIndex(QStringLiteral("sequential")));
    clickCheck(tableView(), tableIndex(QStringLiteral("fc.bias"), ParameterTableModel::RequiresGradColumn));
    QVERIFY(m_window->isWindowModified());
    const QString output = m_dir.filePath(QStringLiteral("edited.pt"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    answerSaveAs(output, false, QString());
    m_window->saveAs();
    QVERIFY(saved.wait(60000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QVERIFY(!m_window->isWindowModified());

    QJsonObject flags;
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            flags.insert(document->tensor(i).name, document->requiresGrad(i));
    }
    QCOMPARE(flags.value(QStringLiteral("fc.bias")).toBool(), false);
    QCOMPARE(flags.value(QStringLiteral("sequential.0.weight")).toBool(), false);
    QCOMPARE(flags.value(QStringLiteral("fc.weight")).toBool(), true);
    QFile file(output + QStringLiteral(".flags.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(flags).toJson());
    file.close();
    QString peer;
    QVERIFY2(test::runPeer({QStringLiteral("check-entire"), m_source, output, file.fileName()}, &peer) == 0,
             qPrintable(peer));
}

void TestGui::browseUsesFileDialog()
{
    SaveAsDialog dialog(m_window->document());
    dialog.setModulePath(QStringLiteral("fc"));
    QCOMPARE(dialog.request().modulePath, QStringLiteral("fc"));
    FileDialog::setNextFileName(QStringLiteral("/tmp/chosen.pt"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("browseButton")), Qt::LeftButton);
    QCOMPARE(dialog.request().path, QStringLiteral("/tmp/chosen.pt"));
    QCOMPARE(dialog.request().mode, SaveMode::EntireModel);
}

void TestGui::closingWithUnsavedChangesAsks()
{
    clickCheck(treeView(), treeIndex(QStringLiteral("fc")));
    QVERIFY(m_window->isWindowModified());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("not saved")));
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(m_window->close());
}

void TestGui::closingWithSaveClosesAfterTheSave()
{
    // The close prompt's Save writes the open file back, as File > Save does: a copy of the model here.
    const QString output = m_dir.filePath(QStringLiteral("saved-on-close.pt"));
    QFile::remove(output);
    QVERIFY(QFile::copy(m_source, output));
    QVERIFY(openAndWait(output));
    clickCheck(treeView(), treeIndex(QStringLiteral("layer2")));
    QVERIFY(m_window->isWindowModified());
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    MessageBox::setNextAnswer(QMessageBox::Save);
    // The save runs in the background: close() returns at once and the window stays until it is done.
    QVERIFY(!m_window->close());
    QVERIFY(saved.wait(60000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QTRY_VERIFY(!m_window->isVisible());
    QVERIFY(!m_window->isWindowModified());
    CheckpointContent content;
    QString error;
    QVERIFY2(readCheckpoint(output, Progress(), &content, &error), qPrintable(error));
    CheckpointDocument reopened(std::move(content));
    QVERIFY(!reopened.requiresGrad(reopened.findTensor(QStringLiteral("layer2.0.weight"))));
    QVERIFY(reopened.requiresGrad(reopened.findTensor(QStringLiteral("fc.weight"))));
}

// Ctrl+S writes the open file back in its own kind (no Save As dialog, no "changed on disk" notice for
// our own rename), and the title's modified mark goes; Save As of the whole model makes the new file the
// one open; where Save would lose something it opens Save As and says why.
void TestGui::saveWritesTheOpenFileBack()
{
    const QString copy = m_dir.filePath(QStringLiteral("saved-in-place.pt"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_source, copy));
    QVERIFY(openAndWait(copy));
    clickCheck(tableView(), tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::RequiresGradColumn));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("saved-in-place.pt")));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    QSignalSpy changedOnDisk(m_window.get(), &MainWindow::fileChangedOnDisk);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_S));
    QVERIFY(saved.wait(60000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QVERIFY(!m_window->isWindowModified());
    QTest::qWait(300); // a watcher's notice would come now
    QCOMPARE(changedOnDisk.count(), 0);
    const auto reopened = test::openDocument(copy);
    QVERIFY(reopened);
    QCOMPARE(reopened->format(), CheckpointFormat::TorchScript);
    QVERIFY(!reopened->requiresGrad(reopened->findTensor(QStringLiteral("fc.weight"))));
    QVERIFY(reopened->requiresGrad(reopened->findTensor(QStringLiteral("fc.bias"))));

    // Save As of the whole model: the new file is the one open.
    clickCheck(tableView(), tableIndex(QStringLiteral("fc.bias"), ParameterTableModel::RequiresGradColumn));
    const QString other = m_dir.filePath(QStringLiteral("saved-as.pt"));
    answerSaveAs(other, false, QString());
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QVERIFY(saved.wait(60000));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("saved-as.pt")),
             qPrintable(m_window->windowTitle()));
    QCOMPARE(m_window->document()->filePath(), QFileInfo(other).absoluteFilePath());

    // A training checkpoint cannot be written back as weights without its optimizer: Save asks Save As.
    const QString folder = trainingCheckpoints();
    QVERIFY(!folder.isEmpty());
    QVERIFY(openAndWait(QDir(folder).filePath(QStringLiteral("cnn-train.pt"))));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("saveAction"))->isEnabled());
    m_window->activateWindow(); // the closed dialog gave the activation back to no window
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    bool dialogShown = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SaveAsDialog *>(QApplication::activeModalWidget());
        dialogShown = dialog != nullptr;
        if (dialog)
            dialog->reject();
    });
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_S));
    QVERIFY2(dialogShown, qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Save As: ")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

// Help > Keyboard Shortcuts lists what the menus bind, read from them.
// Help > Quick Start names the three jobs with their keys; the toolbar has icons where the platform
// has no icon theme (offscreen has none: these are the shipped ones); folding repeated blocks keeps the
// rows the user had opened.
void TestGui::quickStartIconsAndFoldKeepWhatTheUserHad()
{
    m_window->findChild<QAction *>(QStringLiteral("quickStartAction"))->trigger();
    auto *quickStart = m_window->findChild<QDialog *>(QStringLiteral("quickStartDialog"));
    QVERIFY(quickStart);
    const QString page =
        quickStart->findChild<QTextBrowser *>(QStringLiteral("quickStartPage"))->toPlainText();
    quickStart->close();
    for (const char *words : {"Look inside a checkpoint", "Freeze layers", "Export a checkpoint", "Ctrl+S",
                              "Ctrl+Shift+S", "Ctrl+O", "model.layers.{0..23}.*"})
        QVERIFY2(page.contains(QLatin1String(words)), qPrintable(page));

    const QToolBar *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    for (const QAction *action : toolBar->actions()) {
        if (!action->isSeparator())
            QVERIFY2(!action->icon().isNull() && !action->icon().pixmap(24, 24).isNull(),
                     qPrintable(action->text()));
    }

    const QModelIndex layer1 = treeIndex(QStringLiteral("layer1"));
    treeView()->expand(layer1);
    auto *fold = m_window->findChild<QCheckBox *>(QStringLiteral("foldBlocksCheck"));
    QTest::mouseClick(fold, Qt::LeftButton, Qt::NoModifier, QPoint(8, fold->height() / 2));
    QVERIFY(fold->isChecked());
    QVERIFY(treeView()->isExpanded(treeIndex(QString())));
    QVERIFY(treeView()->isExpanded(treeIndex(QStringLiteral("layer1"))));
    QTest::mouseClick(fold, Qt::LeftButton, Qt::NoModifier, QPoint(8, fold->height() / 2));
    QVERIFY(treeView()->isExpanded(treeIndex(QStringLiteral("layer1"))));
    QVERIFY(!treeView()->isExpanded(treeIndex(QStringLiteral("layer2"))));
}

void TestGui::keyboardShortcutsListTheMenusKeys()
{
    m_window->findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog && QTest::qWaitForWindowExposed(dialog));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    QHash<QString, QString> keys;
    for (int row = 0; row < table->rowCount(); ++row)
        keys.insert(table->item(row, 1)->text(), table->item(row, 2)->text());
    QCOMPARE(keys.value(QStringLiteral("Save")),
             QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText));
    QVERIFY2(keys.value(QStringLiteral("Save As"))
                 .contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S).toString(QKeySequence::NativeText)),
             qPrintable(keys.value(QStringLiteral("Save As"))));
    QCOMPARE(keys.value(QStringLiteral("Model Report")),
             QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
    saveScreenshot(dialog, QStringLiteral("shortcuts.png"));
    dialog->close();
}

// Open, Compare With and Load Weights offer the one list of checkpoint names (Load Weights once left
// out .ckpt), and it holds every name a checkpoint is saved under.
void TestGui::everyOpenDialogOffersEveryCheckpointName()
{
    QVERIFY(m_window->document());
    for (const char *action : {"openAction", "compareWithAction", "loadWeightsAction"}) {
        FileDialog::setNextFileName(QString()); // the user cancels
        m_window->findChild<QAction *>(QLatin1String(action))->trigger();
        QCOMPARE(FileDialog::lastFilter(), FileDialog::checkpointFilter());
    }
    for (const char *pattern :
         {"*.pt", "*.pth", "*.bin", "*.ckpt", "*.safetensors", "*.json", "*.tar", "*.pkl"})
        QVERIFY2(FileDialog::checkpointFilter().contains(QLatin1String(pattern)), pattern);
    QVERIFY(FileDialog::checkpointFilter().endsWith(QLatin1String(";;All files (*)")));
}

// The strip every panel runs long work behind: the job's progress and Cancel while it runs; Cancel stops
// the work (through its Progress) and says so.
void TestGui::statusStripShowsAndCancelsAJob()
{
    JobStatusStrip strip;
    strip.show();
    std::atomic<bool> stopped{false};
    auto *job = ResultJob<int>::start(&strip, [&stopped](const Progress &progress, int *, QString *) {
        while (!progress.isCanceled()) {
            progress.set(1, 2);
            QThread::msleep(5);
        }
        stopped = true;
        return false;
    });
    QSignalSpy finished(job, &Job::finished);
    bool endedCanceled = false; // the job deletes itself after finished(): asked then, not after
    connect(job, &Job::finished, this, [job, &endedCanceled] { endedCanceled = job->wasCanceled(); });
    strip.track(job, QStringLiteral("Working"), QStringLiteral("Stopped"));
    QCOMPARE(strip.message(), QStringLiteral("Working"));
    auto *cancel = strip.findChild<QToolButton *>(QStringLiteral("cancelJob"));
    auto *bar = strip.findChild<QProgressBar *>();
    QVERIFY(cancel && bar);
    QVERIFY(cancel->isVisible() && bar->isVisible());
    QTRY_COMPARE(bar->value(), 500);
    QVERIFY(strip.isTracking());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(strip.message(), QStringLiteral("Stopped"));
    QVERIFY(!cancel->isVisible() && !bar->isVisible());
    QTRY_VERIFY(stopped.load());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(endedCanceled);
    QVERIFY(!strip.isTracking());
}

void TestGui::openFailureSaysWhy()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.pt"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("PK\x03\x04 but nothing else");
    file.close();
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    m_window->openFile(bad);
    QVERIFY(failed.wait(30000));
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("zip")), qPrintable(reason));
    QVERIFY(!reason.contains(QLatin1Char('\n')));
    QCOMPARE(MessageBox::lastText(), reason);
    // The document that was open stays open.
    QVERIFY(m_window->document());
}

void TestGui::droppingAFileOpensIt()
{
    const QString weights = saveWeightsOnly(QStringLiteral("dropped.pt"));
    QVERIFY(!weights.isEmpty());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(weights)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(m_window->document()->filePath(), weights);
    QCOMPARE(m_window->document()->format(), CheckpointFormat::StateDict);
}

// A weights-only file keeps no flags, but freezing works on it as on an entire model, as a plan said to
// be one: the same checks, menus and undo, from every parameter trainable; the plan exported as JSON is
// what the checkboxes show, and Ctrl+S writes it beside the file after saying so.
void TestGui::weightsOnlyFileFreezesAsAPlan()
{
    const QString weights = saveWeightsOnly(QStringLiteral("weights.pt"));
    QVERIFY(!weights.isEmpty());
    QVERIFY(openAndWait(weights));
    CheckpointDocument *document = m_window->document();
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("stores no requires_grad flags")) &&
                 banner->text().contains(QStringLiteral("freeze plan")),
             qPrintable(banner->text()));
    QCOMPARE(treeIndex(QString()).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::KindColumn).data().toString(),
             QStringLiteral("tensor"));
    // A check and nothing else where the plan has a flag; buffers say what they are.
    QVERIFY(
        !tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::RequiresGradColumn).data().isValid());
    QCOMPARE(tableIndex(QStringLiteral("sequential.1.running_mean"), ParameterTableModel::RequiresGradColumn)
                 .data()
                 .toString(),
             QStringLiteral("buffer"));
    // A click on a tree check, the context menu, and undo, as on an entire model.
    clickCheck(treeView(), treeIndex(QStringLiteral("sequential")));
    tableView()->selectRow(tableIndex(QStringLiteral("fc.bias"), ParameterTableModel::NameColumn).row());
    TORCHSCOPE_HELPER(chooseFromContextMenu(
        tableView(), tableIndex(QStringLiteral("fc.bias"), ParameterTableModel::NameColumn),
        QStringLiteral("Freeze fc.bias")));
    QCOMPARE(document->undoStack()->count(), 2);
    QVERIFY(m_window->isWindowModified());
    const QString totals = m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))->text();
    QVERIFY2(totals.contains(QStringLiteral("a plan, not in the file")), qPrintable(totals));
    QTest::qWait(50); // the status bar lays out the new totals
    saveScreenshot(m_window.get(), QStringLiteral("weights-only-plan.png"));
    // Freeze Blocks works on the plan too.
    answerNextDialog<FreezeBlocksDialog>([](FreezeBlocksDialog *dialog) { dialog->reject(); });
    m_window->findChild<QAction *>(QStringLiteral("freezeBlocksAction"))->trigger();

    // The plan as JSON equals the checkboxes.
    const QString planPath = m_dir.filePath(QStringLiteral("exported.freeze.json"));
    FileDialog::setNextFileName(planPath);
    m_window->findChild<QAction *>(QStringLiteral("exportFreezePlanAction"))->trigger();
    QFile planFile(planPath);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(planFile.readAll())
                                 .object()
                                 .value(QStringLiteral("requires_grad"))
                                 .toObject();
    int checked = 0;
    QAbstractItemModel *table = tableView()->model();
    for (int row = 0; row < table->rowCount(); ++row) {
        const QVariant check =
            table->index(row, ParameterTableModel::RequiresGradColumn).data(Qt::CheckStateRole);
        if (!check.isValid())
            continue;
        const QString name = table->index(row, ParameterTableModel::NameColumn).data().toString();
        QVERIFY2(plan.contains(name), qPrintable(name));
        QCOMPARE(plan.value(name).toBool(), check.toInt() == Qt::Checked);
        ++checked;
    }
    QCOMPARE(checked, plan.size());
    QCOMPARE(plan.value(QStringLiteral("fc.bias")).toBool(true), false);
    QCOMPARE(plan.value(QStringLiteral("fc.weight")).toBool(false), true);
    QCOMPARE(plan.value(QStringLiteral("sequential.0.weight")).toBool(true), false);

    // Ctrl+S: asked first (the file cannot keep the flags), then the plan goes beside the file.
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    MessageBox::setNextAnswer(QMessageBox::Save);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait(60000) || saved.count() > 0);
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("cannot keep requires_grad flags")),
             qPrintable(MessageBox::lastText()));
    QFile beside(FreezePlan::pathBeside(weights));
    QVERIFY(beside.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(beside.readAll()).object().value(QStringLiteral("requires_grad")).toObject(),
        plan);
    QVERIFY(!m_window->isWindowModified());
    // Undo goes on working on the plan.
    document->undoStack()->undo();
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("fc.bias"))));
}

// Quantized tensors show their quantizer in the dtype column, whole at the default width (it was cut to
// "qint8 (scale…ero point 3)", seen in a screenshot), with the whole text in the tooltip.
void TestGui::quantizedTensorsShowTheirQuantizer()
{
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("quantized"), m_dir.filePath(QStringLiteral("quantized"))},
                           &output) == 0,
             qPrintable(output));
    QVERIFY(openAndWait(m_dir.filePath(QStringLiteral("quantized/quantized.pt"))));
    const QModelIndex perTensor =
        tableIndex(QStringLiteral("per_tensor_qint32"), ParameterTableModel::DTypeColumn);
    QCOMPARE(perTensor.data().toString(), QStringLiteral("qint32 (scale 0.001, zero point -7)"));
    QCOMPARE(
        tableIndex(QStringLiteral("per_channel_axis1"), ParameterTableModel::DTypeColumn).data().toString(),
        QStringLiteral("qint8 (per channel, axis 1, 6 scales)"));
    // The widest dtype text fits with the cell's margins (a few pixels a side) to spare.
    const int margins = 2 * (tableView()->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
    QVERIFY2(tableView()->fontMetrics().horizontalAdvance(perTensor.data().toString()) + margins <=
                 tableView()->columnWidth(ParameterTableModel::DTypeColumn),
             "the quantized dtypes are cut short");
    QCOMPARE(perTensor.data(Qt::ToolTipRole).toString(), perTensor.data().toString());
}

// A Llama-2-7B layout (13.5 GB of bfloat16, sparse on disk): opening reads no tensor page, the
// histogram waits and says what it would read, counts read compactly with the exact number in a
// tooltip, and names that do not fit elide in the middle with the whole name in a tooltip.
void TestGui::largeModelOpensWithoutReadingIt()
{
    const QString path = m_dir.filePath(QStringLiteral("llama-7b.safetensors"));
    const qint64 headerEnd = test::writeSparseSafetensors(path, test::llamaLayout());
    QVERIFY(headerEnd > 0);
    QCOMPARE(QFileInfo(path).size() - headerEnd, qint64(6738415616) * 2);
    // From the first page the header does not share.
    const qint64 dataOffset = (headerEnd + 4095) / 4096 * 4096;
    const qint64 dataSize = QFileInfo(path).size() - dataOffset;
    QCOMPARE(test::residentPages(path, dataOffset, dataSize), qint64(0));

    QVERIFY(openAndWait(path));
    QTest::qWait(200); // what the selection starts would have started by now
    HistogramPanel *panel = histogramPanel();
    QVERIFY(!panel->isComputing());
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("computeButton"))->isVisible());
    const QString message = panel->findChild<QLabel *>(QStringLiteral("histogramMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("6.74 B values")) &&
                 message.contains(QStringLiteral("12.6 GiB")),
             qPrintable(message));
    QCOMPARE(test::residentPages(path, dataOffset, dataSize), qint64(0));

    // Blocks in the order ModuleList counts them, although the header lists them as strings.
    const CheckpointDocument *document = m_window->document();
    const auto at = [document](int block) {
        return document->findTensor(QStringLiteral("model.layers.%1.input_layernorm.weight").arg(block));
    };
    QVERIFY(at(1) < at(2) && at(2) < at(9) && at(9) < at(10) && at(19) < at(20));
    QCOMPARE(at(10) - at(9), 9);
    const QModelIndex layers = treeIndex(QStringLiteral("model.layers"));
    QCOMPARE(treeView()->model()->index(10, 0, layers).data().toString(), QStringLiteral("10"));

    const QModelIndex rootCount = treeView()->model()->index(0, ModuleTreeModel::ParametersColumn);
    QCOMPARE(rootCount.data().toString(), QStringLiteral("6.74 B"));
    QVERIFY(rootCount.data(Qt::ToolTipRole).toString().contains(QStringLiteral("6,738,415,616 parameters")));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))
                ->text()
                .contains(QStringLiteral("6,738,415,616")));

    // At the default width the longest names do not fit: the middle gives way, the tooltip has it all.
    QCOMPARE(tableView()->textElideMode(), Qt::ElideMiddle);
    QVERIFY(!tableView()->wordWrap()); // wrapping broke names at their dots and showed only "model.layers."
    const QString longName = QStringLiteral("model.layers.17.post_attention_layernorm.weight");
    const QModelIndex cell = tableIndex(longName, ParameterTableModel::NameColumn);
    QVERIFY(cell.isValid());
    QVERIFY(tableView()->fontMetrics().horizontalAdvance(longName) > tableView()->columnWidth(0));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), longName);
    const QModelIndex numel = tableIndex(QStringLiteral("lm_head.weight"), ParameterTableModel::NumelColumn);
    QCOMPARE(numel.data().toString(), QStringLiteral("131.1 M"));
    QCOMPARE(numel.data(Qt::ToolTipRole).toString(), QStringLiteral("131,072,000 elements"));

    // Names relative to the selected block fit.
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("model.layers.17")));
    QVERIFY(tableIndex(QStringLiteral("post_attention_layernorm.weight"), 0).isValid());
    QCOMPARE(tableView()->model()->rowCount(), 9);
}

// A selection beyond the long-read bound waits for Compute; computing it then reads every value and
// gives the pages back as it goes, so the page cache holds (almost) none of them afterwards.
void TestGui::longReadsWaitForComputeAndGiveBackPages()
{
    const QString path = m_dir.filePath(QStringLiteral("llama-2-blocks.safetensors"));
    const qint64 dataOffset = test::writeSparseSafetensors(path, test::llamaLayout(2));
    const qint64 dataSize = QFileInfo(path).size() - dataOffset;
    QVERIFY(openAndWait(path));
    HistogramPanel *panel = histogramPanel();
    auto *compute = panel->findChild<QPushButton *>(QStringLiteral("computeButton"));
    QTRY_VERIFY(compute->isVisible());
    QVERIFY(!panel->isComputing());
    QSignalSpy shown(panel, &HistogramPanel::histogramShown);
    QTest::mouseClick(compute, Qt::LeftButton);
    QVERIFY(panel->isComputing());
    QVERIFY(shown.wait(120000));
    QVERIFY(!compute->isVisible());
    // The model's weight matrices (its norms' vectors are left out of the pool).
    qint64 values = 0;
    for (int i : m_window->document()->pooledTensors(m_window->document()->root()))
        values += m_window->document()->tensor(i).numel();
    QVERIFY(values > HistogramPanel::kLongReadValues);
    HistogramPlot *plot = panel->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"));
    qint64 counted = 0;
    for (auto it = plot->bars()->data()->begin(); it != plot->bars()->data()->end(); ++it)
        counted += qint64(it->value);
    QCOMPARE(counted, values);
    const qint64 pages = dataSize / 4096;
    const qint64 resident = test::residentPages(path, dataOffset, dataSize);
    QVERIFY2(resident >= 0 && resident < pages / 20,
             qPrintable(QStringLiteral("%1 of %2 pages").arg(resident).arg(pages)));
}

// A plain pickle that would run posix.system opens as a tree of what it holds, under a banner that
// says it is no checkpoint and names the call.
void TestGui::barePickleShowsWhatItWouldRun()
{
    const QString path = writeFile(QStringLiteral("payload.pkl"),
                                   "(lp0\nI7\nacposix\nsystem\n(S'cat ~/.aws/credentials'\ntRa.");
    QVERIFY(openAndWait(path));
    const QString banner = m_window->findChild<QLabel *>(QStringLiteral("banner"))->text();
    QVERIFY2(banner.contains(QStringLiteral("A plain pickle, not a PyTorch checkpoint")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("would call posix.system on load; refused")), qPrintable(banner));
    const QModelIndex call = treeIndex(QStringLiteral("1"));
    QCOMPARE(call.siblingAtColumn(ModuleTreeModel::TypeColumn).data().toString(),
             QStringLiteral("refused call: posix.system"));
}

// File > Open Folder on a Hugging Face model folder: its checkpoint opens, and config.json labels
// the root and fills the header; where the config and the blocks disagree, the banner says so.
void TestGui::openFolderReadsConfig()
{
    const QString folder = m_dir.filePath(QStringLiteral("tiny-llama"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(test::writeSparseSafetensors(folder + QStringLiteral("/model.safetensors"),
                                         test::llamaLayout(3, 64, 128, 100)) > 0);
    QFile config(folder + QStringLiteral("/config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64,
                     "num_hidden_layers": 4, "num_attention_heads": 8, "vocab_size": 100,
                     "torch_dtype": "bfloat16"})");
    config.close();
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    FileDialog::setNextFileName(folder);
    m_window->findChild<QAction *>(QStringLiteral("openFolderAction"))->trigger();
    QVERIFY(loaded.wait(30000));
    auto *header = m_window->findChild<QLabel *>(QStringLiteral("modelHeader"));
    QVERIFY(header->isVisible());
    for (const QString &fact :
         {QStringLiteral("LlamaForCausalLM"), QStringLiteral("hidden size 64"), QStringLiteral("4 layers"),
          QStringLiteral("8 attention heads"), QStringLiteral("vocabulary 100"), QStringLiteral("bfloat16")})
        QVERIFY2(header->text().contains(fact), qPrintable(header->text()));
    QCOMPARE(treeView()->model()->index(0, ModuleTreeModel::TypeColumn).data().toString(),
             QStringLiteral("LlamaForCausalLM"));
    const QString banner = m_window->findChild<QLabel *>(QStringLiteral("banner"))->text();
    QVERIFY2(banner.contains(
                 QStringLiteral("config.json says 4 hidden layers, but the checkpoint holds 3 blocks in "
                                "model.layers")),
             qPrintable(banner));
    // The folder is what was opened: the title and the recent files name it, not the file inside.
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("tiny-llama")),
             qPrintable(m_window->windowTitle()));
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), folder);

    // The README's pattern, on the folder layout it was written for: a plan, typed and applied with
    // Enter, over blocks 0 and 1 only.
    CheckpointDocument *document = m_window->document();
    const QString summary = freezeByPatternWithEnter(QStringLiteral("model.layers.{0..1}.*"), false);
    QVERIFY2(summary.contains(QStringLiteral("Matching parameters: 18")) &&
                 summary.contains(QStringLiteral("flags that would change: 18")),
             qPrintable(summary));
    int frozen = 0;
    for (int i = 0; i < document->tensorCount(); ++i) {
        const QString &name = document->tensor(i).name;
        const bool inBlocks = name.startsWith(QLatin1String("model.layers.0.")) ||
                              name.startsWith(QLatin1String("model.layers.1."));
        QCOMPARE(document->requiresGrad(i), !inBlocks);
        frozen += inBlocks ? 1 : 0;
    }
    QCOMPARE(frozen, 18);
}

// A whole Llama-layout model saved by PyTorch: its twelve decoder blocks fold into one row, and
// Freeze Blocks from the context menu freezes the first eight, previewed, as one undoable edit.
void TestGui::foldedBlocksAndFreezeBlocksDialog()
{
    const QString path = m_dir.filePath(QStringLiteral("language_model.pt"));
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("language-model"), path}, &output) == 0, qPrintable(output));
    QVERIFY(openAndWait(path));
    CheckpointDocument *document = m_window->document();

    // Expanding widens the name column to the deeper rows (it was cut to "l…s" in a screenshot).
    treeView()->expand(treeIndex(QStringLiteral("model")));
    const QRect embed = treeView()->visualRect(treeIndex(QStringLiteral("model.embed_tokens")));
    const int check = treeView()->style()->pixelMetric(QStyle::PM_IndicatorWidth);
    QVERIFY(embed.width() >
            treeView()->fontMetrics().horizontalAdvance(QStringLiteral("embed_tokens")) + check);

    auto *fold = m_window->findChild<QCheckBox *>(QStringLiteral("foldBlocksCheck"));
    QTest::mouseClick(fold, Qt::LeftButton, Qt::NoModifier, QPoint(8, fold->height() / 2));
    QVERIFY(fold->isChecked());
    const QModelIndex layers = treeIndex(QStringLiteral("model.layers"));
    QCOMPARE(treeView()->model()->rowCount(layers), 1);
    QCOMPARE(treeView()->model()->index(0, 0, layers).data().toString(),
             QStringLiteral("0–11: 12 identical blocks"));

    // The dialog opens from the menu's event loop: answer it once it is up.
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&poll] {
        auto *dialog = qobject_cast<FreezeBlocksDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        auto closeOnFailure = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        auto *first = dialog->findChild<QSpinBox *>(QStringLiteral("firstCountSpin"));
        first->setValue(8);
        const QString preview = dialog->findChild<QLabel *>(QStringLiteral("blocksPreview"))->text();
        // Eight blocks of 4 * 64 + 3 * 128 + 2 * 16 = 672 parameters each.
        QVERIFY2(preview.contains(
                     QStringLiteral("model.layers.0–7 (8 of 12 blocks): 5,376 parameters in 88 tensors")),
                 qPrintable(preview));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    poll.start();
    TORCHSCOPE_HELPER(chooseFromContextMenu(treeView(), treeIndex(QStringLiteral("model.layers")),
                                            QStringLiteral("Freeze Blocks of model.layers…")));
    for (int i = 0; i < document->tensorCount(); ++i) {
        const QString name = document->tensor(i).name;
        bool inLowerBlocks = false;
        for (int block = 0; block < 8; ++block)
            inLowerBlocks |= name.startsWith(QStringLiteral("model.layers.%1.").arg(block));
        if (document->isEditable(i))
            QVERIFY2(document->requiresGrad(i) != inLowerBlocks, qPrintable(name));
    }
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->text(0), QStringLiteral("Freeze blocks model.layers.0–7"));
    // The folded row shows some of its blocks frozen.
    QCOMPARE(treeView()
                 ->model()
                 ->index(0, 0, treeIndex(QStringLiteral("model.layers")))
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::PartiallyChecked));
    document->undoStack()->undo();
    QCOMPARE(document->totals().frozen(), qint64(0));
}

void TestGui::histogramFollowsSelection()
{
    HistogramPanel *panel = histogramPanel();
    QSignalSpy shown(panel, &HistogramPanel::histogramShown);
    // Click the fc.weight row: the panel draws that tensor, off the UI thread.
    const QModelIndex cell = tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::NameColumn);
    tableView()->scrollTo(cell);
    QTest::mouseClick(tableView()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      tableView()->visualRect(cell).center());
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    const TensorInfo &fc =
        m_window->document()->tensor(m_window->document()->findTensor(QStringLiteral("fc.weight")));
    const HistogramResult expected = HistogramKernel::compute({&fc}, HistogramRequest());
    HistogramPlot *plot = panel->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"));
    QCOMPARE(plot->bars()->dataCount(), int(expected.counts.size()));
    for (int i = 0; i < expected.counts.size(); ++i)
        QCOMPARE(qint64((plot->bars()->data()->begin() + i)->value), expected.counts[i]);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("statisticsLabel"))
                ->text()
                .contains(QStringLiteral("fc.weight")));

    // Fewer bins through the spin box; then back, which comes from the cache at once.
    auto *bins = panel->findChild<QSpinBox *>(QStringLiteral("binsSpin"));
    shown.clear();
    bins->setValue(5);
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    QCOMPARE(plot->bars()->dataCount(), 5);
    const int cached = panel->cachedResults();
    shown.clear();
    bins->setValue(0);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(panel->cachedResults(), cached);

    // Selecting a module pools its weight matrices and kernels (not BatchNorm's weights of 1, which
    // would stretch the range); "Every parameter" pools them all.
    const auto barsTotal = [plot] {
        qint64 total = 0;
        for (auto it = plot->bars()->data()->begin(); it != plot->bars()->data()->end(); ++it)
            total += qint64(it->value);
        return total;
    };
    CheckpointDocument *document = m_window->document();
    const ModuleNode *layer1 = document->findModule(QStringLiteral("layer1"));
    qint64 matrices = 0;
    for (int i : document->tensorsInSubtree(layer1))
        matrices += document->isParameter(i) && document->tensor(i).shape.size() >= 2
                        ? document->tensor(i).numel()
                        : 0;
    QVERIFY(matrices > 0 && matrices < layer1->parameterCount());
    shown.clear();
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("layer1")));
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    QCOMPARE(barsTotal(), matrices);
    auto *every = panel->findChild<QCheckBox *>(QStringLiteral("everyParameterCheck"));
    QVERIFY(every->isVisible());
    shown.clear();
    QTest::mouseClick(every, Qt::LeftButton, Qt::NoModifier, QPoint(8, every->height() / 2));
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    QCOMPARE(barsTotal(), layer1->parameterCount());
    QTest::mouseClick(every, Qt::LeftButton, Qt::NoModifier, QPoint(8, every->height() / 2));
    // A single tensor has nothing to choose.
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("fc")));
    clickTensorAndTab(QStringLiteral("weight"), 0);
    QVERIFY(!every->isVisible());
}

void TestGui::histogramLogToggleAndExport()
{
    HistogramPanel *panel = histogramPanel();
    QSignalSpy shown(panel, &HistogramPanel::histogramShown);
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("fc")));
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    auto *log = panel->findChild<QCheckBox *>(QStringLiteral("logCountsCheck"));
    QCOMPARE(panel->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"))->yAxis->scaleType(),
             QCPAxis::stLinear);
    QTest::mouseClick(log, Qt::LeftButton, Qt::NoModifier, QPoint(8, log->height() / 2));
    QCOMPARE(panel->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"))->yAxis->scaleType(),
             QCPAxis::stLogarithmic);

    const QList<QPair<QString, QByteArray>> formats{{QStringLiteral("png"), QByteArray("\x89PNG")},
                                                    {QStringLiteral("pdf"), QByteArray("%PDF")},
                                                    {QStringLiteral("svg"), QByteArray("<?xml")}};
    for (const auto &[suffix, magic] : formats) {
        const QString path = m_dir.filePath(QStringLiteral("histogram.") + suffix);
        FileDialog::setNextFileName(path);
        QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.startsWith(magic), qPrintable(suffix));
        if (suffix == QLatin1String("png"))
            QVERIFY(!QImage::fromData(bytes).isNull());
        if (suffix == QLatin1String("svg"))
            QVERIFY(bytes.contains("<svg"));
    }
}

void TestGui::newSelectionCancelsTheRunningHistogram()
{
    // A big tensor of its own document, so the first job is still running when the second starts.
    CheckpointContent content;
    content.format = CheckpointFormat::StateDict;
    content.tensors.push_back(test::makeTensor(QStringLiteral("big"), TensorKind::Tensor, {20'000'000}));
    content.tensors.push_back(test::makeTensor(QStringLiteral("small"), TensorKind::Tensor, {3}));
    CheckpointDocument document(std::move(content));
    HistogramPanel panel;
    panel.setDocument(&document);
    QSignalSpy shown(&panel, &HistogramPanel::histogramShown);
    panel.showTensors({0}, QStringLiteral("big"));
    QVERIFY(panel.isComputing());
    panel.showTensors({1}, QStringLiteral("small"));
    QVERIFY(shown.wait(30000));
    QTest::qWait(200); // a stale result for "big" must not arrive after this
    QCOMPARE(shown.count(), 1);
    QVERIFY(!panel.isComputing());
    QCOMPARE(panel.findChild<HistogramPlot *>(QStringLiteral("histogramPlot"))->histogram().stats.count,
             qint64(3));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("statisticsLabel"))
                ->text()
                .contains(QStringLiteral("small")));
    panel.setDocument(nullptr);
}

void TestGui::overlayComparesOnTheSameBins()
{
    HistogramPanel *panel = histogramPanel();
    QSignalSpy shown(panel, &HistogramPanel::histogramShown);
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("layer2.0")));
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    auto *overlay = panel->findChild<QComboBox *>(QStringLiteral("overlayCombo"));
    const int choice = overlay->findText(QStringLiteral("layer1.0.weight"));
    QVERIFY(choice > 0);
    shown.clear();
    overlay->setCurrentIndex(choice);
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    HistogramPlot *plot = panel->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"));
    QVERIFY(plot->overlayBars()->visible());
    QVERIFY(plot->legend->visible());
    QCOMPARE(plot->overlayBars()->dataCount(), plot->bars()->dataCount());
    // Values of layer1.0.weight that fall inside layer2.0's range, on layer2.0's bins.
    const TensorInfo &other =
        m_window->document()->tensor(m_window->document()->findTensor(QStringLiteral("layer1.0.weight")));
    const QVector<qint64> expected = HistogramKernel::counts({&other}, plot->histogram().edges);
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(qint64((plot->overlayBars()->data()->begin() + i)->value), expected[i]);
    overlay->setCurrentIndex(0);
    QVERIFY(!plot->overlayBars()->visible());
}

// Opens the context menu at `index` of `view` and clicks the entry starting with `text`.
static void chooseFromContextMenu(QAbstractItemView *view, const QModelIndex &index, const QString &text)
{
    view->scrollTo(index);
    const QPoint position = view->visualRect(index).center();
    bool clicked = false;
    QTimer::singleShot(0, view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->text().startsWith(text)) {
                QTest::mouseClick(menu, Qt::LeftButton, Qt::NoModifier,
                                  menu->actionGeometry(action).center());
                clicked = true;
                return;
            }
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, position, view->viewport()->mapToGlobal(position));
    QApplication::sendEvent(view->viewport(), &event);
    QVERIFY2(clicked, qPrintable(text));
}

void TestGui::treeContextMenuFreezesAllExcept()
{
    CheckpointDocument *document = m_window->document();
    TORCHSCOPE_HELPER(chooseFromContextMenu(treeView(), treeIndex(QStringLiteral("fc")),
                                            QStringLiteral("Freeze All Except fc")));
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            QCOMPARE(document->requiresGrad(i), document->tensor(i).name.startsWith(QLatin1String("fc.")));
    }
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(treeIndex(QString()).data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    // Ctrl+Z and Ctrl+Shift+Z, pressed on the active window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(treeView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(document->totals().trainable, document->totals().parameters);
    QTest::keyClick(treeView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(document->totals().trainable, qint64(15690));
}

void TestGui::freezeEveryTypeFromTheMenu()
{
    CheckpointDocument *document = m_window->document();
    TORCHSCOPE_HELPER(chooseFromContextMenu(treeView(), treeIndex(QStringLiteral("layer1.1")),
                                            QStringLiteral("Freeze Every BatchNorm2d")));
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            QCOMPARE(document->requiresGrad(i),
                     document->moduleOfTensor(i)->shortTypeName() != QLatin1String("BatchNorm2d"));
    }
    QCOMPARE(document->undoStack()->count(), 1);
}

void TestGui::tableContextMenuAndMultiRowToggles()
{
    CheckpointDocument *document = m_window->document();
    ParameterTableView *table = tableView();
    // Select fc.weight and fc.bias, then click one checkbox: both change, in one step.
    const QModelIndex weight = tableIndex(QStringLiteral("fc.weight"), ParameterTableModel::NameColumn);
    const QModelIndex bias = tableIndex(QStringLiteral("fc.bias"), ParameterTableModel::NameColumn);
    table->selectionModel()->select(weight, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(bias, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QModelIndex box = weight.sibling(weight.row(), ParameterTableModel::RequiresGradColumn);
    table->scrollTo(box);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->checkRect(box).center());
    QVERIFY(!document->requiresGrad(document->findTensor(QStringLiteral("fc.weight"))));
    QVERIFY(!document->requiresGrad(document->findTensor(QStringLiteral("fc.bias"))));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    // Space toggles them back.
    table->setCurrentIndex(bias);
    table->selectionModel()->select(weight, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("fc.weight"))));
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("fc.bias"))));
    QCOMPARE(document->undoStack()->count(), 2);
    // The context menu works on the same selection.
    TORCHSCOPE_HELPER(chooseFromContextMenu(table, weight, QStringLiteral("Freeze All Except 2 Selected")));
    QCOMPARE(document->totals().trainable, qint64(15690));
}

void TestGui::freezeByPatternDialogPreviewsAndApplies()
{
    CheckpointDocument *document = m_window->document();
    QString summary;
    int previewRows = -1;
    bool applyEnabledForBadRegex = true;
    answerNextDialog<FreezePatternDialog>([&](FreezePatternDialog *dialog) {
        auto *syntax = dialog->findChild<QComboBox *>(QStringLiteral("syntaxCombo"));
        auto *pattern = dialog->findChild<QLineEdit *>(QStringLiteral("patternEdit"));
        QPushButton *apply = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
        syntax->setCurrentIndex(1);
        QTest::keyClicks(pattern, QStringLiteral("layer[12"));
        applyEnabledForBadRegex = apply->isEnabled();
        pattern->clear();
        QTest::keyClicks(pattern, QStringLiteral("layer[12]\\.\\d\\.weight"));
        summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        previewRows = dialog->findChild<QListView *>(QStringLiteral("previewList"))->model()->rowCount();
        QTest::mouseClick(apply, Qt::LeftButton);
    });
    m_window->findChild<QAction *>(QStringLiteral("freezeByPatternAction"))->trigger();
    QVERIFY(!applyEnabledForBadRegex);
    QCOMPARE(previewRows, 4); // layer1.0, layer1.1, layer2.0, layer2.1 weights
    QVERIFY2(summary.contains(QStringLiteral("Matching parameters: 4 · elements: %1")
                                  .arg(QLocale().toString(3200 + 16 + 12800 + 32))),
             qPrintable(summary));
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(!document->requiresGrad(document->findTensor(QStringLiteral("layer2.0.weight"))));
    QVERIFY(document->requiresGrad(document->findTensor(QStringLiteral("layer2.0.bias"))));
}

// Enter in the pattern field applies what the preview shows (it used to cancel: Apply started disabled,
// so Cancel was the default button); "all except the matches" freezes everything else.
void TestGui::enterInFreezeByPatternApplies()
{
    CheckpointDocument *document = m_window->document();
    const QString summary = freezeByPatternWithEnter(QStringLiteral("fc.*"), true);
    // The CNN's 14 parameters: fc's two match, the other 12 change.
    QVERIFY2(summary.contains(QStringLiteral("Matching: 2 · applying to the other 12 parameters")) &&
                 summary.contains(QStringLiteral("flags that would change: 12")),
             qPrintable(summary));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->undoStack()->text(0), QStringLiteral("Freeze all except \u201cfc.*\u201d"));
    for (int i = 0; i < document->tensorCount(); ++i) {
        if (document->isEditable(i))
            QCOMPARE(document->requiresGrad(i), document->tensor(i).name.startsWith(QStringLiteral("fc.")));
    }
}

// Enter in every dialog does what the dialog is for (never Cancel, even where the accept button starts
// disabled), and Enter in the compare window's fields compares again.
void TestGui::enterDoesWhatEachDialogIsFor()
{
    CheckpointDocument *document = m_window->document();
    const auto pressEnter = [](QDialog *dialog, QDialogButtonBox::StandardButton accept) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons->button(accept)->isDefault());
        QVERIFY(!buttons->button(QDialogButtonBox::Cancel)->autoDefault());
        QWidget *focus = dialog->focusWidget() ? dialog->focusWidget() : dialog;
        QTest::keyClick(focus, Qt::Key_Return);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    };
    {
        FreezePatternDialog dialog(document, m_window.get());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("patternEdit")),
                         QStringLiteral("fc.*"));
        TORCHSCOPE_HELPER(pressEnter(&dialog, QDialogButtonBox::Apply));
    }
    {
        FreezeBlocksDialog dialog(document, document->largestBlockList(), m_window.get());
        TORCHSCOPE_HELPER(pressEnter(&dialog, QDialogButtonBox::Ok));
    }
    {
        WeightsFile weights;
        QString error;
        QVERIFY2(readWeightsFile(m_source, document->tensors(), Progress(), &weights, &error),
                 qPrintable(error));
        LoadWeightsDialog dialog(document, std::move(weights), m_window.get());
        TORCHSCOPE_HELPER(pressEnter(&dialog, QDialogButtonBox::Ok));
    }
    {
        SaveAsDialog dialog(document, m_window.get());
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("pathEdit"))->text().isEmpty());
        TORCHSCOPE_HELPER(pressEnter(&dialog, QDialogButtonBox::Save));
    }
    CompareWindow *compare = compareThroughMenu(m_source);
    QVERIFY(compare);
    QSignalSpy finished(compare, &CompareWindow::comparisonFinished);
    auto *atol = compare->findChild<QLineEdit *>(QStringLiteral("compareAtol"));
    atol->setText(QStringLiteral("0.5"));
    QTest::keyClick(atol, Qt::Key_Return);
    QVERIFY(finished.wait(60000) || finished.count() > 0);
}

void TestGui::filtersNarrowTableAndTree_data()
{
    QTest::addColumn<int>("syntax");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("substring, any case") << 0 << "RUNNING_MEAN" << 3;
    QTest::newRow("glob names whole parameters") << 1 << "layer?.0.*" << 4;
    QTest::newRow("glob anchored") << 1 << "weight" << 0;
    QTest::newRow("regex searches") << 2 << "bias$" << 7;
}

void TestGui::filtersNarrowTableAndTree()
{
    QFETCH(int, syntax);
    QFETCH(QString, text);
    QFETCH(int, rows);
    m_window->findChild<QComboBox *>(QStringLiteral("tableFilterSyntax"))->setCurrentIndex(syntax);
    QTest::keyClicks(m_window->findChild<QLineEdit *>(QStringLiteral("tableFilter")), text);
    QCOMPARE(tableView()->model()->rowCount(), rows);

    QTest::keyClicks(m_window->findChild<QLineEdit *>(QStringLiteral("treeFilter")),
                     QStringLiteral("layer2.1"));
    QVERIFY(treeIndex(QStringLiteral("layer2.1")).isValid());
    QVERIFY(treeIndex(QStringLiteral("layer2")).isValid()); // ancestors stay
    QVERIFY(!treeIndex(QStringLiteral("fc")).isValid());
}

void TestGui::weightsOnlySaveWritesPlanBeside()
{
    CheckpointDocument *document = m_window->document();
    document->setModuleRequiresGrad(document->findModule(QStringLiteral("sequential")), false);
    const QString output = m_dir.filePath(QStringLiteral("planned-weights.pt"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    answerSaveAs(output, true, QString());
    m_window->saveAs();
    QVERIFY(saved.wait(60000));
    QVERIFY(saved.at(0).at(0).toBool());
    QFile plan(m_dir.filePath(QStringLiteral("planned-weights.freeze.json")));
    QVERIFY(plan.open(QIODevice::ReadOnly));
    const QJsonObject flags =
        QJsonDocument::fromJson(plan.readAll()).object().value(QStringLiteral("requires_grad")).toObject();
    QCOMPARE(flags.value(QStringLiteral("sequential.0.weight")).toBool(true), false);
    QCOMPARE(flags.value(QStringLiteral("fc.weight")).toBool(false), true);
}

void TestGui::snippetGoesToClipboard()
{
    m_window->document()->setModuleRequiresGrad(m_window->document()->findModule(QStringLiteral("layer1")),
                                                false);
    m_window->findChild<QAction *>(QStringLiteral("copyFreezePlanAction"))->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.contains(QStringLiteral("\"layer1.\": False")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("for name, param in model.named_parameters():")));
}

QString TestGui::fineTuned()
{
    QString dir = m_dir.filePath(QStringLiteral("finetune"));
    QString output;
    if (!QFile::exists(dir + QStringLiteral("/after_dp.pt")) &&
        test::runPeer({QStringLiteral("finetune"), dir}, &output) != 0)
        qWarning("%s", qPrintable(output));
    return dir;
}

CompareWindow *TestGui::compareThroughMenu(const QString &path)
{
    FileDialog::setNextFileName(path);
    auto *action = m_window->findChild<QAction *>(QStringLiteral("compareWithAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto *window = m_window->findChild<CompareWindow *>(QStringLiteral("compareWindow"));
    if (!window)
        return nullptr;
    QSignalSpy finished(window, &CompareWindow::comparisonFinished);
    QSignalSpy failed(window, &CompareWindow::comparisonFailed);
    if (!finished.wait(60000) && failed.isEmpty())
        return nullptr;
    return window;
}

// Esc closes the report and a comparison; a comparison closes with its document; the toolbar's Undo
// keeps its width whatever the command is called.
void TestGui::escAndTheDocumentCloseItsWindows()
{
    const QString dir = fineTuned();
    QVERIFY(openAndWait(dir + QStringLiteral("/before_model.pt")));
    ReportWindow *report = m_window->showModelReport();
    QVERIFY(report && QTest::qWaitForWindowExposed(report));
    QTest::keyClick(report, Qt::Key_Escape);
    QTRY_VERIFY(!report->isVisible());
    QPointer<CompareWindow> compare = compareThroughMenu(dir + QStringLiteral("/after_model.pt"));
    QVERIFY(compare && QTest::qWaitForWindowExposed(compare.data()));
    QTest::keyClick(compare.data(), Qt::Key_Escape);
    QTRY_VERIFY(compare.isNull());
    compare = compareThroughMenu(dir + QStringLiteral("/after_model.pt"));
    QVERIFY(compare);
    m_window->findChild<QAction *>(QStringLiteral("closeAction"))->trigger();
    QTRY_VERIFY(compare.isNull());

    QVERIFY(openAndWait(m_source));
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    auto *undoButton = qobject_cast<QToolButton *>(
        toolBar->widgetForAction(m_window->findChild<QAction *>(QStringLiteral("undoAction"))));
    QVERIFY(undoButton);
    const int width = undoButton->sizeHint().width();
    CheckpointDocument *document = m_window->document();
    QVERIFY(document->freezeAllExcept(document->findModule(QStringLiteral("fc"))));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("undoAction"))->text().size() >
            6); // "Undo Freeze…"
    QCOMPARE(undoButton->text(), QStringLiteral("Undo"));
    QCOMPARE(undoButton->sizeHint().width(), width);
}

void TestGui::compareWithShowsWhatFineTuningChanged()
{
    const QString dir = fineTuned();
    QVERIFY(openAndWait(dir + QStringLiteral("/before_model.pt")));
    // A's flags as edited, not as read: fc.weight frozen here, trainable in B.
    CheckpointDocument *document = m_window->document();
    QVERIFY(document->setRequiresGrad({document->findTensor(QStringLiteral("fc.weight"))}, false));
    CompareWindow *compare = compareThroughMenu(dir + QStringLiteral("/after_model.pt"));
    QVERIFY(compare);
    const auto cleanup = qScopeGuard([compare] { compare->close(); });
    QVERIFY(QTest::qWaitForWindowExposed(compare));
    auto *summary = compare->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().startsWith(
                 QStringLiteral("23 names: 14 identical, 9 changed, requires_grad differs for 1.")),
             qPrintable(summary->text()));

    // The tree: frozen layer1 identical, layer2 changed, each in its status colour.
    auto *tree = compare->findChild<QTreeView *>(QStringLiteral("diffTree"));
    QAbstractItemModel *treeModel = tree->model();
    const QModelIndex root = treeModel->index(0, 0);
    QModelIndex layer1, layer2;
    for (int row = 0; row < treeModel->rowCount(root); ++row) {
        const QModelIndex child = treeModel->index(row, 0, root);
        if (child.data(DiffTreeModel::PathRole).toString() == QLatin1String("layer1"))
            layer1 = child;
        if (child.data(DiffTreeModel::PathRole).toString() == QLatin1String("layer2"))
            layer2 = child;
    }
    QVERIFY(layer1.isValid() && layer2.isValid());
    QCOMPARE(layer1.siblingAtColumn(DiffTreeModel::StatusColumn).data().toString(),
             diffStatusText(DiffStatus::Identical));
    QCOMPARE(layer1.data(Qt::DecorationRole).value<QColor>(), diffStatusColor(DiffStatus::Identical));
    QCOMPARE(layer2.data(Qt::DecorationRole).value<QColor>(), diffStatusColor(DiffStatus::Changed));
    QCOMPARE(layer2.siblingAtColumn(DiffTreeModel::DifferentColumn).data().toString(),
             QStringLiteral("7 of 7"));

    // Only changed, then only layer2's.
    auto *table = compare->findChild<QTableView *>(QStringLiteral("diffTable"));
    QCOMPARE(table->model()->rowCount(), 23);
    auto *onlyChanged = compare->findChild<QCheckBox *>(QStringLiteral("onlyChangedCheck"));
    QTest::mouseClick(onlyChanged, Qt::LeftButton, Qt::NoModifier, QPoint(8, onlyChanged->height() / 2));
    QVERIFY(onlyChanged->isChecked());
    QCOMPARE(table->model()->rowCount(), 9);
    tree->scrollTo(layer2);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualRect(layer2).center());
    QCOMPARE(table->model()->rowCount(), 7);

    // Sorted by relative change, largest first: the first row has the largest.
    double previous = std::numeric_limits<double>::infinity();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const double rel =
            table->model()->index(row, DiffTableModel::RelL2Column).data(DiffTableModel::SortRole).toDouble();
        QVERIFY(rel <= previous);
        previous = rel;
    }

    // Selecting a row: A and B overlaid on the same bins, and the histogram of a - b.
    QSignalSpy shown(compare, &CompareWindow::histogramsShown);
    const QModelIndex first = table->model()->index(0, DiffTableModel::NameColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(first).center());
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    auto *values = compare->findChild<HistogramPlot *>(QStringLiteral("valuesPlot"));
    auto *difference = compare->findChild<HistogramPlot *>(QStringLiteral("differencePlot"));
    QVERIFY(values->overlayBars()->visible());
    QCOMPARE(values->overlayBars()->dataCount(), values->bars()->dataCount());
    const int diffIndex = first.data(DiffTableModel::DiffIndexRole).toInt();
    const TensorDiff &diff = compare->result()->comparison.tensors[diffIndex];
    qint64 counted = 0;
    for (qint64 c : difference->histogram().counts)
        counted += c;
    QCOMPARE(counted, diff.elements);
    QCOMPARE(difference->histogram().stats.max - difference->histogram().stats.min <= 2 * diff.maxAbs, true);
    auto *stats = compare->findChild<QLabel *>(QStringLiteral("diffStatsLabel"));
    QVERIFY2(stats->text().contains(diff.name), qPrintable(stats->text()));
    // NaN and Inf are counted on each side, said even when there are none.
    QVERIFY2(stats->text().contains(QStringLiteral("A: NaN 0, Inf 0")) &&
                 stats->text().contains(QStringLiteral("B: NaN 0, Inf 0")),
             qPrintable(stats->text()));

    // CSV of every name, whatever the filter shows.
    const QString csv = m_dir.filePath(QStringLiteral("compare.csv"));
    FileDialog::setNextFileName(csv);
    QTest::mouseClick(compare->findChild<QPushButton *>(QStringLiteral("exportCsvButton")), Qt::LeftButton);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 24);

    QImage shot = compare->grab().toImage();
    QVERIFY(!shot.isNull());
    if (const QByteArray where = qgetenv("TORCHSCOPE_SCREENSHOTS"); !where.isEmpty())
        shot.save(QString::fromLocal8Bit(where) + QStringLiteral("/compare.png"));
}

void TestGui::compareSuggestsAPrefixAndApplies()
{
    const QString dir = fineTuned();
    QVERIFY(openAndWait(dir + QStringLiteral("/after.pt")));
    CompareWindow *compare = compareThroughMenu(dir + QStringLiteral("/after_dp.pt"));
    QVERIFY(compare);
    const auto cleanup = qScopeGuard([compare] { compare->close(); });
    auto *suggestion = compare->findChild<QLabel *>(QStringLiteral("suggestionLabel"));
    auto *apply = compare->findChild<QPushButton *>(QStringLiteral("applySuggestionButton"));
    QVERIFY(apply->isVisible());
    QVERIFY2(suggestion->text().contains(QStringLiteral("“module.”")), qPrintable(suggestion->text()));
    QSignalSpy finished(compare, &CompareWindow::comparisonFinished);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(finished.wait(60000) || finished.count() > 0);
    QCOMPARE(compare->findChild<QLineEdit *>(QStringLiteral("compareStripB"))->text(),
             QStringLiteral("module."));
    QVERIFY(!apply->isVisible());
    const auto *summary = compare->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY2(summary->text().startsWith(QStringLiteral("23 names: 23 identical, 0 changed.")),
             qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("equal")));

    // A tolerance typed in and compared again: float16 within the rounding counts as equal.
    auto *rtol = compare->findChild<QLineEdit *>(QStringLiteral("compareRtol"));
    rtol->setText(QStringLiteral("1e-3"));
    finished.clear();
    QTest::mouseClick(compare->findChild<QPushButton *>(QStringLiteral("compareButton")), Qt::LeftButton);
    QVERIFY(finished.wait(60000) || finished.count() > 0);
    QCOMPARE(compare->result()->comparison.options.rtol, 1e-3);
}

void TestGui::compareWithABadFileSaysWhy()
{
    const QString truncated = writeFile(QStringLiteral("half.pt"), QByteArray("PK\x03\x04", 4));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    FileDialog::setNextFileName(truncated);
    m_window->findChild<QAction *>(QStringLiteral("compareWithAction"))->trigger();
    auto *compare = m_window->findChild<CompareWindow *>(QStringLiteral("compareWindow"));
    QVERIFY(compare);
    const auto cleanup = qScopeGuard([compare] { compare->close(); });
    QSignalSpy failed(compare, &CompareWindow::comparisonFailed);
    QVERIFY(failed.wait(30000) || failed.count() > 0);
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.startsWith(truncated) && !reason.contains(QLatin1Char('\n')), qPrintable(reason));
    QCOMPARE(MessageBox::lastText(), reason);
    QCOMPARE(compare->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(), reason);
}

void TestGui::showProbeDocument()
{
    QVector<float> values(60);
    for (int i = 0; i < 60; ++i)
        values[i] = float(i);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    values[1 * 20 + 2 * 5 + 3] = nan;
    values[2 * 20 + 0 * 5 + 1] = nan;
    values[0 * 20 + 3 * 5 + 3] = 1e6f;
    CheckpointContent content;
    content.tensors.push_back(
        test::tensorFromBytes(QStringLiteral("probe"), DType::Float32, {3, 4, 5},
                              QByteArray(reinterpret_cast<const char *>(values.constData()),
                                         qsizetype(values.size() * sizeof(float)))));
    content.tensors.back().kind = TensorKind::Parameter;
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    m_window->setDocument(std::make_unique<CheckpointDocument>(std::move(content)));
    QCOMPARE(loaded.count(), 1);
}

void TestGui::valuesTabShowsTheClickedTensor()
{
    clickTensorAndTab(QStringLiteral("fc.weight"), 1);
    ValuesPanel *panel = valuesPanel();
    QVERIFY(panel->isVisible());
    QTableView *grid = panel->view();
    const TensorInfo &fc =
        m_window->document()->tensor(m_window->document()->findTensor(QStringLiteral("fc.weight")));
    QCOMPARE(grid->model()->rowCount(), int(fc.shape[0]));
    QCOMPARE(grid->model()->columnCount(), int(fc.shape[1]));
    // Every visible cell shows the element read straight from the file, and its tooltip the exact value.
    for (const auto &[row, column] : {std::pair{0, 0}, std::pair{3, 7}, std::pair{9, 1567}}) {
        const QModelIndex cell = grid->model()->index(row, column);
        const ElementValue element = readElement(fc, {row, column});
        QCOMPARE(cell.data().toString(), element.text());
        const QString tip = cell.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(element.exactDecimal()) && tip.contains(element.bitPattern()), qPrintable(tip));
    }

    // A 4-D convolution weight: rows and columns are the kernel's axes, a spin box for each other axis.
    clickTensorAndTab(QStringLiteral("layer1.0.weight"), 1);
    const TensorInfo &conv =
        m_window->document()->tensor(m_window->document()->findTensor(QStringLiteral("layer1.0.weight")));
    QCOMPARE(grid->model()->rowCount(), 5);
    auto *outChannel = panel->findChild<QSpinBox *>(QStringLiteral("fixedIndex0"));
    auto *inChannel = panel->findChild<QSpinBox *>(QStringLiteral("fixedIndex1"));
    QVERIFY(outChannel && inChannel);
    QCOMPARE(outChannel->maximum(), 15);
    outChannel->setFocus();
    QTest::keyClick(outChannel, Qt::Key_Up);
    QTest::keyClick(outChannel, Qt::Key_Up);
    QCOMPARE(grid->model()->index(4, 1).data().toString(), readElement(conv, {2, 0, 4, 1}).text());
    // Output channels as rows instead: the in-channel and the kernel row are now fixed.
    auto *rows = panel->findChild<QComboBox *>(QStringLiteral("rowAxis"));
    rows->setCurrentIndex(0);
    QCOMPARE(grid->model()->rowCount(), 16);
    QCOMPARE(grid->model()->columnCount(), 5);
    QVERIFY(panel->findChild<QSpinBox *>(QStringLiteral("fixedIndex2")));
    QCOMPARE(grid->model()->index(7, 3).data().toString(), readElement(conv, {7, 0, 0, 3}).text());

    // A 0-dim buffer is one cell; selecting a module leaves the grid empty.
    clickTensorAndTab(QStringLiteral("layer1.1.num_batches_tracked"), 1);
    QCOMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(grid->model()->columnCount(), 1);
    treeView()->setCurrentIndex(treeIndex(QStringLiteral("layer2")));
    QCOMPARE(grid->model()->rowCount(), 0);
}

void TestGui::valuesHeatMapFindAndGoTo()
{
    showProbeDocument();
    clickTensorAndTab(QStringLiteral("probe"), 1);
    ValuesPanel *panel = valuesPanel();
    QTableView *grid = panel->view();
    QCOMPARE(grid->model()->rowCount(), 4);
    QCOMPARE(grid->model()->columnCount(), 5);

    // The heat map's range is the whole tensor's (found off the UI thread); NaN cells are grey.
    QSignalSpy ranged(panel, &ValuesPanel::heatRangeReady);
    auto *goTo = panel->findChild<QLineEdit *>(QStringLiteral("goTo"));
    const int goToWidth = goTo->width();
    QTest::mouseClick(panel->findChild<QCheckBox *>(QStringLiteral("heatMap")), Qt::LeftButton);
    QVERIFY(ranged.wait(30000) || ranged.count() > 0);
    QVERIFY(panel->findChild<QWidget *>(QStringLiteral("heatLegend"))->isVisible());
    // The legend takes a line of its own: the go-to field keeps its width and its hint's room.
    QTest::qWait(20);
    QCOMPARE(goTo->width(), goToWidth);
    QVERIFY(goTo->width() >= goTo->fontMetrics().horizontalAdvance(goTo->placeholderText()));
    const QColor low = grid->model()->index(0, 0).data(Qt::BackgroundRole).value<QColor>();
    const QColor high = grid->model()->index(3, 3).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(low.isValid() && high.isValid());
    QVERIFY2(high.red() > 150 && high.green() < 60, qPrintable(high.name()));
    QVERIFY2(low.red() > 240 && low.green() > 240, qPrintable(low.name())); // 0 of [0, 1e6]: white
    QTest::mouseClick(panel->findChild<QCheckBox *>(QStringLiteral("heatMap")), Qt::LeftButton);
    QVERIFY(!grid->model()->index(3, 3).data(Qt::BackgroundRole).isValid());

    // Find next NaN: [1, 2, 3], then [2, 0, 1], then round again to [1, 2, 3].
    QSignalSpy searched(panel, &ValuesPanel::searchFinished);
    auto *findNext = panel->findChild<QPushButton *>(QStringLiteral("findNext"));
    const QVector<QVector<qint64>> expected{{1, 2, 3}, {2, 0, 1}, {1, 2, 3}};
    for (const QVector<qint64> &where : expected) {
        searched.clear();
        QTest::mouseClick(findNext, Qt::LeftButton);
        QVERIFY(searched.wait(30000) || searched.count() > 0);
        QCOMPARE(searched.first().first().toBool(), true);
        QCOMPARE(panel->currentElement(), where);
    }
    QVERIFY2(panel->statusText().contains(QStringLiteral("from the start")), qPrintable(panel->statusText()));
    QCOMPARE(panel->findChild<QSpinBox *>(QStringLiteral("fixedIndex0"))->value(), 1);

    // |x| > 1000 needs the threshold; x = 0 is [0, 0, 0].
    auto *kind = panel->findChild<QComboBox *>(QStringLiteral("findKind"));
    kind->setCurrentIndex(2);
    auto *threshold = panel->findChild<QDoubleSpinBox *>(QStringLiteral("findThreshold"));
    QVERIFY(threshold->isEnabled());
    threshold->setValue(1000);
    searched.clear();
    QTest::mouseClick(findNext, Qt::LeftButton);
    QVERIFY(searched.wait(30000) || searched.count() > 0);
    QCOMPARE(panel->currentElement(), (QVector<qint64>{0, 3, 3}));
    kind->setCurrentIndex(1); // Inf: none
    searched.clear();
    QTest::mouseClick(findNext, Qt::LeftButton);
    QVERIFY(searched.wait(30000) || searched.count() > 0);
    QCOMPARE(searched.first().first().toBool(), false);
    QVERIFY(panel->statusText().startsWith(QStringLiteral("No ")));

    // Go to, typed as a user would; negative entries count from the end.
    goTo->clear();
    QTest::keyClicks(goTo, QStringLiteral("2, 3, 4"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QCOMPARE(panel->currentElement(), (QVector<qint64>{2, 3, 4}));
    goTo->clear();
    QTest::keyClicks(goTo, QStringLiteral("-1,0,-5"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QCOMPARE(panel->currentElement(), (QVector<qint64>{2, 0, 0}));
    goTo->clear();
    QTest::keyClicks(goTo, QStringLiteral("9, 9, 9"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QVERIFY2(panel->statusText().contains(QStringLiteral("is not an index")),
             qPrintable(panel->statusText()));
    saveScreenshot(m_window.get(), QStringLiteral("values.png"));
}

void TestGui::valuesCopyAndExport()
{
    showProbeDocument();
    clickTensorAndTab(QStringLiteral("probe"), 1);
    ValuesPanel *panel = valuesPanel();
    QTableView *grid = panel->view();
    // Select rows 0-1, columns 1-2 of plane 0 by clicking and shift-clicking; Ctrl+C copies them.
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::NoModifier,
                      grid->visualRect(grid->model()->index(0, 1)).center());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      grid->visualRect(grid->model()->index(1, 2)).center());
    QApplication::clipboard()->clear();
    QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("1\t2\n6\t7\n"));
    panel->copySelection(true);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("np.array([[1, 2],\n          [6, 7]], dtype='<f4')"));

    // The plane shown (axis 0 at 2) and the whole tensor as .npy, through the Export menu.
    QSignalSpy exported(panel, &ValuesPanel::exportFinished);
    panel->findChild<QSpinBox *>(QStringLiteral("fixedIndex0"))->setValue(2);
    const QString plane = m_dir.filePath(QStringLiteral("plane.npy"));
    FileDialog::setNextFileName(plane);
    auto *exportButton = panel->findChild<QToolButton *>(QStringLiteral("exportValues"));
    exportButton->menu()->actions().at(0)->trigger();
    QVERIFY(exported.wait(30000) || exported.count() > 0);
    QCOMPARE(exported.first().first().toBool(), true);
    QFile file(plane);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\x93NUMPY"));
    QVERIFY(bytes.contains("'shape': (4, 5)"));
    QCOMPARE(bytes.size(), 128 + 20 * 4);
    const TensorInfo &probe = m_window->document()->tensor(0);
    QCOMPARE(bytes.mid(128), probe.contiguousBytes().mid(40 * 4, 20 * 4));
    exported.clear();
    const QString csv = m_dir.filePath(QStringLiteral("probe.csv"));
    FileDialog::setNextFileName(csv);
    exportButton->menu()->actions().at(1)->trigger();
    QVERIFY(exported.wait(30000) || exported.count() > 0);
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csvFile.readAll();
    QCOMPARE(csvBytes.count("\r\n"), 12); // RFC 4180 records
    const QList<QByteArray> lines = csvBytes.trimmed().split('\n');
    QCOMPARE(lines.size(), 12);
    QCOMPARE(lines.first(), QByteArray("0,1,2,3,4\r"));
    QCOMPARE(lines.at(3), QByteArray("15,16,17,1e+06,19\r"));
}

void TestGui::spectrumTabPlotsSingularValues()
{
    auto *spectrum = m_window->findChild<SpectrumPanel *>(QStringLiteral("spectrumPanel"));
    QSignalSpy ready(spectrum, &SpectrumPanel::spectrumReady);
    clickTensorAndTab(QStringLiteral("fc.weight"), 2);
    QVERIFY(ready.wait(30000) || ready.count() > 0);
    const int index = m_window->document()->findTensor(QStringLiteral("fc.weight"));
    QVERIFY(spectrum->hasSpectrum(index));
    QCOMPARE(spectrum->spectrum(index)->singularValues.size(), 10);
    QCOMPARE(spectrum->plot()->graph(0)->dataCount(), 10);
    QVERIFY2(spectrum->summaryText().contains(QStringLiteral("stable rank")),
             qPrintable(spectrum->summaryText()));
    // A vector has no spectrum, and says why.
    clickTensorAndTab(QStringLiteral("fc.bias"), 2);
    QVERIFY2(spectrum->summaryText().contains(QStringLiteral("two or more axes")),
             qPrintable(spectrum->summaryText()));
    saveScreenshot(m_window.get(), QStringLiteral("spectrum.png"));
}

void TestGui::modelReportFlagsSortsAndSelects()
{
    // Zero one layer and blow another up, through a document built from the example's tensors.
    const CheckpointDocument *example = m_window->document();
    CheckpointContent content;
    content.format = CheckpointFormat::StateDict;
    for (const TensorInfo &tensor : example->tensors()) {
        TensorInfo copy = tensor;
        if (copy.name == QLatin1String("layer2.0.bias"))
            copy = test::tensorFromBytes(copy.name, DType::Float32, copy.shape,
                                         QByteArray(copy.byteSize(), '\0'));
        copy.tiedTo = -1;
        content.tensors.push_back(copy);
    }
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    m_window->setDocument(std::make_unique<CheckpointDocument>(std::move(content)));

    auto *action = m_window->findChild<QAction *>(QStringLiteral("modelReportAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *report = m_window->findChild<ReportWindow *>(QStringLiteral("reportWindow"));
    QVERIFY(report);
    QSignalSpy ready(report, &ReportWindow::reportReady);
    QVERIFY(ready.wait(30000) || ready.count() > 0);
    QCOMPARE(report->model()->rowCount(), m_window->document()->tensorCount());
    const int zeroed =
        report->model()->rowOfTensor(m_window->document()->findTensor(QStringLiteral("layer2.0.bias")));
    QVERIFY(report->model()->report().at(zeroed).flags.contains(QStringLiteral("all_zero")));
    QVERIFY2(report->summaryText().contains(QStringLiteral("flagged")), qPrintable(report->summaryText()));
    // Each column's header says what it measures; the flags' lists every flag's meaning.
    const QString alphaTip = report->view()
                                 ->model()
                                 ->headerData(HealthReportModel::AlphaColumn, Qt::Horizontal, Qt::ToolTipRole)
                                 .toString();
    QVERIFY2(alphaTip.contains(QStringLiteral("WeightWatcher")) &&
                 alphaTip.contains(QStringLiteral("2 to 6")),
             qPrintable(alphaTip));
    const QString flagsTip = report->view()
                                 ->model()
                                 ->headerData(HealthReportModel::FlagsColumn, Qt::Horizontal, Qt::ToolTipRole)
                                 .toString();
    for (const QString &flag : HealthReport::flagNames())
        QVERIFY2(flagsTip.contains(flag + QStringLiteral(": ")), qPrintable(flag));

    // Sort by L2 norm (largest first after two clicks) and check the order.
    QTableView *table = report->view();
    QHeaderView *header = table->horizontalHeader();
    const int x = header->sectionViewportPosition(HealthReportModel::NormColumn) +
                  header->sectionSize(HealthReportModel::NormColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(HealthReportModel::NormColumn));
    double previous = std::numeric_limits<double>::infinity();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const double norm = table->model()
                                ->index(row, HealthReportModel::NormColumn)
                                .data(HealthReportModel::SortRole)
                                .toDouble();
        QVERIFY(norm <= previous);
        previous = norm;
    }
    // Only the flagged rows.
    QTest::mouseClick(report->findChild<QCheckBox *>(QStringLiteral("onlyFlagged")), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), report->model()->flaggedCount());
    QTest::mouseClick(report->findChild<QCheckBox *>(QStringLiteral("onlyFlagged")), Qt::LeftButton);

    // Clicking a row selects that tensor in the main window's tree and table, and its values.
    int fcRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, HealthReportModel::NameColumn).data().toString() ==
            QLatin1String("fc.weight"))
            fcRow = row;
    QVERIFY(fcRow >= 0);
    const QModelIndex cell = table->model()->index(fcRow, HealthReportModel::NameColumn);
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(cell).center());
    QCOMPARE(tableView()->currentIndex().data(ParameterTableModel::TensorIndexRole).toInt(),
             m_window->document()->findTensor(QStringLiteral("fc.weight")));
    QCOMPARE(treeView()->currentIndex(), treeIndex(QStringLiteral("fc")));
    QCOMPARE(valuesPanel()->tensorIndex(), m_window->document()->findTensor(QStringLiteral("fc.weight")));

    // Spectra add their columns for the weight matrices.
    QSignalSpy spectra(report, &ReportWindow::spectraReady);
    QTest::mouseClick(report->findChild<QPushButton *>(QStringLiteral("computeSpectra")), Qt::LeftButton);
    QVERIFY(spectra.wait(60000) || spectra.count() > 0);
    const int fc =
        report->model()->rowOfTensor(m_window->document()->findTensor(QStringLiteral("fc.weight")));
    QVERIFY(report->model()->hasSpectrum(fc));
    QVERIFY(report->model()->index(fc, HealthReportModel::StableRankColumn).data().toDouble() > 1);
    QVERIFY(!report->model()->hasSpectrum(
        report->model()->rowOfTensor(m_window->document()->findTensor(QStringLiteral("fc.bias")))));

    // Exported as CSV, one line per tensor under the header.
    const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
    FileDialog::setNextFileName(csv);
    QTest::mouseClick(report->findChild<QPushButton *>(QStringLiteral("exportReport")), Qt::LeftButton);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), m_window->document()->tensorCount() + 1);
    report->resize(1200, 600);
    saveScreenshot(report, QStringLiteral("report.png"));
}

QString TestGui::trainingCheckpoints()
{
    QString folder = m_dir.filePath(QStringLiteral("training"));
    if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("cnn-train.pt"))))
        return folder;
    QString output;
    if (test::runPeer({QStringLiteral("training"), folder}, &output) != 0) {
        qWarning("%s", qPrintable(output));
        return QString();
    }
    return folder;
}

// A training checkpoint in the window: the banner says what it holds, the totals are the model's, the
// values show in their tab, and the Optimizer tab plots Adam's next update down the model and says the
// selected parameter's state.
void TestGui::trainingCheckpointShowsItsParts()
{
    const QString folder = trainingCheckpoints();
    QVERIFY(!folder.isEmpty());
    const QString path = QDir(folder).filePath(QStringLiteral("cnn-train.pt"));
    QFile factsFile(path + QStringLiteral(".json"));
    QVERIFY(factsFile.open(QIODevice::ReadOnly));
    const QJsonObject facts = QJsonDocument::fromJson(factsFile.readAll()).object();
    QVERIFY(openAndWait(path));
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Training checkpoint: epoch 7, step 120")),
             qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(QStringLiteral("weights-only file")));
    const QString parameters = DisplayFormat::count(facts.value(QStringLiteral("parameters")).toInteger());
    QVERIFY2(m_window->statusBar()
                 ->findChild<QLabel *>(QStringLiteral("totalsLabel"))
                 ->text()
                 .contains(parameters),
             qPrintable(parameters));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("extractWeightsAction"))->isEnabled());

    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    CheckpointValuesPanel *valuesPanel = clickCheckpointValuesTab();
    QVERIFY(valuesPanel);
    QTreeView *valuesView = valuesPanel->view();
    QCOMPARE(checkpointValueText(valuesPanel, QStringLiteral("epoch")), QStringLiteral("7"));
    QCOMPARE(checkpointValueText(valuesPanel, QStringLiteral("config.betas.1")), QStringLiteral("0.999"));
    QCOMPARE(checkpointValueText(valuesPanel, QStringLiteral("args"), CheckpointValuesModel::TypeColumn),
             QStringLiteral("argparse.Namespace"));
    // Typing in the filter keeps the matches and their containers.
    QTest::keyClicks(valuesPanel->findChild<QLineEdit *>(QStringLiteral("checkpointValuesFilter")),
                     QStringLiteral("best_acc"));
    QCOMPARE(valuesView->model()->rowCount(), 1);
    QCOMPARE(valuesView->model()->index(0, CheckpointValuesModel::ValueColumn).data().toString(),
             QStringLiteral("0.91"));
    saveScreenshot(m_window.get(), QStringLiteral("training-values.png"));

    auto *optimizer = m_window->findChild<OptimizerPanel *>(QStringLiteral("optimizerPanel"));
    const int optimizerTab = tabs->indexOf(optimizer);
    QVERIFY(tabs->isTabVisible(optimizerTab));
    QSignalSpy ready(optimizer, &OptimizerPanel::updatesReady);
    clickTensorAndTab(QStringLiteral("model.fc.weight"), optimizerTab);
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    QCOMPARE(optimizer->updates().size(), 14); // the CNN's 14 parameters, each with Adam's moments
    for (const ParameterUpdate &update : optimizer->updates()) {
        QCOMPARE(update.step, 1.0);
        // After one step Adam's update is lr times a sign per element: ‖Δw‖ = lr √numel, to rounding.
        const double expected =
            3e-4 * std::sqrt(double(m_window->document()->tensor(update.weightTensor).numel()));
        QVERIFY2(
            std::abs(update.updateNorm - expected) < 1e-3 * expected,
            qPrintable(
                QStringLiteral("%1: %2 vs %3").arg(update.parameter).arg(update.updateNorm).arg(expected)));
    }
    QVERIFY2(optimizer->selectionText().contains(QStringLiteral("fc.weight")) &&
                 optimizer->selectionText().contains(QStringLiteral("step 1")),
             qPrintable(optimizer->selectionText()));
    QCOMPARE(optimizer->plot()->plottableCount(), 2);
    QCOMPARE(qobject_cast<QCPBars *>(optimizer->plot()->plottable(0))->data()->size() +
                 qobject_cast<QCPBars *>(optimizer->plot()->plottable(1))->data()->size(),
             14);
    QCOMPARE(qobject_cast<QCPBars *>(optimizer->plot()->plottable(1))->data()->size(), 1); // the selected one
    saveScreenshot(m_window.get(), QStringLiteral("training-optimizer.png"));
}

// File > Extract Model Weights proposes the model part, says what stays behind, and writes weights that
// load strictly into a freshly built model.
void TestGui::extractModelWeightsFromTheMenu()
{
    const QString folder = trainingCheckpoints();
    QVERIFY(!folder.isEmpty());
    const QString path = QDir(folder).filePath(QStringLiteral("ema-train.pt"));
    QVERIFY(openAndWait(path));
    const QString output = m_dir.filePath(QStringLiteral("extracted-ema.safetensors"));
    QSignalSpy saved(m_window.get(), &MainWindow::saveFinished);
    answerNextDialog<SaveAsDialog>([=](SaveAsDialog *dialog) {
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Extract Model Weights"));
        auto *part = dialog->findChild<QComboBox *>(QStringLiteral("partCombo"));
        QCOMPARE(SavePart(part->currentData().toInt()), SavePart::Model);
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("moduleCombo"))->isEnabled());
        const QString leftOut = dialog->findChild<QLabel *>(QStringLiteral("leftOutLabel"))->text();
        QVERIFY2(leftOut.contains(QStringLiteral("optimizer 'optimizer'")) &&
                     leftOut.contains(QStringLiteral("model_ema")),
                 qPrintable(leftOut));
        // The EMA weights instead, as safetensors.
        part->setCurrentIndex(part->findData(int(SavePart::Ema)));
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
        format->setCurrentIndex(1);
        auto *pathEdit = dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        pathEdit->clear();
        QTest::keyClicks(pathEdit, output);
        const QString emaLeftOut = dialog->findChild<QLabel *>(QStringLiteral("leftOutLabel"))->text();
        QVERIFY2(emaLeftOut.contains(QStringLiteral("n_averaged")), qPrintable(emaLeftOut));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    m_window->findChild<QAction *>(QStringLiteral("extractWeightsAction"))->trigger();
    QVERIFY(saved.wait(60000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    // The Debian peer has no safetensors: today's judges it where installed.
    if (!test::peerAvailable(test::Peer::Modern))
        return;
    QString peer;
    QVERIFY2(test::runPeer(test::Peer::Modern,
                           {QStringLiteral("check-extracted"), QStringLiteral("cnn"), output,
                            QDir(folder).filePath(QStringLiteral("ema-train.pt.ema-expected.pt"))},
                           &peer) == 0,
             qPrintable(peer));
}

// A Hugging Face Trainer's checkpoint folder: the Training tab plots what trainer_state.json logged.
void TestGui::trainerFolderPlotsItsLog()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("trainer"));
    QString output;
    QVERIFY2(test::runPeer(test::Peer::Modern, {QStringLiteral("hf-trainer"), folder}, &output, 600000) == 0,
             qPrintable(output));
    QFile factsFile(QDir(folder).filePath(QStringLiteral("checkpoint-4.json")));
    QVERIFY(factsFile.open(QIODevice::ReadOnly));
    const QJsonArray history =
        QJsonDocument::fromJson(factsFile.readAll()).object().value(QStringLiteral("log_history")).toArray();
    QVERIFY(openAndWait(QDir(folder).filePath(QStringLiteral("checkpoint-4"))));
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    auto *training = m_window->findChild<TrainingLogPanel *>(QStringLiteral("trainingLogPanel"));
    const int tab = tabs->indexOf(training);
    QVERIFY(tabs->isTabVisible(tab));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, Qt::NoModifier, tabs->tabBar()->tabRect(tab).center());
    // Each logged quantity as the Trainer logged it, point for point.
    const char *quantities[] = {"loss", "eval_loss", "learning_rate", "grad_norm"};
    for (int graph = 0; graph < 4; ++graph) {
        QVector<double> steps, values;
        for (const QJsonValue entry : history) {
            const QJsonObject object = entry.toObject();
            if (object.contains(QLatin1String(quantities[graph]))) {
                steps << object.value(QStringLiteral("step")).toDouble();
                values << object.value(QLatin1String(quantities[graph])).toDouble();
            }
        }
        QVERIFY(!steps.isEmpty());
        const QSharedPointer<QCPGraphDataContainer> data = training->plot()->graph(graph)->data();
        QCOMPARE(data->size(), steps.size());
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE((data->constBegin() + i)->key, steps[i]);
            QCOMPARE((data->constBegin() + i)->value, values[i]);
        }
    }
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY2(banner->text().contains(QStringLiteral("Hugging Face Trainer")), qPrintable(banner->text()));
    saveScreenshot(m_window.get(), QStringLiteral("trainer-log.png"));
}

// A file with a payload opened: the Security tab lists the call with its place, scanned off the UI
// thread. File > Scan Folder lists a folder's findings; a double click opens the finding's file.
void TestGui::securityTabAndScanFolderNameTheCalls()
{
    const QString folder = m_dir.filePath(QStringLiteral("scan-hostile"));
    QString output;
    QVERIFY2(test::runPeer({QStringLiteral("hostile"), folder}, &output) == 0, qPrintable(output));
    QVERIFY(openAndWait(folder + QStringLiteral("/os_system.pt")));
    auto *security = m_window->findChild<ScanFindingsView *>(QStringLiteral("securityPanel"));
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    QVERIFY(security && tabs);
    const int tab = tabs->indexOf(security);
    QVERIFY(tabs->isTabVisible(tab));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tab).center());
    QCOMPARE(tabs->currentWidget(), security);
    QTRY_VERIFY_WITH_TIMEOUT(!security->isScanning(), 30000);
    const ScanFinding *call = security->model()->finding(0);
    QVERIFY(call);
    QCOMPARE(call->ruleId, QStringLiteral("TS001"));
    QVERIFY2(call->message.contains(QStringLiteral("posix.system('touch ")), qPrintable(call->message));
    QVERIFY2(call->place.startsWith(QStringLiteral("os_system/data.pkl, byte ")), qPrintable(call->place));
    QVERIFY2(security->summaryText().startsWith(QStringLiteral("1 error")),
             qPrintable(security->summaryText()));
    saveScreenshot(m_window.get(), QStringLiteral("security.png"));

    FileDialog::setNextFileName(folder);
    m_window->findChild<QAction *>(QStringLiteral("scanFolderAction"))->trigger();
    auto *scan = m_window->findChild<ScanFolderWindow *>(QStringLiteral("scanFolderWindow"));
    QVERIFY(scan);
    QTRY_VERIFY_WITH_TIMEOUT(!scan->findings()->isScanning(), 30000);
    // (Plural forms come from the English translation, which the program loads and this test does not.)
    QVERIFY2(QRegularExpression(QStringLiteral("^10 file(s|\\(s\\)) scanned: 9 error"))
                 .match(scan->findings()->summaryText())
                 .hasMatch(),
             qPrintable(scan->findings()->summaryText()));
    ScanFindingsModel *model = scan->findings()->model();
    int row = -1;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->finding(i)->file == QLatin1String("eval_legacy.pt"))
            row = i;
    }
    QVERIFY(row >= 0);
    QVERIFY(model->finding(row)->message.contains(QStringLiteral("builtins.eval(")));
    saveScreenshot(scan, QStringLiteral("scan-folder.png"));
    QTreeView *view = scan->findings()->view();
    const QPoint at = view->visualRect(model->index(row, ScanFindingsModel::MessageColumn)).center();
    QSignalSpy loaded(m_window.get(), &MainWindow::documentLoaded);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(loaded.wait(60000));
    QVERIFY2(m_window->document()->openedPath().endsWith(QStringLiteral("/eval_legacy.pt")),
             qPrintable(m_window->document()->openedPath()));
    scan->close();
}

// A DCP folder two gloo processes wrote opens as one model; the Shards tab lists a sharded tensor's
// boxes with their files and draws them; the values shown are the whole tensor's.
void TestGui::dcpFolderShowsWhereEachBoxLives()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("dcp"));
    QString out, err;
    QVERIFY2(test::runProcess(test::pythonPath(test::Peer::Modern),
                              {QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("dcp.py")),
                               QStringLiteral("write"), folder, QStringLiteral("2")},
                              &out, &err, 600000) == 0,
             qPrintable(err.right(2000)));
    QVERIFY(openAndWait(folder + QStringLiteral("/ckpt")));
    auto *shards = m_window->findChild<ShardsPanel *>(QStringLiteral("shardsPanel"));
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    QVERIFY(shards && tabs);
    const int tab = tabs->indexOf(shards);
    QVERIFY(tabs->isTabVisible(tab));
    clickTensorAndTab(QStringLiteral("shard1"), tab);
    QCOMPARE(tabs->currentWidget(), shards);
    QCOMPARE(shards->model()->rowCount(), 2);
    QCOMPARE(shards->model()->files(), QStringList({"__0_0.distcp", "__1_0.distcp"}));
    QCOMPARE(shards->model()->index(1, TensorChunksModel::OffsetsColumn).data().toString(),
             QStringLiteral("[0, 3]"));
    QVERIFY(shards->extent()->isVisible());
    saveScreenshot(m_window.get(), QStringLiteral("shards.png"));
    // The whole tensor's values, assembled from both boxes, match PyTorch's consolidation.
    CheckpointContent reference;
    QString error;
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/ckpt.pt"), Progress(), &reference, &error),
             qPrintable(error));
    const int index = m_window->document()->findTensor(QStringLiteral("shard1"));
    for (const TensorInfo &tensor : reference.tensors) {
        if (tensor.name == QLatin1String("shard1"))
            QVERIFY(m_window->document()->tensor(index).contiguousBytes() == tensor.contiguousBytes());
    }
}

// A DeepSpeed ZeRO-3 save folder two ranks wrote opens as one model: the module's tree, each parameter
// whole (its per-rank partitions joined), the shared one tied; its values are zero_to_fp32's.
void TestGui::deepSpeedFolderOpensAsOneModel()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("deepspeed"));
    QString out, err;
    QVERIFY2(
        test::runProcess(test::pythonPath(test::Peer::Modern),
                         {QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("deepspeed_zero.py")),
                          QStringLiteral("write"), folder, QStringLiteral("3"), QStringLiteral("2")},
                         &out, &err, 600000) == 0,
        qPrintable(err.right(2000)));
    QVERIFY(openAndWait(folder + QStringLiteral("/ckpt")));
    const CheckpointDocument *document = m_window->document();
    QCOMPARE(document->format(), CheckpointFormat::DeepSpeed);
    QVERIFY(treeIndex(QStringLiteral("module.body.0")).isValid());
    const int head = document->findTensor(QStringLiteral("module.head.weight"));
    QVERIFY(head >= 0);
    QCOMPARE(document->tensor(head).tiedTo, document->findTensor(QStringLiteral("module.embed.weight")));
    QVERIFY(tableIndex(QStringLiteral("module.body.0.weight"), ParameterTableModel::NameColumn).isValid());
    saveScreenshot(m_window.get(), QStringLiteral("deepspeed.png"));
    CheckpointContent reference;
    QString error;
    QVERIFY2(readCheckpoint(folder + QStringLiteral("/fp32.pt"), Progress(), &reference, &error),
             qPrintable(error));
    for (const TensorInfo &tensor : reference.tensors) {
        const int index = document->findTensor(QStringLiteral("module.") + tensor.name);
        QVERIFY2(index >= 0, qPrintable(tensor.name));
        QVERIFY2(document->tensor(index).contiguousBytes() == tensor.contiguousBytes(),
                 qPrintable(tensor.name));
    }
}

// A GGUF file gguf-py wrote: the header's model description, llama.cpp's names as numbered blocks, the
// metadata in Checkpoint Values (the chat template as text, an array as its length and first items), and
// a Q4_K tensor's values decoded for the histogram.
void TestGui::ggufShowsItsHeaderAndDecodedValues()
{
    TORCHSCOPE_REQUIRE_PEER(test::Peer::Modern);
    const QString folder = m_dir.filePath(QStringLiteral("gguf"));
    QString out, err;
    QVERIFY2(test::runProcess(test::pythonPath(test::Peer::Modern),
                              {QFileInfo(test::peerScript()).dir().filePath(QStringLiteral("gguf_files.py")),
                               QStringLiteral("write"), folder},
                              &out, &err, 300000) == 0,
             qPrintable(err.right(2000)));
    QVERIFY(openAndWait(folder + QStringLiteral("/model.gguf")));
    auto *header = m_window->findChild<QLabel *>(QStringLiteral("modelHeader"));
    QVERIFY(header->isVisible());
    for (const QString &fact :
         {QStringLiteral("llama"), QStringLiteral("hidden size 64"), QStringLiteral("3 layers"),
          QStringLiteral("vocabulary 100"), QStringLiteral("Q8_0")})
        QVERIFY2(header->text().contains(fact), qPrintable(header->text()));
    QVERIFY(treeIndex(QStringLiteral("blk.2.ffn_down")).isValid());
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tensorTabs"));
    CheckpointValuesPanel *valuesPanel = clickCheckpointValuesTab();
    QVERIFY(valuesPanel);
    QCOMPARE(checkpointValueText(valuesPanel, QStringLiteral("tokenizer.chat_template")),
             QStringLiteral("\"{% for m in messages %}{{ m.content }}{% endfor %}\""));
    QVERIFY(checkpointValueText(valuesPanel, QStringLiteral("tokenizer.ggml.tokens"))
                .contains(QLatin1String("100")));
    saveScreenshot(m_window.get(), QStringLiteral("gguf.png"));
    // A K-quant tensor's histogram counts every decoded value, as the kernel computes it over them.
    QSignalSpy shown(histogramPanel(), &HistogramPanel::histogramShown);
    clickTensorAndTab(QStringLiteral("blk.1.ffn_down.weight"), tabs->indexOf(histogramPanel()));
    QVERIFY(shown.wait(30000) || shown.count() > 0);
    const TensorInfo &q4k = m_window->document()->tensor(
        m_window->document()->findTensor(QStringLiteral("blk.1.ffn_down.weight")));
    const HistogramResult expected = HistogramKernel::compute({&q4k}, HistogramRequest());
    qint64 total = 0;
    for (const qint64 count : expected.counts)
        total += count;
    QCOMPARE(total, 64 * 256);
    auto *plot = histogramPanel()->findChild<HistogramPlot *>(QStringLiteral("histogramPlot"));
    QCOMPARE(plot->bars()->dataCount(), int(expected.counts.size()));
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"

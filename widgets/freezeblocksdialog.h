#pragma once

#include <QDialog>
#include <QVector>

class QDialogButtonBox;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace torchscope {

class CheckpointDocument;
class ModuleNode;

// Freezes a span of the numbered blocks of a ModuleList or Sequential (the lower 24 decoder blocks
// of a language model): the first N, the last N, or a range, with the parameter count previewed.
class FreezeBlocksDialog : public QDialog
{
    Q_OBJECT
public:
    FreezeBlocksDialog(const CheckpointDocument *document, const ModuleNode *blocks,
                       QWidget *parent = nullptr);

    // The chosen blocks as child rows of the module, first and last included.
    int firstRow() const;
    int lastRow() const;
    QVector<int> parameters() const;
    // "layers.0–23", for the undo entry.
    QString description() const;

private:
    void updatePreview();

    const CheckpointDocument *m_document;
    const ModuleNode *m_blocks;
    QRadioButton *m_first;
    QRadioButton *m_last;
    QRadioButton *m_range;
    QSpinBox *m_firstCount;
    QSpinBox *m_lastCount;
    QSpinBox *m_rangeFrom;
    QSpinBox *m_rangeTo;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace torchscope

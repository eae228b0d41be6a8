#pragma once

#include "document/savejob.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace torchscope {

class CheckpointDocument;

// Asks what to save (weights only or the entire model), which module, and where; for weights, the
// format (PyTorch zip, safetensors, or shards of either in a folder), the dtype and whether buffers go
// along, each choice with a sentence saying what it keeps and drops. Only the shard size is remembered.
class SaveAsDialog : public QDialog
{
    Q_OBJECT
public:
    // Proposes the whole model in the input's own kind, beside the file opened.
    explicit SaveAsDialog(const CheckpointDocument *document, QWidget *parent = nullptr);

    SaveRequest request() const;
    // Remembers the shard size (QSettings) for the next dialog.
    void rememberChoices() const;
    void setFilePath(const QString &path);
    void setMode(SaveMode mode);
    void setModulePath(const QString &path);
    // A training checkpoint's part to write (its model's weights, its EMA's, or the module chosen).
    void setPart(SavePart part);

private:
    void browse();
    void updateState();
    void formatChosen();
    bool sharded() const;
    int ownFormatRow() const;
    QString proposedPath() const;

    const CheckpointDocument *m_document;
    QRadioButton *m_weightsOnlyButton;
    QRadioButton *m_entireModelButton;
    QComboBox *m_partCombo;
    QCheckBox *m_stripPrefixCheck;
    QLabel *m_leftOutLabel;
    QComboBox *m_moduleCombo;
    QLabel *m_noteLabel;
    QCheckBox *m_freezePlanCheck;
    QGroupBox *m_weightsBox;
    QComboBox *m_formatCombo;
    QLineEdit *m_shardSizeEdit;
    QLabel *m_shardSizeLabel;
    QComboBox *m_dtypeCombo;
    QCheckBox *m_buffersCheck;
    QLabel *m_choicesLabel;
    QLabel *m_summaryLabel;
    QLineEdit *m_pathEdit;
    QString m_proposedPath; // the name last proposed; a name the user wrote is kept
    QDialogButtonBox *m_buttons;
};

} // namespace torchscope

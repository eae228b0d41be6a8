#pragma once

#include "document/savejob.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace torchscope {

class CheckpointDocument;

// Asks what to save (weights only or the entire model), which module, and where.
class SaveAsDialog : public QDialog
{
    Q_OBJECT
public:
    SaveAsDialog(const CheckpointDocument *document, const QString &selectedModulePath,
                 QWidget *parent = nullptr);

    SaveRequest request() const;
    void setFilePath(const QString &path);
    void setMode(SaveMode mode);
    void setModulePath(const QString &path);

private:
    void browse();
    void updateState();

    const CheckpointDocument *m_document;
    QRadioButton *m_weightsOnlyButton;
    QRadioButton *m_entireModelButton;
    QComboBox *m_moduleCombo;
    QLabel *m_noteLabel;
    QCheckBox *m_freezePlanCheck;
    QLabel *m_summaryLabel;
    QLineEdit *m_pathEdit;
    QDialogButtonBox *m_buttons;
};

} // namespace torchscope

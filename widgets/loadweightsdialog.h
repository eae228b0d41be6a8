#pragma once

#include "document/loadweights.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace torchscope {

class CheckpointDocument;

// File > Load Weights Into Model: how a weights file lines up with the open model (what applies, what
// is missing, unexpected, of another shape or dtype), with prefixes to strip or add and the strict
// switch, all before anything changes. Loading is then one undoable edit.
class LoadWeightsDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts from the mapping the read suggested (strip "module.", add "model.").
    LoadWeightsDialog(const CheckpointDocument *model, WeightsFile weights, QWidget *parent = nullptr);

    const WeightsMatch &match() const { return m_match; }
    bool strict() const;

private:
    void rematch();

    const CheckpointDocument *m_model;
    WeightsFile m_weights;
    WeightsMatch m_match;
    QLineEdit *m_stripPrefix;
    QLineEdit *m_addPrefix;
    QCheckBox *m_strict;
    QLabel *m_summary;
    QTreeWidget *m_details;
    QDialogButtonBox *m_buttons;
};

} // namespace torchscope

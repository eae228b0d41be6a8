#pragma once

#include <QDialog>
#include <QVector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QRadioButton;
class QStringListModel;

namespace torchscope {

class CheckpointDocument;

// Freeze or unfreeze the parameters whose names match a glob or a regular expression (the whole
// name must match), or all but those, with a live preview of what matches, how many elements that is
// and how many flags would change. Apply is the default button: Enter applies what the preview shows.
class FreezePatternDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FreezePatternDialog(const CheckpointDocument *document, QWidget *parent = nullptr);

    // The parameters the edit applies to: the matches, or every other editable parameter.
    QVector<int> matchedParameters() const { return m_matched; }
    bool unfreeze() const;
    bool allExceptMatches() const;
    QString pattern() const;
    void setPattern(const QString &pattern, bool regularExpression = false);

private:
    void updatePreview();

    const CheckpointDocument *m_document;
    QLineEdit *m_patternEdit;
    QComboBox *m_syntaxCombo;
    QRadioButton *m_freezeButton;
    QRadioButton *m_unfreezeButton;
    QCheckBox *m_invertCheck;
    QLabel *m_summary;
    QListView *m_preview;
    QStringListModel *m_previewModel;
    QDialogButtonBox *m_buttons;
    QVector<int> m_matched;
};

} // namespace torchscope

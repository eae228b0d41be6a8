#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace torchscope {

struct CheckpointValue;
struct ModelConfig;
class CheckpointDocument;
struct OptimizerState;

// How counts and sizes read everywhere (tree, table, status bar, dialogs, the CLI's text): one
// unit system for sizes (IEC: KiB, MiB, GiB), digits grouped, and a compact form for columns.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)
public:
    // "12.6 GiB", "512 bytes".
    static QString bytes(qint64 bytes);
    // "6,738,415,616", grouped as the locale groups (the C locale too).
    static QString count(qint64 count);
    // "6.74 B", "131.1 M", "25.6 k"; exact below 100,000 ("9,408").
    static QString compactCount(qint64 count);
    // The n to give tr() for the plural form of `count` items: tr() takes an int, and counts of tensor
    // elements pass 2^31. Large counts keep their last nine digits (plural rules look at the last few)
    // and stay above any "one" or "few" form. For sources that show the count themselves ("%1 elements");
    // a "%n" would print this n.
    static int pluralCount(qint64 count);
    // A model folder's config.json as the window's header and `info` say it: the facts it states
    // ("hidden size 4,096", "32 layers", "32 attention heads", "vocabulary 32,000", "bfloat16"), in that
    // order, translated; a value it does not state is left out. The name is its architecture, or its type.
    static QStringList configFacts(const ModelConfig &config);
    static QString configName(const ModelConfig &config);
    // A training checkpoint in one line, as the window's banner and `info` say it: "Training checkpoint
    // (PyTorch Lightning 2.6.6): epoch 7, step 120; model 13,914 parameters; Adam state for 10 tensors".
    // Empty for a file that is only weights or only a model.
    static QString checkpointSummary(const CheckpointDocument &document);
    // The optimizer, as the state it keeps tells it ("Adam", "SGD with momentum"); PyTorch's state_dict
    // does not name its class.
    static QString optimizerFamily(const OptimizerState &state);
    // A checkpoint's value as people read it, in one line: numbers as Python writes them (1.0, not 1),
    // strings quoted, None, True and False; bytes, class records and refused calls by what they are.
    static QString checkpointValue(const CheckpointValue &value);
    // The name of a training framework: "PyTorch Lightning", "Hugging Face Trainer".
    static QString frameworkName(const QString &framework);
};

} // namespace torchscope

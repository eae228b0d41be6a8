#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

class QIODevice;
class QTextStream;

namespace torchscope {

class CheckpointDocument;
struct Comparison;
struct DiffSide;
struct HistogramResult;
struct TensorHealth;
struct TensorInfo;

namespace cli {

// What each subcommand prints, each in one place: the --json objects (whose keys are a contract
// relied on outside this repository) and the text forms.
// `info --json`, written straight to the device as it is made (a model of 60,000 modules makes a
// large document).
void writeInfoJson(QIODevice *device, const CheckpointDocument &document, const QString &file,
                   bool withStats);
void printInfo(QTextStream &out, const CheckpointDocument &document, const QString &file, bool withStats);
QJsonObject histogramJson(const QString &name, const HistogramResult &result);
void printHistogram(QTextStream &out, const QString &name, const HistogramResult &result);
QJsonObject diffJson(const Comparison &comparison, const DiffSide &a, const DiffSide &b);
void printDiff(QTextStream &out, const Comparison &comparison, const DiffSide &a, const DiffSide &b);
// A view's values as a grid; 2-D planes one after another, large ones summarised as NumPy does.
void printValues(QTextStream &out, const TensorInfo &view, const QString &sliceText);
void printHealth(QTextStream &out, const QVector<TensorHealth> &report);

} // namespace cli
} // namespace torchscope

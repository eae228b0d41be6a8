#pragma once

#include "inspect/elementvalue.h"
#include "jobs/progress.h"

#include <QString>
#include <QVector>

class QIODevice;

namespace torchscope {

struct TensorInfo;

// The values of a tensor (or of a slice's view) written for other tools: NumPy's .npy format,
// CSV, and literals to paste into Python.
namespace ValueExport {

// The NumPy type a dtype is written as ("<f4"), and whether that widens it: NumPy has no bfloat16
// or float8, so those are written as float32 (exactly: every value is representable); quantized
// tensors are written as their real values, dequantized in float32 as torch.dequantize() does.
QString npyDescr(DType dtype, bool *widened = nullptr);

// .npy version 1.0, C order, loaded by numpy.load() to the same shape and values, bit for bit.
// Streams the view's elements, so a tensor larger than memory can be written.
bool writeNpy(const TensorInfo &view, QIODevice *out, const Progress &progress, QString *error);

// One row per index of all axes but the last (one value per line for 1-D and 0-D views), values
// as ElementValue::roundTrip() writes them, so reading them back gives the same stored values.
bool writeCsv(const TensorInfo &view, QIODevice *out, const Progress &progress, QString *error);

// Rows of cells as tab-separated text, and as a NumPy literal: np.array([[...]], dtype=np.float32).
QString tabSeparated(const QVector<QVector<ElementValue>> &rows);
QString numpyLiteral(const QVector<QVector<ElementValue>> &rows, DType dtype);

} // namespace ValueExport

// Where in a tensor a value of interest is, for "find next".
struct ValueQuery
{
    enum class Kind { NaN, Inf, AbsAbove, Zero };
    Kind kind = Kind::NaN;
    double threshold = 0; // AbsAbove: |x| > threshold

    bool matches(double v) const;
    // The first element at or after row-major position `from` that matches, or -1; searches on
    // to the end only (a caller wanting to wrap searches again from 0). Complex values are judged
    // by their real parts.
    qint64 findNext(const TensorInfo &view, qint64 from, const Progress &progress = Progress()) const;
};

} // namespace torchscope

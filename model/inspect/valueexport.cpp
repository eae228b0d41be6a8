#include "inspect/valueexport.h"

#include "output/csvwriter.h"
#include "stats/valuevisitor.h"
#include "tensor/tensorinfo.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace torchscope {

namespace {
using kernel::Odometer;

constexpr qint64 kWriteChunk = qint64(1) << 20; // bytes gathered before each write

bool writeAll(QIODevice *out, const char *data, qint64 size, QString *error)
{
    while (size > 0) {
        const qint64 written = out->write(data, size);
        if (written <= 0) {
            *error = out->errorString();
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

QString shapeTuple(const QVector<qint64> &shape)
{
    QStringList parts;
    for (qint64 d : shape)
        parts << QString::number(d);
    if (shape.size() == 1)
        return u'(' + parts.first() + QStringLiteral(",)");
    return u'(' + parts.join(QStringLiteral(", ")) + u')';
}

bool canceledBy(const Progress &progress, QString *error)
{
    if (!progress.isCanceled())
        return false;
    *error = QCoreApplication::translate("ValueExport", "canceled");
    return true;
}

// Collects widened values (float) into chunks and writes them.
struct FloatWriter
{
    QIODevice *out;
    QString *error;
    QByteArray buffer;
    bool ok = true;
    void block(const float *v, int n)
    {
        if (!ok)
            return;
        buffer.append(reinterpret_cast<const char *>(v), qsizetype(n) * qsizetype(sizeof(float)));
        if (buffer.size() >= kWriteChunk)
            flush();
    }
    void block(const double *v, int n)
    {
        for (int k = 0; k < n; ++k) {
            const float f = float(v[k]);
            buffer.append(reinterpret_cast<const char *>(&f), sizeof f);
        }
        if (buffer.size() >= kWriteChunk)
            flush();
    }
    void flush()
    {
        ok = ok && writeAll(out, buffer.constData(), buffer.size(), error);
        buffer.clear();
    }
};

// The first value a query matches in the blocks it is shown.
struct Finder
{
    const ValueQuery &query;
    qint64 position;
    qint64 found = -1;
    template <typename T> void block(const T *v, int count)
    {
        if (found >= 0)
            return;
        for (int k = 0; k < count; ++k) {
            if (query.matches(double(v[k]))) {
                found = position + k;
                return;
            }
        }
        position += count;
    }
};

} // namespace

QString ValueExport::npyDescr(DType dtype, bool *widened)
{
    if (widened)
        *widened = false;
    switch (dtype) {
    case DType::Float32:
        return QStringLiteral("<f4");
    case DType::Float64:
        return QStringLiteral("<f8");
    case DType::Float16:
        return QStringLiteral("<f2");
    case DType::Complex64:
        return QStringLiteral("<c8");
    case DType::Complex128:
        return QStringLiteral("<c16");
    case DType::Int8:
        return QStringLiteral("|i1");
    case DType::UInt8:
    case DType::Float4E2M1FNx2: // raw bytes
    case DType::Bits8:
    case DType::Bits1x8:
    case DType::Bits2x4:
    case DType::Bits4x2:
        return QStringLiteral("|u1");
    case DType::Bool:
        return QStringLiteral("|b1");
    case DType::Int16:
        return QStringLiteral("<i2");
    case DType::UInt16:
    case DType::Bits16: // raw bytes
        return QStringLiteral("<u2");
    case DType::Int32:
        return QStringLiteral("<i4");
    case DType::UInt32:
        return QStringLiteral("<u4");
    case DType::Int64:
        return QStringLiteral("<i8");
    case DType::UInt64:
        return QStringLiteral("<u8");
    case DType::BFloat16:
    case DType::Float8E4M3:
    case DType::Float8E5M2:
    case DType::Float8E4M3FNUZ:
    case DType::Float8E5M2FNUZ:
    case DType::Float8E8M0FNU:
    case DType::Complex32: // the real part, as .float() gives it
    case DType::QInt8:
    case DType::QUInt8:
    case DType::QInt32:
    case DType::QUInt4x2:
        if (widened)
            *widened = true;
        return QStringLiteral("<f4");
    case DType::Invalid:
        break;
    }
    return QString();
}

bool ValueExport::writeNpy(const TensorInfo &view, QIODevice *out, const Progress &progress, QString *error)
{
    bool widened = false;
    const QString descr = npyDescr(view.dtype, &widened);
    if (descr.isEmpty()) {
        *error = QCoreApplication::translate("ValueExport", "%1: no NumPy type for %2")
                     .arg(view.name, dtypeName(view.dtype));
        return false;
    }
    // The header dictionary, padded with spaces so the data starts on a 64-byte boundary.
    QByteArray header = QStringLiteral("{'descr': '%1', 'fortran_order': False, 'shape': %2, }")
                            .arg(descr, shapeTuple(view.shape))
                            .toLatin1();
    const qsizetype preamble = 10;
    const qsizetype padded = (preamble + header.size() + 1 + 63) / 64 * 64;
    header.append(QByteArray(padded - preamble - header.size() - 1, ' '));
    header.append('\n');
    QByteArray start("\x93NUMPY\x01\x00", 8);
    const quint16 length = quint16(header.size());
    start.append(char(length & 0xff));
    start.append(char(length >> 8));
    if (!writeAll(out, start.constData(), start.size(), error) ||
        !writeAll(out, header.constData(), header.size(), error))
        return false;

    const qint64 n = view.numel();
    if (n == 0)
        return true;
    if (!view.storage) {
        *error = QCoreApplication::translate("ValueExport", "%1 has no data in this file").arg(view.name);
        return false;
    }
    if (widened) {
        FloatWriter writer{out, error, QByteArray(), true};
        writer.buffer.reserve(kWriteChunk + kernel::kBlock * 8);
        for (qint64 begin = 0; begin < n && writer.ok; begin += kWriteChunk) {
            if (canceledBy(progress, error))
                return false;
            kernel::visitValues(view, begin, std::min(n, begin + kWriteChunk), writer);
            progress.set(begin, n);
        }
        writer.flush();
        return writer.ok;
    }
    // Native types: the stored bytes, gathered in row-major order.
    const int size = dtypeElementSize(view.dtype);
    const char *base = view.firstElement();
    if (view.isContiguous()) {
        const qint64 total = qint64(size) * n;
        for (qint64 done = 0; done < total; done += kWriteChunk) {
            if (canceledBy(progress, error))
                return false;
            if (!writeAll(out, base + done, std::min(kWriteChunk, total - done), error))
                return false;
            progress.set(done / size, n);
        }
        return true;
    }
    QByteArray buffer(kWriteChunk, Qt::Uninitialized);
    const qint64 perChunk = kWriteChunk / size;
    Odometer at(view, 0);
    for (qint64 begin = 0; begin < n; begin += perChunk) {
        if (canceledBy(progress, error))
            return false;
        const qint64 count = std::min(perChunk, n - begin);
        char *dst = buffer.data();
        for (qint64 k = 0; k < count; ++k, at.advance())
            std::memcpy(dst + k * size, base + at.offset() * size, size_t(size));
        if (!writeAll(out, buffer.constData(), count * size, error))
            return false;
        progress.set(begin, n);
    }
    return true;
}

bool ValueExport::writeCsv(const TensorInfo &view, QIODevice *out, const Progress &progress, QString *error)
{
    const qint64 n = view.numel();
    if (n == 0)
        return true;
    if (!view.storage) {
        *error = QCoreApplication::translate("ValueExport", "%1 has no data in this file").arg(view.name);
        return false;
    }
    const qint64 columns = view.shape.size() >= 2 ? view.shape.last() : 1;
    const int axis = view.quantization && view.quantization->scheme != Quantization::Scheme::PerTensorAffine
                         ? view.quantization->axis
                         : -1;
    CsvWriter csv;
    Odometer at(view, 0);
    for (qint64 i = 0; i < n; ++i, at.advance()) {
        const ElementValue value = readElementAt(view, at.offset(), axis >= 0 ? at.index(axis) : 0);
        csv.field(value.roundTrip());
        if ((i + 1) % columns == 0)
            csv.endRow();
        if (csv.bytes().size() >= kWriteChunk) {
            if (canceledBy(progress, error))
                return false;
            const QByteArray text = csv.take();
            if (!writeAll(out, text.constData(), text.size(), error))
                return false;
            progress.set(i, n);
        }
    }
    const QByteArray text = csv.take();
    return writeAll(out, text.constData(), text.size(), error);
}

QString ValueExport::tabSeparated(const QVector<QVector<ElementValue>> &rows)
{
    QString text;
    for (const auto &row : rows) {
        QStringList cells;
        for (const ElementValue &value : row)
            cells << value.roundTrip();
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

QString ValueExport::numpyLiteral(const QVector<QVector<ElementValue>> &rows, DType dtype)
{
    const auto literal = [](const ElementValue &v) {
        if (v.dtype == DType::Bool)
            return v.text();
        if (v.isNaN())
            return QStringLiteral("np.nan");
        if (v.isInf() && !dtypeIsComplex(v.dtype))
            return v.value < 0 ? QStringLiteral("-np.inf") : QStringLiteral("np.inf");
        return v.roundTrip();
    };
    QStringList lines;
    for (const auto &row : rows) {
        QStringList cells;
        for (const ElementValue &value : row)
            cells << literal(value);
        lines << u'[' + cells.join(QStringLiteral(", ")) + u']';
    }
    bool widened = false;
    const QString descr = ValueExport::npyDescr(dtype, &widened);
    const QString type = dtype == DType::Bool ? QStringLiteral("np.bool_")
                         : descr.isEmpty()    ? QStringLiteral("np.float32")
                                              : QStringLiteral("'%1'").arg(descr);
    QString text =
        QStringLiteral("np.array([%1], dtype=%2)").arg(lines.join(QStringLiteral(",\n          ")), type);
    if (widened)
        text += QStringLiteral("  # %1 values, exact in float32").arg(dtypeName(dtype));
    return text;
}

bool ValueQuery::matches(double v) const
{
    switch (kind) {
    case Kind::NaN:
        return std::isnan(v);
    case Kind::Inf:
        return std::isinf(v);
    case Kind::AbsAbove:
        return std::abs(v) > threshold;
    case Kind::Zero:
        return v == 0;
    }
    return false;
}

qint64 ValueQuery::findNext(const TensorInfo &view, qint64 from, const Progress &progress) const
{
    const qint64 n = view.storage ? view.numel() : 0;
    constexpr qint64 kStep = qint64(1) << 20;
    for (qint64 begin = std::max<qint64>(0, from); begin < n; begin += kStep) {
        if (progress.isCanceled())
            return -1;
        Finder finder{*this, begin};
        kernel::visitValues(view, begin, std::min(n, begin + kStep), finder);
        if (finder.found >= 0)
            return finder.found;
        progress.set(begin - from, n - from);
    }
    return -1;
}

} // namespace torchscope

#include "formats/safetensorsreader.h"

#include "tensor/bytes.h"
#include "tensor/mappedfile.h"
#include "tensor/naturalorder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace torchscope {

namespace {
constexpr qint64 kMaxHeader = 100 * 1000 * 1000;

// lupdate sees the strings of this file under the context SafetensorsReader.
struct SafetensorsReaderText
{
    Q_DECLARE_TR_FUNCTIONS(SafetensorsReader)
};

quint64 headerLength(const char *data)
{
    return loadLittleEndian<quint64>(data);
}

// A JSON number that is a whole byte offset or count (JSON numbers are doubles: past 2^53 they are
// no longer exact, and no file that large exists), or -1.
qint64 wholeNumber(const QJsonValue &value)
{
    const double v = value.toDouble(-1);
    constexpr double kExactLimit = double(qint64(1) << 53);
    return v >= 0 && v <= kExactLimit && v == double(qint64(v)) ? qint64(v) : -1;
}

} // namespace

namespace {
// The safetensors dtype codes and what they hold, both ways.
const std::pair<const char *, DType> kCodes[] = {
    {"BOOL", DType::Bool},          {"U8", DType::UInt8},      {"I8", DType::Int8},
    {"I16", DType::Int16},          {"I32", DType::Int32},     {"I64", DType::Int64},
    {"F16", DType::Float16},        {"BF16", DType::BFloat16}, {"F32", DType::Float32},
    {"F64", DType::Float64},        {"C64", DType::Complex64}, {"U16", DType::UInt16},
    {"U32", DType::UInt32},         {"U64", DType::UInt64},    {"F8_E4M3", DType::Float8E4M3},
    {"F8_E5M2", DType::Float8E5M2},
};
} // namespace

DType SafetensorsReader::dtypeFromCode(const QString &code, bool *known)
{
    for (const auto &[name, dtype] : kCodes) {
        if (code == QLatin1String(name)) {
            *known = true;
            return dtype;
        }
    }
    *known = false;
    return DType::Invalid;
}

QString SafetensorsReader::codeOf(DType dtype)
{
    for (const auto &[name, type] : kCodes)
        if (type == dtype)
            return QLatin1String(name);
    return QString();
}

bool SafetensorsReader::looksLikeSafetensors(const char *data, qint64 size)
{
    if (size < 10)
        return false;
    // A JSON object after a plausible length; a length past the end of the file is still recognised,
    // so that read() can say what is wrong with it rather than "unrecognised content".
    const quint64 n = headerLength(data);
    return n >= 2 && n < (quint64(1) << 32) && data[8] == '{';
}

bool SafetensorsReader::read(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    const char *data = file->data();
    const qint64 size = file->size();
    if (size < 8) {
        *error = SafetensorsReaderText::tr("truncated safetensors file");
        return false;
    }
    const quint64 n = headerLength(data);
    if (n > quint64(kMaxHeader) || !rangeInside(8, n, size)) {
        *error = SafetensorsReaderText::tr("safetensors header claims %1 bytes, the file has %2")
                     .arg(n)
                     .arg(size - 8);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument header =
        QJsonDocument::fromJson(QByteArray::fromRawData(data + 8, qsizetype(n)), &parseError);
    if (parseError.error != QJsonParseError::NoError || !header.isObject()) {
        *error = SafetensorsReaderText::tr("bad safetensors header: %1").arg(parseError.errorString());
        return false;
    }
    const qint64 bufferStart = 8 + qint64(n);
    const qint64 bufferSize = size - bufferStart;
    out->format = CheckpointFormat::Safetensors;

    struct Span
    {
        qint64 begin, end;
        QString name;
    };
    std::vector<Span> spans;
    const QJsonObject object = header.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = it.key();
        if (name == QLatin1String("__metadata__")) {
            const QJsonObject metadata = it.value().toObject();
            for (auto m = metadata.begin(); m != metadata.end(); ++m)
                out->metadata.append({m.key(), m.value().toString()});
            continue;
        }
        const QJsonObject entry = it.value().toObject();
        const QJsonArray shapeArray = entry.value(QStringLiteral("shape")).toArray();
        const QJsonArray offsets = entry.value(QStringLiteral("data_offsets")).toArray();
        if (!entry.value(QStringLiteral("dtype")).isString() ||
            !entry.value(QStringLiteral("shape")).isArray() || offsets.size() != 2) {
            *error = SafetensorsReaderText::tr("%1: malformed header entry").arg(name);
            return false;
        }
        const QString code = entry.value(QStringLiteral("dtype")).toString();
        const qint64 begin = wholeNumber(offsets.at(0));
        const qint64 end = wholeNumber(offsets.at(1));
        if (begin < 0 || end < begin || !rangeInside(begin, end - begin, bufferSize)) {
            *error = SafetensorsReaderText::tr("%1: data offsets outside the file").arg(name);
            return false;
        }
        spans.push_back({begin, end, name});
        bool known = false;
        const DType dtype = dtypeFromCode(code, &known);
        if (!known) {
            out->warnings
                << SafetensorsReaderText::tr("%1: element type %2 is not supported; skipped").arg(name, code);
            continue;
        }
        QVector<qint64> shape;
        qint64 numel = 1;
        for (const QJsonValue d : shapeArray) {
            const double v = d.toDouble(-1);
            if (v > double(kMaxTensorElements)) {
                *error = SafetensorsReaderText::tr("%1: more than 2^40 elements").arg(name);
                return false;
            }
            if (v < 0 || v != double(qint64(v))) {
                *error = SafetensorsReaderText::tr("%1: bad shape").arg(name);
                return false;
            }
            shape.append(qint64(v));
            if (shape.back() > 0 && numel > kMaxTensorElements / shape.back()) {
                *error = SafetensorsReaderText::tr("%1: more than 2^40 elements").arg(name);
                return false;
            }
            numel *= shape.back();
        }
        if (numel * dtypeElementSize(dtype) != end - begin) {
            *error = SafetensorsReaderText::tr("%1: %2 bytes of data for %3 elements of %4")
                         .arg(name)
                         .arg(end - begin)
                         .arg(numel)
                         .arg(dtypeName(dtype));
            return false;
        }
        TensorInfo tensor;
        tensor.name = name;
        tensor.kind = TensorKind::Tensor;
        tensor.dtype = dtype;
        tensor.shape = shape;
        tensor.strides = TensorInfo::contiguousStrides(shape);
        tensor.storage = std::make_shared<MappedFileRange>(file, bufferStart + begin, end - begin);
        out->tensors.push_back(std::move(tensor));
    }
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    qint64 expected = 0;
    for (const Span &span : spans) {
        if (span.begin != expected) {
            *error =
                span.begin < expected
                    ? SafetensorsReaderText::tr("%1: data overlaps another tensor").arg(span.name)
                    : SafetensorsReaderText::tr("%1: hole in the data before this tensor").arg(span.name);
            return false;
        }
        expected = span.end;
    }
    if (expected != bufferSize) {
        *error = SafetensorsReaderText::tr("data buffer is %1 bytes, the tensors cover %2")
                     .arg(bufferSize)
                     .arg(expected);
        return false;
    }
    // The header is a JSON object: its order (string order, as writers sort keys) is not the model's.
    std::stable_sort(out->tensors.begin(), out->tensors.end(),
                     [](const TensorInfo &a, const TensorInfo &b) { return naturalLess(a.name, b.name); });
    return true;
}

} // namespace torchscope

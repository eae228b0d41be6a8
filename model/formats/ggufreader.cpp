#include "formats/ggufreader.h"

#include "tensor/bytes.h"
#include "tensor/mappedfile.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace torchscope {

namespace {

struct GgufReaderText
{
    Q_DECLARE_TR_FUNCTIONS(GgufReader)
};

constexpr qint64 kMaxKeyBytes = qint64(1) << 16;
constexpr qint64 kMaxStringBytes = qint64(1) << 30;
constexpr int kArrayItemsShown = 8;
constexpr int kMaxDims = 4;       // GGML_MAX_DIMS
constexpr int kMaxNameBytes = 63; // GGML_MAX_NAME counts the NUL

// A ggml type: its name, elements per block and bytes per block; the dtype it reads as in place, or
// Float32 with a block decoder.
struct GgmlType
{
    int id;
    const char *name;
    int blockSize;
    int blockBytes;
    DType dtype;  // read in place as this; Invalid: decoded (or not) to float32
    bool decoded; // a decoder below turns its blocks into float32
};

constexpr GgmlType kTypes[] = {
    {0, "F32", 1, 4, DType::Float32, false},
    {1, "F16", 1, 2, DType::Float16, false},
    {2, "Q4_0", 32, 18, DType::Invalid, true},
    {3, "Q4_1", 32, 20, DType::Invalid, true},
    {6, "Q5_0", 32, 22, DType::Invalid, true},
    {7, "Q5_1", 32, 24, DType::Invalid, true},
    {8, "Q8_0", 32, 34, DType::Invalid, true},
    {9, "Q8_1", 32, 40, DType::Invalid, false},
    {10, "Q2_K", 256, 84, DType::Invalid, true},
    {11, "Q3_K", 256, 110, DType::Invalid, true},
    {12, "Q4_K", 256, 144, DType::Invalid, true},
    {13, "Q5_K", 256, 176, DType::Invalid, true},
    {14, "Q6_K", 256, 210, DType::Invalid, true},
    {15, "Q8_K", 256, 292, DType::Invalid, false},
    {16, "IQ2_XXS", 256, 66, DType::Invalid, false},
    {17, "IQ2_XS", 256, 74, DType::Invalid, false},
    {18, "IQ3_XXS", 256, 98, DType::Invalid, false},
    {19, "IQ1_S", 256, 50, DType::Invalid, false},
    {20, "IQ4_NL", 32, 18, DType::Invalid, false},
    {21, "IQ3_S", 256, 110, DType::Invalid, false},
    {22, "IQ2_S", 256, 82, DType::Invalid, false},
    {23, "IQ4_XS", 256, 136, DType::Invalid, false},
    {24, "I8", 1, 1, DType::Int8, false},
    {25, "I16", 1, 2, DType::Int16, false},
    {26, "I32", 1, 4, DType::Int32, false},
    {27, "I64", 1, 8, DType::Int64, false},
    {28, "F64", 1, 8, DType::Float64, false},
    {29, "IQ1_M", 256, 56, DType::Invalid, false},
    {30, "BF16", 1, 2, DType::BFloat16, false},
    {34, "TQ1_0", 256, 54, DType::Invalid, false},
    {35, "TQ2_0", 256, 66, DType::Invalid, false},
};

const GgmlType *ggmlType(quint32 id)
{
    for (const GgmlType &type : kTypes) {
        if (quint32(type.id) == id)
            return &type;
    }
    return nullptr;
}

// One block of a decoded type into float32, as gguf-py's dequantize_blocks computes it (float32
// products of the float16 scale and the integer, plus the float16 minimum where the type has one).
void decodeBlock(int id, const uchar *block, float *out)
{
    const auto half = [](const uchar *p) { return halfToFloat(quint16(p[0] | (p[1] << 8))); };
    switch (id) {
    case 8: { // Q8_0: d, int8 qs[32]
        const float d = half(block);
        for (int j = 0; j < 32; ++j)
            out[j] = float(qint8(block[2 + j])) * d;
        break;
    }
    case 2: { // Q4_0: d, qs[16] (low nibbles the first 16 values, high the next)
        const float d = half(block);
        for (int j = 0; j < 16; ++j) {
            out[j] = d * float(int(block[2 + j] & 15) - 8);
            out[j + 16] = d * float(int(block[2 + j] >> 4) - 8);
        }
        break;
    }
    case 3: { // Q4_1: d, m, qs[16]
        const float d = half(block), m = half(block + 2);
        for (int j = 0; j < 16; ++j) {
            const float low = d * float(block[4 + j] & 15), high = d * float(block[4 + j] >> 4);
            out[j] = low + m;
            out[j + 16] = high + m;
        }
        break;
    }
    case 6:   // Q5_0: d, qh (u32: value i's fifth bit is bit i), qs[16]
    case 7: { // Q5_1: d, m, qh, qs[16]
        const bool withMin = id == 7;
        const float d = half(block), m = withMin ? half(block + 2) : 0.0F;
        const uchar *qhBytes = block + (withMin ? 4 : 2);
        const quint32 qh = quint32(qhBytes[0]) | (quint32(qhBytes[1]) << 8) | (quint32(qhBytes[2]) << 16) |
                           (quint32(qhBytes[3]) << 24);
        const uchar *qs = qhBytes + 4;
        for (int i = 0; i < 32; ++i) {
            const int low = i < 16 ? (qs[i] & 15) : (qs[i - 16] >> 4);
            const int q = low | int(((qh >> i) & 1) << 4);
            if (withMin) {
                const float scaled = d * float(q);
                out[i] = scaled + m;
            } else {
                out[i] = d * float(q - 16);
            }
        }
        break;
    }
    case 10: { // Q2_K: scales[16] (low nibble scale, high nibble min), qs[64] (2 bits), d, dmin
        const uchar *scales = block, *qs = block + 16;
        const float d = half(block + 80), dmin = half(block + 82);
        for (int i = 0; i < 256; ++i) {
            const int g = i / 128, k = (i % 128) / 32, l = i % 32, sub = i / 16;
            const float q = float((qs[g * 32 + l] >> (2 * k)) & 3);
            const float dl = d * float(scales[sub] & 15), ml = dmin * float(scales[sub] >> 4);
            const float scaled = dl * q;
            out[i] = scaled - ml;
        }
        break;
    }
    case 11: { // Q3_K: hmask[32], qs[64], scales[12] (6 bits each, packed), d
        const uchar *hmask = block, *qs = block + 32, *packed = block + 96;
        const float d = half(block + 108);
        float dl[16];
        for (int i = 0; i < 16; ++i) {
            const int low = i < 8 ? (packed[i] & 15) : (packed[i - 8] >> 4);
            const int high = (packed[8 + i % 4] >> (2 * (i / 4))) & 3;
            dl[i] = d * float(qint8(uchar(low | (high << 4))) - 32);
        }
        for (int i = 0; i < 256; ++i) {
            const int g = i / 128, k = (i % 128) / 32, l = i % 32;
            const int low = (qs[g * 32 + l] >> (2 * k)) & 3;
            const int high = ((hmask[l] >> (i / 32)) & 1) ^ 1; // the offset is 4 where the bit is clear
            out[i] = dl[i / 16] * float(low - (high << 2));
        }
        break;
    }
    case 12:   // Q4_K: d, dmin, scales[12] (eight 6-bit scales and mins), qs[128]
    case 13: { // Q5_K: d, dmin, scales[12], qh[32], qs[128]
        const bool five = id == 13;
        const float d = half(block), dmin = half(block + 2);
        const uchar *s = block + 4, *qh = block + 16, *qs = block + (five ? 48 : 16);
        float dd[8], dm[8];
        for (int j = 0; j < 8; ++j) {
            const int sc = j < 4 ? (s[j] & 63) : ((s[8 + j - 4] & 15) | ((s[j - 4] >> 2) & 0x30));
            const int m = j < 4 ? (s[4 + j] & 63) : ((s[8 + j - 4] >> 4) | ((s[j] >> 2) & 0x30));
            dd[j] = d * float(sc);
            dm[j] = dmin * float(m);
        }
        for (int i = 0; i < 256; ++i) {
            const int g = i / 64, k = (i % 64) / 32, l = i % 32, j = i / 32;
            int q = (qs[g * 32 + l] >> (4 * k)) & 15;
            if (five)
                q |= ((qh[l] >> j) & 1) << 4;
            const float scaled = dd[j] * float(q);
            out[i] = scaled - dm[j];
        }
        break;
    }
    case 14: { // Q6_K: ql[128], qh[64], int8 scales[16], d
        const uchar *ql = block, *qh = block + 128;
        const float d = half(block + 208);
        for (int i = 0; i < 256; ++i) {
            const int g = i / 128, r = i % 128;
            const int low = (ql[g * 64 + r % 64] >> (4 * (r / 64))) & 15;
            const int high = (qh[g * 32 + r % 32] >> (2 * (r / 32))) & 3;
            const float scale = d * float(qint8(block[192 + i / 16]));
            out[i] = scale * float(qint8(uchar(low | (high << 4))) - 32);
        }
        break;
    }
    default:
        std::memset(out, 0, sizeof(float) * 256);
    }
}

// A block-quantized tensor read as float32: read() decodes only the blocks a range touches; data()
// decodes the whole tensor once.
class BlockDecodedStorage final : public TensorStorage
{
public:
    BlockDecodedStorage(std::shared_ptr<MappedFile> file, qint64 offset, const GgmlType &type, qint64 numel)
        : m_file(std::move(file)), m_offset(offset), m_type(type), m_size(numel * 4)
    {
    }
    const char *data() const override
    {
        std::call_once(m_decoded, [this] {
            m_whole = QByteArray(qsizetype(m_size), Qt::Uninitialized);
            read(0, m_whole.data(), m_size);
        });
        return m_whole.constData();
    }
    qint64 size() const override { return m_size; }
    bool prefersRead() const override { return true; }
    bool read(qint64 offset, char *buffer, qint64 length) const override
    {
        if (offset < 0 || length < 0 || offset + length > m_size || offset % 4 || length % 4)
            return false;
        const qint64 first = offset / 4, last = (offset + length) / 4; // elements [first, last)
        const int n = m_type.blockSize;
        float block[256];
        for (qint64 b = first / n; b * n < last; ++b) {
            const uchar *bytes =
                reinterpret_cast<const uchar *>(m_file->data() + m_offset + b * m_type.blockBytes);
            decodeBlock(m_type.id, bytes, block);
            const qint64 from = std::max(first, b * n), to = std::min(last, (b + 1) * n);
            std::memcpy(buffer + (from - first) * 4, block + (from - b * n), size_t(to - from) * 4);
        }
        return true;
    }

private:
    std::shared_ptr<MappedFile> m_file;
    qint64 m_offset;
    GgmlType m_type;
    qint64 m_size;
    mutable std::once_flag m_decoded;
    mutable QByteArray m_whole;
};

// A bounded cursor over the header.
class Cursor
{
public:
    Cursor(const char *data, qint64 size) : m_data(data), m_size(size) {}
    qint64 position() const { return m_position; }
    qint64 left() const { return m_size - m_position; }
    bool take(qint64 bytes, const char **at)
    {
        if (bytes < 0 || bytes > left())
            return false;
        *at = m_data + m_position;
        m_position += bytes;
        return true;
    }
    template <typename T> bool number(T *value)
    {
        const char *at = nullptr;
        if (!take(sizeof(T), &at))
            return false;
        std::memcpy(value, at, sizeof(T));
        return true;
    }
    bool string(qint64 limit, QString *text, QString *error)
    {
        quint64 length = 0;
        const char *at = nullptr;
        if (!number(&length) || length > quint64(limit) || !take(qint64(length), &at)) {
            *error = GgufReaderText::tr("a string at byte %1 runs past the file").arg(m_position);
            return false;
        }
        *text = QString::fromUtf8(at, qsizetype(length));
        return true;
    }

private:
    const char *m_data;
    qint64 m_size;
    qint64 m_position = 0;
};

const char *valueTypeName(quint32 type)
{
    static const char *names[] = {"uint8", "int8",   "uint16", "int16",  "uint32", "int32",  "float32",
                                  "bool",  "string", "array",  "uint64", "int64",  "float64"};
    return type < 13 ? names[type] : nullptr;
}

// One scalar of a GGUF type as JSON; false past the file or for an unknown type.
bool readScalar(Cursor &cursor, quint32 type, QJsonValue *value, QString *error)
{
    const auto fail = [&] {
        *error = GgufReaderText::tr("a value at byte %1 runs past the file").arg(cursor.position());
        return false;
    };
    switch (type) {
    case 0: {
        quint8 v;
        if (!cursor.number(&v))
            return fail();
        *value = int(v);
        return true;
    }
    case 1: {
        qint8 v;
        if (!cursor.number(&v))
            return fail();
        *value = int(v);
        return true;
    }
    case 2: {
        quint16 v;
        if (!cursor.number(&v))
            return fail();
        *value = int(v);
        return true;
    }
    case 3: {
        qint16 v;
        if (!cursor.number(&v))
            return fail();
        *value = int(v);
        return true;
    }
    case 4: {
        quint32 v;
        if (!cursor.number(&v))
            return fail();
        *value = qint64(v);
        return true;
    }
    case 5: {
        qint32 v;
        if (!cursor.number(&v))
            return fail();
        *value = qint64(v);
        return true;
    }
    case 6: {
        float v;
        if (!cursor.number(&v))
            return fail();
        *value = double(v);
        return true;
    }
    case 7: {
        quint8 v;
        if (!cursor.number(&v))
            return fail();
        *value = v != 0;
        return true;
    }
    case 8: {
        QString s;
        if (!cursor.string(kMaxStringBytes, &s, error))
            return false;
        *value = s;
        return true;
    }
    case 10: {
        quint64 v;
        if (!cursor.number(&v))
            return fail();
        *value = v > quint64(1) << 53 ? QJsonValue(QString::number(v)) : QJsonValue(qint64(v));
        return true;
    }
    case 11: {
        qint64 v;
        if (!cursor.number(&v))
            return fail();
        *value = v;
        return true;
    }
    case 12: {
        double v;
        if (!cursor.number(&v))
            return fail();
        *value = v;
        return true;
    }
    default:
        *error = GgufReaderText::tr("unknown value type %1 at byte %2").arg(type).arg(cursor.position());
        return false;
    }
}

} // namespace

namespace {
// general.file_type: llama.cpp's LlamaFileType, what most of the tensors were quantized to.
QString fileTypeName(qint64 type)
{
    static const QHash<qint64, const char *> names{
        {0, "F32"},     {1, "F16"},     {2, "Q4_0"},     {3, "Q4_1"},    {7, "Q8_0"},     {8, "Q5_0"},
        {9, "Q5_1"},    {10, "Q2_K"},   {11, "Q3_K_S"},  {12, "Q3_K_M"}, {13, "Q3_K_L"},  {14, "Q4_K_S"},
        {15, "Q4_K_M"}, {16, "Q5_K_S"}, {17, "Q5_K_M"},  {18, "Q6_K"},   {19, "IQ2_XXS"}, {20, "IQ2_XS"},
        {21, "Q2_K_S"}, {22, "IQ3_XS"}, {23, "IQ3_XXS"}, {24, "IQ1_S"},  {25, "IQ4_NL"},  {26, "IQ3_S"},
        {27, "IQ3_M"},  {28, "IQ2_S"},  {29, "IQ2_M"},   {30, "IQ4_XS"}, {31, "IQ1_M"},   {32, "BF16"},
        {36, "TQ1_0"},  {37, "TQ2_0"}};
    const char *name = names.value(type);
    return name ? QLatin1String(name) : QString::number(type);
}

// The header's model description where a Hugging Face folder has config.json: the architecture and its
// hyperparameters (<arch>.embedding_length, .block_count, .attention.head_count), the vocabulary's size,
// and general.file_type in place of torch_dtype.
ModelConfig configOf(const QString &path, const QVector<CheckpointValue> &values)
{
    QHash<QString, const CheckpointValue *> byKey;
    for (const CheckpointValue &value : values)
        byKey.insert(value.path, &value);
    const auto integer = [&byKey](const QString &key) {
        const CheckpointValue *value = byKey.value(key);
        return value && value->value.isDouble() ? value->value.toInteger(-1) : qint64(-1);
    };
    ModelConfig config;
    const CheckpointValue *architecture = byKey.value(QStringLiteral("general.architecture"));
    if (!architecture || !architecture->value.isString())
        return config;
    const QString arch = architecture->value.toString();
    config.path = path;
    config.architecture = arch;
    config.modelType = arch;
    config.hiddenSize = integer(arch + QStringLiteral(".embedding_length"));
    config.hiddenLayers = integer(arch + QStringLiteral(".block_count"));
    config.attentionHeads = integer(arch + QStringLiteral(".attention.head_count"));
    config.vocabularySize = integer(arch + QStringLiteral(".vocab_size"));
    if (const CheckpointValue *tokens = byKey.value(QStringLiteral("tokenizer.ggml.tokens"));
        config.vocabularySize < 0 && tokens && tokens->value.isObject())
        config.vocabularySize = tokens->value[QStringLiteral("length")].toInteger(-1);
    if (const qint64 type = integer(QStringLiteral("general.file_type")); type >= 0)
        config.torchDtype = fileTypeName(type);
    return config;
}
} // namespace

bool looksLikeGguf(const char *data, qint64 size)
{
    return size >= 4 && std::memcmp(data, "GGUF", 4) == 0;
}

bool readGguf(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error)
{
    Cursor cursor(file->data(), file->size());
    const char *magic = nullptr;
    quint32 version = 0;
    if (!cursor.take(4, &magic) || !cursor.number(&version)) {
        *error = GgufReaderText::tr("a GGUF file cut short in its header");
        return false;
    }
    if (version > 0xffff && (qFromBigEndian(version) == 2 || qFromBigEndian(version) == 3)) {
        *error = GgufReaderText::tr(
                     "a big-endian GGUF file (version %1 written for a big-endian machine): not read")
                     .arg(qFromBigEndian(version));
        return false;
    }
    if (version != 2 && version != 3) {
        *error = GgufReaderText::tr("GGUF version %1; versions 2 and 3 are read").arg(version);
        return false;
    }
    qint64 tensorCount = 0, keyCount = 0;
    if (!cursor.number(&tensorCount) || !cursor.number(&keyCount) || tensorCount < 0 || keyCount < 0 ||
        keyCount > cursor.left() / 13 || tensorCount > cursor.left() / 24) {
        *error = GgufReaderText::tr("the header counts %1 tensors and %2 keys, more than the file holds")
                     .arg(tensorCount)
                     .arg(keyCount);
        return false;
    }
    out->format = CheckpointFormat::Gguf;
    QSet<QString> keys;
    quint32 alignment = 32;
    for (qint64 k = 0; k < keyCount; ++k) {
        QString key;
        quint32 type = 0;
        if (!cursor.string(kMaxKeyBytes, &key, error))
            return false;
        if (keys.contains(key)) {
            *error = GgufReaderText::tr("the key %1 is there twice").arg(key);
            return false;
        }
        keys.insert(key);
        if (!cursor.number(&type)) {
            *error = GgufReaderText::tr("%1: its type runs past the file").arg(key);
            return false;
        }
        CheckpointValue value;
        value.path = key;
        if (type == 9) {
            quint32 itemType = 0;
            quint64 count = 0;
            if (!cursor.number(&itemType) || !cursor.number(&count)) {
                *error = GgufReaderText::tr("%1: its array runs past the file").arg(key);
                return false;
            }
            if (itemType == 9) {
                *error = GgufReaderText::tr("%1: an array of arrays, which GGUF does not allow").arg(key);
                return false;
            }
            if (!valueTypeName(itemType)) {
                *error = GgufReaderText::tr("%1: unknown array item type %2").arg(key).arg(itemType);
                return false;
            }
            if (count > quint64(cursor.left())) {
                *error = GgufReaderText::tr("%1: %2 items, more than the file holds").arg(key).arg(count);
                return false;
            }
            QJsonArray first;
            for (quint64 i = 0; i < count; ++i) {
                QJsonValue item;
                if (!readScalar(cursor, itemType, &item, error)) {
                    *error = QStringLiteral("%1: %2").arg(key, *error);
                    return false;
                }
                if (i < quint64(kArrayItemsShown))
                    first.append(item);
            }
            value.type = QStringLiteral("array[%1]").arg(QLatin1String(valueTypeName(itemType)));
            value.value =
                QJsonObject{{QStringLiteral("length"), qint64(count)}, {QStringLiteral("first"), first}};
        } else {
            if (!valueTypeName(type)) {
                *error = GgufReaderText::tr("%1: unknown value type %2").arg(key).arg(type);
                return false;
            }
            if (!readScalar(cursor, type, &value.value, error)) {
                *error = QStringLiteral("%1: %2").arg(key, *error);
                return false;
            }
            value.type = QLatin1String(valueTypeName(type));
            if (key == QLatin1String("general.alignment")) {
                const qint64 a = value.value.toInteger(-1);
                if (type != 4 || a <= 0 || (a & (a - 1)) != 0 || a > (1 << 20)) {
                    *error = GgufReaderText::tr("general.alignment %1 is not a power of two").arg(a);
                    return false;
                }
                alignment = quint32(a);
            }
        }
        if (out->values.size() < kMaxCheckpointValues)
            out->values.append(value);
    }

    struct Info
    {
        QString name;
        QVector<qint64> shape;
        const GgmlType *type;
        quint64 offset;
    };
    QVector<Info> infos;
    QSet<QString> names;
    for (qint64 t = 0; t < tensorCount; ++t) {
        Info info;
        quint32 dims = 0, type = 0;
        if (!cursor.string(kMaxNameBytes, &info.name, error)) {
            *error = GgufReaderText::tr("tensor %1: its name runs past the file or is longer than %2 bytes")
                         .arg(t)
                         .arg(kMaxNameBytes);
            return false;
        }
        if (names.contains(info.name)) {
            *error = GgufReaderText::tr("the tensor %1 is there twice").arg(info.name);
            return false;
        }
        names.insert(info.name);
        if (!cursor.number(&dims) || dims > quint32(kMaxDims)) {
            *error =
                GgufReaderText::tr("%1: %2 dimensions (at most %3)").arg(info.name).arg(dims).arg(kMaxDims);
            return false;
        }
        // Bounded whatever the order: the product of the dimensions other than zero stays below 2^50.
        qint64 extents = 1;
        for (quint32 d = 0; d < dims; ++d) {
            qint64 extent = 0;
            if (!cursor.number(&extent) || extent < 0 ||
                (extent > 0 && extents > (qint64(1) << 50) / extent)) {
                *error = GgufReaderText::tr("%1: a dimension runs past the file or is out of range")
                             .arg(info.name);
                return false;
            }
            extents *= std::max<qint64>(extent, 1);
            info.shape.prepend(extent); // GGUF lists the innermost first
        }
        if (!cursor.number(&type) || !cursor.number(&info.offset)) {
            *error = GgufReaderText::tr("%1: its type and offset run past the file").arg(info.name);
            return false;
        }
        info.type = ggmlType(type);
        if (!info.type) {
            *error = GgufReaderText::tr("%1: unknown ggml type %2").arg(info.name).arg(type);
            return false;
        }
        if (!info.shape.isEmpty() && info.shape.last() % info.type->blockSize != 0) {
            *error = GgufReaderText::tr("%1: its rows of %2 are no whole number of %3 blocks of %4")
                         .arg(info.name)
                         .arg(info.shape.last())
                         .arg(QLatin1String(info.type->name))
                         .arg(info.type->blockSize);
            return false;
        }
        infos.append(info);
    }
    out->config = configOf(file->path(), out->values);
    const qint64 dataStart = (cursor.position() + alignment - 1) / alignment * alignment;
    for (const Info &info : std::as_const(infos)) {
        qint64 numel = 1;
        for (const qint64 d : info.shape)
            numel *= d;
        const qint64 bytes = numel / info.type->blockSize * info.type->blockBytes;
        if (info.offset % alignment != 0) {
            *error = GgufReaderText::tr("%1: its offset %2 is not a multiple of the alignment %3")
                         .arg(info.name)
                         .arg(info.offset)
                         .arg(alignment);
            return false;
        }
        if (dataStart > file->size() || info.offset > quint64(file->size() - dataStart) ||
            bytes > file->size() - dataStart - qint64(info.offset)) {
            *error = GgufReaderText::tr("%1: its %2 bytes at offset %3 run past the data section")
                         .arg(info.name)
                         .arg(bytes)
                         .arg(info.offset);
            return false;
        }
        TensorInfo tensor;
        tensor.name = info.name;
        tensor.kind = TensorKind::Tensor;
        tensor.shape = info.shape;
        tensor.strides = TensorInfo::contiguousStrides(info.shape);
        tensor.storedEncoding = QLatin1String(info.type->name);
        tensor.storedBytes = bytes;
        tensor.storedOffset = qint64(info.offset);
        const qint64 at = dataStart + qint64(info.offset);
        if (info.type->dtype != DType::Invalid) {
            tensor.dtype = info.type->dtype;
            tensor.storage = std::make_shared<MappedFileRange>(file, at, bytes);
        } else {
            tensor.dtype = DType::Float32;
            if (info.type->decoded) {
                tensor.storage = std::make_shared<BlockDecodedStorage>(file, at, *info.type, numel);
            } else {
                tensor.meta = true;
                out->warnings << GgufReaderText::tr(
                                     "%1: its %2 blocks are not decoded; its values are not shown")
                                     .arg(info.name, QLatin1String(info.type->name));
            }
        }
        out->tensors.push_back(tensor);
    }
    return true;
}

} // namespace torchscope

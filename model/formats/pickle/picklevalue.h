#pragma once

#include "tensor/dtype.h"
#include "tensor/tensorinfo.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>
#include <utility>
#include <vector>

namespace torchscope {

struct PickleValue;
// Values live in the PickleArena that made them and die with it, all at once: no reference counts,
// and no teardown that recurses through a hostile pickle's million nested lists.
using PickleValuePtr = PickleValue *;

// A storage named by a persistent id: ('storage', torch.FloatStorage, key, location, numel).
struct StorageRef
{
    QString key;
    DType dtype = DType::Invalid;
    qint64 numel = 0;
    QString location;
};

struct TensorRecord;

// The quantizer of a tensor rebuilt by torch._utils._rebuild_qtensor: a scale and zero point, or
// per-channel tensors of them along an axis.
struct QuantizerRecord
{
    Quantization::Scheme scheme = Quantization::Scheme::PerTensorAffine;
    double scale = 0;
    qint64 zeroPoint = 0;
    std::shared_ptr<TensorRecord> scales;
    std::shared_ptr<TensorRecord> zeroPoints;
    int axis = -1;
};

// A tensor rebuilt by torch._utils._rebuild_tensor_v2 (and wrapped by _rebuild_parameter), or by
// _rebuild_qtensor with its quantizer.
struct TensorRecord
{
    int storage = -1; // index into SafeUnpickler::storages()
    qint64 storageOffset = 0;
    QVector<qint64> shape;
    QVector<qint64> strides;
    bool requiresGrad = false;
    bool isParameter = false;
    std::shared_ptr<QuantizerRecord> quantizer;
    // What the pickle gave this tensor beyond its data and flag (backward hooks, a subclass, attributes),
    // which a model written back would lose; nullptr when there is nothing.
    const char *extra = nullptr;
};

// What the safe unpickler builds: plain data, class records that were never instantiated, tensors
// that point at storages, and markers where a call was refused. Nothing here can run code.
struct PickleValue
{
    enum class Type {
        None,
        Bool,
        Int,
        BigInt, // an integer wider than 64 bits; raw little-endian two's complement bytes
        Float,
        String,
        Bytes,
        Tuple,
        List,
        Dict,
        Set,
        Global,  // a reference to module.name, never imported
        Object,  // an instance of a class we do not build: class name, constructor args and state
        Storage, // a persistent-id storage reference; integer indexes SafeUnpickler::storages()
        Tensor,
        Refused, // the result of a call we refused to make
        Mark,    // internal: the MARK position on the stack
    };

    Type type = Type::None;
    bool boolean = false;
    qint64 integer = 0;
    double real = 0;
    QString text;                      // String; Global and Object: "module.name"; Refused: what was refused
    QByteArray bytes;                  // Bytes, BigInt
    std::vector<PickleValuePtr> items; // Tuple, List, Set; Object: args
    std::vector<std::pair<PickleValuePtr, PickleValuePtr>> entries; // Dict, in insertion order
    PickleValuePtr state = nullptr;                                 // Object: what BUILD gave it
    std::shared_ptr<TensorRecord> tensor;
    // The callable that made this value, where the type alone does not say it (a static string):
    // "collections.OrderedDict" for a Dict, "torch.Size" for a Tuple, "builtins.frozenset" for a Set,
    // "torch.device" for a String (items: its arguments), a reducing function for an Object. Global:
    // `integer` is the length of the module part of `text`. Writing a model back needs both.
    const char *constructor = nullptr;

    bool isString() const { return type == Type::String; }
    bool isSequence() const { return type == Type::Tuple || type == Type::List; }
    // Dict lookup by string key; nullptr if absent.
    PickleValuePtr get(const QString &key) const;
    QString describe() const;
};

// Owns the values of one or more unpicklings, allocated in blocks and freed together: one
// allocation per thousand values instead of one (with a reference count) per value.
class PickleArena
{
public:
    PickleArena() = default;
    PickleArena(const PickleArena &) = delete;
    PickleArena &operator=(const PickleArena &) = delete;
    ~PickleArena();

    PickleValuePtr make(PickleValue::Type type);
    PickleValuePtr makeString(const QString &text);
    // Small integers (sizes, strides, offsets), like None, booleans and the empty tuple, are shared: they
    // are never changed after they are made.
    PickleValuePtr makeInt(qint64 value);
    PickleValuePtr none() { return m_none ? m_none : (m_none = make(PickleValue::Type::None)); }
    PickleValuePtr boolean(bool value);
    PickleValuePtr mark() { return m_mark ? m_mark : (m_mark = make(PickleValue::Type::Mark)); }
    PickleValuePtr emptyTuple()
    {
        return m_emptyTuple ? m_emptyTuple : (m_emptyTuple = make(PickleValue::Type::Tuple));
    }

private:
    // Values come in blocks: small ones first, so a small pickle costs little; from the fifth block on,
    // blocks of 2 MiB the kernel may back with one huge page, as a big model's pickle makes millions of
    // values and a fault a 4 KiB page would cost more than making them.
    struct Block
    {
        PickleValue *values = nullptr;
        size_t count = 0;
        bool huge = false;
    };
    void addBlock();

    std::vector<Block> m_blocks;
    size_t m_used = 0;
    PickleValuePtr m_none = nullptr;
    PickleValuePtr m_true = nullptr;
    PickleValuePtr m_false = nullptr;
    PickleValuePtr m_mark = nullptr;
    PickleValuePtr m_emptyTuple = nullptr;
    std::vector<PickleValuePtr> m_smallInts;
};

} // namespace torchscope

#pragma once

#include "tensor/dtype.h"
#include "tensor/tensorinfo.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <algorithm>
#include <deque>
#include <limits>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace torchscope {

struct PickleValue;
// Values live in the PickleArena that made them and die with it, all at once: no reference counts,
// and no teardown that recurses through a hostile pickle's million nested lists.
using PickleValuePtr = PickleValue *;
// A dict entry: key and value.
struct PickleEntry
{
    PickleValuePtr first;
    PickleValuePtr second;
};

// The items of a tuple, list or set, or a dict's entries: a view of an array in the arena, grown by
// the arena (PickleArena::append) and never freed on its own, so a container costs no allocation of
// its own. A copy is a snapshot: it sees the items the original had, and appending to either never
// changes what the other holds.
template <typename T> class ArenaList
{
public:
    ArenaList() = default;
    ArenaList(const T *items, size_t count)
        : m_items(const_cast<T *>(items)), m_size(quint32(count)), m_capacity(quint32(count))
    {
    }
    ArenaList(const ArenaList &other) : m_items(other.m_items), m_size(other.m_size), m_capacity(other.m_size)
    {
    }
    ArenaList &operator=(const ArenaList &other)
    {
        if (this == &other)
            return *this;
        m_items = other.m_items;
        m_size = other.m_size;
        m_capacity = other.m_size; // the next append copies rather than writing past the original's end
        return *this;
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T *begin() const { return m_items; }
    T *end() const { return m_items + m_size; }
    T &operator[](size_t i) const { return m_items[i]; }
    T &front() const { return m_items[0]; }
    T &back() const { return m_items[m_size - 1]; }

private:
    friend class PickleArena;
    T *m_items = nullptr;
    quint32 m_size = 0; // the unpickler makes at most kMaxValues (8 Mi) values
    quint32 m_capacity = 0;
};
using PickleValueList = ArenaList<PickleValuePtr>;
using PickleEntryList = ArenaList<PickleEntry>;

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
    // The element type of a tensor rebuilt by _rebuild_tensor_v3 on an untyped (byte) storage; Invalid
    // where the storage's own type is the tensor's.
    DType dtype = DType::Invalid;
    // torch._utils._rebuild_meta_tensor_no_storage: a meta tensor, no storage (storage stays -1).
    bool meta = false;
    // The tensor subclass a tensor was saved as (torch._tensor._rebuild_from_type_v2), if any.
    QString subclass;
    // What the pickle gave this tensor beyond its data and flag (backward hooks, a subclass, attributes),
    // which a model written back would lose; nullptr when there is nothing.
    const char *extra = nullptr;
};

// What the safe unpickler builds: plain data, class records that were never instantiated, tensors
// that point at storages, and markers where a call was refused. Nothing here can run code.
struct PickleValue
{
    enum class Type : quint8 {
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
    // Global: the callable the unpickler evaluates itself, resolved once when the global is read, so
    // a REDUCE does not compare names (a SafeUnpickler::KnownCallable; 0 for none).
    quint8 callable = 0;
    // Set while a walk over the values is inside this one: cycles end there.
    mutable bool visiting = false;
    quint32 moduleLength = 0; // Global: the length of the module part of text()
    union {
        qint64 integer = 0; // Int; Storage: the index into SafeUnpickler::storages()
        double real;        // Float
    };
    PickleValueList items;          // Tuple, List, Set; Object: args
    PickleEntryList entries;        // Dict, in insertion order
    PickleValuePtr state = nullptr; // Object: what BUILD gave it
    std::shared_ptr<TensorRecord> tensor;
    // The callable that made this value, where the type alone does not say it (a static string):
    // "collections.OrderedDict" for a Dict, "torch.Size" for a Tuple, "builtins.frozenset" for a Set,
    // "torch.device" for a String (items: its arguments), a reducing function for an Object. Writing a
    // model back needs it.
    const char *constructor = nullptr;

    // String; Global and Object: "module.name"; Refused: what was refused. Held by the arena, and
    // shared: an object's class name is its class's.
    const QString &text() const { return *m_text; }
    // Bytes, BigInt (raw little-endian two's complement).
    const QByteArray &bytes() const { return *m_bytes; }

    bool isString() const { return type == Type::String; }
    bool isSequence() const { return type == Type::Tuple || type == Type::List; }
    // Dict lookup by string key; nullptr if absent.
    PickleValuePtr get(const QString &key) const;
    QString describe() const;

private:
    friend class PickleArena;
    static const QString s_noText;
    static const QByteArray s_noBytes;
    const QString *m_text = &s_noText;
    const QByteArray *m_bytes = &s_noBytes;
};

// Owns the values of one or more unpicklings and their containers' items, allocated in blocks and
// freed together: a big model's pickle makes millions of values, and one allocation (with its
// bookkeeping) per value or per container cost more than reading the file.
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

    // Sets what text() and bytes() return; the arena keeps the string.
    void setText(PickleValue *value, const QString &text);
    void shareText(PickleValue *value, const PickleValue &from) { value->m_text = from.m_text; }
    void setBytes(PickleValue *value, const QByteArray &bytes);

    // A list holding a copy of `count` items.
    template <typename T> ArenaList<T> copy(const T *items, size_t count)
    {
        ArenaList<T> list;
        append(&list, items, count);
        return list;
    }
    template <typename T> void append(ArenaList<T> *list, const T &item)
    {
        if (list->m_size == list->m_capacity)
            grow(list, 1);
        list->m_items[list->m_size++] = item;
    }
    template <typename T> void append(ArenaList<T> *list, const T *items, size_t count)
    {
        if (count == 0)
            return;
        if (list->m_capacity - list->m_size < count)
            grow(list, count);
        std::copy(items, items + count, list->m_items + list->m_size);
        list->m_size += quint32(count);
    }

private:
    // Values come in blocks: small ones first, so a small pickle costs little; from the fifth block on,
    // blocks of 2 MiB the kernel may back with one huge page, as a big model's pickle makes millions of
    // values and a fault a 4 KiB page would cost more than making them. A value is constructed when it
    // is made, so a block's memory is written once, not zeroed and then written again.
    struct Block
    {
        void *memory = nullptr;
        size_t count = 0;
        bool huge = false;
    };
    void *allocateBlock(size_t bytes, bool *huge);
    // Raw memory for containers' items, 8-byte aligned, bumped from chunks like the values' blocks.
    void *allocate(size_t bytes);
    template <typename T> void grow(ArenaList<T> *list, size_t extra)
    {
        static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
        const size_t capacity = std::max({size_t(4), list->m_size + extra, size_t(list->m_size) * 2});
        if (capacity > std::numeric_limits<quint32>::max())
            throw std::bad_alloc();
        // T is the item: a value pointer, or an entry of two.
        constexpr size_t kItemBytes = sizeof(T); // NOLINT(bugprone-sizeof-expression)
        T *items = static_cast<T *>(allocate(capacity * kItemBytes));
        std::copy(list->m_items, list->m_items + list->m_size, items);
        list->m_items = items;
        list->m_capacity = quint32(capacity);
    }

    std::vector<Block> m_blocks;
    size_t m_used = 0; // values made in the last block
    std::vector<Block> m_chunks;
    char *m_chunkNext = nullptr;
    char *m_chunkEnd = nullptr;
    PickleValuePtr m_none = nullptr;
    PickleValuePtr m_true = nullptr;
    PickleValuePtr m_false = nullptr;
    PickleValuePtr m_mark = nullptr;
    PickleValuePtr m_emptyTuple = nullptr;
    std::vector<PickleValuePtr> m_smallInts;
    std::deque<QString> m_texts;
    std::deque<QByteArray> m_bytes;
};

} // namespace torchscope

#pragma once

#include "formats/pickle/picklevalue.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>
#include <vector>

namespace torchscope {

// The unpickler's memo. Ids are almost always 0, 1, 2, ... in order, so they index a vector; an id
// far past the others (a hand-written pickle's) goes to a hash rather than growing the vector to it.
class PickleMemo
{
public:
    void clear();
    void reserve(size_t count);
    qsizetype size() const { return m_count; }
    const PickleValuePtr *find(quint32 id) const;
    void insert(quint32 id, PickleValuePtr value);

private:
    std::vector<PickleValuePtr> m_dense;
    QHash<quint32, PickleValuePtr> m_sparse;
    qsizetype m_count = 0;
};

// A call a pickle would make on torch.load, as far as it is known, for a person to act on: the callable
// ("posix.system"), its arguments in Python's notation ("'curl ... | sh'": strings quoted, containers one
// level deep, cut short) and the byte offset of the opcode that makes it in the unpickler's bytes.
struct RefusedCall
{
    QString callable;
    QString arguments;
    qint64 offset = -1;
};

// Whether the class module.name is one whose construction is how a hostile pickle reaches code (os,
// subprocess, builtins.eval's neighbours...): SafeUnpickler refuses to make one even inertly.
bool isGadgetClass(const QString &qualifiedName);
// Whether SafeUnpickler evaluates the callable module.name itself (OrderedDict, _rebuild_tensor_v2...).
bool isInterpretedCallable(const QString &qualifiedName);

// A pickle interpreter that imports nothing and calls nothing. It knows the few callables that
// PyTorch checkpoints use (OrderedDict, _rebuild_tensor_v2, _rebuild_parameter, ...) and evaluates
// them itself; classes become inert records of their name and state; any other call is refused
// and reported ("would call posix.system on load; refused") while the rest of the file still reads.
// Every length, count and nesting depth is bounded before anything is allocated.
class SafeUnpickler
{
public:
    // Values go into `arena` (a new one when none is given), which keeps them alive after the
    // unpickler is gone.
    SafeUnpickler(const char *data, qint64 size, std::shared_ptr<PickleArena> arena = nullptr);

    // Runs one pickle starting at `offset`, up to its STOP. Returns false with a one-line reason for
    // input that is not a well-formed pickle.
    bool run(qint64 offset, QString *error);
    PickleValuePtr result() const { return m_result; }
    const std::shared_ptr<PickleArena> &arena() const { return m_arena; }
    // Where the pickle ended (just past STOP).
    qint64 endOffset() const { return m_pos; }

    const std::vector<StorageRef> &storages() const { return m_storages; }
    const QStringList &refusals() const { return m_refusals; }
    // Every refused call, in the order met, up to kMaxRefusedCalls (refusedCallCount() counts them all).
    const QVector<RefusedCall> &refusedCalls() const { return m_refusedCalls; }
    qint64 refusedCallCount() const { return m_refusedCallCount; }
    static constexpr int kMaxRefusedCalls = 1000;
    // Every module.name the pickle read (GLOBAL, STACK_GLOBAL, INST), once each, in the order read.
    const QStringList &globalsRead() const { return m_globals; }

    static DType dtypeForStorageClass(const QString &className);

    // The pickle opcodes, by the names Python's pickletools gives them.
    enum class Op : quint8 {
        Proto = 0x80,
        Frame = 0x95,
        Stop = '.',
        // the stack and the memo
        Mark = '(',
        Pop = '0',
        PopMark = '1',
        Dup = '2',
        Get = 'g',
        Put = 'p',
        BinGet = 'h',
        LongBinGet = 'j',
        BinPut = 'q',
        LongBinPut = 'r',
        Memoize = 0x94,
        // scalars
        NoneValue = 'N',
        NewTrue = 0x88,
        NewFalse = 0x89,
        BinInt = 'J',
        BinInt1 = 'K',
        BinInt2 = 'M',
        Long1 = 0x8a,
        Long4 = 0x8b,
        Int = 'I',
        Long = 'L',
        Float = 'F',
        BinFloat = 'G',
        // strings and bytes
        BinUnicode = 'X',
        ShortBinUnicode = 0x8c,
        BinUnicode8 = 0x8d,
        BinBytes = 'B',
        ShortBinBytes = 'C',
        BinBytes8 = 0x8e,
        ByteArray8 = 0x96,
        BinString = 'T',
        ShortBinString = 'U',
        String = 'S',
        Unicode = 'V',
        // containers
        EmptyTuple = ')',
        EmptyList = ']',
        EmptyDict = '}',
        EmptySet = 0x8f,
        Tuple = 't',
        List = 'l',
        FrozenSet = 0x91,
        Tuple1 = 0x85,
        Tuple2 = 0x86,
        Tuple3 = 0x87,
        Dict = 'd',
        Append = 'a',
        Appends = 'e',
        AddItems = 0x90,
        SetItem = 's',
        SetItems = 'u',
        // globals and calls
        Global = 'c',
        StackGlobal = 0x93,
        Reduce = 'R',
        NewObj = 0x81,
        NewObjEx = 0x92,
        Inst = 'i',
        Obj = 'o',
        Build = 'b',
        // persistent ids
        BinPersId = 'Q',
        PersId = 'P',
        // refused: the extension registry names callables; out-of-band buffers are not in the file
        Ext1 = 0x82,
        Ext2 = 0x83,
        Ext4 = 0x84,
        NextBuffer = 0x97,
        ReadOnlyBuffer = 0x98,
    };

    // The callables the unpickler evaluates itself, resolved from a global's name once, when it is read
    // (PickleValue::callable holds one).
    enum class KnownCallable : quint8 {
        None,
        OrderedDict,
        Dict,
        DefaultDict,
        RebuildTensor,
        RebuildTensorV3,
        RebuildQuantizedTensor,
        RebuildWrapperSubclass,
        RebuildMetaTensor,
        RebuildParameter,
        Parameter,
        ThnnBackend,
        RebuildFromType,
        CodecsEncode,
        Set,
        FrozenSet,
        Size,
        Tuple,
        Device,
        RestoreTypeTag,
        JitBuildList,
    };

private:
    // The one error channel: the first failure's reason, with the byte it happened at.
    bool fail(const QString &reason);
    PickleValuePtr failed(const QString &reason)
    {
        fail(reason);
        return nullptr;
    }
    bool need(qint64 count);
    void push(PickleValuePtr value)
    {
        m_stack.push_back(value);
        ++m_values;
    }
    bool pushChecked(PickleValuePtr value); // fails at once when the stack is too deep
    PickleValuePtr pop();
    // The items above the topmost MARK, and the MARK gone; the only place a MARK leaves the stack.
    bool popMark(std::vector<PickleValuePtr> *items);
    bool readLine(QByteArray *line);
    bool withinBounds();

    // One method per opcode group; each reads its operands from m_pos and leaves its result on the stack.
    bool step(Op op);
    bool stackOp(Op op);
    bool memoOp(Op op);
    bool memoGet(quint32 index);
    bool memoPut(quint32 index);
    bool scalarOp(Op op);
    bool textIntegerOp(Op op);
    bool stringOp(Op op);
    bool newContainerOp(Op op);
    bool fillContainerOp(Op op);
    static bool holdsItems(const PickleValue &target);
    bool globalOp(Op op);
    bool callOp(Op op);
    bool newObject(Op op);
    bool buildOp();
    bool persistentIdOp(Op op);
    bool unsupportedOp(Op op);
    PickleValuePtr makeGlobal(const QString &module, const QString &name);

    void noteGlobal(const QString &name);
    PickleValuePtr call(const PickleValuePtr &callable, const PickleValuePtr &args);
    PickleValuePtr makeDict(KnownCallable known, const PickleValueList &args);
    PickleValuePtr makeBuiltin(KnownCallable known, const QString &name, const PickleValueList &args);
    PickleValuePtr rebuildParameter(KnownCallable known, const PickleValueList &args);
    PickleValuePtr rebuildFromType(const PickleValueList &args);
    PickleValuePtr refuseWrapperSubclass(const QString &name, const PickleValueList &args);
    PickleValuePtr refuseCall(const QString &name, const PickleValueList &args);
    PickleValuePtr rebuildQuantizedTensor(const PickleValueList &args);
    PickleValuePtr rebuildTensorV3(const PickleValueList &args);
    PickleValuePtr rebuildMetaTensor(const PickleValueList &args);
    PickleValuePtr rebuildTensor(const PickleValueList &args);
    PickleValuePtr persistentLoad(const PickleValuePtr &pid);
    PickleValuePtr refuse(const QString &what, const PickleValueList &arguments = {}, bool isCall = true);
    bool build(const PickleValuePtr &target, const PickleValuePtr &state);

    const char *m_data;
    qint64 m_size;
    std::shared_ptr<PickleArena> m_arena;
    qint64 m_pos = 0;
    std::vector<PickleValuePtr> m_stack;
    PickleMemo m_memo;
    std::vector<PickleValuePtr> m_items; // what the last popMark took, reused
    qint64 m_values = 0;                 // values made by this run, bounded
    QString m_error;
    // MARKs on the stack not yet popped: a bound of its own, since each is a value the stack holds.
    qint64 m_openMarks = 0;
    static constexpr qint64 kMaxOpenMarks = qint64(1) << 20;
    PickleValuePtr m_result = nullptr;
    std::vector<StorageRef> m_storages;
    QHash<QString, int> m_storageByKey;
    QStringList m_refusals;
    QVector<RefusedCall> m_refusedCalls;
    qint64 m_refusedCallCount = 0;
    qint64 m_opStart = 0; // where the opcode being run starts
    QStringList m_globals;
    QSet<QString> m_globalSet;
    // Module attributes a BUILD on a module would have set, by qualified name, for later lookups.
    QHash<QString, PickleValuePtr> m_attributeOverrides;
};

} // namespace torchscope

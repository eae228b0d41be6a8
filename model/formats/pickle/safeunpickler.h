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
    // Every module.name the pickle read (GLOBAL, STACK_GLOBAL, INST), once each, in the order read.
    const QStringList &globalsRead() const { return m_globals; }

    static DType dtypeForStorageClass(const QString &className);

private:
    bool fail(QString *error, const QString &reason);
    bool need(qint64 count, QString *error);
    PickleValuePtr pop();
    bool popMark(std::vector<PickleValuePtr> *items, QString *error);
    bool readLine(QByteArray *line, QString *error);
    void noteGlobal(const QString &name);
    PickleValuePtr call(const PickleValuePtr &callable, const PickleValuePtr &args, QString *error);
    PickleValuePtr rebuildQuantizedTensor(const PickleValueList &args, QString *error);
    PickleValuePtr rebuildTensorV3(const PickleValueList &args, QString *error);
    PickleValuePtr rebuildMetaTensor(const PickleValueList &args, QString *error);
    PickleValuePtr rebuildTensor(const PickleValueList &args, QString *error);
    PickleValuePtr persistentLoad(const PickleValuePtr &pid, QString *error);
    PickleValuePtr refuse(const QString &what);
    bool build(const PickleValuePtr &target, const PickleValuePtr &state);

    const char *m_data;
    qint64 m_size;
    std::shared_ptr<PickleArena> m_arena;
    qint64 m_pos = 0;
    std::vector<PickleValuePtr> m_stack;
    PickleMemo m_memo;
    // MARKs on the stack not yet popped: a bound of its own, since each is a value the stack holds.
    qint64 m_openMarks = 0;
    static constexpr qint64 kMaxOpenMarks = qint64(1) << 20;
    PickleValuePtr m_result = nullptr;
    std::vector<StorageRef> m_storages;
    QHash<QString, int> m_storageByKey;
    QStringList m_refusals;
    QStringList m_globals;
    QSet<QString> m_globalSet;
    // Module attributes a BUILD on a module would have set, by qualified name, for later lookups.
    QHash<QString, PickleValuePtr> m_attributeOverrides;
};

} // namespace torchscope

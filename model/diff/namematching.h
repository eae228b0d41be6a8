#pragma once

// Matching two sets of tensor names as load_state_dict does, after prefixes: the one place the
// comparison, load-weights and every later feature that lines names up take it from.

#include "tensor/tensorinfo.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace torchscope {

// How one side's names are changed before matching: `strip` removed where a name starts with it,
// then `add` put in front ("module." from DataParallel, "model." of Hugging Face heads).
struct NameMapping
{
    QString strip;
    QString add;
    QString apply(const QString &name) const;
    bool isIdentity() const { return strip.isEmpty() && add.isEmpty(); }
};

// One side's names after its mapping. The first tensor of a name wins: a collision is a mistake in the
// mapping, so it is reported (collisions) rather than resolved silently.
struct MappedNames
{
    QStringList names;                       // the mapped name of each tensor, in order
    QHash<QString, int> indexOf;             // mapped name -> the first tensor that has it
    QVector<std::pair<int, int>> collisions; // (the tensor kept, a later one mapped to its name)

    static MappedNames of(const std::vector<TensorInfo> &tensors, const NameMapping &mapping);
    bool isFirst(int index) const { return indexOf.value(names[index], -1) == index; }
};

// A prefix that, stripped from one side, makes names match that otherwise do not ("module.").
struct PrefixSuggestion
{
    enum class Side { A, B };
    Side side = Side::A;
    QString prefix;
    int matches = 0;
    bool isValid() const { return matches > 0; }
};

// Of names left unmatched on each side, a prefix on one side only: an unmatched name of one side that
// ends an unmatched name of the other right after a dot. The prefix that explains the most names wins
// (ties: the first in string order).
PrefixSuggestion suggestPrefix(const QSet<QString> &unmatchedA, const QSet<QString> &unmatchedB);

// How a source's tensors line up with a target's, as target.load_state_dict(source) matches them: by name,
// after the source's mapping. Names are the target's.
struct NameMatch
{
    QStringList applied;    // same name, shape and dtype
    QStringList missing;    // in the target, not in the source
    QStringList unexpected; // in the source (mapped), not in the target
    QStringList shapeMismatch;
    QStringList dtypeMismatch;
    QStringList collisions;             // "'a' and 'b' both map to 'c'; the second is left out"
    QVector<std::pair<int, int>> pairs; // (target index, source index) of the applied names

    static NameMatch of(const std::vector<TensorInfo> &target, const std::vector<TensorInfo> &source,
                        const NameMapping &sourceMapping);
    // The prefix that would match more: on the source (side B: strip it) or on the target (side A: add
    // it to the source's names).
    static PrefixSuggestion suggestion(const std::vector<TensorInfo> &target,
                                       const std::vector<TensorInfo> &source);
};

} // namespace torchscope

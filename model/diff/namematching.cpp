#include "diff/namematching.h"

#include <QCoreApplication>

namespace torchscope {

QString NameMapping::apply(const QString &name) const
{
    QString mapped = !strip.isEmpty() && name.startsWith(strip) ? name.mid(strip.size()) : name;
    return add.isEmpty() ? mapped : add + mapped;
}

MappedNames MappedNames::of(const std::vector<TensorInfo> &tensors, const NameMapping &mapping)
{
    MappedNames mapped;
    mapped.names.reserve(qsizetype(tensors.size()));
    mapped.indexOf.reserve(int(tensors.size()));
    for (int i = 0; i < int(tensors.size()); ++i) {
        const QString name = mapping.apply(tensors[size_t(i)].name);
        mapped.names.append(name);
        if (const auto it = mapped.indexOf.constFind(name); it != mapped.indexOf.constEnd())
            mapped.collisions.append({*it, i});
        else
            mapped.indexOf.insert(name, i);
    }
    return mapped;
}

PrefixSuggestion suggestPrefix(const QSet<QString> &unmatchedA, const QSet<QString> &unmatchedB)
{
    auto count = [](const QSet<QString> &longer, const QSet<QString> &shorter,
                    QHash<QString, int> *prefixes) {
        for (const QString &name : longer) {
            for (int dot = name.indexOf(QLatin1Char('.')); dot >= 0;
                 dot = name.indexOf(QLatin1Char('.'), dot + 1)) {
                if (shorter.contains(name.mid(dot + 1)))
                    ++(*prefixes)[name.left(dot + 1)];
            }
        }
    };
    QHash<QString, int> fromA, fromB;
    count(unmatchedA, unmatchedB, &fromA);
    count(unmatchedB, unmatchedA, &fromB);
    PrefixSuggestion best;
    auto consider = [&best](const QHash<QString, int> &prefixes, PrefixSuggestion::Side side) {
        for (auto it = prefixes.begin(); it != prefixes.end(); ++it) {
            if (it.value() > best.matches || (it.value() == best.matches && it.key() < best.prefix))
                best = {side, it.key(), it.value()};
        }
    };
    consider(fromA, PrefixSuggestion::Side::A);
    consider(fromB, PrefixSuggestion::Side::B);
    return best;
}

NameMatch NameMatch::of(const std::vector<TensorInfo> &target, const std::vector<TensorInfo> &source,
                        const NameMapping &sourceMapping)
{
    NameMatch match;
    const MappedNames mapped = MappedNames::of(source, sourceMapping);
    for (const auto &[kept, dropped] : mapped.collisions)
        match.collisions << QCoreApplication::translate(
                                "NameMatching", "'%1' and '%2' both map to '%3'; the second is left out")
                                .arg(source[size_t(kept)].name, source[size_t(dropped)].name,
                                     mapped.names[dropped]);
    QSet<QString> inTarget;
    for (int index = 0; index < int(target.size()); ++index) {
        const TensorInfo &tensor = target[size_t(index)];
        inTarget.insert(tensor.name);
        const int given = mapped.indexOf.value(tensor.name, -1);
        if (given < 0)
            match.missing << tensor.name;
        else if (source[size_t(given)].shape != tensor.shape)
            match.shapeMismatch << tensor.name;
        else if (source[size_t(given)].dtype != tensor.dtype)
            match.dtypeMismatch << tensor.name;
        else {
            match.applied << tensor.name;
            match.pairs.append({index, given});
        }
    }
    for (int i = 0; i < int(source.size()); ++i) {
        if (mapped.isFirst(i) && !inTarget.contains(mapped.names[i]))
            match.unexpected << mapped.names[i];
    }
    return match;
}

PrefixSuggestion NameMatch::suggestion(const std::vector<TensorInfo> &target,
                                       const std::vector<TensorInfo> &source)
{
    const NameMatch plain = of(target, source, NameMapping());
    const QSet<QString> unmatchedTarget(plain.missing.cbegin(), plain.missing.cend());
    const QSet<QString> unmatchedSource(plain.unexpected.cbegin(), plain.unexpected.cend());
    return suggestPrefix(unmatchedTarget, unmatchedSource);
}

} // namespace torchscope

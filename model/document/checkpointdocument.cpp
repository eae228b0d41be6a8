#include "document/checkpointdocument.h"

#include "document/namepattern.h"
#include "document/replacetensorscommand.h"
#include "document/setrequiresgradcommand.h"
#include "formats/pickle/picklemodule.h"

#include <QSet>
#include <QUndoStack>

#include <algorithm>
#include <vector>

namespace torchscope {

CheckpointDocument::CheckpointDocument(CheckpointContent content, QObject *parent)
    : QObject(parent), m_format(content.format), m_filePath(std::move(content.filePath)),
      m_openedPath(std::move(content.openedPath)), m_warnings(std::move(content.warnings)),
      m_weightsOnlyBlockers(std::move(content.weightsOnlyBlockers)), m_metadata(std::move(content.metadata)),
      m_config(content.config), m_refusedContent(std::move(content.refusedContent)),
      // Before the tensors and values move: the parts are recognised from them (and from the config).
      m_parts(recognizeParts(content)), m_sourceBytes(std::move(content.sourceBytes)),
      m_pickleModule(std::dynamic_pointer_cast<const PickleModuleGraph>(content.sourceGraph)),
      m_tensors(std::move(content.tensors)), m_undoStack(new QUndoStack(this))
{
    m_values = std::move(content.values);
    m_storesRequiresGrad =
        isEntireModelFormat(m_format) || std::any_of(m_tensors.begin(), m_tensors.end(),
                                                     [](const TensorInfo &t) { return t.hasRequiresGrad; });
    m_replacedDepth.assign(m_tensors.size(), 0);
    buildModuleTree(content.modules, content.keyPaths);
    assignTensorsAndCounts();
    if (!m_parts.optimizers.isEmpty())
        m_optimizers = readOptimizers(m_parts, m_values, m_tensors, modelParameters());
    if (!m_config.isEmpty())
        checkAgainstConfig();
}

void CheckpointDocument::checkAgainstConfig()
{
    // The architecture names the root where the file itself names no modules.
    if (m_root->m_typeName.isEmpty())
        m_root->m_typeName = m_config.architecture;
    if (m_config.hiddenLayers < 0)
        return;
    const ModuleNode *blocks = largestBlockList();
    const int present = blocks ? blocks->childCount() : 0;
    if (present != m_config.hiddenLayers)
        m_warnings
            << (blocks ? tr("config.json says %1 hidden layers, but the checkpoint holds %2 blocks in %3")
                             .arg(m_config.hiddenLayers)
                             .arg(present)
                             .arg(blocks->path())
                       : tr("config.json says %1 hidden layers, but the checkpoint holds no numbered blocks")
                             .arg(m_config.hiddenLayers));
}

CheckpointDocument::~CheckpointDocument() = default;

bool CheckpointDocument::isPickledModule(const QString &path) const
{
    return m_pickleModule && m_pickleModule->modules.contains(path);
}

bool CheckpointDocument::canSaveEntireModel() const
{
    return (m_format == CheckpointFormat::TorchScript &&
            (!m_filePath.isEmpty() || !m_sourceBytes.isEmpty())) ||
           (m_format == CheckpointFormat::PickleModule && m_pickleModule) ||
           isPickledModule(m_parts.modelPath);
}

QString CheckpointDocument::modelRelativeName(int index) const
{
    const QString &name = m_tensors[size_t(index)].name;
    return m_parts.modelPath.isEmpty() ? name : name.mid(m_parts.modelPath.size() + 1);
}

QVector<ModelParameter> CheckpointDocument::modelParameters() const
{
    QVector<ModelParameter> parameters;
    for (int i = 0; i < tensorCount(); ++i) {
        const TensorInfo &tensor = m_tensors[size_t(i)];
        if (m_isParameter[size_t(i)] && tensor.tiedTo < 0)
            parameters.append({modelRelativeName(i), tensor.shape, m_requiresGrad[size_t(i)]});
    }
    return parameters;
}

ModuleNode *CheckpointDocument::ensureModule(const QString &path, const QString &typeName)
{
    if (ModuleNode *existing = m_modulesByPath.value(path))
        return existing;
    const int dot = path.lastIndexOf(QLatin1Char('.'));
    ModuleNode *parent = ensureModule(dot < 0 ? QString() : path.left(dot), QString());
    auto node = std::make_unique<ModuleNode>(parent, path.mid(dot + 1), path, typeName);
    node->m_row = parent->childCount();
    ModuleNode *raw = node.get();
    parent->m_children.push_back(std::move(node));
    m_modulesByPath.insert(path, raw);
    return raw;
}

ModuleNode *CheckpointDocument::ensureKeyPath(const QStringList &keys)
{
    ModuleNode *node = m_root.get();
    for (const QString &key : keys) {
        const QString path = node == m_root.get() ? key : node->path() + u'.' + key;
        if (ModuleNode *existing = m_modulesByPath.value(path)) {
            node = existing;
            continue;
        }
        auto child = std::make_unique<ModuleNode>(node, key, path, QString());
        child->m_row = node->childCount();
        ModuleNode *raw = child.get();
        node->m_children.push_back(std::move(child));
        m_modulesByPath.insert(path, raw);
        node = raw;
    }
    return node;
}

void CheckpointDocument::buildModuleTree(const QVector<ModuleEntry> &modules,
                                         const QHash<QString, QStringList> &keyPaths)
{
    QString rootType;
    if (!modules.isEmpty() && modules.first().path.isEmpty())
        rootType = modules.first().typeName;
    m_root = std::make_unique<ModuleNode>(nullptr, QString(), QString(), rootType);
    m_modulesByPath.insert(QString(), m_root.get());
    for (const ModuleEntry &entry : modules)
        ensureModule(entry.path, entry.typeName);
    // Weights-only files name no modules: every dotted prefix of a tensor name becomes one.
    // Neighbouring tensors mostly share a module, so the last one found is tried first.
    // The model's names are module paths and split at every dot; outside it a dict key that holds dots
    // (a parameter's name keying its optimizer state) stays one node, where the reader knows the keys.
    const ModuleNode *last = nullptr;
    for (const TensorInfo &tensor : m_tensors) {
        const int dot = tensor.name.lastIndexOf(QLatin1Char('.'));
        if (dot <= 0 || (last && QStringView(tensor.name).left(dot) == last->path()))
            continue;
        const auto keys = keyPaths.constFind(tensor.name);
        if (keys != keyPaths.constEnd() && keys->size() > 1 && !m_parts.isModelTensor(tensor.name))
            last = ensureKeyPath(keys->mid(0, keys->size() - 1));
        else
            last = ensureModule(tensor.name.left(dot), QString());
    }
}

void CheckpointDocument::assignTensorsAndCounts()
{
    const size_t count = m_tensors.size();
    m_tensorModule.assign(count, nullptr);
    m_countStop.assign(count, nullptr);
    m_requiresGrad.assign(count, false);
    m_isParameter.assign(count, 0);
    m_tensorsByName.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        TensorInfo &tensor = m_tensors[i];
        m_tensorsByName.insert(tensor.name, int(i));
        const int dot = tensor.name.lastIndexOf(QLatin1Char('.'));
        ModuleNode *module = i > 0 ? m_tensorModule[i - 1] : nullptr;
        if (dot < 0)
            module = m_root.get();
        else if (!module || QStringView(tensor.name).left(dot) != module->path())
            module = m_modulesByPath.value(tensor.name.left(dot));
        m_tensorModule[i] = module;
        module->m_tensors.append(int(i));
        if (tensor.tiedTo >= 0 && size_t(tensor.tiedTo) < i) {
            const int canonical = m_tensors[size_t(tensor.tiedTo)].tiedTo >= 0
                                      ? m_tensors[size_t(tensor.tiedTo)].tiedTo
                                      : tensor.tiedTo;
            tensor.tiedTo = canonical;
            m_tiedGroups[canonical].append(int(i));
            ModuleNode *canonicalModule = m_tensorModule[size_t(canonical)];
            ModuleNode *stop = module;
            while (stop && !stop->isAncestorOf(canonicalModule))
                stop = stop->parent();
            m_countStop[i] = stop;
            tensor.requiresGrad = m_tensors[size_t(canonical)].requiresGrad;
        } else {
            tensor.tiedTo = -1;
        }
        // Weights-only files store no flags: their floating-point tensors count as the trainable
        // parameters PyTorch makes of them when it loads them into a fresh model. Only the model's:
        // optimizer state, EMA copies and schedulers' tensors are no parameters.
        const bool countsAsParameter =
            (tensor.kind == TensorKind::Parameter ||
             (tensor.kind == TensorKind::Tensor && dtypeIsFloatingPoint(tensor.dtype))) &&
            m_parts.isModelTensor(tensor.name);
        m_isParameter[i] = countsAsParameter ? 1 : 0;
        m_requiresGrad[i] = tensor.hasRequiresGrad ? tensor.requiresGrad : countsAsParameter;
        if (countsAsParameter)
            addToCounts(int(i), 1, m_requiresGrad[i] ? 1 : 0);
    }
}

void CheckpointDocument::addToCounts(int index, qint64 parameterSign, qint64 trainableSign)
{
    const TensorInfo &tensor = m_tensors[size_t(index)];
    const qint64 numel = tensor.numel();
    const qint64 bytes = tensor.byteSize();
    ModuleNode *stop = m_countStop[size_t(index)];
    for (ModuleNode *node = m_tensorModule[size_t(index)]; node && node != stop; node = node->parent()) {
        node->m_parameterCount += parameterSign * numel;
        node->m_trainableCount += trainableSign * numel;
        node->m_parameterBytes += parameterSign * bytes;
        node->m_trainableBytes += trainableSign * bytes;
    }
}

QVector<int> CheckpointDocument::tensorsInSubtree(const ModuleNode *module) const
{
    QVector<int> result;
    if (module == m_root.get()) {
        result.reserve(tensorCount());
        for (int i = 0; i < tensorCount(); ++i)
            result.append(i);
        return result;
    }
    const QString prefix = module->path() + QLatin1Char('.');
    for (int i = 0; i < tensorCount(); ++i) {
        if (m_tensors[size_t(i)].name.startsWith(prefix))
            result.append(i);
    }
    return result;
}

QString CheckpointDocument::relativeName(int index, const ModuleNode *module) const
{
    const QString &name = m_tensors[size_t(index)].name;
    return module->path().isEmpty() ? name : name.mid(module->path().size() + 1);
}

bool CheckpointDocument::isEditable(int index) const
{
    // Where the file keeps flags, its parameters carry them; elsewhere the flags are a plan over the
    // tensors PyTorch would make parameters (the model's floating-point tensors that are no buffers).
    return m_storesRequiresGrad ? m_tensors[size_t(index)].kind == TensorKind::Parameter
                                : m_isParameter[size_t(index)] != 0;
}

void CheckpointDocument::replaceTensors(const QVector<QPair<int, TensorInfo>> &replacements,
                                        const QString &undoText)
{
    if (!replacements.isEmpty())
        m_undoStack->push(new ReplaceTensorsCommand(this, replacements, undoText));
}

bool CheckpointDocument::hasReplacedTensors() const
{
    return std::any_of(m_replacedDepth.begin(), m_replacedDepth.end(), [](int depth) { return depth > 0; });
}

void CheckpointDocument::applyTensors(const QVector<QPair<int, TensorInfo>> &tensors, int depthChange)
{
    QVector<int> indices;
    indices.reserve(tensors.size());
    for (const auto &[index, tensor] : tensors) {
        m_tensors[size_t(index)] = tensor;
        m_replacedDepth[size_t(index)] += depthChange;
        indices.append(index);
    }
    Q_EMIT tensorValuesChanged(indices);
}

bool CheckpointDocument::setRequiresGrad(const QVector<int> &indices, bool value, const QString &undoText)
{
    QString text = undoText;
    if (text.isEmpty()) {
        int editable = 0;
        int last = -1;
        for (int index : indices) {
            if (index >= 0 && index < tensorCount() && isEditable(index)) {
                ++editable;
                last = index;
            }
        }
        const QString what =
            editable == 1 ? m_tensors[size_t(last)].name : tr("%n parameters", nullptr, editable);
        text = value ? tr("Unfreeze %1").arg(what) : tr("Freeze %1").arg(what);
    }
    return setRequiresGrad(indices, std::vector<bool>(size_t(indices.size()), value), text);
}

bool CheckpointDocument::setRequiresGrad(const QVector<int> &indices, const std::vector<bool> &values,
                                         const QString &undoText)
{
    QVector<int> changing;
    std::vector<bool> newValues;
    std::vector<char> seen(m_tensors.size(), 0);
    for (int k = 0; k < indices.size(); ++k) {
        const int index = indices[k];
        if (index < 0 || index >= tensorCount() || !isEditable(index))
            continue;
        const int canonical = m_tensors[size_t(index)].tiedTo >= 0 ? m_tensors[size_t(index)].tiedTo : index;
        if (m_requiresGrad[size_t(canonical)] != values[size_t(k)] && !seen[size_t(canonical)]) {
            seen[size_t(canonical)] = 1;
            changing.append(canonical);
            newValues.push_back(values[size_t(k)]);
        }
    }
    if (changing.isEmpty())
        return false;
    m_undoStack->push(new SetRequiresGradCommand(this, changing, std::move(newValues), undoText));
    return true;
}

QVector<int> CheckpointDocument::parametersMatching(const NamePattern &pattern) const
{
    QVector<int> matched;
    for (int index = 0; index < tensorCount(); ++index) {
        if (isEditable(index) && pattern.matches(m_tensors[size_t(index)].name))
            matched.append(index);
    }
    return matched;
}

void CheckpointDocument::collectSubtreeTensors(const ModuleNode *module, QVector<int> *out) const
{
    std::vector<const ModuleNode *> pending{module};
    while (!pending.empty()) {
        const ModuleNode *node = pending.back();
        pending.pop_back();
        *out += node->tensors();
        for (int row = node->childCount() - 1; row >= 0; --row)
            pending.push_back(node->child(row));
    }
}

QVector<int> CheckpointDocument::parametersOfChildren(const ModuleNode *module, int firstRow,
                                                      int lastRow) const
{
    QVector<int> tensors;
    for (int row = std::max(0, firstRow); row <= std::min(lastRow, module->childCount() - 1); ++row)
        collectSubtreeTensors(module->child(row), &tensors);
    QVector<int> result;
    for (int index : std::as_const(tensors)) {
        if (isEditable(index))
            result.append(index);
    }
    std::sort(result.begin(), result.end());
    return result;
}

QByteArray CheckpointDocument::structureOf(const ModuleNode *module) const
{
    QVector<int> tensors;
    collectSubtreeTensors(module, &tensors);
    if (tensors.isEmpty())
        return QByteArray();
    QByteArray structure = module->typeName().toUtf8();
    for (int index : std::as_const(tensors)) {
        const TensorInfo &tensor = m_tensors[size_t(index)];
        structure += '\n' + relativeName(index, module).toUtf8() + ' ' + dtypeName(tensor.dtype).toUtf8() +
                     ' ' + shapeToString(tensor.shape).toUtf8() + ' ' + QByteArray::number(int(tensor.kind));
    }
    return structure;
}

const ModuleNode *CheckpointDocument::largestBlockList() const
{
    const ModuleNode *blocks = nullptr;
    std::vector<const ModuleNode *> pending{m_root.get()};
    while (!pending.empty()) {
        const ModuleNode *node = pending.back();
        pending.pop_back();
        // Only the model's: an optimizer's numbered state is no list of blocks.
        if (!m_parts.isModelTensor(node->path()))
            continue;
        if (node->hasNumberedChildren() && (!blocks || node->childCount() > blocks->childCount()))
            blocks = node;
        for (int row = node->childCount() - 1; row >= 0; --row) // in tree order: the first wins ties
            pending.push_back(node->child(row));
    }
    return blocks;
}

QVector<BlockRun> CheckpointDocument::repeatedBlocks(const ModuleNode *module) const
{
    QVector<BlockRun> runs;
    QByteArray previous;
    for (int row = 0; row < module->childCount(); ++row) {
        const QByteArray structure = structureOf(module->child(row));
        if (!structure.isEmpty() && structure == previous && !runs.isEmpty() &&
            runs.back().lastRow() == row - 1)
            ++runs.back().count;
        else if (!structure.isEmpty())
            runs.append({row, 1});
        previous = structure;
    }
    runs.erase(std::remove_if(runs.begin(), runs.end(), [](const BlockRun &run) { return run.count < 2; }),
               runs.end());
    return runs;
}

bool CheckpointDocument::freezeAllExcept(const ModuleNode *module)
{
    return freezeAllExcept(tensorsInSubtree(module), module->displayName());
}

bool CheckpointDocument::freezeAllExcept(const QVector<int> &keep, const QString &what)
{
    std::vector<char> trainable(m_tensors.size(), 0);
    for (int index : keep) {
        if (index >= 0 && index < tensorCount())
            trainable[size_t(index)] = 1;
    }
    QVector<int> indices;
    std::vector<bool> values;
    for (int index = 0; index < tensorCount(); ++index) {
        if (!isEditable(index))
            continue;
        indices.append(index);
        values.push_back(trainable[size_t(index)] != 0);
    }
    return setRequiresGrad(indices, values, tr("Freeze all except %1").arg(what));
}

QVector<int> CheckpointDocument::pooledTensors(const ModuleNode *module, Pool pool) const
{
    // A tied tensor is pooled once, like the totals count it, when what it is tied to is pooled too.
    const QVector<int> all = tensorsInSubtree(module);
    std::vector<char> inSubtree(m_tensors.size(), 0);
    for (int index : all)
        inSubtree[size_t(index)] = 1;
    QVector<int> matrices, parameters, tensors;
    for (int index : all) {
        const TensorInfo &tensor = m_tensors[size_t(index)];
        if (tensor.tiedTo >= 0 && inSubtree[size_t(tensor.tiedTo)])
            continue;
        tensors.append(index);
        if (m_isParameter[size_t(index)]) {
            parameters.append(index);
            if (tensor.shape.size() >= 2)
                matrices.append(index);
        }
    }
    if (pool == Pool::WeightMatrices && !matrices.isEmpty())
        return matrices;
    return parameters.isEmpty() ? tensors : parameters;
}

QVector<int> CheckpointDocument::parametersOfType(const QString &typeName) const
{
    QVector<int> result;
    for (int index = 0; index < tensorCount(); ++index) {
        if (isEditable(index) && m_tensorModule[size_t(index)]->shortTypeName() == typeName)
            result.append(index);
    }
    return result;
}

bool CheckpointDocument::setModuleRequiresGrad(const ModuleNode *module, bool value)
{
    const QString what = module->displayName();
    return setRequiresGrad(tensorsInSubtree(module), value,
                           value ? tr("Unfreeze %1").arg(what) : tr("Freeze %1").arg(what));
}

void CheckpointDocument::applyRequiresGrad(const QVector<int> &indices, const std::vector<bool> &values)
{
    QVector<int> changed;
    for (int k = 0; k < indices.size(); ++k) {
        const int canonical = indices[k];
        const bool value = values[size_t(k)];
        if (m_requiresGrad[size_t(canonical)] == value)
            continue;
        QVector<int> members{canonical};
        members += m_tiedGroups.value(canonical);
        for (int member : std::as_const(members)) {
            m_requiresGrad[size_t(member)] = value;
            addToCounts(member, 0, value ? 1 : -1);
            changed.append(member);
        }
    }
    if (!changed.isEmpty())
        Q_EMIT requiresGradChanged(changed);
}

} // namespace torchscope

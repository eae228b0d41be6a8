#include "formats/pickle/picklevalue.h"

#include <sys/mman.h>

#include <cstdlib>
#include <memory>
#include <new>

namespace torchscope {

namespace {
constexpr size_t kSmallBlock = 1024;                // values
constexpr size_t kHugeBlockBytes = size_t(2) << 20; // one huge page on x86-64
constexpr size_t kSmallBlocks = 4;
} // namespace

PickleArena::~PickleArena()
{
    for (const Block &block : m_blocks) {
        std::destroy_n(block.values, block.count);
        if (block.huge)
            std::free(block.values);
        else
            ::operator delete(block.values);
    }
}

void PickleArena::addBlock()
{
    Block block;
    if (m_blocks.size() < kSmallBlocks) {
        block.count = kSmallBlock;
        block.values = static_cast<PickleValue *>(::operator new(block.count * sizeof(PickleValue)));
    } else {
        block.count = kHugeBlockBytes / sizeof(PickleValue);
        void *memory = std::aligned_alloc(kHugeBlockBytes, kHugeBlockBytes);
        if (!memory)
            throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        madvise(memory, kHugeBlockBytes, MADV_HUGEPAGE); // advice only: without it, 4 KiB pages
#endif
        block.values = static_cast<PickleValue *>(memory);
        block.huge = true;
    }
    std::uninitialized_value_construct_n(block.values, block.count);
    m_blocks.push_back(block);
    m_used = 0;
}

PickleValuePtr PickleArena::make(PickleValue::Type type)
{
    if (m_blocks.empty() || m_used == m_blocks.back().count)
        addBlock();
    PickleValue *value = &m_blocks.back().values[m_used++];
    value->type = type;
    return value;
}

PickleValuePtr PickleArena::makeString(const QString &text)
{
    PickleValuePtr value = make(PickleValue::Type::String);
    value->text = text;
    return value;
}

PickleValuePtr PickleArena::makeInt(qint64 integer)
{
    constexpr qint64 kShared = 1024;
    if (integer >= 0 && integer < kShared) {
        if (m_smallInts.empty())
            m_smallInts.resize(size_t(kShared), nullptr);
        PickleValuePtr &shared = m_smallInts[size_t(integer)];
        if (!shared) {
            shared = make(PickleValue::Type::Int);
            shared->integer = integer;
        }
        return shared;
    }
    PickleValuePtr value = make(PickleValue::Type::Int);
    value->integer = integer;
    return value;
}

PickleValuePtr PickleArena::boolean(bool value)
{
    PickleValuePtr &shared = value ? m_true : m_false;
    if (!shared) {
        shared = make(PickleValue::Type::Bool);
        shared->boolean = value;
    }
    return shared;
}

PickleValuePtr PickleValue::get(const QString &key) const
{
    if (type != Type::Dict)
        return nullptr;
    for (const auto &[k, v] : entries) {
        if (k && k->type == Type::String && k->text == key)
            return v;
    }
    return nullptr;
}

QString PickleValue::describe() const
{
    switch (type) {
    case Type::None:
        return QStringLiteral("None");
    case Type::Bool:
        return boolean ? QStringLiteral("True") : QStringLiteral("False");
    case Type::Int:
        return QString::number(integer);
    case Type::BigInt:
        return QStringLiteral("<big int>");
    case Type::Float:
        return QString::number(real);
    case Type::String:
        return QLatin1Char('\'') + text.left(60) + QLatin1Char('\'');
    case Type::Bytes:
        return QStringLiteral("<%1 bytes>").arg(bytes.size());
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    case Type::Set:
        return QStringLiteral("set");
    case Type::Global:
        return text;
    case Type::Object:
        return QStringLiteral("%1 object").arg(text);
    case Type::Storage:
        return QStringLiteral("storage");
    case Type::Tensor:
        return QStringLiteral("tensor");
    case Type::Refused:
        return QStringLiteral("<refused: %1>").arg(text);
    case Type::Mark:
        break;
    }
    return QStringLiteral("<mark>");
}

} // namespace torchscope

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
constexpr size_t kSmallChunkBytes = size_t(64) << 10;
} // namespace

PickleArena::~PickleArena()
{
    for (size_t i = 0; i < m_blocks.size(); ++i) {
        const Block &block = m_blocks[i];
        std::destroy_n(static_cast<PickleValue *>(block.memory),
                       i + 1 == m_blocks.size() ? m_used : block.count);
    }
    for (const std::vector<Block> *list : {&m_blocks, &m_chunks}) {
        for (const Block &block : *list) {
            if (block.huge)
                std::free(block.memory);
            else
                ::operator delete(block.memory);
        }
    }
}

void *PickleArena::allocateBlock(size_t bytes, bool *huge)
{
    *huge = bytes >= kHugeBlockBytes;
    if (!*huge)
        return ::operator new(bytes);
    bytes = (bytes + kHugeBlockBytes - 1) / kHugeBlockBytes * kHugeBlockBytes;
    void *memory = std::aligned_alloc(kHugeBlockBytes, bytes);
    if (!memory)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(memory, bytes, MADV_HUGEPAGE); // advice only: without it, 4 KiB pages
#endif
    return memory;
}

void *PickleArena::allocate(size_t bytes)
{
    bytes = (bytes + 7) & ~size_t(7);
    if (size_t(m_chunkEnd - m_chunkNext) < bytes) {
        // Small chunks first, then huge ones; an outsize request (a list of a million items) gets its own.
        const size_t chunkBytes = m_chunks.size() < kSmallBlocks ? kSmallChunkBytes : kHugeBlockBytes;
        Block chunk;
        chunk.count = std::max(chunkBytes, bytes);
        chunk.memory = allocateBlock(chunk.count, &chunk.huge);
        m_chunks.push_back(chunk);
        if (chunk.count > chunkBytes)
            return chunk.memory; // the current chunk keeps its free room
        m_chunkNext = static_cast<char *>(chunk.memory);
        m_chunkEnd = m_chunkNext + chunk.count;
    }
    void *memory = m_chunkNext;
    m_chunkNext += bytes;
    return memory;
}

PickleValuePtr PickleArena::make(PickleValue::Type type)
{
    if (m_blocks.empty() || m_used == m_blocks.back().count) {
        Block block;
        block.count = m_blocks.size() < kSmallBlocks ? kSmallBlock : kHugeBlockBytes / sizeof(PickleValue);
        block.memory = allocateBlock(block.count * sizeof(PickleValue), &block.huge);
        m_blocks.push_back(block);
        m_used = 0;
    }
    PickleValue *value = new (static_cast<PickleValue *>(m_blocks.back().memory) + m_used) PickleValue;
    ++m_used;
    value->type = type;
    return value;
}

const QString PickleValue::s_noText;
const QByteArray PickleValue::s_noBytes;

void PickleArena::setText(PickleValue *value, const QString &text)
{
    value->m_text = &m_texts.emplace_back(text);
}

void PickleArena::setBytes(PickleValue *value, const QByteArray &bytes)
{
    value->m_bytes = &m_bytes.emplace_back(bytes);
}

PickleValuePtr PickleArena::makeString(const QString &text)
{
    PickleValuePtr value = make(PickleValue::Type::String);
    setText(value, text);
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
        if (k && k->type == Type::String && k->text() == key)
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
        return QLatin1Char('\'') + text().left(60) + QLatin1Char('\'');
    case Type::Bytes:
        return QStringLiteral("<%1 bytes>").arg(bytes().size());
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    case Type::Set:
        return QStringLiteral("set");
    case Type::Global:
        return text();
    case Type::Object:
        return QStringLiteral("%1 object").arg(text());
    case Type::Storage:
        return QStringLiteral("storage");
    case Type::Tensor:
        return QStringLiteral("tensor");
    case Type::Refused:
        return QStringLiteral("<refused: %1>").arg(text());
    case Type::Mark:
        break;
    }
    return QStringLiteral("<mark>");
}

} // namespace torchscope

#include "formats/pickle/picklevalue.h"

namespace torchscope {

PickleValuePtr PickleArena::make(PickleValue::Type type)
{
    if (m_used == kBlockSize) {
        m_blocks.push_back(std::make_unique<PickleValue[]>(kBlockSize));
        m_used = 0;
    }
    PickleValue *value = &m_blocks.back()[m_used++];
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

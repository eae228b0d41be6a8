#include "formats/pickle/picklevalue.h"

namespace torchscope {

namespace {
void takeChildren(PickleValue &value, std::vector<PickleValuePtr> *pending)
{
    for (PickleValuePtr &item : value.items)
        pending->push_back(std::move(item));
    value.items.clear();
    for (auto &[key, item] : value.entries) {
        pending->push_back(std::move(key));
        pending->push_back(std::move(item));
    }
    value.entries.clear();
    if (value.state)
        pending->push_back(std::move(value.state));
}
} // namespace

PickleValue::~PickleValue()
{
    if (items.empty() && entries.empty() && !state)
        return;
    std::vector<PickleValuePtr> pending;
    takeChildren(*this, &pending);
    while (!pending.empty()) {
        PickleValuePtr value = std::move(pending.back());
        pending.pop_back();
        // The last owner empties the value before letting it go, so its destructor has nothing to recurse
        // into.
        if (value && value.use_count() == 1)
            takeChildren(*value, &pending);
    }
}

PickleValuePtr PickleValue::make(Type type)
{
    auto value = std::make_shared<PickleValue>();
    value->type = type;
    return value;
}

PickleValuePtr PickleValue::makeString(const QString &text)
{
    auto value = make(Type::String);
    value->text = text;
    return value;
}

PickleValuePtr PickleValue::makeInt(qint64 integer)
{
    auto value = make(Type::Int);
    value->integer = integer;
    return value;
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

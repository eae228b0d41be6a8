#pragma once

// The two questions every reader asks of untrusted bytes, answered in one place: does a range lie
// inside a buffer, and what little-endian number is stored here.

#include <QtEndian>
#include <QtGlobal>

#include <cstring>
#include <type_traits>

namespace torchscope {

// Whether [offset, offset + length) lies inside a buffer of `size` units (bytes or elements).
// Negative arguments never fit. Nothing is added or subtracted before both are known to be in
// range, so no argument can make it wrap: never write a bound as `x > size - k` or `x + k > size`.
template <typename Offset, typename Length, typename Size>
constexpr bool rangeInside(Offset offset, Length length, Size size) noexcept
{
    static_assert(std::is_integral_v<Offset> && std::is_integral_v<Length> && std::is_integral_v<Size>);
    if constexpr (std::is_signed_v<Offset>)
        if (offset < 0)
            return false;
    if constexpr (std::is_signed_v<Length>)
        if (length < 0)
            return false;
    if constexpr (std::is_signed_v<Size>)
        if (size < 0)
            return false;
    const auto o = quint64(offset);
    const auto n = quint64(length);
    const auto s = quint64(size);
    return o <= s && n <= s - o;
}

// The little-endian value of type T at p, which need not be aligned.
template <typename T> T loadLittleEndian(const char *p) noexcept
{
    static_assert(std::is_integral_v<T>);
    T value;
    std::memcpy(&value, p, sizeof value);
    return qFromLittleEndian(value);
}

// A zip or safetensors header's fields, as their specifications name their widths.
inline quint16 u16(const char *p) noexcept
{
    return loadLittleEndian<quint16>(p);
}
inline quint32 u32(const char *p) noexcept
{
    return loadLittleEndian<quint32>(p);
}
inline quint64 u64(const char *p) noexcept
{
    return loadLittleEndian<quint64>(p);
}

// The unsigned little-endian value of the n bytes at p (0 <= n <= 8), as pickle's K, M, J and LONG1
// opcodes store them.
inline quint64 loadLittleEndian(const char *p, int n) noexcept
{
    quint64 value = 0;
    for (int i = n - 1; i >= 0; --i)
        value = (value << 8) | quint8(p[i]);
    return value;
}

} // namespace torchscope

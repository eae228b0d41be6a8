#pragma once

// How the kernels read values: every dtype, any strides, quantized tensors dequantized, decoded a
// block at a time; and the threads they share. Internal to model/stats, model/diff and model/training.

#include "stats/decodekernel.h"
#include "tensor/tensorinfo.h"

#include <algorithm>
#include <complex>
#include <cstring>
#include <type_traits>

namespace torchscope::kernel {

constexpr int kBlock = 4096; // values decoded at a time into a buffer that stays in L1

// A row-major walk over a view's elements from element `begin`: each element's offset in elements
// from the first element, and its multi-index.
class Odometer
{
public:
    Odometer(const TensorInfo &tensor, qint64 begin) : m_tensor(tensor), m_index(tensor.shape.size(), 0)
    {
        qint64 rest = begin;
        for (int d = int(m_index.size()) - 1; d >= 0; --d) {
            m_index[d] = rest % tensor.shape[d];
            rest /= tensor.shape[d];
            m_offset += m_index[d] * tensor.strides[d];
        }
    }
    qint64 offset() const { return m_offset; }
    qint64 index(int dimension) const { return m_index[dimension]; }
    void advance()
    {
        for (int d = int(m_index.size()) - 1; d >= 0; --d) {
            if (++m_index[d] < m_tensor.shape[d]) {
                m_offset += m_tensor.strides[d];
                return;
            }
            m_offset -= (m_tensor.shape[d] - 1) * m_tensor.strides[d];
            m_index[d] = 0;
        }
    }

private:
    const TensorInfo &m_tensor;
    QVector<qint64> m_index;
    qint64 m_offset = 0;
};

// Hands elements [begin, end) to block(const Value *values, int n) in row-major order. Contiguous
// data already of type Value is passed in place; anything else is decoded into a small buffer.
template <typename Value, typename Raw, typename Convert, typename Block>
void visitTyped(const TensorInfo &tensor, qint64 begin, qint64 end, Convert convert, Block &block)
{
    const char *base = tensor.firstElement();
    if (tensor.isContiguous() && std::is_same_v<Value, Raw> &&
        reinterpret_cast<quintptr>(base) % alignof(Raw) == 0) {
        const Value *values = reinterpret_cast<const Value *>(base) + begin;
        for (qint64 i = 0; i < end - begin; i += kBlock)
            block(values + i, int(std::min<qint64>(kBlock, end - begin - i)));
        return;
    }
    Value buffer[kBlock];
    if (tensor.isContiguous()) {
        const char *p = base + begin * qint64(sizeof(Raw));
        for (qint64 i = begin; i < end;) {
            const int n = int(std::min<qint64>(kBlock, end - i));
            for (int k = 0; k < n; ++k) {
                Raw raw;
                std::memcpy(&raw, p + qint64(k) * qint64(sizeof(Raw)), sizeof raw);
                buffer[k] = Value(convert(raw));
            }
            block(buffer, n);
            p += qint64(n) * qint64(sizeof(Raw));
            i += n;
        }
        return;
    }
    // Strided: walk in row-major order from the multi-index of `begin`.
    Odometer at(tensor, begin);
    int n = 0;
    for (qint64 i = begin; i < end; ++i, at.advance()) {
        Raw raw;
        std::memcpy(&raw, base + at.offset() * qint64(sizeof(Raw)), sizeof raw);
        buffer[n++] = Value(convert(raw));
        if (n == kBlock) {
            block(buffer, n);
            n = 0;
        }
    }
    if (n > 0)
        block(buffer, n);
}

// float16 and bfloat16 stored contiguously: widened a block at a time by the SIMD decoder; other
// views element by element with `convert`.
template <typename Decode, typename Convert, typename Block>
void visitHalf(const TensorInfo &tensor, qint64 begin, qint64 end, Decode decode, Convert convert,
               Block &block)
{
    const char *base = tensor.firstElement();
    if (!tensor.isContiguous() || reinterpret_cast<quintptr>(base) % alignof(quint16) != 0)
        return visitTyped<float, quint16>(tensor, begin, end, convert, block);
    const quint16 *in = reinterpret_cast<const quint16 *>(base) + begin;
    float buffer[kBlock];
    for (qint64 i = 0; i < end - begin; i += kBlock) {
        const int n = int(std::min<qint64>(kBlock, end - begin - i));
        decode(in + i, buffer, size_t(n));
        block(static_cast<const float *>(buffer), n);
    }
}

// Quantized tensors: elements [begin, end) dequantized in float32 as torch.dequantize gives them, with
// the channel of each element along the quantizer's axis. load(first, offset) reads a stored integer.
template <typename Load, typename Block>
void visitQuantized(const TensorInfo &tensor, qint64 begin, qint64 end, Load load, Block &block)
{
    const Quantization *quantization = tensor.quantization.get();
    if (!quantization)
        return;
    const char *base = tensor.firstElement();
    const int axis = quantization->scheme != Quantization::Scheme::PerTensorAffine &&
                             quantization->axis >= 0 && quantization->axis < tensor.shape.size()
                         ? quantization->axis
                         : -1;
    Odometer at(tensor, begin);
    float buffer[kBlock];
    int n = 0;
    for (qint64 i = begin; i < end; ++i, at.advance()) {
        buffer[n++] = quantization->dequantize(load(base, at.offset()), axis >= 0 ? at.index(axis) : 0);
        if (n == kBlock) {
            block(buffer, n);
            n = 0;
        }
    }
    if (n > 0)
        block(buffer, n);
}

// The dtypes visitValues hands on: float8 formats, complex32's real part, raw bytes and bits, and
// quantized integers dequantized; all as float blocks.
template <typename AsFloat>
void visitNarrowValues(const TensorInfo &tensor, qint64 begin, qint64 end, AsFloat asFloat)
{
    auto same = [](auto v) { return v; };
    switch (tensor.dtype) {
    case DType::Float8E4M3:
        return visitTyped<float, quint8>(tensor, begin, end, float8E4M3ToFloat, asFloat);
    case DType::Float8E5M2:
        return visitTyped<float, quint8>(tensor, begin, end, float8E5M2ToFloat, asFloat);
    case DType::Float8E4M3FNUZ:
        return visitTyped<float, quint8>(tensor, begin, end, float8E4M3FNUZToFloat, asFloat);
    case DType::Float8E5M2FNUZ:
        return visitTyped<float, quint8>(tensor, begin, end, float8E5M2FNUZToFloat, asFloat);
    case DType::Float8E8M0FNU:
        return visitTyped<float, quint8>(tensor, begin, end, float8E8M0ToFloat, asFloat);
    case DType::Complex32: // the real part, as .float() gives it
        return visitTyped<float, quint32>(
            tensor, begin, end, [](quint32 v) { return halfToFloat(quint16(v & 0xffff)); }, asFloat);
    case DType::Float4E2M1FNx2: // raw bytes
    case DType::Bits8:
    case DType::Bits1x8:
    case DType::Bits2x4:
    case DType::Bits4x2:
        return visitTyped<float, quint8>(tensor, begin, end, same, asFloat);
    case DType::Bits16:
        return visitTyped<float, quint16>(tensor, begin, end, same, asFloat);
    case DType::QInt8:
        return visitQuantized(
            tensor, begin, end, [](const char *p, qint64 i) { return qint64(qint8(p[i])); }, asFloat);
    case DType::QUInt8:
        return visitQuantized(
            tensor, begin, end, [](const char *p, qint64 i) { return qint64(quint8(p[i])); }, asFloat);
    case DType::QInt32:
        return visitQuantized(
            tensor, begin, end,
            [](const char *p, qint64 i) {
                qint32 v;
                std::memcpy(&v, p + i * qint64(sizeof v), sizeof v);
                return qint64(v);
            },
            asFloat);
    case DType::QUInt4x2: // two a byte, the even element in the low nibble
        return visitQuantized(
            tensor, begin, end,
            [](const char *p, qint64 i) { return qint64((quint8(p[i / 2]) >> (i % 2 * 4)) & 0xf); }, asFloat);
    default:
        break;
    }
}

// Calls visitor.block(values, n) with float values for types that a float holds exactly (float32,
// float16, bfloat16, float8, small integers) and double values for the rest.
template <typename Visitor>
void visitValues(const TensorInfo &tensor, qint64 begin, qint64 end, Visitor &visitor)
{
    auto same = [](auto v) { return v; };
    auto asFloat = [&visitor](const float *v, int n) { visitor.block(v, n); };
    auto asDouble = [&visitor](const double *v, int n) { visitor.block(v, n); };
    switch (tensor.dtype) {
    case DType::Float32:
        return visitTyped<float, float>(tensor, begin, end, same, asFloat);
    case DType::Float64:
        return visitTyped<double, double>(tensor, begin, end, same, asDouble);
    case DType::Complex64: // complex tensors contribute their real parts
        return visitTyped<float, std::complex<float>>(
            tensor, begin, end, [](std::complex<float> v) { return v.real(); }, asFloat);
    case DType::Complex128:
        return visitTyped<double, std::complex<double>>(
            tensor, begin, end, [](std::complex<double> v) { return v.real(); }, asDouble);
    case DType::Float16:
        return visitHalf(tensor, begin, end, decodeFloat16, halfToFloat, asFloat);
    case DType::BFloat16:
        return visitHalf(tensor, begin, end, decodeBFloat16, bfloat16ToFloat, asFloat);
    case DType::Int8:
        return visitTyped<float, qint8>(tensor, begin, end, same, asFloat);
    case DType::Int16:
        return visitTyped<float, qint16>(tensor, begin, end, same, asFloat);
    case DType::Int32:
        return visitTyped<double, qint32>(tensor, begin, end, same, asDouble);
    case DType::Int64:
        return visitTyped<double, qint64>(
            tensor, begin, end, [](qint64 v) { return double(v); }, asDouble);
    case DType::UInt8:
        return visitTyped<float, quint8>(tensor, begin, end, same, asFloat);
    case DType::Bool:
        return visitTyped<float, quint8>(
            tensor, begin, end, [](quint8 v) { return v ? 1 : 0; }, asFloat);
    case DType::UInt16:
        return visitTyped<float, quint16>(tensor, begin, end, same, asFloat);
    case DType::UInt32:
        return visitTyped<double, quint32>(tensor, begin, end, same, asDouble);
    case DType::UInt64:
        return visitTyped<double, quint64>(
            tensor, begin, end, [](quint64 v) { return double(v); }, asDouble);
    default: // float8, complex32, raw bytes and quantized: all held exactly by a float
        return visitNarrowValues(tensor, begin, end, asFloat);
    }
}

} // namespace torchscope::kernel

#include "formats/dtypeconversion.h"

#include "stats/valuevisitor.h"

#include <cmath>
#include <cstring>

namespace torchscope {

namespace {

quint32 bitsOf(float f)
{
    quint32 u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

float floatOf(quint32 u)
{
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

// Writes blocks of values (float or double) as `to`, in order.
struct Encoder
{
    DType to;
    char *out;
    quint16 bfloat16NaN;
    template <typename T> void block(const T *v, int n)
    {
        for (int k = 0; k < n; ++k) {
            switch (to) {
            case DType::Float64: {
                const double d = double(v[k]);
                std::memcpy(out, &d, sizeof d);
                out += sizeof d;
                break;
            }
            case DType::Float32: {
                const float f = float(v[k]);
                std::memcpy(out, &f, sizeof f);
                out += sizeof f;
                break;
            }
            case DType::Float16: {
                const quint16 h = DTypeConversion::floatToHalf(float(v[k]));
                std::memcpy(out, &h, sizeof h);
                out += sizeof h;
                break;
            }
            case DType::BFloat16: {
                const quint16 b =
                    std::isnan(float(v[k])) ? bfloat16NaN : DTypeConversion::floatToBFloat16(float(v[k]));
                std::memcpy(out, &b, sizeof b);
                out += sizeof b;
                break;
            }
            default:
                return;
            }
        }
    }
};

} // namespace

const QVector<DType> &DTypeConversion::targets()
{
    static const QVector<DType> dtypes{DType::Float32, DType::Float16, DType::BFloat16};
    return dtypes;
}

DType DTypeConversion::convertedType(DType from, DType target)
{
    const bool real = dtypeIsFloatingPoint(from) && !dtypeIsComplex(from) && !dtypeIsQuantized(from);
    const bool targetOk = target == DType::Float32 || target == DType::Float64 || target == DType::Float16 ||
                          target == DType::BFloat16;
    return real && targetOk ? target : from;
}

void DTypeConversion::convertRange(const TensorInfo &tensor, DType to, qint64 begin, qint64 end, char *out)
{
    if (begin >= end || !tensor.storage)
        return;
    if (to == tensor.dtype) {
        const int size = dtypeElementSize(to);
        const char *base = tensor.firstElement();
        if (tensor.isContiguous()) {
            std::memcpy(out, base + begin * size, size_t((end - begin) * size));
            return;
        }
        kernel::Odometer at(tensor, begin);
        for (qint64 i = begin; i < end; ++i, at.advance(), out += size)
            std::memcpy(out, base + at.offset() * size, size_t(size));
        return;
    }
    // PyTorch 1.13 converts float32 and float64 to bfloat16 with vector code, whose NaN is 0xFFFF, and
    // float16 with c10's scalar code, whose NaN is 0x7FC0.
    Encoder encoder{to, out, tensor.dtype == DType::Float16 ? quint16(0x7FC0) : quint16(0xFFFF)};
    kernel::visitValues(tensor, begin, end, encoder);
}

// FP16's fp16_ieee_from_fp32_value, which c10::Half uses: round to nearest even through float
// arithmetic; overflow to infinity, NaN to a quiet NaN with the sign kept.
quint16 DTypeConversion::floatToHalf(float value)
{
    const float scaleToInf = 0x1.0p+112f;
    const float scaleToZero = 0x1.0p-110f;
    float base = (std::fabs(value) * scaleToInf) * scaleToZero;
    const quint32 w = bitsOf(value);
    const quint32 shl1 = w + w;
    const quint32 sign = w & 0x80000000u;
    quint32 bias = shl1 & 0xFF000000u;
    if (bias < 0x71000000u)
        bias = 0x71000000u;
    base = floatOf((bias >> 1) + 0x07800000u) + base;
    const quint32 bits = bitsOf(base);
    const quint32 exponent = (bits >> 13) & 0x00007C00u;
    const quint32 mantissa = bits & 0x00000FFFu;
    const quint32 nonsign = exponent + mantissa;
    return quint16((sign >> 16) | (shl1 > 0xFF000000u ? 0x7E00u : nonsign));
}

// Round to nearest even as c10::BFloat16 does. NaN becomes 0xFFFF, as PyTorch's vectorized CPU
// conversion (what tensor.to(torch.bfloat16) runs on contiguous tensors) writes it; c10's scalar
// path would write 0x7FC0.
quint16 DTypeConversion::floatToBFloat16(float value)
{
    if (std::isnan(value))
        return 0xFFFF;
    const quint32 u = bitsOf(value);
    const quint32 bias = ((u >> 16) & 1u) + 0x7FFFu;
    return quint16((u + bias) >> 16);
}

} // namespace torchscope

#pragma once

#include "tensor/tensorinfo.h"

namespace torchscope {

// tensor.to(dtype) as PyTorch computes it, for exports that change precision: floating-point tensors
// take the target (float32, float64, float16 or bfloat16), rounded to nearest even as PyTorch's CPU
// kernels round (float64 goes through float32 on its way to float16 and bfloat16, as c10 does;
// a NaN becomes the NaN PyTorch's vectorized kernels write);
// integer, bool, complex and quantized tensors keep their dtype.
namespace DTypeConversion {

// The dtypes an export can convert floating-point tensors to, in the order they are offered (the CLI's
// --dtype and the Save As dialog); each is named by dtypeName().
const QVector<DType> &targets();
// The dtype a tensor of `from` is written as when `target` is asked for (Invalid: keep).
DType convertedType(DType from, DType target);
// Elements [begin, end) of the view in row-major order as `to` (or as they are, gathered, when `to`
// is the tensor's own dtype) into `out`, which has room for them.
void convertRange(const TensorInfo &tensor, DType to, qint64 begin, qint64 end, char *out);

quint16 floatToHalf(float value);
quint16 floatToBFloat16(float value);

} // namespace DTypeConversion

} // namespace torchscope

#include "inspect/spectrum.h"

#include "stats/valuevisitor.h"
#include "tensor/tensorinfo.h"

#include <Eigen/Dense>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace torchscope {

namespace {

// Values in row-major order into consecutive doubles.
struct MatrixReader
{
    double *out;
    template <typename T> void block(const T *v, int n)
    {
        for (int k = 0; k < n; ++k)
            out[k] = double(v[k]);
        out += n;
    }
};

} // namespace

PowerLawFit PowerLawFit::fit(QVector<double> values)
{
    PowerLawFit best;
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return !(v > 0) || !std::isfinite(v); }),
        values.end());
    std::sort(values.begin(), values.end());
    const int n = int(values.size());
    if (n < 2)
        return best;
    // Suffix sums of ln(x) give each candidate's alpha in O(1).
    QVector<double> logs(n);
    for (int i = 0; i < n; ++i)
        logs[i] = std::log(values[i]);
    QVector<double> suffix(n + 1, 0.0);
    for (int i = n - 1; i >= 0; --i)
        suffix[i] = suffix[i + 1] + logs[i];
    for (int start = 0; start < n - 1; ++start) {
        if (start > 0 && values[start] == values[start - 1])
            continue; // each distinct value once, as the first of its run
        const double xmin = values[start];
        if (xmin == values[n - 1])
            break;
        const int tail = n - start;
        const double sumLog = suffix[start] - double(tail) * logs[start];
        if (!(sumLog > 0))
            continue;
        const double alpha = 1.0 + double(tail) / sumLog;
        // Two-sided KS distance between the tail's empirical CDF and the fitted CDF 1 - (x/xmin)^(1-alpha).
        double distance = 0;
        for (int k = 0; k < tail; ++k) {
            const double model = 1.0 - std::exp((1.0 - alpha) * (logs[start + k] - logs[start]));
            distance = std::max(
                {distance, std::abs(double(k + 1) / tail - model), std::abs(double(k) / tail - model)});
        }
        if (!best.valid || distance < best.ksDistance) {
            best.valid = true;
            best.alpha = alpha;
            best.xmin = xmin;
            best.ksDistance = distance;
            best.tailSize = tail;
        }
    }
    return best;
}

bool Spectrum::applies(const TensorInfo &tensor, QString *reason)
{
    const auto no = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (!(dtypeIsFloatingPoint(tensor.dtype) || dtypeIsQuantized(tensor.dtype)) ||
        dtypeIsComplex(tensor.dtype))
        return no(QCoreApplication::translate("Spectrum", "a spectrum needs real floating-point weights"));
    if (tensor.shape.size() < 2)
        return no(QCoreApplication::translate("Spectrum", "a spectrum needs a matrix (two or more axes)"));
    if (tensor.numel() == 0)
        return no(QCoreApplication::translate("Spectrum", "the tensor is empty"));
    if (tensor.numel() > kMaxElements)
        return no(QCoreApplication::translate("Spectrum",
                                              "%1 elements is more than a spectrum is computed for (%2)")
                      .arg(tensor.numel())
                      .arg(kMaxElements));
    if (!tensor.storage)
        return no(QCoreApplication::translate("Spectrum", "the file holds no data for this tensor"));
    return true;
}

bool Spectrum::compute(const TensorInfo &tensor, Spectrum *spectrum, const Progress &progress, QString *error)
{
    if (!applies(tensor, error))
        return false;
    const auto canceled = [&] {
        if (!progress.isCanceled())
            return false;
        *error = QCoreApplication::translate("Spectrum", "canceled");
        return true;
    };
    const qint64 rows = tensor.shape[0];
    const qint64 columns = tensor.numel() / rows;
    // Row-major values into a column-major matrix of the transpose: element (r, c) of W is
    // read in order, and Eigen's default storage then holds W^T as columns x rows.
    Eigen::MatrixXd transposed(columns, rows);
    MatrixReader reader{transposed.data()};
    const qint64 total = rows * columns;
    constexpr qint64 kStep = qint64(1) << 20;
    for (qint64 begin = 0; begin < total; begin += kStep) {
        if (canceled())
            return false;
        kernel::visitValues(tensor, begin, std::min(total, begin + kStep), reader);
        progress.set(begin / 4, total); // reading is the first quarter or so
    }
    if (!transposed.allFinite()) {
        *error = QCoreApplication::translate("Spectrum", "the matrix holds NaN or infinite values");
        return false;
    }
    // The smaller Gram matrix: its eigenvalues are the squared singular values.
    const qint64 side = std::min(rows, columns);
    Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(side, side);
    if (rows <= columns)
        gram.selfadjointView<Eigen::Lower>().rankUpdate(transposed.transpose()); // W W^T
    else
        gram.selfadjointView<Eigen::Lower>().rankUpdate(transposed); // W^T W
    transposed.resize(0, 0);
    progress.set(total / 2, total);
    if (canceled())
        return false;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(gram, Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success) {
        *error = QCoreApplication::translate("Spectrum", "the eigenvalue solver did not converge");
        return false;
    }
    const Eigen::VectorXd &eigenvalues = solver.eigenvalues(); // ascending
    spectrum->rows = rows;
    spectrum->columns = columns;
    spectrum->singularValues.resize(side);
    for (qint64 i = 0; i < side; ++i)
        spectrum->singularValues[i] = std::sqrt(std::max(0.0, eigenvalues[side - 1 - i]));
    spectrum->summarize();
    progress.set(total, total);
    return true;
}

void Spectrum::summarize()
{
    const QVector<double> &s = singularValues;
    const double largest = s.isEmpty() ? 0 : *std::max_element(s.begin(), s.end());
    double sumSquares = 0, sum = 0;
    for (double v : s) {
        sumSquares += v * v;
        sum += v;
    }
    stableRank = largest > 0 ? sumSquares / (largest * largest) : 0;
    double entropy = 0;
    for (double v : s) {
        if (v > 0 && sum > 0) {
            const double p = v / sum;
            entropy -= p * std::log(p);
        }
    }
    effectiveRank = sum > 0 ? std::exp(entropy) : 0;
    QVector<double> eigenvalues;
    eigenvalues.reserve(s.size());
    // Values below the Gram matrix's resolution are rounding, not spectrum.
    const double floor = largest * largest * 1e-12;
    for (double v : s) {
        if (v * v > floor)
            eigenvalues.append(v * v);
    }
    alpha = PowerLawFit::fit(eigenvalues);
}

} // namespace torchscope

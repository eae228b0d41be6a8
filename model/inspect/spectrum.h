#pragma once

#include "jobs/progress.h"

#include <QString>
#include <QVector>

namespace torchscope {

struct TensorInfo;

// A power law p(x) ~ x^-alpha fitted to the tail x >= xmin of a sample, as Clauset, Shalizi and
// Newman (2009) fit it and WeightWatcher (through the powerlaw package) applies it to a layer's
// eigenvalues: for every candidate xmin (each distinct positive value but the largest) alpha is the
// maximum-likelihood 1 + n / sum(ln(x / xmin)), and the xmin kept is the one whose fit is nearest
// the data by the Kolmogorov-Smirnov distance.
struct PowerLawFit
{
    bool valid = false;
    double alpha = 0;
    double xmin = 0;
    double ksDistance = 0;
    int tailSize = 0;

    static PowerLawFit fit(QVector<double> values);
};

// The singular values of a weight matrix, and what they say about it.
struct Spectrum
{
    qint64 rows = 0, columns = 0;   // the matrix the tensor was read as
    QVector<double> singularValues; // descending
    double stableRank = 0;          // sum(s^2) / max(s)^2
    double effectiveRank = 0;       // exp(entropy of s / sum(s)), Roy and Vetterli
    PowerLawFit alpha;              // fit to the eigenvalues s^2, as WeightWatcher does

    // Matrices of at most this many elements are decomposed (read as float64).
    static constexpr qint64 kMaxElements = qint64(1) << 28;

    // Whether a tensor can be read as a matrix: floating point or quantized, two or more axes
    // (a Conv weight out x in x kh x kw is read as out x (in*kh*kw), as WeightWatcher does).
    static bool applies(const TensorInfo &tensor, QString *reason = nullptr);
    // Singular values by Eigen: the eigenvalues of the smaller Gram matrix (W W^T or W^T W) in
    // float64. Values below about 1e-8 of the largest are not resolved and read as zero.
    static bool compute(const TensorInfo &tensor, Spectrum *spectrum, const Progress &progress,
                        QString *error);
    // The derived numbers from singularValues.
    void summarize();
};

} // namespace torchscope

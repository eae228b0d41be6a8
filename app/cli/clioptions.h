#pragma once

#include "diff/checkpointdiff.h"
#include "document/savejob.h"
#include "stats/histogramkernel.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace torchscope::cli {

// Each subcommand's arguments, parsed and checked before anything runs.

struct InfoOptions
{
    QString file;
    bool json = false;
    bool stats = false;
};

// One --freeze GLOB, --unfreeze GLOB or --freeze-plan FILE, in command-line order.
struct FreezeStep
{
    enum class Kind { Freeze, Unfreeze, Plan };
    Kind kind = Kind::Freeze;
    QString value;
};

struct ExportOptions
{
    QString input;
    // -o (path), the mode, --module, --format, --dtype, --no-buffers, --max-shard-size: the save itself.
    SaveRequest request;
    QVector<FreezeStep> steps;
    // --freeze-plan-out FILE: the flags after the steps, as a freeze plan (the only output without -o).
    QString freezePlanOut;
    // Whether --weights-only, --entire-model or a --format implying one was given. Without, an input that
    // holds weights only (a state_dict, safetensors, shards, a DCP folder) is written as weights; an
    // entire model needs the choice.
    bool modeGiven = true;
    // --part model|ema|all as given; empty: the model part of a training checkpoint, else the file.
    QString part;
};

// scan PATH... [--format text|json|sarif] [-o OUT] [--fail-on error|warning|note]
struct ScanOptions
{
    QStringList paths;
    QString format = QStringLiteral("text");
    QString output;                           // empty: standard output
    QString failOn = QStringLiteral("error"); // the least severity that makes the exit status 1
};

struct ExampleOptions
{
    QString output;
    bool weightsOnly = false;
};

struct HistOptions
{
    QString file;
    QString tensor;
    QString png;
    bool json = false;
    HistogramRequest request;
};

struct DiffOptions
{
    QString fileA;
    QString fileB;
    bool json = false;
    QString csv; // also write the table as CSV here
    torchscope::DiffOptions diff;
};

struct ValuesOptions
{
    QString file;
    QString tensor;
    QString slice; // NumPy-style, e.g. "0,:,:"; empty for the whole tensor
    QString npy;
    QString csv;
};

struct StatsOptions
{
    QString file;
    QString modulePath; // empty: the whole model
    bool json = false;
    bool csv = false;
};

struct LoadWeightsCliOptions
{
    QString model;
    QString weights;
    QString output;
    bool strict = false;
    bool json = false;
    NameMapping mapping; // --strip-prefix, --add-prefix: of WEIGHTS' names
};

// Each parser takes the arguments after the subcommand's name. On failure it returns false with
// the usage message to print (e.g. "export: missing -o OUT").
bool parseScan(const QStringList &arguments, ScanOptions *options, QString *message);
bool parseInfo(const QStringList &arguments, InfoOptions *options, QString *message);
bool parseExport(const QStringList &arguments, ExportOptions *options, QString *message);
bool parseExample(const QStringList &arguments, ExampleOptions *options, QString *message);
bool parseHist(const QStringList &arguments, HistOptions *options, QString *message);
bool parseDiff(const QStringList &arguments, DiffOptions *options, QString *message);
bool parseValues(const QStringList &arguments, ValuesOptions *options, QString *message);
bool parseStats(const QStringList &arguments, StatsOptions *options, QString *message);
bool parseLoadWeights(const QStringList &arguments, LoadWeightsCliOptions *options, QString *message);

} // namespace torchscope::cli

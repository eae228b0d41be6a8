<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckpointReader</name>
    <message numerus="yes">
        <source>%n pickles, one after the other</source>
        <translation>
            <numerusform>%n pickle</numerusform>
            <numerusform>%n pickles, one after the other</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors listed in the index are missing from their shards (e.g. %1)</source>
        <translation>
            <numerusform>%n tensor listed in the index is missing from its shard (%1)</numerusform>
            <numerusform>%n tensors listed in the index are missing from their shards (e.g. %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) refused, kept as refused values (%2)</source>
        <translation>
            <numerusform>%1: %n call refused, kept as a refused value (%2)</numerusform>
            <numerusform>%1: %n calls refused, kept as refused values (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckpointWriter</name>
    <message numerus="yes">
        <source>optimizer &apos;%1&apos; (%2, %n tensor(s))</source>
        <translation>
            <numerusform>optimizer &apos;%1&apos; (%2, %n tensor)</numerusform>
            <numerusform>optimizer &apos;%1&apos; (%2, %n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>EMA weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>EMA weights &apos;%1&apos; (%n tensor)</numerusform>
            <numerusform>EMA weights &apos;%1&apos; (%n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the model&apos;s weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>the model&apos;s weights &apos;%1&apos; (%n tensor)</numerusform>
            <numerusform>the model&apos;s weights &apos;%1&apos; (%n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tensor(s)</source>
        <translation>
            <numerusform>%n other tensor</numerusform>
            <numerusform>%n other tensors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) besides tensors</source>
        <translation>
            <numerusform>%n value besides tensors</numerusform>
            <numerusform>%n values besides tensors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>wrote %1: %n tensor(s). %2</source>
        <translation>
            <numerusform>wrote %1: %n tensor. %2</numerusform>
            <numerusform>wrote %1: %n tensors. %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>scan: %1 of %n file(s)</source>
        <translation>
            <numerusform>scan: %1 of %n file</numerusform>
            <numerusform>scan: %1 of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned; findings: %1</source>
        <translation>
            <numerusform>%n file scanned; findings: %1</numerusform>
            <numerusform>%n files scanned; findings: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message numerus="yes">
        <source>%1: %2 elements</source>
        <translation>
            <numerusform>%1: %2 element</numerusform>
            <numerusform>%1: %2 elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names in %1 match once &apos;%2&apos; is stripped (--strip-prefix-%3 %2)</source>
        <translation>
            <numerusform>%n name in %1 matches once &apos;%2&apos; is stripped (--strip-prefix-%3 %2)</numerusform>
            <numerusform>%n names in %1 match once &apos;%2&apos; is stripped (--strip-prefix-%3 %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A: %1 (%n tensors)</source>
        <translation>
            <numerusform>A: %1 (%n tensor)</numerusform>
            <numerusform>A: %1 (%n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>B: %1 (%n tensors)</source>
        <translation>
            <numerusform>B: %1 (%n tensor)</numerusform>
            <numerusform>B: %1 (%n tensors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only in A, %6 only in B</source>
        <translation>
            <numerusform>%n name: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only in A, %6 only in B</numerusform>
            <numerusform>%n names: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only in A, %6 only in B</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n tensor, %1 flagged</numerusform>
            <numerusform>%n tensors, %1 flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>group %1: %n parameter(s), %2</source>
        <translation>
            <numerusform>group %1: %n parameter, %2</numerusform>
            <numerusform>group %1: %n parameters, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attention heads</source>
        <translation>
            <numerusform>%n attention head</numerusform>
            <numerusform>%n attention heads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 state for %n tensor(s)</source>
        <translation>
            <numerusform>%1 state for %n tensor</numerusform>
            <numerusform>%1 state for %n tensors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduler(s)</source>
        <translation>
            <numerusform>%n scheduler</numerusform>
            <numerusform>%n schedulers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreezeMenus</name>
    <message numerus="yes">
        <source>%n Selected</source>
        <translation>
            <numerusform>%n Selected</numerusform>
            <numerusform>%n Selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickleCheckpoint</name>
    <message numerus="yes">
        <source>%n meta tensor(s), shape and dtype without data: %1</source>
        <translation>
            <numerusform>%n meta tensor, shape and dtype without data: %1</numerusform>
            <numerusform>%n meta tensors, shape and dtype without data: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) besides tensors not listed</source>
        <translation>
            <numerusform>%n more value besides tensors not listed</numerusform>
            <numerusform>%n more values besides tensors not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message numerus="yes">
        <source>%n byte(s) after the zip archive&apos;s end record</source>
        <translation>
            <numerusform>%n byte after the zip archive&apos;s end record</numerusform>
            <numerusform>%n bytes after the zip archive&apos;s end record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) at the start belong to no archive</source>
        <translation>
            <numerusform>%n byte at the start belongs to no archive</numerusform>
            <numerusform>%n bytes at the start belong to no archive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before the first record</source>
        <translation>
            <numerusform>%n byte before the first record</numerusform>
            <numerusform>%n bytes before the first record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before &apos;%1&apos; belong to no tensor</source>
        <translation>
            <numerusform>%n byte before &apos;%1&apos; belongs to no tensor</numerusform>
            <numerusform>%n bytes before &apos;%1&apos; belong to no tensor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the last tensor belong to no tensor</source>
        <translation>
            <numerusform>%n byte after the last tensor belongs to no tensor</numerusform>
            <numerusform>%n bytes after the last tensor belong to no tensor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %n class(es) and function(s) outside its allowlist: %1</source>
        <translation>
            <numerusform>needs weights_only=False for %n class or function outside its allowlist: %1</numerusform>
            <numerusform>needs weights_only=False for %n classes and functions outside its allowlist: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %1, which makes plain data (%n place(s))</source>
        <translation>
            <numerusform>needs weights_only=False for %1, which makes plain data (%n place)</numerusform>
            <numerusform>needs weights_only=False for %1, which makes plain data (%n places)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TensorSlice</name>
    <message numerus="yes">
        <source>%1 has %n axes; the slice names more</source>
        <translation>
            <numerusform>%1 has %n axis; the slice names more</numerusform>
            <numerusform>%1 has %n axes; the slice names more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeightsOnly</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointDocument</name>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n parameter</numerusform>
            <numerusform>%n parameters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointValuesModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointView</name>
    <message numerus="yes">
        <source>%1 (pooled: %n tensor(s))</source>
        <translation>
            <numerusform>%1 (pooled: %n tensor)</numerusform>
            <numerusform>%1 (pooled: %n tensors)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::CompareWindow</name>
    <message numerus="yes">
        <source>%n names: %1.</source>
        <translation>
            <numerusform>%n name: %1.</numerusform>
            <numerusform>%n names: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names of %1 match once “%2” is stripped.</source>
        <translation>
            <numerusform>%n name of %1 matches once “%2” is stripped.</numerusform>
            <numerusform>%n names of %1 match once “%2” is stripped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 elements</source>
        <translation>
            <numerusform>Compared %1 element</numerusform>
            <numerusform>Compared %1 elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::DiffTableModel</name>
    <message numerus="yes">
        <source>%1 of %2 elements differ</source>
        <translation>
            <numerusform>%1 of %2 element differs</numerusform>
            <numerusform>%1 of %2 elements differ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::FreezeBlocksDialog</name>
    <message numerus="yes">
        <source>%1 holds %n numbered blocks. Freeze:</source>
        <translation>
            <numerusform>%1 holds %n numbered block. Freeze:</numerusform>
            <numerusform>%1 holds %n numbered blocks. Freeze:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramPanel</name>
    <message numerus="yes">
        <source>%1: %2 values, %3 to read</source>
        <translation>
            <numerusform>%1: %2 value, %3 to read</numerusform>
            <numerusform>%1: %2 values, %3 to read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%1, %2%3
%4 values</source>
        <translation>
            <numerusform>[%1, %2%3
%4 value</numerusform>
            <numerusform>[%1, %2%3
%4 values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::MainWindow</name>
    <message numerus="yes">
        <source>Loaded %n tensors from %1</source>
        <translation>
            <numerusform>Loaded %n tensor from %1</numerusform>
            <numerusform>Loaded %n tensors from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ModuleTreeModel</name>
    <message numerus="yes">
        <source>%1 parameters (%2)</source>
        <translation>
            <numerusform>%1 parameter (%2)</numerusform>
            <numerusform>%1 parameters (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::OptimizerPanel</name>
    <message numerus="yes">
        <source>%1 (%2): %n parameter(s) with state; select one to see its step, moments and next update.</source>
        <translation>
            <numerusform>%1 (%2): %n parameter with state; select it to see its step, moments and next update.</numerusform>
            <numerusform>%1 (%2): %n parameters with state; select one to see its step, moments and next update.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ParameterTableModel</name>
    <message numerus="yes">
        <source>%1 elements</source>
        <translation>
            <numerusform>%1 element</numerusform>
            <numerusform>%1 elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 bytes</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ReportWindow</name>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n tensor, %1 flagged</numerusform>
            <numerusform>%n tensors, %1 flagged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsModel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsView</name>
    <message numerus="yes">
        <source>%n file(s) scanned: </source>
        <translation>
            <numerusform>%n file scanned: </numerusform>
            <numerusform>%n files scanned: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ShardsPanel</name>
    <message numerus="yes">
        <source>%1 %2: %n box(es), drawn over its first and last dimensions, coloured by file</source>
        <translation>
            <numerusform>%1 %2: %n box, drawn over its first and last dimensions, coloured by file</numerusform>
            <numerusform>%1 %2: %n boxes, drawn over its first and last dimensions, coloured by file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::SpectrumPanel</name>
    <message numerus="yes">
        <source>%1: %2 elements; the spectrum is computed on request.</source>
        <translation>
            <numerusform>%1: %2 element; the spectrum is computed on request.</numerusform>
            <numerusform>%1: %2 elements; the spectrum is computed on request.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::TrainingLogPanel</name>
    <message numerus="yes">
        <source>trainer_state.json&apos;s log_history: %n entry(ies) of loss. Also logged: %1.</source>
        <translation>
            <numerusform>trainer_state.json&apos;s log_history: %n entry of loss. Also logged: %1.</numerusform>
            <numerusform>trainer_state.json&apos;s log_history: %n entries of loss. Also logged: %1.</numerusform>
        </translation>
    </message>
</context>
</TS>

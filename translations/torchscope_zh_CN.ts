<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckpointDiff</name>
    <message>
        <source>%1: &apos;%2&apos; and &apos;%3&apos; both map to &apos;%4&apos;; the second is left out</source>
        <translation>%1：&apos;%2&apos; 和 &apos;%3&apos; 都映射到 &apos;%4&apos;；后者被略去</translation>
    </message>
    <message>
        <source>%1: a meta tensor has no data; its values are not compared</source>
        <translation>%1：meta 张量没有数据；不比较其数值</translation>
    </message>
</context>
<context>
    <name>CheckpointReader</name>
    <message>
        <source>dict of %1</source>
        <translation>%1 的字典</translation>
    </message>
    <message>
        <source>list of %1</source>
        <translation>%1 的列表</translation>
    </message>
    <message>
        <source>tuple of %1</source>
        <translation>%1 的元组</translation>
    </message>
    <message>
        <source>set of %1</source>
        <translation>%1 的集合</translation>
    </message>
    <message>
        <source>refused call: %1</source>
        <translation>已拒绝的调用：%1</translation>
    </message>
    <message>
        <source>a pickle, but not a well-formed one: %1</source>
        <translation>是 pickle，但格式有误：%1</translation>
    </message>
    <message>
        <source> (read as a protocol 0 pickle: %1)</source>
        <translation>（按协议 0 的 pickle 读取：%1）</translation>
    </message>
    <message>
        <source>bytes after pickle %1 are not a pickle: %2</source>
        <translation>pickle %1 之后的字节不是 pickle：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n pickles, one after the other</source>
        <translation>
            <numerusform>%n 个 pickle，依次排列</numerusform>
        </translation>
    </message>
    <message>
        <source>pickle%1</source>
        <translation>pickle%1</translation>
    </message>
    <message>
        <source>only the first %1 values are shown</source>
        <translation>只显示前 %1 个值</translation>
    </message>
    <message>
        <source>a TorchScript model in the &apos;PYTORCH1&apos; container (version %1) of the PyTorch 1.0 previews of 2018, which no released PyTorch reads; re-export it with PyTorch 1.0 or later</source>
        <translation>这是 2018 年 PyTorch 1.0 预览版的 &apos;PYTORCH1&apos; 容器（版本 %1）中的 TorchScript 模型，任何正式发布的 PyTorch 都无法读取；请用 PyTorch 1.0 或更高版本重新导出</translation>
    </message>
    <message>
        <source>not a PyTorch checkpoint: %1 bytes beginning &quot;%2&quot; (%3), the start of no zip archive, pickle, legacy checkpoint or safetensors file</source>
        <translation>不是 PyTorch 检查点：%1 字节，以 &quot;%2&quot;（%3）开头，既不是 zip 压缩包、pickle、旧格式检查点，也不是 safetensors 文件的开头</translation>
    </message>
    <message>
        <source>%1: empty file</source>
        <translation>%1：空文件</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>unsupported legacy protocol version</source>
        <translation>不支持的旧格式协议版本</translation>
    </message>
    <message>
        <source>big-endian checkpoints are not supported</source>
        <translation>不支持大端字节序的检查点</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage key list missing</source>
        <translation>旧格式检查点：缺少存储键列表</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage %1 is missing or truncated</source>
        <translation>旧格式检查点：存储 %1 缺失或被截断</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage %1 claims %2 elements; the pickle says %3 and the file has room for fewer</source>
        <translation>旧格式检查点：存储 %1 声称有 %2 个元素；pickle 中为 %3，而文件容纳不下这么多</translation>
    </message>
    <message>
        <source>legacy checkpoint: %1 unexpected bytes at the end</source>
        <translation>旧格式检查点：末尾有 %1 个多余字节</translation>
    </message>
    <message>
        <source>storage %1 has no data</source>
        <translation>存储 %1 没有数据</translation>
    </message>
    <message>
        <source>%1: no checkpoint in this folder (looked for model.safetensors, pytorch_model.bin, their index files, and *.safetensors, *.bin, *.pt, *.pth, *.ckpt)</source>
        <translation>%1：此文件夹中没有检查点（已查找 model.safetensors、pytorch_model.bin、它们的索引文件，以及 *.safetensors、*.bin、*.pt、*.pth、*.ckpt）</translation>
    </message>
    <message>
        <source>%1: %2 checkpoint files and no index to say which is the model (%3, ...); open one of them</source>
        <translation>%1：有 %2 个检查点文件，却没有索引说明哪个是模型（%3 等）；请打开其中一个</translation>
    </message>
    <message>
        <source>config.json beside the checkpoint cannot be read</source>
        <translation>无法读取检查点旁的 config.json</translation>
    </message>
    <message>
        <source>config.json beside the checkpoint is not JSON: %1</source>
        <translation>检查点旁的 config.json 不是 JSON：%1</translation>
    </message>
    <message>
        <source>index file too large</source>
        <translation>索引文件过大</translation>
    </message>
    <message>
        <source>not a sharded checkpoint index (no weight_map)</source>
        <translation>不是分片检查点索引（没有 weight_map）</translation>
    </message>
    <message>
        <source>bad shard name &quot;%1&quot;</source>
        <translation>无效的分片名 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 holds %2, which the index does not list there</source>
        <translation>%1 含有 %2，但索引并未将其列在该分片中</translation>
    </message>
    <message>
        <source>a TorchScript archive in the model.json format of PyTorch 1.0 and 1.1 (proto version %1, written by %2 %3), which PyTorch 1.2 replaced; re-export it with PyTorch 1.2 or later</source>
        <translation>这是 PyTorch 1.0 和 1.1 的 model.json 格式的 TorchScript 归档（proto 版本 %1，由 %2 %3 写入），该格式已被 PyTorch 1.2 取代；请用 PyTorch 1.2 或更高版本重新导出</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>a zip archive, but not a PyTorch checkpoint (no data.pkl)</source>
        <translation>是 zip 压缩包，但不是 PyTorch 检查点（没有 data.pkl）</translation>
    </message>
    <message>
        <source>storage %1 is missing from the archive</source>
        <translation>归档中缺少存储 %1</translation>
    </message>
    <message>
        <source>storage %1 holds %2 bytes, the pickle says %3 elements of %4</source>
        <translation>存储 %1 有 %2 字节，而 pickle 记载为 %3 个 %4 元素</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors listed in the index are missing from their shards (e.g. %1)</source>
        <translation>
            <numerusform>索引中列出的 %n 个张量在其分片中缺失（例如 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown byte order &apos;%1&apos;</source>
        <translation>未知的字节序“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) refused, kept as refused values (%2)</source>
        <translation>
            <numerusform>%1：拒绝了 %n 个调用，保留为被拒绝的值（%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not read: %2</source>
        <translation>%1：未读取：%2</translation>
    </message>
    <message>
        <source>trainer_state.json: not read: %1</source>
        <translation>trainer_state.json：未读取：%1</translation>
    </message>
    <message>
        <source>larger than 64 MiB</source>
        <translation>大于 64 MiB</translation>
    </message>
</context>
<context>
    <name>CheckpointWriter</name>
    <message>
        <source>%1: the file written does not read back (%2); the old file is kept</source>
        <translation>%1：写入的文件无法读回（%2）；已保留旧文件</translation>
    </message>
    <message>
        <source>holds %1, which was not saved</source>
        <translation>含有未保存的 %1</translation>
    </message>
    <message>
        <source>holds %1 as %2 %3 instead of %4 %5</source>
        <translation>以 %2 %3 保存了 %1，而不是 %4 %5</translation>
    </message>
    <message>
        <source>holds %1 outside its data (%2)</source>
        <translation>%1 位于其数据之外（%2）</translation>
    </message>
    <message>
        <source>%1: the file written %2; the old file is kept</source>
        <translation>%1：写入的文件%2；已保留旧文件</translation>
    </message>
    <message>
        <source>%1: the file written holds %2 of %3 tensors; the old file is kept</source>
        <translation>%1：写入的文件只含 %3 个张量中的 %2 个；已保留旧文件</translation>
    </message>
    <message>
        <source>no module named &quot;%1&quot;</source>
        <translation>没有名为 &quot;%1&quot; 的模块</translation>
    </message>
    <message>
        <source>%1 holds an entire model; save the entire model, or choose another format</source>
        <translation>%1 保存的是完整模型；请保存完整模型，或选择其他格式</translation>
    </message>
    <message>
        <source>A pickled model</source>
        <translation>pickle 模型</translation>
    </message>
    <message>
        <source>TorchScript</source>
        <translation>TorchScript</translation>
    </message>
    <message>
        <source>a .safetensors file holds weights only; save weights only, or choose another name</source>
        <translation>.safetensors 文件只能保存权重；请仅保存权重，或换一个文件名</translation>
    </message>
    <message>
        <source>an entire model is written as a pickle (torch.save(model)) or TorchScript; save weights only for a PyTorch state_dict</source>
        <translation>完整模型会保存为 pickle（torch.save(model)）或 TorchScript；要得到 PyTorch state_dict，请仅保存权重</translation>
    </message>
    <message>
        <source>an entire model is written as TorchScript; save weights only for a PyTorch state_dict</source>
        <translation>完整模型会保存为 TorchScript；要得到 PyTorch state_dict，请仅保存权重</translation>
    </message>
    <message>
        <source>only a model read from a torch.save(model) pickle is written back as one; save it as TorchScript</source>
        <translation>只有从 torch.save(model) pickle 读取的模型才能写回为 pickle；请保存为 TorchScript</translation>
    </message>
    <message>
        <source>a pickled model becomes TorchScript only by running its Python code (torch.jit.script), which Torchscope never does; save it as a pickle</source>
        <translation>pickle 模型只有运行其 Python 代码（torch.jit.script）才能变成 TorchScript，而 Torchscope 从不运行代码；请保存为 pickle</translation>
    </message>
    <message>
        <source>an entire model is saved with every tensor as it is (no dtype change, buffers kept, one file); save weights only to convert, leave out buffers or shard</source>
        <translation>完整模型按原样保存每个张量（不改 dtype、保留缓冲区、单个文件）；如需转换类型、去掉缓冲区或分片，请仅保存权重</translation>
    </message>
    <message>
        <source>saving an entire model needs a TorchScript source; save weights only instead</source>
        <translation>保存完整模型需要 TorchScript 来源；请改为仅保存权重</translation>
    </message>
    <message>
        <source>a weights-only file has no architecture to save as an entire model</source>
        <translation>仅权重文件没有模型结构，无法保存为完整模型</translation>
    </message>
    <message>
        <source>%1 is tied to %2: safetensors cannot share storage, so it is written once, as %2, and __metadata__ records %1 -&gt; %2 (as safetensors.torch.save_model does)</source>
        <translation>%1 与 %2 共享权重：safetensors 不能共享存储，因此只以 %2 写入一次，并在 __metadata__ 中记录 %1 -&gt; %2（与 safetensors.torch.save_model 的做法相同）</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: save failed: %2</source>
        <translation>%1：保存失败：%2</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: safetensors cannot hold %2 tensors</source>
        <translation>%1：safetensors 无法保存 %2 张量</translation>
    </message>
    <message>
        <source>a weights-only-safe copy is made of a torch.save file of weights and values (not of an entire model, TorchScript, safetensors or shards)</source>
        <translation>weights-only 安全副本只能由含权重和数值的 torch.save 文件生成（不能由整个模型、TorchScript、safetensors 或分片生成）</translation>
    </message>
    <message>
        <source>a weights-only-safe copy holds the whole file as it is (no module, dtype change, buffers left out or shards)</source>
        <translation>weights-only 安全副本按原样保存整个文件（不能选模块、改 dtype、省略缓冲区或分片）</translation>
    </message>
    <message>
        <source>%1 is a meta tensor (shape and dtype, no data): there are no weights to write</source>
        <translation>%1 是 meta 张量（只有形状和 dtype，没有数据）：没有可写入的权重</translation>
    </message>
    <message>
        <source>the model or EMA part of a checkpoint is saved as weights only</source>
        <translation>检查点的模型或 EMA 部分只能保存为仅权重</translation>
    </message>
    <message>
        <source>the checkpoint holds no EMA weights</source>
        <translation>该检查点不含 EMA 权重</translation>
    </message>
    <message numerus="yes">
        <source>optimizer &apos;%1&apos; (%2, %n tensor(s))</source>
        <translation>
            <numerusform>优化器“%1”（%2，%n 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <source>AveragedModel&apos;s n_averaged counter</source>
        <translation>AveragedModel 的 n_averaged 计数器</translation>
    </message>
    <message numerus="yes">
        <source>EMA weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>EMA 权重“%1”（%n 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <source>scheduler &apos;%1&apos;</source>
        <translation>调度器“%1”</translation>
    </message>
    <message numerus="yes">
        <source>the model&apos;s weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>模型权重“%1”（%n 个张量）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tensor(s)</source>
        <translation>
            <numerusform>%n 个其他张量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) besides tensors</source>
        <translation>
            <numerusform>张量之外的 %n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>未包含：%1。</translation>
    </message>
    <message>
        <source>only the model this checkpoint holds pickled whole (%1) is saved as an entire model; choose it as the module</source>
        <translation>只有此检查点中整体 pickle 保存的模型（%1）可以保存为完整模型；请选择它作为模块</translation>
    </message>
    <message>
        <source>the example model has no file of its own</source>
        <translation>示例模型没有自己的文件</translation>
    </message>
    <message>
        <source>a folder is saved with Save As</source>
        <translation>文件夹需用“另存为”保存</translation>
    </message>
    <message>
        <source>a %1 file is not written back in its own kind; use Save As</source>
        <translation>%1 文件不能按原类型写回；请使用“另存为”</translation>
    </message>
    <message>
        <source>writing this file back as weights would drop what it holds besides them (an optimizer, values or flags); use Save As</source>
        <translation>将此文件写回为权重会丢弃其中权重之外的内容（优化器、值或标志）；请使用“另存为”</translation>
    </message>
    <message>
        <source>a DCP folder is written as one file of boxes; leave out the shard size</source>
        <translation>DCP 文件夹以一个分块文件写出；请去掉分片大小</translation>
    </message>
    <message>
        <source>%1: a DCP checkpoint is a folder, and a file has this name</source>
        <translation>%1：DCP 检查点是文件夹，而已有同名文件</translation>
    </message>
    <message>
        <source>%1: cannot replace the folder</source>
        <translation>%1：无法替换该文件夹</translation>
    </message>
    <message>
        <source>cannot read the tensors&apos; bytes</source>
        <translation>无法读取张量的字节</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Try &apos;torchscope-cli --help&apos;.</source>
        <translation>请尝试 &apos;torchscope-cli --help&apos;。</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>missing command</source>
        <translation>缺少命令</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export: no module &apos;%1&apos; in %2</source>
        <translation>export：%2 中没有模块 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export: bad glob &apos;%1&apos;</source>
        <translation>export：无效的通配符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>warning: &apos;%1&apos; matches no parameter</source>
        <translation>警告：&apos;%1&apos; 没有匹配任何参数</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>hist: no tensor or module &apos;%1&apos; in %2</source>
        <translation>hist：%2 中没有张量或模块 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: complex tensors are listed, not plotted</source>
        <translation>%1：复数张量只列出，不绘图</translation>
    </message>
    <message>
        <source>values: %1</source>
        <translation>values：%1</translation>
    </message>
    <message>
        <source>values: no tensor &apos;%1&apos; in %2</source>
        <translation>values：%2 中没有张量 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: %2 has no data in this file</source>
        <translation>%1：%2 在此文件中没有数据</translation>
    </message>
    <message>
        <source>stats: no module &apos;%1&apos; in %2</source>
        <translation>stats：%2 中没有模块 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: not an entire model that can be written back (a TorchScript archive or a torch.save(model) pickle is needed)</source>
        <translation>%1：不是可写回的完整模型（需要 TorchScript 归档或 torch.save(model) pickle）</translation>
    </message>
    <message>
        <source>export --weights-only-safe copies a torch.save file so that PyTorch&apos;s default torch.load
(weights_only=True) reads it: tensors as they are, numpy scalars and arrays as numbers and
tensors, namespaces and config objects as dicts, paths as strings; what else stops it is
left out and named.
</source>
        <translation>export --weights-only-safe 复制 torch.save 文件，使 PyTorch 默认的 torch.load
（weights_only=True）能够读取：张量保持原样，numpy 标量和数组变为数字和张量，
命名空间和配置对象变为字典，路径变为字符串；其他阻止加载的内容会被省略并列出。
</translation>
    </message>
    <message>
        <source>%1 has no data in %2 (a meta tensor)</source>
        <translation>%1 在 %2 中没有数据（meta 张量）</translation>
    </message>
    <message>
        <source>the model part &apos;%1&apos;</source>
        <translation>模型部分“%1”</translation>
    </message>
    <message>
        <source>the EMA weights &apos;%1&apos;</source>
        <translation>EMA 权重“%1”</translation>
    </message>
    <message>
        <source>the whole checkpoint</source>
        <translation>整个检查点</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1: %n tensor(s). %2</source>
        <translation>
            <numerusform>已写出%1：%n 个张量。%2</numerusform>
        </translation>
    </message>
    <message>
        <source>note: every name begins with &apos;%1&apos;; --strip-prefix %1 removes it</source>
        <translation>注意：每个名称都以“%1”开头；--strip-prefix %1 可将其去掉</translation>
    </message>
    <message>
        <source>wrote the freeze plan %1: %2 of %3 parameters trainable</source>
        <translation>已写出冻结计划 %1：%3 个参数中 %2 个可训练</translation>
    </message>
    <message>
        <source>note: %1 keeps no requires_grad flags; --freeze-plan-out FILE writes the plan</source>
        <translation>注意：%1 不保存 requires_grad 标志；--freeze-plan-out FILE 会写出该计划</translation>
    </message>
    <message>
        <source>Globs match whole parameter names (full dotted names from the root) as Python&apos;s fnmatch does,
and {A..B} matches the whole numbers A to B (model.layers.{0..23}.* is the lower 24 blocks);
--freeze, --unfreeze and --freeze-plan (JSON: {&quot;requires_grad&quot;: {name: bool}}) apply in the order given.
On files that keep no flags (weights-only files, folders, training checkpoints) they make a
plan from every floating-point parameter trainable; --freeze-plan-out PLAN writes the flags
as that JSON (with or without -o).
diff matches names as load_state_dict does, after the prefixes; elements are equal when
|a - b| &lt;= atol + rtol * |b| (NaN equals NaN). --strip-prefix strips from either side.
export writes weights (--weights-only: pytorch, the default, or safetensors by OUT&apos;s name) or
the entire model (--entire-model: torchscript from TorchScript, pickle from a torch.save(model)
pickle, re-emitted from its parsed objects, never run). safetensors keeps one name of tied
weights and maps the others to it in __metadata__. --dtype, --no-buffers and --max-shard-size
(OUT becomes a folder of shards and their index) apply to weights only. On a training
checkpoint --weights-only writes the model part (--part model, the default; ema: the EMA weights
under the model&apos;s names; all: every tensor) and says what it left out; --strip-prefix P removes P
from every name that begins with it (Lightning&apos;s model., torch.compile&apos;s _orig_mod.).
load-weights matches WEIGHTS&apos; names to MODEL&apos;s as load_state_dict does (after removing
--strip-prefix where present and adding --add-prefix), reports what applies and what does not,
and writes MODEL with those values as OUT (its entire-model format; flags kept). With --strict
any mismatch exits 1 and writes nothing.
values takes a NumPy basic index (integers and start:stop:step per axis); without --npy or
--csv it prints the slice. .npy files hold bfloat16, float8 and quantized tensors as float32.
stats flags: nan, inf, all_zero, constant, norm_outlier (the norm is far from the same
tensor&apos;s in other blocks), negative_running_var, initial_value (a norm layer&apos;s weight 1
or bias 0 as initialisation left them: a note, not trouble).
Exit status: 0 success (diff: equal), 1 a file cannot be read or written, 2 usage error,
3 diff found differences.
--lang LANG (zh_CN, de, en; by default the system&apos;s language) translates messages and tables;
JSON, CSV and the files written are the same in every language.
</source>
        <translation>通配符按 Python 的 fnmatch 方式匹配完整的参数名（从根开始的完整点分名称），
{A..B} 匹配整数 A 到 B（model.layers.{0..23}.* 表示前 24 个块）；
--freeze、--unfreeze 和 --freeze-plan（JSON：{&quot;requires_grad&quot;: {name: bool}}）按给出的顺序生效。
对不保存标志的文件（仅权重文件、文件夹、训练检查点），它们生成一个冻结计划，
起点是每个浮点参数都可训练；--freeze-plan-out PLAN 把这些标志写成该 JSON（可带或不带 -o）。
diff 在处理前缀之后按 load_state_dict 的方式匹配名称；当
|a - b| &lt;= atol + rtol * |b| 时元素视为相等（NaN 等于 NaN）。--strip-prefix 对任一侧去掉前缀。
export 写出权重（--weights-only：默认为 pytorch，或按 OUT 的文件名写成 safetensors）或
完整模型（--entire-model：TorchScript 输入写成 torchscript，torch.save(model) pickle 输入写成 pickle，
由解析出的对象重新生成，从不运行）。safetensors 对共享的权重只保留一个名称，
并在 __metadata__ 中把其余名称映射到它。--dtype、--no-buffers 和 --max-shard-size
（OUT 变为包含分片及其索引的文件夹）只适用于仅权重保存。对训练检查点，
--weights-only 写出模型部分（--part model，默认；ema：以模型名称写出 EMA 权重；all：全部张量），
并说明未包含的内容；--strip-prefix P 从每个以 P 开头的名称中去掉 P（Lightning 的 model.、
torch.compile 的 _orig_mod.）。
load-weights 按 load_state_dict 的方式把 WEIGHTS 中的名称与 MODEL 中的匹配（先去掉
--strip-prefix 给出的前缀，再添加 --add-prefix），报告哪些可以应用、哪些不能，
并把带有这些值的 MODEL 写成 OUT（沿用其完整模型格式；保留标志）。使用 --strict 时
任何不匹配都会以 1 退出且不写入任何内容。
values 接受 NumPy 基本索引（每个轴一个整数或 start:stop:step）；不带 --npy 或
--csv 时打印该切片。.npy 文件以 float32 保存 bfloat16、float8 和量化张量。
stats 的标记：nan、inf、all_zero、constant、norm_outlier（范数与其他块中
同名张量的范数相差很大）、negative_running_var、initial_value（归一化层仍为初始化时的权重 1 或偏置 0：只是提示，并非问题）。
退出状态：0 成功（diff：相同），1 无法读取或写入文件，2 用法错误，
3 diff 发现差异。
--lang LANG（zh_CN、de、en；默认为系统语言）翻译消息和表格；
JSON、CSV 和写出的文件在任何语言下都相同。
</translation>
    </message>
    <message>
        <source>scan judges every file under the PATHs by its content, running nothing, and lists findings
(rule, severity, file, place, one line): error for a call torch.load would make, a zip entry
outside its archive or a second pickle under one name; warning for other zip and safetensors
anomalies, truncation and files it cannot read; note for what needs weights_only=False (a
model&apos;s classes, NumPy scalars). --format sarif writes SARIF 2.1.0 for code scanning. Exit 1
when a finding reaches --fail-on (default error), 0 otherwise.
</source>
        <translation>scan 按内容判断 PATH 下的每个文件,不运行任何东西,并列出发现
(规则、严重程度、文件、位置、一行说明):error 表示 torch.load 会进行的调用、位于归档之外的 zip 条目
或同名的第二个 pickle;warning 表示其他 zip 与 safetensors 异常、截断和无法读取的文件;
note 表示需要 weights_only=False 的内容(模型自己的类、NumPy 标量)。--format sarif 写出供代码扫描
使用的 SARIF 2.1.0。当有发现达到 --fail-on(默认 error)时退出码为 1,否则为 0。
</translation>
    </message>
    <message numerus="yes">
        <source>scan: %1 of %n file(s)</source>
        <translation>
            <numerusform>scan: %1 / %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned; findings: %1</source>
        <translation>
            <numerusform>已扫描 %n 个文件,%1 条发现</numerusform>
        </translation>
    </message>
    <message>
        <source>export: %1 holds an entire model: choose exactly one of --weights-only and --entire-model</source>
        <translation>export：%1 包含整个模型：请在 --weights-only 和 --entire-model 中恰好选择一个</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1：多余的参数 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: unknown option &apos;%2&apos;</source>
        <translation>%1：未知选项 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>info: missing FILE</source>
        <translation>info：缺少 FILE</translation>
    </message>
    <message>
        <source>info: more than one file given</source>
        <translation>info：给出了多个文件</translation>
    </message>
    <message>
        <source>export: --max-shard-size needs a size such as 5GB, 500MB or 2GiB</source>
        <translation>export：--max-shard-size 需要一个大小，例如 5GB、500MB 或 2GiB</translation>
    </message>
    <message>
        <source>export: %1 needs a file</source>
        <translation>export：%1 需要一个文件</translation>
    </message>
    <message>
        <source>export: %1 needs a module path</source>
        <translation>export：%1 需要一个模块路径</translation>
    </message>
    <message>
        <source>export: %1 needs a glob</source>
        <translation>export：%1 需要一个通配符</translation>
    </message>
    <message>
        <source>export: unexpected argument &apos;%1&apos;</source>
        <translation>export：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export: missing input file</source>
        <translation>export：缺少输入文件</translation>
    </message>
    <message>
        <source>export: choose exactly one of --weights-only and --entire-model</source>
        <translation>export：--weights-only 和 --entire-model 必须且只能选一个</translation>
    </message>
    <message>
        <source>export: --format %1 does not hold weights only</source>
        <translation>export：--format %1 不能只保存权重</translation>
    </message>
    <message>
        <source>export: --format %1 does not hold an entire model</source>
        <translation>export：--format %1 不能保存完整模型</translation>
    </message>
    <message>
        <source>example: %1 needs a file</source>
        <translation>example：%1 需要一个文件</translation>
    </message>
    <message>
        <source>example: unexpected argument &apos;%1&apos;</source>
        <translation>example：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>example: missing -o FILE</source>
        <translation>example：缺少 -o FILE</translation>
    </message>
    <message>
        <source>hist: --bins needs a whole number from 1 to 1000000</source>
        <translation>hist：--bins 需要 1 到 1000000 之间的整数</translation>
    </message>
    <message>
        <source>hist: --range needs LO,HI with finite LO &lt; HI</source>
        <translation>hist：--range 需要 LO,HI，且为有限值、LO &lt; HI</translation>
    </message>
    <message>
        <source>hist: %1 needs a file</source>
        <translation>hist：%1 需要一个文件</translation>
    </message>
    <message>
        <source>hist: unexpected argument &apos;%1&apos;</source>
        <translation>hist：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>hist: needs FILE and TENSOR</source>
        <translation>hist：需要 FILE 和 TENSOR</translation>
    </message>
    <message>
        <source>diff: %1 needs a prefix</source>
        <translation>diff：%1 需要一个前缀</translation>
    </message>
    <message>
        <source>diff: %1 needs a finite number &gt;= 0</source>
        <translation>diff：%1 需要一个 &gt;= 0 的有限数</translation>
    </message>
    <message>
        <source>diff: %1 needs a file</source>
        <translation>diff：%1 需要一个文件</translation>
    </message>
    <message>
        <source>diff: unexpected argument &apos;%1&apos;</source>
        <translation>diff：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>diff: needs two files, A and B</source>
        <translation>diff：需要两个文件 A 和 B</translation>
    </message>
    <message>
        <source>values: %1 needs a file</source>
        <translation>values：%1 需要一个文件</translation>
    </message>
    <message>
        <source>values: unexpected argument &apos;%1&apos;</source>
        <translation>values：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>values: needs FILE and TENSOR</source>
        <translation>values：需要 FILE 和 TENSOR</translation>
    </message>
    <message>
        <source>stats: %1 needs a module path</source>
        <translation>stats：%1 需要一个模块路径</translation>
    </message>
    <message>
        <source>stats: choose one of --json and --csv</source>
        <translation>stats：--json 和 --csv 只能选一个</translation>
    </message>
    <message>
        <source>stats: needs FILE</source>
        <translation>stats：需要 FILE</translation>
    </message>
    <message>
        <source>stats: unexpected argument &apos;%1&apos;</source>
        <translation>stats：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>load-weights: %1 needs a prefix</source>
        <translation>load-weights：%1 需要一个前缀</translation>
    </message>
    <message>
        <source>load-weights: %1 needs a file</source>
        <translation>load-weights：%1 需要一个文件</translation>
    </message>
    <message>
        <source>load-weights: needs MODEL and WEIGHTS</source>
        <translation>load-weights：需要 MODEL 和 WEIGHTS</translation>
    </message>
    <message>
        <source>load-weights: unexpected argument &apos;%1&apos;</source>
        <translation>load-weights：多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>load-weights: missing -o OUT</source>
        <translation>load-weights：缺少 -o OUT</translation>
    </message>
    <message>
        <source>export: --dtype needs one of %1</source>
        <translation>export：--dtype 须为以下之一：%1</translation>
    </message>
    <message>
        <source>export: --part needs one of model, ema, all</source>
        <translation>export：--part 需要 model、ema、all 之一</translation>
    </message>
    <message>
        <source>export: %1 needs a prefix</source>
        <translation>export：%1 需要一个前缀</translation>
    </message>
    <message>
        <source>export: --weights-only-safe copies the whole file as it is; it takes no --entire-model, --format, --dtype, --module, --part, --strip-prefix, --no-buffers, --max-shard-size or freeze options</source>
        <translation>export：--weights-only-safe 按原样复制整个文件；不接受 --entire-model、--format、--dtype、--module、--part、--strip-prefix、--no-buffers、--max-shard-size 或冻结选项</translation>
    </message>
    <message>
        <source>export: --part picks a training checkpoint&apos;s weights; it takes no --module or --entire-model</source>
        <translation>export：--part 选择训练检查点的权重；不接受 --module 或 --entire-model</translation>
    </message>
    <message>
        <source>export: --%1 needs -o OUT</source>
        <translation>export：--%1 需要 -o OUT</translation>
    </message>
    <message>
        <source>export: missing -o OUT (or --freeze-plan-out FILE)</source>
        <translation>export：缺少 -o OUT（或 --freeze-plan-out FILE）</translation>
    </message>
    <message>
        <source>scan: --format needs one of text, json, sarif</source>
        <translation>scan: --format 需要 text、json 或 sarif 之一</translation>
    </message>
    <message>
        <source>scan: --fail-on needs one of error, warning, note</source>
        <translation>scan: --fail-on 需要 error、warning 或 note 之一</translation>
    </message>
    <message>
        <source>scan: %1 needs a file</source>
        <translation>scan: %1 需要一个文件</translation>
    </message>
    <message>
        <source>scan: missing PATH</source>
        <translation>scan: 缺少 PATH</translation>
    </message>
    <message>
        <source>export: --format needs one of pytorch, safetensors, dcp, torchscript, pickle</source>
        <translation>export：--format 需要 pytorch、safetensors、dcp、torchscript、pickle 之一</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>params %1, trainable %2</source>
        <translation>参数 %1，可训练 %2</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>Config: %1 (%2)</source>
        <translation>配置：%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Note: a plain pickle, not a PyTorch checkpoint; torch.load would run it as it unpickles it. Nothing was run; below are the values it holds.</source>
        <translation>注意：这是普通 pickle，不是 PyTorch 检查点；torch.load 在反序列化时会运行它。Torchscope 没有运行任何代码；以下是其中保存的值。</translation>
    </message>
    <message>
        <source>Note: weights-only files store no requires_grad flags; PyTorch makes parameters trainable when it loads them into a freshly built model.</source>
        <translation>注意：仅权重文件不保存 requires_grad 标志；PyTorch 将其加载进新建的模型时，所有参数都会变为可训练。</translation>
    </message>
    <message>
        <source>Modules:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <source>Tensors:</source>
        <translation>张量：</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>tied to %1</source>
        <translation>与 %1 共享</translation>
    </message>
    <message>
        <source>Totals: %1 parameters (%2 trainable, %3 frozen)</source>
        <translation>合计：%1 个参数（%2 个可训练，%3 个已冻结）</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>, min %1, max %2, mean %3, std %4, L2 %5</source>
        <translation>，最小值 %1，最大值 %2，均值 %3，标准差 %4，L2 %5</translation>
    </message>
    <message>
        <source>, zeros %1, NaN %2, Inf %3</source>
        <translation>，零 %1，NaN %2，Inf %3</translation>
    </message>
    <message>
        <source>; requires_grad differs for %1</source>
        <translation>；%1 个 requires_grad 不同</translation>
    </message>
    <message>
        <source>Tolerances: atol %1, rtol %2</source>
        <translation>容差：atol %1，rtol %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Changed values, largest relative change first:</source>
        <translation>有变化的值（相对变化最大的在前）：</translation>
    </message>
    <message>
        <source>  (converted: %1 vs %2)</source>
        <translation>  （已转换：%1 对 %2）</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 对 %2</translation>
    </message>
    <message>
        <source>Shape differs</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <source>Only in A</source>
        <translation>仅在 A 中</translation>
    </message>
    <message>
        <source>Only in B</source>
        <translation>仅在 B 中</translation>
    </message>
    <message>
        <source>requires_grad differs:</source>
        <translation>requires_grad 不同：</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>不同</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>（无数据）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 elements</source>
        <translation>
            <numerusform>%1：%2 个元素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names in %1 match once &apos;%2&apos; is stripped (--strip-prefix-%3 %2)</source>
        <translation>
            <numerusform>去掉 &apos;%2&apos; 后，%1 中有 %n 个名称可以匹配（--strip-prefix-%3 %2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A: %1 (%n tensors)</source>
        <translation>
            <numerusform>A：%1（%n 个张量）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>B: %1 (%n tensors)</source>
        <translation>
            <numerusform>B：%1（%n 个张量）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only in A, %6 only in B</source>
        <translation>
            <numerusform>%n 个名称：%1 个相同，%2 个有变化，%3 个 dtype 不同，%4 个形状不同，%5 个仅在 A 中，%6 个仅在 B 中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n 个张量，%1 个有标记</numerusform>
        </translation>
    </message>
    <message>
        <source>PyTorch&apos;s default torch.load (weights_only=True) refuses this file: %1</source>
        <translation>PyTorch 默认的 torch.load（weights_only=True）拒绝此文件：%1</translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Optimizer %1 (%2):</source>
        <translation>优化器 %1（%2）：</translation>
    </message>
    <message numerus="yes">
        <source>group %1: %n parameter(s), %2</source>
        <translation>
            <numerusform>组 %1：%n 个参数，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步数 %1</translation>
    </message>
    <message>
        <source>stored as %1</source>
        <translation>存储为 %1</translation>
    </message>
</context>
<context>
    <name>DcpReader</name>
    <message>
        <source>%1 holds %2 bytes, not the %3 at byte %4 the metadata says</source>
        <translation>%1 有 %2 字节,而不是元数据所说的从字节 %4 起的 %3 字节</translation>
    </message>
    <message>
        <source>the item at byte %1 of %2 holds %3 tensors, not one</source>
        <translation>%2 中字节 %1 处的条目有 %3 个张量,而不是一个</translation>
    </message>
    <message>
        <source>the item at byte %1 of %2 has shape %3, the metadata says %4</source>
        <translation>%2 中字节 %1 处的条目形状为 %3,元数据说是 %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>a box has %1 dimensions, the tensor %2</source>
        <translation>一个块有 %1 维,张量有 %2 维</translation>
    </message>
    <message>
        <source>a box runs past the tensor&apos;s extent in dimension %1</source>
        <translation>一个块在第 %1 维超出了张量的范围</translation>
    </message>
    <message>
        <source>boxes %1 and %2 overlap</source>
        <translation>块 %1 与块 %2 重叠</translation>
    </message>
    <message>
        <source>the boxes cover %1 of its %2 elements</source>
        <translation>这些块只覆盖了其 %2 个元素中的 %1 个</translation>
    </message>
    <message>
        <source>%1 bytes of metadata, more than any checkpoint&apos;s</source>
        <translation>元数据有 %1 字节,超过任何检查点</translation>
    </message>
    <message>
        <source>not a DCP metadata pickle: %1</source>
        <translation>不是 DCP 元数据 pickle:%1</translation>
    </message>
    <message>
        <source>the metadata would call %1(%2) on load; refused</source>
        <translation>元数据在加载时会调用 %1(%2);已拒绝</translation>
    </message>
    <message>
        <source>not DCP metadata: the pickle holds %1</source>
        <translation>不是 DCP 元数据:pickle 中是 %1</translation>
    </message>
    <message>
        <source>the metadata lacks state_dict_metadata or storage_data</source>
        <translation>元数据缺少 state_dict_metadata 或 storage_data</translation>
    </message>
    <message>
        <source>%1: its value cannot be read: %2</source>
        <translation>%1:无法读取其值:%2</translation>
    </message>
    <message>
        <source>no such item</source>
        <translation>没有这个条目</translation>
    </message>
    <message>
        <source>%1: no shape or dtype PyTorch names; left out</source>
        <translation>%1:没有 PyTorch 认识的形状或 dtype;已略过</translation>
    </message>
    <message>
        <source>a box without offsets and sizes</source>
        <translation>一个没有偏移和大小的块</translation>
    </message>
    <message>
        <source>the box at %1 is in no file</source>
        <translation>位于 %1 的块不在任何文件中</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>its box at %1 runs past the end of %2</source>
        <translation>其位于 %1 的块超出了 %2 的末尾</translation>
    </message>
    <message>
        <source>%1: %2; its values cannot be read</source>
        <translation>%1:%2;无法读取其值</translation>
    </message>
    <message>
        <source>its zstd stream is damaged: %1</source>
        <translation>其 zstd 流已损坏:%1</translation>
    </message>
    <message>
        <source>its zstd stream ends early</source>
        <translation>其 zstd 流提前结束</translation>
    </message>
    <message>
        <source>it is transformed by %1</source>
        <translation>它经过了 %1 变换</translation>
    </message>
    <message>
        <source>the box at %1 is transformed by %2</source>
        <translation>位于 %1 的块经过了 %2 变换</translation>
    </message>
</context>
<context>
    <name>DcpWriter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: a quantized tensor has no place in a DCP checkpoint</source>
        <translation>%1：量化张量无法放入 DCP 检查点</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DeepSpeedReader</name>
    <message>
        <source>%1: no data.pkl</source>
        <translation>%1：没有 data.pkl</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no *_model_states.pt and *_optim_states.pt files</source>
        <translation>没有 *_model_states.pt 和 *_optim_states.pt 文件</translation>
    </message>
    <message>
        <source>the mixture-of-experts files (expp_rank_*, layer_*_expert_*) are not read</source>
        <translation>未读取混合专家文件（expp_rank_*、layer_*_expert_*）</translation>
    </message>
    <message>
        <source>%1 holds no ZeRO fp32 partitions (a BF16_Optimizer or ZeRO-0 checkpoint, which zero_to_fp32 does not read either)</source>
        <translation>%1 不含 ZeRO fp32 分区（BF16_Optimizer 或 ZeRO-0 检查点，zero_to_fp32 也不读取）</translation>
    </message>
    <message>
        <source>the optimizer files are of different ZeRO stages</source>
        <translation>优化器文件来自不同的 ZeRO 阶段</translation>
    </message>
    <message>
        <source>the optimizer state says %1 ranks, the folder holds %2 *_optim_states.pt files (one overwritten or not saved?)</source>
        <translation>优化器状态记录 %1 个 rank，文件夹中有 %2 个 *_optim_states.pt 文件（某个被覆盖或未保存？）</translation>
    </message>
    <message>
        <source>%1: %2 is not a flat tensor</source>
        <translation>%1：%2 不是扁平张量</translation>
    </message>
    <message>
        <source>the ranks hold different numbers of parameter groups</source>
        <translation>各 rank 的参数组数量不同</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 is no model states dict</source>
        <translation>%1 不是模型状态字典</translation>
    </message>
    <message>
        <source>%1: param_shapes is not a list of {name: size}</source>
        <translation>%1：param_shapes 不是 {名称: 大小} 的列表</translation>
    </message>
    <message>
        <source>%1 has no param_shapes</source>
        <translation>%1 没有 param_shapes</translation>
    </message>
    <message>
        <source>%1: frozen_param_shapes is not {name: size}</source>
        <translation>%1：frozen_param_shapes 不是 {名称: 大小}</translation>
    </message>
    <message>
        <source>%1 runs past its group&apos;s %2 elements</source>
        <translation>%1 超出其参数组的 %2 个元素</translation>
    </message>
    <message>
        <source>parameter group %1: the shapes take %2 elements of the %3 its partitions hold</source>
        <translation>参数组 %1：形状占用 %2 个元素，其分区共有 %3 个</translation>
    </message>
    <message>
        <source>%1 runs past the %2 elements each rank holds</source>
        <translation>%1 超出每个 rank 持有的 %2 个元素</translation>
    </message>
    <message>
        <source>the shapes take %1 elements of the %2 each rank holds</source>
        <translation>形状占用 %1 个元素，每个 rank 持有 %2 个</translation>
    </message>
    <message>
        <source>the frozen parameter %1 has no fragment</source>
        <translation>冻结参数 %1 没有片段</translation>
    </message>
    <message>
        <source>the frozen parameter %1&apos;s fragments are too short</source>
        <translation>冻结参数 %1 的片段太短</translation>
    </message>
    <message>
        <source>%1: its partitions hold fewer bytes than its shape needs</source>
        <translation>%1：其分区的字节数少于形状所需</translation>
    </message>
    <message>
        <source>%1 is in no ZeRO partition: taken from the module as saved (zero_to_fp32 leaves it out)</source>
        <translation>%1 不在任何 ZeRO 分区中：按保存时的模块取用（zero_to_fp32 会省略它）</translation>
    </message>
    <message>
        <source>%1 is shared with %2, which is not in the checkpoint; left out</source>
        <translation>%1 与 %2 共享，而后者不在检查点中；已省略</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 T</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 k</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>hidden size %1</source>
        <translation>隐藏层维度 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attention heads</source>
        <translation>
            <numerusform>%n 个注意力头</numerusform>
        </translation>
    </message>
    <message>
        <source>vocabulary %1</source>
        <translation>词表 %1</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Adafactor</source>
        <translation>Adafactor</translation>
    </message>
    <message>
        <source>Optimizer (no state yet)</source>
        <translation>优化器（尚无状态）</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Training checkpoint</source>
        <translation>训练检查点</translation>
    </message>
    <message>
        <source>Training checkpoint (%1%2)</source>
        <translation>训练检查点（%1%2）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>model %1 parameters</source>
        <translation>模型 %1 个参数</translation>
    </message>
    <message>
        <source>EMA weights at %1</source>
        <translation>EMA 权重位于 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 state for %n tensor(s)</source>
        <translation>
            <numerusform>%n 个张量的 %1 状态</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduler(s)</source>
        <translation>
            <numerusform>%n 个调度器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>an instance of %1</source>
        <translation>%1 的实例</translation>
    </message>
    <message>
        <source>refused: would call %1</source>
        <translation>已拒绝：将会调用 %1</translation>
    </message>
</context>
<context>
    <name>ExampleModel</name>
    <message>
        <source>the example model is missing from this build</source>
        <translation>此版本中缺少示例模型</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>PyTorch checkpoints (%1);;All files (*)</source>
        <translation>PyTorch 检查点 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FreezeMenus</name>
    <message>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>解冻 %1</translation>
    </message>
    <message>
        <source>Freeze All Except %1</source>
        <translation>冻结除 %1 外的全部</translation>
    </message>
    <message>
        <source>Freeze Every %1</source>
        <translation>冻结所有 %1</translation>
    </message>
    <message>
        <source>Freeze every %1</source>
        <translation>冻结所有 %1</translation>
    </message>
    <message>
        <source>Unfreeze Every %1</source>
        <translation>解冻所有 %1</translation>
    </message>
    <message>
        <source>Unfreeze every %1</source>
        <translation>解冻所有 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n Selected</source>
        <translation>
            <numerusform>所选 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreezePlan</name>
    <message>
        <source>not a freeze plan: %1</source>
        <translation>不是冻结方案：%1</translation>
    </message>
    <message>
        <source>not a freeze plan: no &quot;requires_grad&quot; object</source>
        <translation>不是冻结方案：没有 &quot;requires_grad&quot; 对象</translation>
    </message>
    <message>
        <source>freeze plan: the value for &quot;%1&quot; is not true or false</source>
        <translation>冻结方案：&quot;%1&quot; 的值不是 true 或 false</translation>
    </message>
    <message>
        <source>the freeze plan names parameters this model does not have (%1): %2</source>
        <translation>冻结方案中有此模型没有的参数（%1 个）：%2</translation>
    </message>
    <message>
        <source>Apply freeze plan</source>
        <translation>应用冻结方案</translation>
    </message>
</context>
<context>
    <name>GgufReader</name>
    <message>
        <source>a string at byte %1 runs past the file</source>
        <translation>字节 %1 处的字符串超出文件末尾</translation>
    </message>
    <message>
        <source>a value at byte %1 runs past the file</source>
        <translation>字节 %1 处的值超出文件末尾</translation>
    </message>
    <message>
        <source>unknown value type %1 at byte %2</source>
        <translation>字节 %2 处的值类型 %1 未知</translation>
    </message>
    <message>
        <source>a GGUF file cut short in its header</source>
        <translation>GGUF 文件在文件头处被截断</translation>
    </message>
    <message>
        <source>a big-endian GGUF file (version %1 written for a big-endian machine): not read</source>
        <translation>大端序 GGUF 文件（版本 %1，为大端序机器写入）：未读取</translation>
    </message>
    <message>
        <source>GGUF version %1; versions 2 and 3 are read</source>
        <translation>GGUF 版本 %1；只读取版本 2 和 3</translation>
    </message>
    <message>
        <source>the header counts %1 tensors and %2 keys, more than the file holds</source>
        <translation>文件头记录 %1 个张量和 %2 个键，多于文件所含</translation>
    </message>
    <message>
        <source>the key %1 is there twice</source>
        <translation>键 %1 出现了两次</translation>
    </message>
    <message>
        <source>%1: its type runs past the file</source>
        <translation>%1：其类型超出文件末尾</translation>
    </message>
    <message>
        <source>%1: its array runs past the file</source>
        <translation>%1：其数组超出文件末尾</translation>
    </message>
    <message>
        <source>%1: an array of arrays, which GGUF does not allow</source>
        <translation>%1：数组的数组，GGUF 不允许</translation>
    </message>
    <message>
        <source>%1: unknown array item type %2</source>
        <translation>%1：未知的数组元素类型 %2</translation>
    </message>
    <message>
        <source>%1: %2 items, more than the file holds</source>
        <translation>%1：%2 个元素，多于文件所含</translation>
    </message>
    <message>
        <source>%1: unknown value type %2</source>
        <translation>%1：未知的值类型 %2</translation>
    </message>
    <message>
        <source>general.alignment %1 is not a power of two</source>
        <translation>general.alignment %1 不是 2 的幂</translation>
    </message>
    <message>
        <source>tensor %1: its name runs past the file or is longer than %2 bytes</source>
        <translation>张量 %1：其名称超出文件末尾或长于 %2 字节</translation>
    </message>
    <message>
        <source>the tensor %1 is there twice</source>
        <translation>张量 %1 出现了两次</translation>
    </message>
    <message>
        <source>%1: %2 dimensions (at most %3)</source>
        <translation>%1：%2 个维度（最多 %3 个）</translation>
    </message>
    <message>
        <source>%1: a dimension runs past the file or is out of range</source>
        <translation>%1：某个维度超出文件末尾或超出范围</translation>
    </message>
    <message>
        <source>%1: its type and offset run past the file</source>
        <translation>%1：其类型和偏移超出文件末尾</translation>
    </message>
    <message>
        <source>%1: unknown ggml type %2</source>
        <translation>%1：未知的 ggml 类型 %2</translation>
    </message>
    <message>
        <source>%1: its rows of %2 are no whole number of %3 blocks of %4</source>
        <translation>%1：其每行 %2 个值不是 %3 块（每块 %4 个）的整数倍</translation>
    </message>
    <message>
        <source>%1: its offset %2 is not a multiple of the alignment %3</source>
        <translation>%1：其偏移 %2 不是对齐值 %3 的倍数</translation>
    </message>
    <message>
        <source>%1: its %2 bytes at offset %3 run past the data section</source>
        <translation>%1：偏移 %3 处的 %2 字节超出数据段</translation>
    </message>
    <message>
        <source>%1: its %2 blocks are not decoded; its values are not shown</source>
        <translation>%1：其 %2 块未解码；不显示其值</translation>
    </message>
</context>
<context>
    <name>HealthReport</name>
    <message>
        <source>holds NaN values</source>
        <translation>含有 NaN 值</translation>
    </message>
    <message>
        <source>holds infinite values</source>
        <translation>含有无穷值</translation>
    </message>
    <message>
        <source>every value is zero</source>
        <translation>所有值都为零</translation>
    </message>
    <message>
        <source>every value is the same</source>
        <translation>所有值都相同</translation>
    </message>
    <message>
        <source>its norm is far from its siblings&apos; (the same tensor in other blocks)</source>
        <translation>其范数与同类（其他块中的同名张量）相差很大</translation>
    </message>
    <message>
        <source>a running variance below zero</source>
        <translation>running_var 小于零</translation>
    </message>
    <message>
        <source>still a norm layer&apos;s usual initial value (weight or running variance 1, bias or running mean 0): a layer not trained, or kept frozen; not a fault in itself</source>
        <translation>仍是归一化层常见的初始值（权重或运行方差为 1，偏置或运行均值为 0）：该层未经训练或一直被冻结；本身并非故障</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>LoadWeights</name>
    <message>
        <source>%1 applied, %2 missing, %3 unexpected, %4 of another shape, %5 of another dtype</source>
        <translation>已应用 %1 个，缺失 %2 个，多余 %3 个，形状不同 %4 个，dtype 不同 %5 个</translation>
    </message>
    <message>
        <source>strict loading refused: %1</source>
        <translation>严格加载被拒绝：%1</translation>
    </message>
    <message>
        <source>no tensor of %1 matches the model</source>
        <translation>%1 中没有与模型匹配的张量</translation>
    </message>
    <message>
        <source>Load weights from %1</source>
        <translation>从 %1 加载权重</translation>
    </message>
    <message>
        <source>Missing (kept as they are)</source>
        <translation>缺少（保持原样）</translation>
    </message>
    <message>
        <source>Unexpected (ignored)</source>
        <translation>多余（已忽略）</translation>
    </message>
    <message>
        <source>Another shape (kept as they are)</source>
        <translation>形状不同（保持原样）</translation>
    </message>
    <message>
        <source>Another dtype (kept as they are)</source>
        <translation>dtype 不同（保持原样）</translation>
    </message>
</context>
<context>
    <name>MappedFile</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: is a directory</source>
        <translation>%1：是一个目录</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: cannot map file: %2</source>
        <translation>%1：无法映射文件：%2</translation>
    </message>
</context>
<context>
    <name>ModuleNode</name>
    <message>
        <source>the whole model</source>
        <translation>整个模型</translation>
    </message>
    <message>
        <source>(model)</source>
        <translation>（模型）</translation>
    </message>
    <message>
        <source>The whole model</source>
        <translation>整个模型</translation>
    </message>
</context>
<context>
    <name>NameMatching</name>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; both map to &apos;%3&apos;; the second is left out</source>
        <translation>“%1”和“%2”都映射为“%3”；第二个被省略</translation>
    </message>
</context>
<context>
    <name>OptimizerState</name>
    <message>
        <source>%1 of %2&apos;s %3 state ids told apart by shape; the others stay by id: their shapes repeat and the weights file keeps no parameter order</source>
        <translation>%2 的 %3 个状态 id 中有 %1 个可按形状区分；其余保持按 id：它们的形状重复，且权重文件不保存参数顺序</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>%1&apos;s %2 state ids match the model&apos;s %3 parameters by no rule the shapes confirm: its entries stay by id</source>
        <translation>%1 的 %2 个状态 id 无法按任何经形状确认的规则对应到模型的 %3 个参数：其条目保持按 id</translation>
    </message>
</context>
<context>
    <name>PickleCheckpoint</name>
    <message>
        <source>%1: bad storage reference</source>
        <translation>%1：无效的存储引用</translation>
    </message>
    <message>
        <source>%1: per-channel scales or zero points do not match axis %2</source>
        <translation>%1：逐通道的 scale 或 zero point 与轴 %2 不匹配</translation>
    </message>
    <message>
        <source>%1: a quantizer on a %2 storage</source>
        <translation>%1：%2 存储上带有量化器</translation>
    </message>
    <message>
        <source>%1: a %2 storage without a quantizer</source>
        <translation>%1：%2 存储没有量化器</translation>
    </message>
    <message>
        <source>the TorchScript archive holds no module</source>
        <translation>TorchScript 归档中没有模块</translation>
    </message>
    <message>
        <source>%1 is a %2 (a tensor subclass): shown as its data</source>
        <translation>%1 是 %2（张量子类）：按其数据显示</translation>
    </message>
    <message numerus="yes">
        <source>%n meta tensor(s), shape and dtype without data: %1</source>
        <translation>
            <numerusform>%n 个 meta 张量，只有形状和 dtype，没有数据：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) besides tensors not listed</source>
        <translation>
            <numerusform>另有 %n 个张量之外的值未列出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickleModuleWriter</name>
    <message>
        <source>a storage of the model cannot be read back to be written</source>
        <translation>模型的某个存储无法读回以供写入</translation>
    </message>
    <message>
        <source>a tensor</source>
        <translation>一个张量</translation>
    </message>
    <message>
        <source>%1 carries %2, which would be lost</source>
        <translation>%1 带有%2，写回时会丢失</translation>
    </message>
    <message>
        <source>%1 is quantized; quantized tensors are not written back into pickled models</source>
        <translation>%1 是量化张量；量化张量不会写回 pickle 模型</translation>
    </message>
    <message>
        <source>%1: bad storage reference</source>
        <translation>%1：无效的存储引用</translation>
    </message>
    <message>
        <source>the pickle holds an empty value</source>
        <translation>pickle 中有空值</translation>
    </message>
    <message>
        <source>the pickle nests values more than %1 deep</source>
        <translation>pickle 中的值嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>the pickle holds a tuple that contains itself</source>
        <translation>pickle 中有包含自身的元组</translation>
    </message>
    <message>
        <source>the pickle sets attributes on a plain dict</source>
        <translation>pickle 在普通字典上设置了属性</translation>
    </message>
    <message>
        <source>%1 was made with keyword arguments, which are not kept</source>
        <translation>%1 是用关键字参数创建的，这些参数无法保留</translation>
    </message>
    <message>
        <source>the model holds a call Torchscope refused to make (%1), so it cannot be written back as it was</source>
        <translation>模型中有 Torchscope 拒绝执行的调用（%1），因此无法按原样写回</translation>
    </message>
    <message>
        <source>the pickle holds a value that cannot be written back</source>
        <translation>pickle 中有无法写回的值</translation>
    </message>
    <message>
        <source>no module named &quot;%1&quot; in the pickle</source>
        <translation>pickle 中没有名为 &quot;%1&quot; 的模块</translation>
    </message>
    <message>
        <source>cannot write this model back as a pickle: %1</source>
        <translation>无法将此模型写回为 pickle：%1</translation>
    </message>
    <message>
        <source>backward hooks</source>
        <translation>反向传播钩子</translation>
    </message>
    <message>
        <source>tensor metadata</source>
        <translation>张量元数据</translation>
    </message>
    <message>
        <source>parameter attributes</source>
        <translation>参数属性</translation>
    </message>
    <message>
        <source>a tensor subclass</source>
        <translation>张量子类</translation>
    </message>
    <message>
        <source>tensor attributes</source>
        <translation>张量属性</translation>
    </message>
    <message>
        <source>tensor state</source>
        <translation>张量状态</translation>
    </message>
    <message>
        <source>%1 is a meta tensor, which pickled models are not written back with</source>
        <translation>%1 是 meta 张量，pickle 模型不会带着它写回</translation>
    </message>
    <message>
        <source>%1 is %2, a PyTorch 2.x element type that pickled models are not written back with; save its weights instead</source>
        <translation>%1 是 %2，一种 PyTorch 2.x 元素类型，pickle 模型不会带着它写回；请改为保存其权重</translation>
    </message>
</context>
<context>
    <name>SafeUnpickler</name>
    <message>
        <source>pickle: %1 (at byte %2)</source>
        <translation>pickle：%1（位于第 %2 字节）</translation>
    </message>
    <message>
        <source>truncated data</source>
        <translation>数据被截断</translation>
    </message>
    <message>
        <source>MARK missing</source>
        <translation>缺少 MARK</translation>
    </message>
    <message>
        <source>unterminated line</source>
        <translation>行未结束</translation>
    </message>
    <message>
        <source>would call %1 on load; refused</source>
        <translation>加载时会调用 %1；已拒绝</translation>
    </message>
    <message>
        <source>unknown persistent id</source>
        <translation>未知的 persistent id</translation>
    </message>
    <message>
        <source>persistent id &apos;%1&apos;</source>
        <translation>persistent id &apos;%1&apos;</translation>
    </message>
    <message>
        <source>malformed storage reference</source>
        <translation>存储引用格式有误</translation>
    </message>
    <message>
        <source>storage views of the pre-1.0 format are not supported</source>
        <translation>不支持 1.0 之前格式的存储视图</translation>
    </message>
    <message>
        <source>unsupported storage type %1</source>
        <translation>不支持的存储类型 %1</translation>
    </message>
    <message>
        <source>storage %1 is referenced with two different types or sizes</source>
        <translation>存储 %1 被以两种不同的类型或大小引用</translation>
    </message>
    <message>
        <source>malformed tensor</source>
        <translation>张量格式有误</translation>
    </message>
    <message>
        <source>malformed quantized tensor</source>
        <translation>量化张量格式有误</translation>
    </message>
    <message>
        <source>unsupported quantization scheme %1</source>
        <translation>不支持的量化方案 %1</translation>
    </message>
    <message>
        <source>stack underflow</source>
        <translation>栈下溢</translation>
    </message>
    <message>
        <source>malformed parameter</source>
        <translation>参数格式有误</translation>
    </message>
    <message>
        <source>malformed tensor subclass</source>
        <translation>张量子类格式有误</translation>
    </message>
    <message>
        <source>%1 (passed to %2)</source>
        <translation>%1（传给 %2）</translation>
    </message>
    <message>
        <source>nothing to memoize</source>
        <translation>没有可记忆的值</translation>
    </message>
    <message>
        <source>memo too large</source>
        <translation>memo 过大</translation>
    </message>
    <message>
        <source>memo entry %1 missing</source>
        <translation>缺少 memo 项 %1</translation>
    </message>
    <message>
        <source>stack too deep</source>
        <translation>栈过深</translation>
    </message>
    <message>
        <source>unsupported protocol %1</source>
        <translation>不支持的协议 %1</translation>
    </message>
    <message>
        <source>empty stack at STOP</source>
        <translation>STOP 时栈为空</translation>
    </message>
    <message>
        <source>too many marks</source>
        <translation>MARK 过多</translation>
    </message>
    <message>
        <source>integer too long</source>
        <translation>整数过长</translation>
    </message>
    <message>
        <source>bad integer</source>
        <translation>无效的整数</translation>
    </message>
    <message>
        <source>string longer than the data</source>
        <translation>字符串长度超出数据</translation>
    </message>
    <message>
        <source>odd number of dict items</source>
        <translation>字典项数为奇数</translation>
    </message>
    <message>
        <source>APPEND to a %1</source>
        <translation>对 %1 执行 APPEND</translation>
    </message>
    <message>
        <source>APPENDS to a %1</source>
        <translation>对 %1 执行 APPENDS</translation>
    </message>
    <message>
        <source>SETITEM on a %1</source>
        <translation>对 %1 执行 SETITEM</translation>
    </message>
    <message>
        <source>malformed SETITEMS</source>
        <translation>SETITEMS 格式有误</translation>
    </message>
    <message>
        <source>SETITEMS on a %1</source>
        <translation>对 %1 执行 SETITEMS</translation>
    </message>
    <message>
        <source>bad memo index</source>
        <translation>无效的 memo 索引</translation>
    </message>
    <message>
        <source>malformed STACK_GLOBAL</source>
        <translation>STACK_GLOBAL 格式有误</translation>
    </message>
    <message>
        <source>malformed OBJ</source>
        <translation>OBJ 格式有误</translation>
    </message>
    <message>
        <source>extension-registry opcodes are not supported</source>
        <translation>不支持扩展注册表操作码</translation>
    </message>
    <message>
        <source>out-of-band buffers are not supported</source>
        <translation>不支持带外缓冲区</translation>
    </message>
    <message>
        <source>unknown opcode 0x%1</source>
        <translation>未知操作码 0x%1</translation>
    </message>
    <message>
        <source>more than %1 objects</source>
        <translation>对象超过 %1 个</translation>
    </message>
    <message>
        <source>storage of %1 elements: more than 2^40</source>
        <translation>存储含 %1 个元素：超过 2^40</translation>
    </message>
    <message>
        <source>malformed meta tensor</source>
        <translation>格式错误的 meta 张量</translation>
    </message>
    <message>
        <source>unsupported element type %1</source>
        <translation>不支持的元素类型 %1</translation>
    </message>
    <message>
        <source>%1 is a wrapper tensor subclass (such as a sharded DTensor) whose whole data is not in the file, one process&apos;s shard at most; save a full state dict (get_state_dict with full_state_dict=True) or a distributed checkpoint instead</source>
        <translation>%1 是包装型张量子类（例如分片的 DTensor），文件中没有其全部数据，最多只有一个进程的分片；请改为保存完整的 state dict（get_state_dict 并设 full_state_dict=True）或分布式检查点</translation>
    </message>
</context>
<context>
    <name>SafetensorsReader</name>
    <message>
        <source>truncated safetensors file</source>
        <translation>safetensors 文件被截断</translation>
    </message>
    <message>
        <source>safetensors header claims %1 bytes, the file has %2</source>
        <translation>safetensors 头部声称有 %1 字节，而文件只有 %2 字节</translation>
    </message>
    <message>
        <source>bad safetensors header: %1</source>
        <translation>无效的 safetensors 头部：%1</translation>
    </message>
    <message>
        <source>%1: malformed header entry</source>
        <translation>%1：头部条目格式有误</translation>
    </message>
    <message>
        <source>%1: data offsets outside the file</source>
        <translation>%1：数据偏移超出文件范围</translation>
    </message>
    <message>
        <source>%1: element type %2 is not supported; skipped</source>
        <translation>%1：不支持元素类型 %2；已跳过</translation>
    </message>
    <message>
        <source>%1: more than 2^40 elements</source>
        <translation>%1：元素超过 2^40 个</translation>
    </message>
    <message>
        <source>%1: bad shape</source>
        <translation>%1：无效的形状</translation>
    </message>
    <message>
        <source>%1: %2 bytes of data for %3 elements of %4</source>
        <translation>%1：%3 个 %4 元素对应 %2 字节数据</translation>
    </message>
    <message>
        <source>%1: data overlaps another tensor</source>
        <translation>%1：数据与另一个张量重叠</translation>
    </message>
    <message>
        <source>%1: hole in the data before this tensor</source>
        <translation>%1：此张量之前的数据有空洞</translation>
    </message>
    <message>
        <source>data buffer is %1 bytes, the tensors cover %2</source>
        <translation>数据区有 %1 字节，张量只覆盖了 %2 字节</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message numerus="yes">
        <source>%n byte(s) after the zip archive&apos;s end record</source>
        <translation>
            <numerusform>zip 归档结束记录之后有 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>the end record puts the central directory outside the file</source>
        <translation>结束记录把中央目录放在了文件之外</translation>
    </message>
    <message>
        <source>a zip archive with no end record: truncated</source>
        <translation>没有结束记录的 zip 归档:已截断</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) at the start belong to no archive</source>
        <translation>
            <numerusform>开头的 %n 字节不属于任何归档</numerusform>
        </translation>
    </message>
    <message>
        <source>a zip archive at byte %1, after bytes of something else</source>
        <translation>位于字节 %1 的 zip 归档,前面是其他内容的字节</translation>
    </message>
    <message>
        <source>the central directory holds fewer records than its end record says (%1 of %2)</source>
        <translation>中央目录的记录少于结束记录所说(%1 / %2)</translation>
    </message>
    <message>
        <source>a central directory record runs past the directory</source>
        <translation>一条中央目录记录超出了目录</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; names a place outside the archive</source>
        <translation>条目 &apos;%1&apos; 指向归档之外的位置</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; is encrypted</source>
        <translation>条目 &apos;%1&apos; 已加密</translation>
    </message>
    <message>
        <source>a second pickle named &apos;%1&apos;: torch.load reads one of the two, another tool may read the other</source>
        <translation>第二个名为 &apos;%1&apos; 的 pickle:torch.load 读取其中一个,其他工具可能读取另一个</translation>
    </message>
    <message>
        <source>a second entry named &apos;%1&apos;</source>
        <translation>第二个名为 &apos;%1&apos; 的条目</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has no local record where the directory says</source>
        <translation>条目 &apos;%1&apos; 在目录所说的位置没有本地记录</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record runs past the archive</source>
        <translation>条目 &apos;%1&apos; 的本地记录超出了归档</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record names it otherwise</source>
        <translation>条目 &apos;%1&apos; 的本地记录给出了另一个名字</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record and central directory disagree on its CRC or sizes</source>
        <translation>条目 &apos;%1&apos; 的本地记录与中央目录的 CRC 或大小不一致</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; says %2 bytes, more than the archive holds</source>
        <translation>条目 &apos;%1&apos; 声称 %2 字节,多于归档所含</translation>
    </message>
    <message>
        <source>stored entry &apos;%1&apos; says %2 bytes unpacked but holds %3</source>
        <translation>存储条目 &apos;%1&apos; 声称解包后 %2 字节,实际为 %3</translation>
    </message>
    <message>
        <source>deflated entry &apos;%1&apos; does not inflate to the %2 bytes it says</source>
        <translation>压缩条目 &apos;%1&apos; 解压后不是所说的 %2 字节</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; is compressed with method %2, which PyTorch neither writes nor reads</source>
        <translation>条目 &apos;%1&apos; 使用压缩方法 %2,PyTorch 既不写也不读</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s CRC is %2, its bytes&apos; is %3</source>
        <translation>条目 &apos;%1&apos; 的 CRC 为 %2,其字节的 CRC 为 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before the first record</source>
        <translation>
            <numerusform>第一条记录之前有 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>the header says %1 bytes, longer than the file&apos;s %2</source>
        <translation>头部声称 %1 字节,超过文件的 %2 字节</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is named twice; readers keep one of the two</source>
        <translation>&apos;%1&apos; 出现两次;读取器只保留其中一个</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends at byte %2 of the data, which has %3: truncated</source>
        <translation>&apos;%1&apos; 结束于数据的字节 %2,而数据只有 %3:已截断</translation>
    </message>
    <message>
        <source>&apos;%1&apos; spans %2 bytes; its dtype and shape need %3</source>
        <translation>&apos;%1&apos; 占 %2 字节;其 dtype 和形状需要 %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; overlaps &apos;%2&apos;</source>
        <translation>&apos;%1&apos; 与 &apos;%2&apos; 重叠</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before &apos;%1&apos; belong to no tensor</source>
        <translation>
            <numerusform>&apos;%1&apos; 之前的 %n 字节不属于任何张量</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the last tensor belong to no tensor</source>
        <translation>
            <numerusform>最后一个张量之后的 %n 字节不属于任何张量</numerusform>
        </translation>
    </message>
    <message>
        <source>A pickle in the file would call a function on torch.load (refused here: nothing ran).</source>
        <translation>文件中的 pickle 会在 torch.load 时调用函数(此处已拒绝:没有运行任何东西)。</translation>
    </message>
    <message>
        <source>The file refers to classes and functions outside torch.load&apos;s weights_only allowlist the way torch.save(model) does (a model&apos;s own classes, an activation function): it loads only with weights_only=False.</source>
        <translation>文件像 torch.save(model) 那样引用了 torch.load 的 weights_only 允许列表之外的类和函数(模型自己的类、激活函数):只能用 weights_only=False 加载。</translation>
    </message>
    <message>
        <source>The file cannot be read as any format Torchscope knows, or is damaged.</source>
        <translation>文件无法按 Torchscope 已知的任何格式读取,或已损坏。</translation>
    </message>
    <message>
        <source>A constructor of plain data that weights_only refuses (a NumPy scalar, a path): the file is otherwise plain, but loads only with weights_only=False.</source>
        <translation>weights_only 拒绝的普通数据构造器(NumPy 标量、路径):文件本身普通,但只能用 weights_only=False 加载。</translation>
    </message>
    <message>
        <source>A pickle imports a function that reaches the system (os, subprocess, eval...) without calling it: kept for a later call.</source>
        <translation>pickle 导入了能触及系统的函数(os、subprocess、eval……)却未调用:留待之后调用。</translation>
    </message>
    <message>
        <source>A zip entry&apos;s name climbs out of the archive (.., an absolute path, a drive).</source>
        <translation>zip 条目的名字跳出了归档(..、绝对路径、盘符)。</translation>
    </message>
    <message>
        <source>Two pickles under one name: torch.load reads one, another tool may check the other.</source>
        <translation>同名的两个 pickle:torch.load 读取一个,其他工具可能检查另一个。</translation>
    </message>
    <message>
        <source>A zip entry has the encrypted flag: no checkpoint writer sets it.</source>
        <translation>zip 条目带有加密标志:没有检查点写入器会设置它。</translation>
    </message>
    <message>
        <source>A zip record&apos;s CRC, sizes, name or offsets disagree with the bytes.</source>
        <translation>zip 记录的 CRC、大小、名字或偏移与字节不符。</translation>
    </message>
    <message>
        <source>Two zip entries share a name.</source>
        <translation>两个 zip 条目同名。</translation>
    </message>
    <message>
        <source>Bytes before a zip archive&apos;s first record or after its end record.</source>
        <translation>zip 归档第一条记录之前或结束记录之后的字节。</translation>
    </message>
    <message>
        <source>A zip archive hidden after the bytes of something else.</source>
        <translation>藏在其他内容字节之后的 zip 归档。</translation>
    </message>
    <message>
        <source>The file ends before the bytes its own records promise.</source>
        <translation>文件在其记录所承诺的字节之前就结束了。</translation>
    </message>
    <message>
        <source>A safetensors header with overlapping or unclaimed bytes, a duplicate name, sizes that disagree with dtype and shape, or a length past the file.</source>
        <translation>safetensors 头部有重叠或无主的字节、重复的名字、与 dtype 和形状不符的大小,或超出文件的长度。</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>字节 %1</translation>
    </message>
    <message>
        <source>%1, byte %2</source>
        <translation>%1,字节 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>torch.load would call %1(%2)</source>
        <translation>torch.load 会调用 %1(%2)</translation>
    </message>
    <message>
        <source>imports %1 without calling it; torch.load would import it</source>
        <translation>导入了 %1 但未调用;torch.load 会导入它</translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %n class(es) and function(s) outside its allowlist: %1</source>
        <translation>
            <numerusform>因允许列表之外的 %n 个类和函数而需要 weights_only=False:%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %1, which makes plain data (%n place(s))</source>
        <translation>
            <numerusform>因 %1(生成普通数据)而需要 weights_only=False(%n 处)</numerusform>
        </translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
</context>
<context>
    <name>Spectrum</name>
    <message>
        <source>a spectrum needs real floating-point weights</source>
        <translation>奇异值谱需要实数浮点权重</translation>
    </message>
    <message>
        <source>a spectrum needs a matrix (two or more axes)</source>
        <translation>奇异值谱需要矩阵（两个或更多轴）</translation>
    </message>
    <message>
        <source>the tensor is empty</source>
        <translation>张量为空</translation>
    </message>
    <message>
        <source>%1 elements is more than a spectrum is computed for (%2)</source>
        <translation>%1 个元素超出了计算奇异值谱的上限（%2）</translation>
    </message>
    <message>
        <source>the file holds no data for this tensor</source>
        <translation>文件中没有此张量的数据</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the matrix holds NaN or infinite values</source>
        <translation>矩阵中含有 NaN 或无穷值</translation>
    </message>
    <message>
        <source>the eigenvalue solver did not converge</source>
        <translation>特征值求解器未收敛</translation>
    </message>
</context>
<context>
    <name>StateDictWriter</name>
    <message>
        <source>%1: cannot save this element type</source>
        <translation>%1：无法保存此元素类型</translation>
    </message>
    <message>
        <source>cannot read the tensors&apos; bytes</source>
        <translation>无法读取张量的字节</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TensorInfo</name>
    <message>
        <source>scale %1, zero point %2</source>
        <translation>scale %1，zero point %2</translation>
    </message>
    <message>
        <source>per channel, axis %1, %2 scales</source>
        <translation>逐通道，轴 %1，%2 个 scale</translation>
    </message>
    <message>
        <source>%1: unknown element type</source>
        <translation>%1：未知的元素类型</translation>
    </message>
    <message>
        <source>%1: shape and stride ranks differ</source>
        <translation>%1：形状与步长的维数不同</translation>
    </message>
    <message>
        <source>%1: negative size or stride</source>
        <translation>%1：大小或步长为负</translation>
    </message>
    <message>
        <source>%1: more than 2^40 elements</source>
        <translation>%1：元素超过 2^40 个</translation>
    </message>
    <message>
        <source>%1: negative storage offset</source>
        <translation>%1：存储偏移为负</translation>
    </message>
    <message>
        <source>%1: a quint4x2 view must start on a byte and be contiguous</source>
        <translation>%1：quint4x2 视图必须从字节边界开始且连续</translation>
    </message>
    <message>
        <source>%1: view reaches past the end of its storage</source>
        <translation>%1：视图超出其存储的末尾</translation>
    </message>
</context>
<context>
    <name>TensorSlice</name>
    <message>
        <source>bad slice item &apos;%1&apos; in &apos;%2&apos; (use integers and start:stop:step)</source>
        <translation>&apos;%2&apos; 中的切片项 &apos;%1&apos; 无效（请使用整数和 start:stop:step）</translation>
    </message>
    <message>
        <source>slice step cannot be zero in &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 中的切片步长不能为零</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n axes; the slice names more</source>
        <translation>
            <numerusform>%1 有 %n 个轴；切片指定的轴更多</numerusform>
        </translation>
    </message>
    <message>
        <source>index %1 is out of range for axis %2 of size %3</source>
        <translation>索引 %1 超出轴 %2（大小 %3）的范围</translation>
    </message>
</context>
<context>
    <name>TensorValuesModel</name>
    <message>
        <source>[%1]  %2
exact: %3
bits: %4</source>
        <translation>[%1]  %2
精确值：%3
位模式：%4</translation>
    </message>
    <message>
        <source>
stored integer: %1</source>
        <translation>
存储的整数：%1</translation>
    </message>
    <message>
        <source>
imaginary part: %1</source>
        <translation>
虚部：%1</translation>
    </message>
</context>
<context>
    <name>TorchBridge</name>
    <message>
        <source>%1 not found</source>
        <translation>找不到 %1</translation>
    </message>
    <message>
        <source>writing TorchScript needs the LibTorch bridge (Debian: install the torchscope-torchscript package), which did not load: %1</source>
        <translation>写入 TorchScript 需要 LibTorch 桥接模块（Debian：请安装 torchscope-torchscript 软件包），但它未能加载：%1</translation>
    </message>
    <message>
        <source>the model has no tensor %1</source>
        <translation>模型中没有张量 %1</translation>
    </message>
    <message>
        <source>%1: another shape or size than the model&apos;s</source>
        <translation>%1：形状或大小与模型中的不同</translation>
    </message>
    <message>
        <source>no submodule %1</source>
        <translation>没有子模块 %1</translation>
    </message>
</context>
<context>
    <name>ValueExport</name>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: no NumPy type for %2</source>
        <translation>%1：%2 没有对应的 NumPy 类型</translation>
    </message>
    <message>
        <source>%1 has no data in this file</source>
        <translation>%1 在此文件中没有数据</translation>
    </message>
</context>
<context>
    <name>WeightsOnly</name>
    <message>
        <source>the whole file</source>
        <translation>整个文件</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1（位于 %2）</translation>
    </message>
</context>
<context>
    <name>WeightsOnlySafeWriter</name>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>a value that contains itself</source>
        <translation>包含自身的值</translation>
    </message>
    <message>
        <source>%1: %2, left out</source>
        <translation>%1：%2，已省略</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>a reference to %1</source>
        <translation>对 %1 的引用</translation>
    </message>
    <message>
        <source>a bare storage</source>
        <translation>单独的存储</translation>
    </message>
    <message>
        <source>a frozenset, written as a set</source>
        <translation>frozenset，写为 set</translation>
    </message>
    <message>
        <source>an entry whose key is not a plain value</source>
        <translation>键不是普通值的条目</translation>
    </message>
    <message>
        <source>a tensor Torchscope did not read</source>
        <translation>Torchscope 未读取的张量</translation>
    </message>
    <message>
        <source>a quantized tensor</source>
        <translation>量化张量</translation>
    </message>
    <message>
        <source>an instance of %1 without attributes</source>
        <translation>没有属性的 %1 实例</translation>
    </message>
    <message>
        <source>an instance of %1, written as a dict of its attributes</source>
        <translation>%1 的实例，写为其属性的字典</translation>
    </message>
    <message>
        <source>a %1 of unexpected parts</source>
        <translation>由意外部分组成的 %1</translation>
    </message>
    <message>
        <source>a %1, written as the string &quot;%2&quot;</source>
        <translation>%1，写为字符串“%2”</translation>
    </message>
    <message>
        <source>the result of %1</source>
        <translation>%1 的结果</translation>
    </message>
    <message>
        <source>a numpy scalar of a type without a plain value</source>
        <translation>没有普通值对应类型的 numpy 标量</translation>
    </message>
    <message>
        <source>a numpy %1 scalar, written as a plain value</source>
        <translation>numpy %1 标量，写为普通值</translation>
    </message>
    <message>
        <source>a numpy array of objects or an unknown layout</source>
        <translation>对象类型或未知布局的 numpy 数组</translation>
    </message>
    <message>
        <source>a numpy array of a bad shape</source>
        <translation>形状无效的 numpy 数组</translation>
    </message>
    <message>
        <source>a numpy array of a type torch has no tensor for</source>
        <translation>torch 没有对应张量类型的 numpy 数组</translation>
    </message>
    <message>
        <source>a numpy %1 array, written as a tensor</source>
        <translation>numpy %1 数组，写为张量</translation>
    </message>
    <message>
        <source>nothing in the file can be copied</source>
        <translation>文件中没有可复制的内容</translation>
    </message>
    <message>
        <source>an instance of %1, written as a dict of its items</source>
        <translation>%1 的实例，写为其条目的字典</translation>
    </message>
</context>
<context>
    <name>ZipArchiveReader</name>
    <message>
        <source>truncated zip archive: too short for an end-of-directory record</source>
        <translation>zip 压缩包被截断：长度不足以容纳目录结束记录</translation>
    </message>
    <message>
        <source>truncated or corrupt zip archive: end of central directory not found</source>
        <translation>zip 压缩包被截断或已损坏：找不到中央目录结束记录</translation>
    </message>
    <message>
        <source>corrupt zip archive: ZIP64 end record outside the file</source>
        <translation>zip 压缩包已损坏：ZIP64 结束记录位于文件之外</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad ZIP64 end record</source>
        <translation>zip 压缩包已损坏：ZIP64 结束记录无效</translation>
    </message>
    <message>
        <source>truncated zip archive: central directory lies outside the file</source>
        <translation>zip 压缩包被截断：中央目录位于文件之外</translation>
    </message>
    <message>
        <source>corrupt zip archive: absurd entry count</source>
        <translation>zip 压缩包已损坏：条目数不合理</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad central directory entry</source>
        <translation>zip 压缩包已损坏：中央目录条目无效</translation>
    </message>
    <message>
        <source>corrupt zip archive: central directory entry overruns the directory</source>
        <translation>zip 压缩包已损坏：中央目录条目超出目录范围</translation>
    </message>
    <message>
        <source>encrypted zip entries are not supported</source>
        <translation>不支持加密的 zip 条目</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad extra field</source>
        <translation>zip 压缩包已损坏：扩展字段无效</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad ZIP64 extra field</source>
        <translation>zip 压缩包已损坏：ZIP64 扩展字段无效</translation>
    </message>
    <message>
        <source>truncated zip archive: entry %1 lies outside the file</source>
        <translation>zip 压缩包被截断：条目 %1 位于文件之外</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad local header for %1</source>
        <translation>zip 压缩包已损坏：%1 的本地文件头无效</translation>
    </message>
    <message>
        <source>truncated zip archive: data of %1 reaches past the end of the file</source>
        <translation>zip 压缩包被截断：%1 的数据超出文件末尾</translation>
    </message>
    <message>
        <source>unsupported compression method %1 for %2</source>
        <translation>%2 使用了不支持的压缩方法 %1</translation>
    </message>
    <message>
        <source>corrupt zip archive: stored entry %1 has mismatched sizes</source>
        <translation>zip 压缩包已损坏：未压缩条目 %1 的大小不一致</translation>
    </message>
    <message>
        <source>corrupt zip archive: duplicate entry %1</source>
        <translation>zip 压缩包已损坏：条目 %1 重复</translation>
    </message>
    <message>
        <source>empty zip archive</source>
        <translation>空的 zip 压缩包</translation>
    </message>
    <message>
        <source>hostile zip archive: entry &apos;%1&apos; points outside the archive</source>
        <translation>恶意 zip 压缩包：条目 &apos;%1&apos; 指向压缩包之外</translation>
    </message>
    <message>
        <source>not a PyTorch archive: entry &apos;%1&apos; is not inside a folder</source>
        <translation>不是 PyTorch 归档：条目 &apos;%1&apos; 不在文件夹内</translation>
    </message>
    <message>
        <source>not a PyTorch archive: entry &apos;%1&apos; is outside the folder &apos;%2&apos; of the others</source>
        <translation>不是 PyTorch 归档：条目 &apos;%1&apos; 不在其他条目所在的文件夹 &apos;%2&apos; 中</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes)</source>
        <translation>%1 过大（%2 字节）</translation>
    </message>
    <message>
        <source>cannot start decompression</source>
        <translation>无法开始解压</translation>
    </message>
    <message>
        <source>corrupt compressed data in %1</source>
        <translation>%1 中的压缩数据已损坏</translation>
    </message>
    <message>
        <source>corrupt zip archive: CRC mismatch in %1</source>
        <translation>zip 压缩包已损坏：%1 的 CRC 校验不符</translation>
    </message>
    <message>
        <source>corrupt zip archive: %1 claims %2 bytes uncompressed</source>
        <translation>zip 归档已损坏：%1 声称解压后有 %2 字节</translation>
    </message>
</context>
<context>
    <name>ZipWriter</name>
    <message>
        <source>more data than the record holds</source>
        <translation>数据超出记录的容量</translation>
    </message>
    <message>
        <source>a record ended before all its data was written</source>
        <translation>记录在全部数据写入前就结束了</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore PyTorch checkpoints.</source>
        <translation>浏览 PyTorch 检查点。</translation>
    </message>
    <message>
        <source>Checkpoint to open.</source>
        <translation>要打开的检查点。</translation>
    </message>
    <message>
        <source>Open the built-in example model.</source>
        <translation>打开内置的示例模型。</translation>
    </message>
    <message>
        <source>Show Torchscope in this language (e.g. zh_CN, de, en) instead of the system&apos;s.</source>
        <translation>以此语言（例如 zh_CN、de、en）而非系统语言显示 Torchscope。</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointDocument</name>
    <message>
        <source>config.json says %1 hidden layers, but the checkpoint holds %2 blocks in %3</source>
        <translation>config.json 写明有 %1 个隐藏层，但检查点在 %3 中有 %2 个块</translation>
    </message>
    <message>
        <source>config.json says %1 hidden layers, but the checkpoint holds no numbered blocks</source>
        <translation>config.json 写明有 %1 个隐藏层，但检查点中没有编号的块</translation>
    </message>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n 个参数</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>解冻 %1</translation>
    </message>
    <message>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
    <message>
        <source>Freeze all except %1</source>
        <translation>冻结除 %1 外的全部</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointValuesModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointValuesPanel</name>
    <message>
        <source>Filter by name (epoch, lr, config.…)</source>
        <translation>按名称筛选（epoch、lr、config.…）</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointView</name>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>奇异值谱</translation>
    </message>
    <message>
        <source>&lt;b&gt;A plain pickle, not a PyTorch checkpoint.&lt;/b&gt; torch.load would run it as it unpickles it; Torchscope ran nothing and shows the values it holds.</source>
        <translation>&lt;b&gt;这是普通 pickle，不是 PyTorch 检查点。&lt;/b&gt;torch.load 在反序列化时会运行它；Torchscope 没有运行任何代码，只显示其中保存的值。</translation>
    </message>
    <message>
        <source>This is a weights-only file: it stores no requires_grad flags. PyTorch makes every parameter trainable when it loads these weights into a freshly built model.</source>
        <translation>这是仅权重文件：它不保存 requires_grad 标志。PyTorch 将这些权重加载进新建的模型时，每个参数都会变为可训练。</translation>
    </message>
    <message>
        <source>PyTorch&apos;s default torch.load (weights_only=True) refuses this file: %1. Save As a weights-only-safe copy to load it without that.</source>
        <translation>PyTorch 默认的 torch.load（weights_only=True）拒绝此文件：%1。可用“另存为”保存 weights-only 安全副本，无需改动即可加载。</translation>
    </message>
    <message>
        <source>Checkpoint Values</source>
        <translation>检查点值</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>File &gt; Extract Model Weights saves the model&apos;s weights without the training state.</source>
        <translation>文件 &gt; 提取模型权重 可保存模型权重而不含训练状态。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Freezing here makes a freeze plan:&lt;/b&gt; this file will not store it. Take it to your training script with File &gt; Export Freeze Plan or Copy Freeze Plan as PyTorch Code, or save the weights with the plan beside them.</source>
        <translation>&lt;b&gt;在这里冻结会生成一个冻结计划：&lt;/b&gt;此文件不会保存它。可用 文件 &gt; 导出冻结计划 或 将冻结计划复制为 PyTorch 代码 带到训练脚本中，或保存权重并把计划写在旁边。</translation>
    </message>
    <message>
        <source>%1 (pooled: every parameter)</source>
        <translation>%1（合并：所有参数）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (pooled: %n tensor(s))</source>
        <translation>
            <numerusform>%1（合并：%n 个张量）</numerusform>
        </translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>分片</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 &lt;span style=&apos;color:gray&apos;&gt;（%3）&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>torchscope::CompareWindow</name>
    <message>
        <source>%1 ↔ %2 — Compare</source>
        <translation>%1 ↔ %2 — 比较</translation>
    </message>
    <message>
        <source>e.g. module.</source>
        <translation>例如 module.</translation>
    </message>
    <message>
        <source>e.g. model.</source>
        <translation>例如 model.</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>Strip prefix:</source>
        <translation>去掉前缀：</translation>
    </message>
    <message>
        <source>Add prefix:</source>
        <translation>添加前缀：</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>Elements count as equal when |a − b| ≤ atol + rtol·|b|</source>
        <translation>当 |a − b| ≤ atol + rtol·|b| 时元素视为相等</translation>
    </message>
    <message>
        <source>Absolute tolerance:</source>
        <translation>绝对容差：</translation>
    </message>
    <message>
        <source>Relative tolerance:</source>
        <translation>相对容差：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Only show changed</source>
        <translation>只显示有变化的</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>无法比较</translation>
    </message>
    <message>
        <source>Tolerances are numbers of 0 or more.</source>
        <translation>容差须为 0 或更大的数。</translation>
    </message>
    <message>
        <source>Comparing with %1…</source>
        <translation>正在与 %1 比较…</translation>
    </message>
    <message>
        <source>Comparison canceled; the table shows the previous one.</source>
        <translation>比较已取消；表格显示的是上一次的结果。</translation>
    </message>
    <message>
        <source>Comparison canceled.</source>
        <translation>比较已取消。</translation>
    </message>
    <message>
        <source>%1 identical</source>
        <translation>%1 个相同</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 个有变化</translation>
    </message>
    <message>
        <source>%1 converted</source>
        <translation>%1 个已转换</translation>
    </message>
    <message>
        <source>%1 of another shape</source>
        <translation>%1 个形状不同</translation>
    </message>
    <message>
        <source>%1 only in A</source>
        <translation>%1 个仅在 A 中</translation>
    </message>
    <message>
        <source>%1 only in B</source>
        <translation>%1 个仅在 B 中</translation>
    </message>
    <message>
        <source>requires_grad differs for %1</source>
        <translation>%1 个 requires_grad 不同</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>The checkpoints are equal.</source>
        <translation>两个检查点相同。</translation>
    </message>
    <message>
        <source>The checkpoints differ.</source>
        <translation>两个检查点不同。</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>%1: complex tensors are compared, not plotted</source>
        <translation>%1：复数张量只比较，不绘图</translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation>正在计算 %1…</translation>
    </message>
    <message>
        <source>a − b</source>
        <translation>a − b</translation>
    </message>
    <message>
        <source>&lt;br&gt;max |a−b| %1&lt;br&gt;mean |a−b| %2&lt;br&gt;rel. L2 %3&lt;br&gt;changed %4 of %5&lt;br&gt;cosine %6</source>
        <translation>&lt;br&gt;最大 |a−b| %1&lt;br&gt;平均 |a−b| %2&lt;br&gt;相对 L2 %3&lt;br&gt;变化 %4 / %5&lt;br&gt;余弦 %6</translation>
    </message>
    <message>
        <source>&lt;br&gt;a − b: mean %1, std %2</source>
        <translation>&lt;br&gt;a − b：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;A: mean %1, std %2</source>
        <translation>&lt;br&gt;A：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;B: mean %1, std %2</source>
        <translation>&lt;br&gt;B：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n names: %1.</source>
        <translation>
            <numerusform>%n 个名称：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names of %1 match once “%2” is stripped.</source>
        <translation>
            <numerusform>去掉“%2”后，%1 中有 %n 个名称可以匹配。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 elements</source>
        <translation>
            <numerusform>已比较 %1 个元素</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;%1: NaN %2, Inf %3</source>
        <translation>&lt;br&gt;%1：NaN %2，Inf %3</translation>
    </message>
</context>
<context>
    <name>torchscope::DiffTableModel</name>
    <message>
        <source>identical</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有变化</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>仅在 A 中</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>仅在 B 中</translation>
    </message>
    <message>
        <source>shape differs</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <source>converted (dtype differs)</source>
        <translation>已转换（dtype 不同）</translation>
    </message>
    <message>
        <source>Identical bit for bit</source>
        <translation>逐位相同</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A：%1
B：%2</translation>
    </message>
    <message>
        <source>identical (bits)</source>
        <translation>相同（逐位）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>True</source>
        <translation>True</translation>
    </message>
    <message>
        <source>False</source>
        <translation>False</translation>
    </message>
    <message>
        <source>||a − b|| / ||a||</source>
        <translation>||a − b|| / ||a||</translation>
    </message>
    <message>
        <source>Fraction of elements beyond the tolerances</source>
        <translation>超出容差的元素比例</translation>
    </message>
    <message>
        <source>a·b / (||a|| ||b||)</source>
        <translation>a·b / (||a|| ||b||)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Max |a−b|</source>
        <translation>最大 |a−b|</translation>
    </message>
    <message>
        <source>Mean |a−b|</source>
        <translation>平均 |a−b|</translation>
    </message>
    <message>
        <source>Rel. L2</source>
        <translation>相对 L2</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变化比例</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 elements differ</source>
        <translation>
            <numerusform>%2 个元素中有 %1 个不同</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::DiffTreeModel</name>
    <message>
        <source>(model)</source>
        <translation>（模型）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Differ</source>
        <translation>不同</translation>
    </message>
    <message>
        <source>Largest rel. change</source>
        <translation>最大相对变化</translation>
    </message>
</context>
<context>
    <name>torchscope::DocumentJobs</name>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
</context>
<context>
    <name>torchscope::FreezeBlocksDialog</name>
    <message>
        <source>Freeze Blocks of %1</source>
        <translation>冻结 %1 的块</translation>
    </message>
    <message>
        <source>The &amp;first</source>
        <translation>前(&amp;F)</translation>
    </message>
    <message>
        <source>The &amp;last</source>
        <translation>后(&amp;L)</translation>
    </message>
    <message>
        <source>Blocks &amp;from</source>
        <translation>从块(&amp;F)</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>个块</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Freezes %1 (%2 of %3 blocks): %4 parameters in %5 tensors, %6 of them trainable now.</source>
        <translation>将冻结 %1（%3 个块中的 %2 个）：%5 个张量中的 %4 个参数，其中 %6 个当前可训练。</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n numbered blocks. Freeze:</source>
        <translation>
            <numerusform>%1 含有 %n 个编号的块。冻结：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::FreezeController</name>
    <message>
        <source>Unfreeze “%1”</source>
        <translation>解冻“%1”</translation>
    </message>
    <message>
        <source>Freeze “%1”</source>
        <translation>冻结“%1”</translation>
    </message>
    <message>
        <source>This model has no numbered blocks (a ModuleList or Sequential) to freeze</source>
        <translation>此模型没有可冻结的编号块（ModuleList 或 Sequential）</translation>
    </message>
    <message>
        <source>Freeze blocks %1</source>
        <translation>冻结块 %1</translation>
    </message>
    <message>
        <source>Copied a PyTorch snippet that sets these requires_grad flags</source>
        <translation>已复制设置这些 requires_grad 标志的 PyTorch 代码</translation>
    </message>
    <message>
        <source>Export Freeze Plan</source>
        <translation>导出冻结方案</translation>
    </message>
    <message>
        <source>Freeze plans (*.json)</source>
        <translation>冻结方案 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Freeze Blocks of %1…</source>
        <translation>冻结 %1 的块…</translation>
    </message>
    <message>
        <source>Unfreeze all except “%1”</source>
        <translation>解冻除“%1”以外的全部</translation>
    </message>
    <message>
        <source>Freeze all except “%1”</source>
        <translation>冻结除“%1”以外的全部</translation>
    </message>
</context>
<context>
    <name>torchscope::FreezePatternDialog</name>
    <message>
        <source>Freeze by Pattern</source>
        <translation>按模式冻结</translation>
    </message>
    <message>
        <source>e.g. layer1.*  or  *.bias  or  model.layers.{0..23}.*</source>
        <translation>例如 layer1.*  或  *.bias  或  model.layers.{0..23}.*</translation>
    </message>
    <message>
        <source>Glob (whole name)</source>
        <translation>通配符（完整名称）</translation>
    </message>
    <message>
        <source>Regular expression (whole name)</source>
        <translation>正则表达式（完整名称）</translation>
    </message>
    <message>
        <source>&amp;Freeze matches</source>
        <translation>冻结匹配项(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Unfreeze matches</source>
        <translation>解冻匹配项(&amp;U)</translation>
    </message>
    <message>
        <source>Parameter names matching (the whole name must match):</source>
        <translation>匹配的参数名（须匹配完整名称）：</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c00000&apos;&gt;Not a valid regular expression: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c00000&apos;&gt;不是有效的正则表达式：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Matching parameters: %1 · elements: %2</source>
        <translation>匹配的参数：%1 · 元素：%2</translation>
    </message>
    <message>
        <source>Type a pattern to see what it matches.</source>
        <translation>输入模式即可查看其匹配项。</translation>
    </message>
    <message>
        <source>All &amp;except the matches</source>
        <translation>除匹配项以外的全部(&amp;E)</translation>
    </message>
    <message>
        <source>Matching: %1 · applying to the other %2 parameters · elements: %3</source>
        <translation>匹配：%1 · 应用于其余 %2 个参数 · 元素：%3</translation>
    </message>
    <message>
        <source> · flags that would change: %1</source>
        <translation> · 将会改变的标志：%1</translation>
    </message>
</context>
<context>
    <name>torchscope::HealthReportModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 范数</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>零值</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>Inf</source>
        <translation>Inf</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Stable rank</source>
        <translation>稳定秩</translation>
    </message>
    <message>
        <source>Effective rank</source>
        <translation>有效秩</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Number of elements</source>
        <translation>元素个数</translation>
    </message>
    <message>
        <source>Over the finite values; NaN and Inf are counted apart</source>
        <translation>基于有限值计算；NaN 和 Inf 单独计数</translation>
    </message>
    <message>
        <source>The L2 (Frobenius) norm: the square root of the sum of squares. Blocks of one model have norms of one size; a norm far from its siblings&apos; is flagged norm_outlier</source>
        <translation>L2（Frobenius）范数：平方和的平方根。同一模型各块的范数大小相近；与同级张量相差很远的范数标记为 norm_outlier</translation>
    </message>
    <message>
        <source>The share of values that are exactly zero: high in pruned weights, 100% in a bias still at its initial value</source>
        <translation>恰好为零的值所占比例：剪枝后的权重中很高，仍为初始值的偏置为 100%</translation>
    </message>
    <message>
        <source>Values that are NaN or infinite: any at all make a forward pass give NaN, usually the trace of a diverged training step or an overflow in float16</source>
        <translation>NaN 或无穷大的值：只要有一个，前向计算就会得到 NaN，通常是训练发散或 float16 溢出留下的痕迹</translation>
    </message>
    <message>
        <source>What the numbers point at (hover a cell for its own):</source>
        <translation>这些数字指向的问题（将鼠标悬停在单元格上查看其自身的说明）：</translation>
    </message>
    <message>
        <source>Stable rank, ||W||_F² / ||W||_2²: how many directions carry the weight&apos;s energy (1: one direction dominates; at most the smaller dimension)</source>
        <translation>稳定秩，||W||_F² / ||W||_2²：权重的能量分布在多少个方向上（1：一个方向占主导；最大为较小的维度）</translation>
    </message>
    <message>
        <source>Effective rank, exp of the entropy of the normalised singular values (Roy and Vetterli): how many singular values matter, counting their spread</source>
        <translation>有效秩，归一化奇异值熵的指数（Roy 和 Vetterli）：考虑其分布后有多少个奇异值起作用</translation>
    </message>
    <message>
        <source>Alpha: the exponent of a power law fitted to the tail of the eigenvalues of WᵀW (as WeightWatcher fits it). WeightWatcher reads 2 to 6 as usual for trained layers: below 2 over-fitted or over-trained, above 6 barely trained; random weights show no power-law tail at all. A reading, not a test: small layers give loose fits</source>
        <translation>Alpha：对 WᵀW 特征值尾部拟合的幂律指数（按 WeightWatcher 的拟合方式）。WeightWatcher 认为 2 到 6 是训练过的层的常见范围：低于 2 为过拟合或过度训练，高于 6 为几乎未训练；随机权重根本没有幂律尾部。这是一种解读而非检验：小的层拟合较粗略</translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramPanel</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Number of bars; auto picks one from the number of values</source>
        <translation>柱数；“自动”根据值的数量选择</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Log counts</source>
        <translation>对数计数</translation>
    </message>
    <message>
        <source>Draw a second tensor over this one, on the same bins</source>
        <translation>在同一组区间上叠加绘制另一个张量</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>区间数</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1: complex tensors are listed, not plotted</source>
        <translation>%1：复数张量只列出，不绘图</translation>
    </message>
    <message>
        <source>The range needs its low end below its high end</source>
        <translation>范围的下限须小于上限</translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation>正在计算 %1…</translation>
    </message>
    <message>
        <source>elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 范数</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>零值</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>Inf</source>
        <translation>Inf</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c00000&apos;&gt;NaN and Inf are left out of the histogram and the moments.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c00000&apos;&gt;NaN 和 Inf 不计入直方图和统计量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bins: %1</source>
        <translation>区间数：%1</translation>
    </message>
    <message>
        <source>Export Histogram</source>
        <translation>导出直方图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 values, %3 to read</source>
        <translation>
            <numerusform>%1：%2 个值，需读取 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%1, %2%3
%4 values</source>
        <translation>
            <numerusform>[%1, %2%3
%4 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>Every parameter</source>
        <translation>所有参数</translation>
    </message>
    <message>
        <source>A module&apos;s histogram pools its weight matrices and convolution kernels (dimension ≥ 2): vectors such as a norm layer&apos;s weights of 1 and biases of 0 would stretch the range to them and squeeze the weights into a spike. Tick to pool every parameter.</source>
        <translation>模块的直方图合并其权重矩阵和卷积核（维度 ≥ 2）：归一化层取值为 1 的权重和为 0 的偏置等向量会把范围拉伸到它们，使权重挤成一根尖峰。勾选后合并所有参数。</translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramPlot</name>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Torchscope histogram</source>
        <translation>Torchscope 直方图</translation>
    </message>
    <message>
        <source>unknown image type &quot;%1&quot;: use .png, .pdf or .svg</source>
        <translation>未知的图像类型 &quot;%1&quot;：请使用 .png、.pdf 或 .svg</translation>
    </message>
    <message>
        <source>%1: cannot write the image</source>
        <translation>%1：无法写入图像</translation>
    </message>
</context>
<context>
    <name>torchscope::JobProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>torchscope::JobStatusStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>torchscope::LoadWeightsDialog</name>
    <message>
        <source>Load Weights Into Model</source>
        <translation>将权重加载进模型</translation>
    </message>
    <message>
        <source>Values from &lt;b&gt;%1&lt;/b&gt; go into the open model where a name, shape and dtype match, as &lt;tt&gt;load_state_dict&lt;/tt&gt; matches them; the requires_grad flags stay as they are. Nothing changes until you click Load, and Undo takes it back.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 中名称、形状和 dtype 都匹配的值会载入当前模型，匹配方式与 &lt;tt&gt;load_state_dict&lt;/tt&gt; 相同；requires_grad 标志保持不变。点击“加载”之前不会有任何改动，“撤销”可以还原。</translation>
    </message>
    <message>
        <source>e.g. module.</source>
        <translation>例如 module.</translation>
    </message>
    <message>
        <source>e.g. model.</source>
        <translation>例如 model.</translation>
    </message>
    <message>
        <source>&amp;Strict: refuse unless every name matches with its shape and dtype</source>
        <translation>严格(&amp;S)：除非每个名称的形状和 dtype 都匹配，否则拒绝</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>Strip &amp;prefix from the file&apos;s names:</source>
        <translation>去掉文件中名称的前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Add prefix to the file&apos;s names:</source>
        <translation>给文件中的名称添加前缀(&amp;A)：</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Missing from the file</source>
        <translation>文件中缺失</translation>
    </message>
    <message>
        <source>kept as they are</source>
        <translation>保持原值</translation>
    </message>
    <message>
        <source>Unexpected in the file</source>
        <translation>文件中多余</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Another shape</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <source>Another dtype</source>
        <translation>dtype 不同</translation>
    </message>
    <message>
        <source>take the file&apos;s values</source>
        <translation>采用文件中的值</translation>
    </message>
</context>
<context>
    <name>torchscope::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder: its checkpoint, with config.json</source>
        <translation>打开 Hugging Face 模型文件夹：其中的检查点及 config.json</translation>
    </message>
    <message>
        <source>&amp;Compare With…</source>
        <translation>对比检查点(&amp;C)…</translation>
    </message>
    <message>
        <source>Compare the open checkpoint with another, tensor by tensor</source>
        <translation>将当前检查点与另一个逐张量比较</translation>
    </message>
    <message>
        <source>&amp;Load Weights Into Model…</source>
        <translation>将权重加载进模型(&amp;L)…</translation>
    </message>
    <message>
        <source>Put the values of a weights-only file into the open model, as load_state_dict does</source>
        <translation>像 load_state_dict 一样，把仅权重文件中的值放进当前模型</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export Freeze &amp;Plan…</source>
        <translation>导出冻结方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Read the open file again from disk</source>
        <translation>从磁盘重新读取当前文件</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Freeze by &amp;Pattern…</source>
        <translation>按模式冻结(&amp;P)…</translation>
    </message>
    <message>
        <source>Freeze &amp;Blocks…</source>
        <translation>冻结块(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Copy Freeze Plan as PyTorch Code</source>
        <translation>将冻结方案复制为 PyTorch 代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Edit &amp;History</source>
        <translation>编辑历史(&amp;H)</translation>
    </message>
    <message>
        <source>Model &amp;Report</source>
        <translation>模型报告(&amp;R)</translation>
    </message>
    <message>
        <source>Statistics and warning flags for every tensor of the model</source>
        <translation>模型中每个张量的统计量和警告标记</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Example Model</source>
        <translation>打开示例模型(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;About Torchscope</source>
        <translation>关于 Torchscope(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>E&amp;xtract Model Weights…</source>
        <translation>提取模型权重(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the weights of a training checkpoint&apos;s model (or its EMA copy) without the optimizer and the other training state</source>
        <translation>保存训练检查点中模型（或其 EMA 副本）的权重，不含优化器及其他训练状态</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Write the changes back to the open file, in its own kind</source>
        <translation>将更改按原类型写回已打开的文件</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Quick Start</source>
        <translation>快速入门(&amp;Q)</translation>
    </message>
    <message>
        <source>Sca&amp;n Folder…</source>
        <translation>扫描文件夹(&amp;N)…</translation>
    </message>
    <message>
        <source>List what every file under a folder would run on torch.load, and how sound its containers are</source>
        <translation>列出文件夹下每个文件在 torch.load 时会运行什么,以及其容器是否完好</translation>
    </message>
</context>
<context>
    <name>torchscope::MainWindow</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>%1 changed on disk; File &gt; Reload reads it again</source>
        <translation>%1 在磁盘上已更改；“文件 &gt; 重新加载”可重新读取</translation>
    </message>
    <message>
        <source>Opening canceled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Open Checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>选择要对比的检查点</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opening the example model…</source>
        <translation>正在打开示例模型…</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The requires_grad flags were changed and not saved. Discard the changes?</source>
        <translation>requires_grad 标志已更改但尚未保存。要放弃这些更改吗？</translation>
    </message>
    <message>
        <source>Load Weights Into Model</source>
        <translation>将权重加载进模型</translation>
    </message>
    <message>
        <source>Cannot load weights</source>
        <translation>无法加载权重</translation>
    </message>
    <message>
        <source>not loaded yet (it loads for the first TorchScript save)</source>
        <translation>尚未加载（首次保存 TorchScript 时加载）</translation>
    </message>
    <message>
        <source>About Torchscope</source>
        <translation>关于 Torchscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Torchscope %1&lt;/h3&gt;&lt;p&gt;An explorer for PyTorch checkpoints: module tree, parameters, requires_grad flags, weights-only and entire-model export.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot %3 · LibTorch %4&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Torchscope %1&lt;/h3&gt;&lt;p&gt;PyTorch 检查点浏览器：模块树、参数、requires_grad 标志、仅权重与完整模型导出。&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot %3 · LibTorch %4&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Torchscope</source>
        <translation>Torchscope</translation>
    </message>
    <message>
        <source>Example model</source>
        <translation>示例模型</translation>
    </message>
    <message>
        <source>Total params: %1 (%2) · Trainable: %3 (%4) · Frozen: %5 (%6)</source>
        <translation>参数总数：%1（%2）· 可训练：%3（%4）· 已冻结：%5（%6）</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1: save canceled</source>
        <translation>%1：保存已取消</translation>
    </message>
    <message>
        <source>The requires_grad flags were changed and not saved. Save them before closing?</source>
        <translation>requires_grad 标志已更改但尚未保存。关闭前要保存吗？</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n tensors from %1</source>
        <translation>
            <numerusform>已从 %1 加载 %n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>Extract Model Weights</source>
        <translation>提取模型权重</translation>
    </message>
    <message>
        <source>Save As: %1</source>
        <translation>另存为：%1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>%1 is a weights-only file: it cannot keep requires_grad flags. Save writes the weights back and the freeze plan beside them as %2.</source>
        <translation>%1 是仅权重文件，无法保存 requires_grad 标志。保存会写回权重，并把冻结计划写在旁边，名为 %2。</translation>
    </message>
    <message>
        <source> · a plan, not in the file</source>
        <translation> · 仅为计划，不在文件中</translation>
    </message>
    <message>
        <source>Scan Folder</source>
        <translation>扫描文件夹</translation>
    </message>
</context>
<context>
    <name>torchscope::ModulePane</name>
    <message>
        <source>Filter modules</source>
        <translation>筛选模块</translation>
    </message>
    <message>
        <source>Fold repeated blocks</source>
        <translation>折叠重复块</translation>
    </message>
    <message>
        <source>Show each run of identical sibling blocks (a transformer&apos;s layers) as one row</source>
        <translation>将一连串相同的同级块（如 Transformer 的各层）显示为一行</translation>
    </message>
</context>
<context>
    <name>torchscope::ModuleTreeModel</name>
    <message>
        <source>%1–%2: %3 identical blocks</source>
        <translation>%1–%2：%3 个相同的块</translation>
    </message>
    <message>
        <source>%1: %2 blocks with the same parameter names, shapes and dtypes</source>
        <translation>%1：%2 个参数名、形状和 dtype 都相同的块</translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>解冻 %1</translation>
    </message>
    <message>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message numerus="yes">
        <source>%1 parameters (%2)</source>
        <translation>
            <numerusform>%1 个参数（%2）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::OptimizerPanel</name>
    <message>
        <source>parameter, down the model</source>
        <translation>参数（沿模型顺序）</translation>
    </message>
    <message>
        <source>next update ‖Δw‖ / ‖w‖</source>
        <translation>下一次更新 ‖Δw‖ / ‖w‖</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Reading the optimizer&apos;s moments…</source>
        <translation>正在读取优化器的矩…</translation>
    </message>
    <message>
        <source>No Adam-family optimizer state in this file.</source>
        <translation>此文件中没有 Adam 系列优化器的状态。</translation>
    </message>
    <message>
        <source>%1 (%2): step %3, ‖exp_avg‖ %4, ‖√exp_avg_sq‖ %5; the next update is %6 of the weight&apos;s norm %7.</source>
        <translation>%1（%2）：步数 %3，‖exp_avg‖ %4，‖√exp_avg_sq‖ %5；下一次更新为权重范数 %7 的 %6。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n parameter(s) with state; select one to see its step, moments and next update.</source>
        <translation>
            <numerusform>%1（%2）：%n 个参数有状态；选择一个以查看其步数、矩和下一次更新。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ParameterPane</name>
    <message>
        <source>Filter parameters</source>
        <translation>筛选参数</translation>
    </message>
    <message>
        <source>Substring</source>
        <translation>子字符串</translation>
    </message>
    <message>
        <source>Glob (whole name)</source>
        <translation>通配符（完整名称）</translation>
    </message>
    <message>
        <source>Regular expression (search)</source>
        <translation>正则表达式（搜索）</translation>
    </message>
</context>
<context>
    <name>torchscope::ParameterTableModel</name>
    <message>
        <source>%1 (tied to %2)</source>
        <translation>%1（与 %2 共享）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message numerus="yes">
        <source>%1 elements</source>
        <translation>
            <numerusform>%1 个元素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 bytes</source>
        <translation>
            <numerusform>%1 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>张量</translation>
    </message>
</context>
<context>
    <name>torchscope::QuickStartDialog</name>
    <message>
        <source>Quick Start</source>
        <translation>快速入门</translation>
    </message>
    <message>
        <source>&lt;h3&gt;1. Look inside a checkpoint&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2 a .pt, .pth, .bin, .ckpt or .safetensors file, or &lt;b&gt;%3&lt;/b&gt; a Hugging Face model folder. Nothing in the file is run. The tree shows the modules, the table their tensors; click one for its histogram, values and spectrum. &lt;b&gt;%4&lt;/b&gt;%5 flags NaN, infinite, zero and outlying tensors.&lt;/p&gt;&lt;h3&gt;2. Freeze layers&lt;/h3&gt;&lt;p&gt;Untick a module or a parameter, or use &lt;b&gt;%6&lt;/b&gt;%7 (for example &lt;tt&gt;model.layers.{0..23}.*&lt;/tt&gt;) and &lt;b&gt;%8&lt;/b&gt;. Each change can be undone%9. A file that cannot keep requires_grad flags gets a freeze plan: &lt;b&gt;%10&lt;/b&gt; writes it as JSON, &lt;b&gt;%11&lt;/b&gt; as PyTorch code.&lt;/p&gt;&lt;h3&gt;3. Export a checkpoint&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%12&lt;/b&gt;%13 writes the open file back in its own kind; &lt;b&gt;%14&lt;/b&gt;%15 writes the whole model or a module as weights (PyTorch, safetensors, shards, another dtype) or as an entire model; &lt;b&gt;%16&lt;/b&gt; takes a training checkpoint&apos;s model out of its optimizer state. The same from scripts: &lt;tt&gt;torchscope-cli info&lt;/tt&gt; and &lt;tt&gt;torchscope-cli export&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;1. 查看检查点内部&lt;/h3&gt;&lt;p&gt;用 &lt;b&gt;%1&lt;/b&gt;%2 打开 .pt、.pth、.bin、.ckpt 或 .safetensors 文件，或用 &lt;b&gt;%3&lt;/b&gt; 打开 Hugging Face 模型文件夹。文件中的任何内容都不会被运行。树显示模块，表格显示其张量；点击一个张量查看其直方图、数值和频谱。&lt;b&gt;%4&lt;/b&gt;%5 标出含 NaN、无穷大、全零和离群的张量。&lt;/p&gt;&lt;h3&gt;2. 冻结层&lt;/h3&gt;&lt;p&gt;取消勾选模块或参数，或使用 &lt;b&gt;%6&lt;/b&gt;%7（例如 &lt;tt&gt;model.layers.{0..23}.*&lt;/tt&gt;）和 &lt;b&gt;%8&lt;/b&gt;。每次更改都可以撤销%9。无法保存 requires_grad 标志的文件会得到一个冻结计划：&lt;b&gt;%10&lt;/b&gt; 将其写成 JSON，&lt;b&gt;%11&lt;/b&gt; 写成 PyTorch 代码。&lt;/p&gt;&lt;h3&gt;3. 导出检查点&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%12&lt;/b&gt;%13 按原有类型写回打开的文件；&lt;b&gt;%14&lt;/b&gt;%15 把整个模型或某个模块写成权重（PyTorch、safetensors、分片、其他 dtype）或完整模型；&lt;b&gt;%16&lt;/b&gt; 从训练检查点的优化器状态中取出模型。脚本中同样可用：&lt;tt&gt;torchscope-cli info&lt;/tt&gt; 和 &lt;tt&gt;torchscope-cli export&lt;/tt&gt;。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>torchscope::ReportWindow</name>
    <message>
        <source>Model Report — %1</source>
        <translation>模型报告 — %1</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>Only flagged</source>
        <translation>只看有标记的</translation>
    </message>
    <message>
        <source>Compute Spectra</source>
        <translation>计算奇异值谱</translation>
    </message>
    <message>
        <source>Singular values of every weight matrix: stable rank, effective rank and alpha</source>
        <translation>每个权重矩阵的奇异值：稳定秩、有效秩和 alpha</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>逗号分隔值 (*.csv)</translation>
    </message>
    <message>
        <source>Reading every tensor…</source>
        <translation>正在读取每个张量…</translation>
    </message>
    <message>
        <source>Canceled: no report.</source>
        <translation>已取消：没有报告。</translation>
    </message>
    <message>
        <source>Computing spectra…</source>
        <translation>正在计算奇异值谱…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n 个张量，%1 个有标记</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::SaveAsDialog</name>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Weights only (state_dict)</source>
        <translation>仅权重（state_dict）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Entire model (pickle, as torch.save(model) writes it)</source>
        <translation>完整模型（pickle，与 torch.save(model) 写出的相同）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Entire model (TorchScript)</source>
        <translation>完整模型（TorchScript）(&amp;E)</translation>
    </message>
    <message>
        <source>Only models opened from TorchScript or from a torch.save(model) pickle can be saved as an entire model.</source>
        <translation>只有从 TorchScript 或 torch.save(model) pickle 打开的模型才能保存为完整模型。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>PyTorch (torch.save, .pt / .pth / .bin)</source>
        <translation>PyTorch（torch.save，.pt / .pth / .bin）</translation>
    </message>
    <message>
        <source>safetensors (.safetensors)</source>
        <translation>safetensors（.safetensors）</translation>
    </message>
    <message>
        <source>Sharded safetensors (a folder, as save_pretrained writes it)</source>
        <translation>分片 safetensors（文件夹，与 save_pretrained 写出的相同）</translation>
    </message>
    <message>
        <source>Sharded PyTorch .bin (a folder, as save_pretrained writes it)</source>
        <translation>分片 PyTorch .bin（文件夹，与 save_pretrained 写出的相同）</translation>
    </message>
    <message>
        <source>Largest shard:</source>
        <translation>最大分片：</translation>
    </message>
    <message>
        <source>Keep each tensor&apos;s dtype</source>
        <translation>保留每个张量的 dtype</translation>
    </message>
    <message>
        <source>Include buffers (running statistics and other non-parameter state)</source>
        <translation>包含缓冲区（running 统计量等非参数状态）</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Dtype:</source>
        <translation>Dtype(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>模块(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Save Checkpoint</source>
        <translation>保存检查点</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth *.bin);;safetensors, weights only (*.safetensors);;All files (*)</source>
        <translation>PyTorch 检查点 (*.pt *.pth *.bin);;safetensors，仅权重 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights-only files keep no requires_grad flags.&lt;/b&gt; They hold names and tensors only, as &lt;tt&gt;module.state_dict()&lt;/tt&gt; gives them; PyTorch marks every parameter trainable when it loads them into a freshly built model.</source>
        <translation>&lt;b&gt;仅权重文件不保存 requires_grad 标志。&lt;/b&gt;它们只包含名称和张量，与 &lt;tt&gt;module.state_dict()&lt;/tt&gt; 给出的一样；PyTorch 将其加载进新建的模型时，会把每个参数都标为可训练。</translation>
    </message>
    <message>
        <source>The file keeps the model&apos;s objects as the input pickled them (classes, attributes, buffers), the weights and each parameter&apos;s requires_grad flag as set here; load it with &lt;tt&gt;torch.load&lt;/tt&gt; where the model&apos;s classes can be imported.</source>
        <translation>文件按输入文件 pickle 时的样子保留模型的对象（类、属性、缓冲区）、权重，以及这里设置的每个参数的 requires_grad 标志；请在能导入模型类的环境中用 &lt;tt&gt;torch.load&lt;/tt&gt; 加载。</translation>
    </message>
    <message>
        <source>The file keeps the architecture, the weights and each parameter&apos;s requires_grad flag as set here; load it with &lt;tt&gt;torch.jit.load&lt;/tt&gt;.</source>
        <translation>文件保留模型结构、权重，以及这里设置的每个参数的 requires_grad 标志；请用 &lt;tt&gt;torch.jit.load&lt;/tt&gt; 加载。</translation>
    </message>
    <message>
        <source>Also write the requires_grad flags as a freeze plan beside it (%1)</source>
        <translation>同时在旁边把 requires_grad 标志写成冻结方案（%1）</translation>
    </message>
    <message>
        <source>A torch.save zip: torch.load gives back the state_dict; tied weights share one storage.</source>
        <translation>torch.save 的 zip 格式：torch.load 读回 state_dict；共享的权重共用一个存储。</translation>
    </message>
    <message>
        <source>safetensors holds names, dtypes, shapes and bytes only, loads without running code, and keeps the input&apos;s metadata; of tied weights, which it cannot share, the first name in sorted order is written and __metadata__ maps the others to it, as safetensors.torch.save_model does.</source>
        <translation>safetensors 只保存名称、dtype、形状和字节，加载时不运行任何代码，并保留输入文件的元数据；它不能共享权重，因此对共享的权重只写入排序后的第一个名称，并在 __metadata__ 中把其余名称映射到它，与 safetensors.torch.save_model 的做法相同。</translation>
    </message>
    <message>
        <source>A folder of shards no larger than the size given, and the index that maps each name to its shard, which from_pretrained and Torchscope read as one checkpoint.</source>
        <translation>一个文件夹，包含不超过给定大小的各个分片，以及把每个名称映射到其分片的索引；from_pretrained 和 Torchscope 会把它当作一个检查点读取。</translation>
    </message>
    <message>
        <source>Every tensor keeps its dtype, bit for bit.</source>
        <translation>每个张量保留其 dtype，逐位不变。</translation>
    </message>
    <message>
        <source>Floating-point tensors become %1, rounded as tensor.to() rounds; integer, bool and quantized tensors keep theirs.</source>
        <translation>浮点张量转换为 %1，舍入方式与 tensor.to() 相同；整数、布尔和量化张量保持原类型。</translation>
    </message>
    <message>
        <source>Buffers (batch-norm running statistics...) go along.</source>
        <translation>缓冲区（batch norm 的 running 统计量等）一并保存。</translation>
    </message>
    <message>
        <source>Buffers are left out: load_state_dict(strict=False) keeps the model&apos;s own.</source>
        <translation>不保存缓冲区：load_state_dict(strict=False) 会保留模型自身的缓冲区。</translation>
    </message>
    <message>
        <source>The whole file, loadable with weights_only=True (torch.save, values kept)</source>
        <translation>整个文件，可用 weights_only=True 加载（torch.save，保留数值）</translation>
    </message>
    <message>
        <source>A torch.save zip of the whole file that PyTorch&apos;s default torch.load (weights_only=True) reads: every tensor as it is, numpy values as numbers and tensors, namespaces and config objects as dicts, paths as strings; anything else that stops torch.load is left out, and the save says what.</source>
        <translation>整个文件的 torch.save zip，PyTorch 默认的 torch.load（weights_only=True）可以读取：每个张量保持原样，numpy 值变为数字和张量，命名空间和配置对象变为字典，路径变为字符串；其他阻止 torch.load 的内容会被省略，保存时会说明。</translation>
    </message>
    <message>
        <source>The model&apos;s weights</source>
        <translation>模型的权重</translation>
    </message>
    <message>
        <source>The model&apos;s weights (%1)</source>
        <translation>模型的权重（%1）</translation>
    </message>
    <message>
        <source>The EMA weights (%1), under the model&apos;s names</source>
        <translation>EMA 权重（%1），使用模型的名称</translation>
    </message>
    <message>
        <source>A module, or the whole file</source>
        <translation>某个模块或整个文件</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>部分(&amp;P)：</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the start of every name</source>
        <translation>去掉每个名称开头的“%1”</translation>
    </message>
    <message>
        <source>Tensors: %1 · parameters: %2</source>
        <translation>张量：%1 · 参数：%2</translation>
    </message>
    <message>
        <source>parameters: %1 · trainable: %2</source>
        <translation>参数：%1 · 可训练：%2</translation>
    </message>
    <message>
        <source>The whole model: %1 tensors · %2</source>
        <translation>整个模型：%1 个张量 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Only %1: %2 of %3 tensors&lt;/b&gt; · %4</source>
        <translation>&lt;b&gt;仅 %1：%3 个张量中的 %2 个&lt;/b&gt; · %4</translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsModel</name>
    <message>
        <source>No findings: nothing here would run code on torch.load, and every container is sound.</source>
        <translation>没有发现:这里没有任何东西会在 torch.load 时运行代码,每个容器都完好。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 个提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsView</name>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>Scan canceled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned: </source>
        <translation>
            <numerusform>已扫描 %n 个文件:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFolderWindow</name>
    <message>
        <source>Scan of %1</source>
        <translation>扫描 %1</translation>
    </message>
    <message>
        <source>Every file under the folder, judged by its content, as torch.load would meet it. Double-click a finding to open its file.</source>
        <translation>文件夹下的每个文件,按内容判断,如同 torch.load 所见。双击某条发现可打开其文件。</translation>
    </message>
</context>
<context>
    <name>torchscope::ShardsPanel</name>
    <message>
        <source>%1 is kept whole.</source>
        <translation>%1 是整体保存的。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n box(es), drawn over its first and last dimensions, coloured by file</source>
        <translation>
            <numerusform>%1 %2:%n 个块,按第一维和最后一维绘制,按文件着色</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>torchscope::SpectrumPanel</name>
    <message>
        <source>rank i</source>
        <translation>序号 i</translation>
    </message>
    <message>
        <source>singular value σᵢ</source>
        <translation>奇异值 σᵢ</translation>
    </message>
    <message>
        <source>Compute Spectrum</source>
        <translation>计算奇异值谱</translation>
    </message>
    <message>
        <source>Computing the singular values of %1…</source>
        <translation>正在计算 %1 的奇异值…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Select a weight matrix to see its singular values.</source>
        <translation>选择一个权重矩阵即可查看其奇异值。</translation>
    </message>
    <message>
        <source>%1 × %2 matrix · stable rank %3 · effective rank %4</source>
        <translation>%1 × %2 矩阵 · 稳定秩 %3 · 有效秩 %4</translation>
    </message>
    <message>
        <source> · alpha %1 (power-law tail of the %2 largest eigenvalues, KS distance %3)</source>
        <translation> · alpha %1（最大 %2 个特征值的幂律尾部，KS 距离 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 elements; the spectrum is computed on request.</source>
        <translation>
            <numerusform>%1：%2 个元素；奇异值谱按需计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>: below 2, over-fitted by WeightWatcher&apos;s reading</source>
        <translation>：低于 2，按 WeightWatcher 的解读为过拟合</translation>
    </message>
    <message>
        <source>: above 6, barely trained by WeightWatcher&apos;s reading</source>
        <translation>：高于 6，按 WeightWatcher 的解读几乎未训练</translation>
    </message>
    <message>
        <source>: within 2 to 6, usual for trained layers</source>
        <translation>：在 2 到 6 之间，训练过的层的常见范围</translation>
    </message>
</context>
<context>
    <name>torchscope::TensorChunksModel</name>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
</context>
<context>
    <name>torchscope::TrainingLogPanel</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>This checkpoint holds no training log.</source>
        <translation>此检查点不含训练日志。</translation>
    </message>
    <message numerus="yes">
        <source>trainer_state.json&apos;s log_history: %n entry(ies) of loss. Also logged: %1.</source>
        <translation>
            <numerusform>trainer_state.json 的 log_history：%n 条损失记录。另外记录了：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>没有其他内容</translation>
    </message>
</context>
<context>
    <name>torchscope::ValuesPanel</name>
    <message>
        <source>Rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Go to index, e.g. 3, 0, 7</source>
        <translation>跳转到索引，例如 3, 0, 7</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>±Inf</source>
        <translation>±Inf</translation>
    </message>
    <message>
        <source>|x| &gt;</source>
        <translation>|x| &gt;</translation>
    </message>
    <message>
        <source>x = 0</source>
        <translation>x = 0</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This Plane as .npy or .csv…</source>
        <translation>将此平面导出为 .npy 或 .csv…</translation>
    </message>
    <message>
        <source>Whole Tensor as .npy or .csv…</source>
        <translation>将整个张量导出为 .npy 或 .csv…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy as NumPy Array</source>
        <translation>复制为 NumPy 数组</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Select one tensor to see its values.</source>
        <translation>选择一个张量即可查看其数值。</translation>
    </message>
    <message>
        <source>The file holds no data for this tensor.</source>
        <translation>文件中没有此张量的数据。</translation>
    </message>
    <message>
        <source>The tensor is empty.</source>
        <translation>张量为空。</translation>
    </message>
    <message>
        <source>Only the first 2,147,483,647 rows or columns are shown; export or choose other axes for the rest.</source>
        <translation>只显示前 2,147,483,647 行或列；其余部分请导出或选择其他轴。</translation>
    </message>
    <message>
        <source>axis %1 (%2)</source>
        <translation>轴 %1（%2）</translation>
    </message>
    <message>
        <source>axis %1:</source>
        <translation>轴 %1：</translation>
    </message>
    <message>
        <source>%1 is not an index of this %2 tensor.</source>
        <translation>%1 不是这个 %2 张量的索引。</translation>
    </message>
    <message>
        <source>%1 lies beyond the rows or columns the grid can show.</source>
        <translation>%1 超出了表格能显示的行或列。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an index: give one whole number per axis.</source>
        <translation>&apos;%1&apos; 不是索引：请为每个轴给出一个整数。</translation>
    </message>
    <message>
        <source>At %1.</source>
        <translation>位于 %1。</translation>
    </message>
    <message>
        <source>Searching for %1…</source>
        <translation>正在查找 %1…</translation>
    </message>
    <message>
        <source>Search canceled.</source>
        <translation>查找已取消。</translation>
    </message>
    <message>
        <source>No %1 in this tensor.</source>
        <translation>此张量中没有 %1。</translation>
    </message>
    <message>
        <source>%1 at %2 (searched on from the start).</source>
        <translation>%1 位于 %2（已从头继续查找）。</translation>
    </message>
    <message>
        <source>%1 at %2.</source>
        <translation>%1 位于 %2。</translation>
    </message>
    <message>
        <source>No heat map for this tensor.</source>
        <translation>此张量没有热力图。</translation>
    </message>
    <message>
        <source>Finding the range of %1…</source>
        <translation>正在查找 %1 的范围…</translation>
    </message>
    <message>
        <source>Too many cells to copy (at most %1); export instead.</source>
        <translation>要复制的单元格太多（最多 %1 个）；请改用导出。</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>Export a plane of %1</source>
        <translation>导出 %1 的一个平面</translation>
    </message>
    <message>
        <source>NumPy array (*.npy);;Comma-separated values (*.csv)</source>
        <translation>NumPy 数组 (*.npy);;逗号分隔值 (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 as float32, exactly).</source>
        <translation>已写入 %1（%2 精确地以 float32 保存）。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>Export canceled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>torchscope::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Torchscope&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Torchscope&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Look inside PyTorch checkpoints without writing Python: the module tree, every parameter and buffer, histograms of the weights. Freeze layers with a click or a pattern and save weights only or the entire model with its requires_grad flags.</source>
        <translation>无需编写 Python 就能查看 PyTorch 检查点的内部：模块树、每个参数和缓冲区、权重直方图。点击或按模式即可冻结层，并可仅保存权重，或连同 requires_grad 标志保存完整模型。</translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint…</source>
        <translation>打开检查点(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>打开模型文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open the &amp;Example Model</source>
        <translation>打开示例模型(&amp;E)</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>最近的文件：</translation>
    </message>
    <message>
        <source>…or drop a checkpoint file or model folder anywhere on this window.</source>
        <translation>…或者把检查点文件或模型文件夹拖放到此窗口的任意位置。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
</context>
</TS>

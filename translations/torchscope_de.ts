<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CheckpointDiff</name>
    <message>
        <source>%1: &apos;%2&apos; and &apos;%3&apos; both map to &apos;%4&apos;; the second is left out</source>
        <translation>%1: &apos;%2&apos; und &apos;%3&apos; ergeben beide &apos;%4&apos;; der zweite wird ausgelassen</translation>
    </message>
    <message>
        <source>%1: a meta tensor has no data; its values are not compared</source>
        <translation>%1: ein Meta-Tensor hat keine Daten; seine Werte werden nicht verglichen</translation>
    </message>
</context>
<context>
    <name>CheckpointReader</name>
    <message>
        <source>dict of %1</source>
        <translation>dict aus %1</translation>
    </message>
    <message>
        <source>list of %1</source>
        <translation>Liste aus %1</translation>
    </message>
    <message>
        <source>tuple of %1</source>
        <translation>Tupel aus %1</translation>
    </message>
    <message>
        <source>set of %1</source>
        <translation>Menge aus %1</translation>
    </message>
    <message>
        <source>refused call: %1</source>
        <translation>verweigerter Aufruf: %1</translation>
    </message>
    <message>
        <source>a pickle, but not a well-formed one: %1</source>
        <translation>ein Pickle, aber kein wohlgeformtes: %1</translation>
    </message>
    <message>
        <source> (read as a protocol 0 pickle: %1)</source>
        <translation> (als Pickle mit Protokoll 0 gelesen: %1)</translation>
    </message>
    <message>
        <source>bytes after pickle %1 are not a pickle: %2</source>
        <translation>die Bytes nach Pickle %1 sind kein Pickle: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pickles, one after the other</source>
        <translation>
            <numerusform>%n Pickle, hintereinander</numerusform>
            <numerusform>%n Pickles, hintereinander</numerusform>
        </translation>
    </message>
    <message>
        <source>pickle%1</source>
        <translation>Pickle%1</translation>
    </message>
    <message>
        <source>only the first %1 values are shown</source>
        <translation>nur die ersten %1 Werte werden gezeigt</translation>
    </message>
    <message>
        <source>a TorchScript model in the &apos;PYTORCH1&apos; container (version %1) of the PyTorch 1.0 previews of 2018, which no released PyTorch reads; re-export it with PyTorch 1.0 or later</source>
        <translation>ein TorchScript-Modell im &apos;PYTORCH1&apos;-Container (Version %1) der PyTorch-1.0-Vorabversionen von 2018, den keine veröffentlichte PyTorch-Version liest; exportieren Sie es mit PyTorch 1.0 oder neuer erneut</translation>
    </message>
    <message>
        <source>not a PyTorch checkpoint: %1 bytes beginning &quot;%2&quot; (%3), the start of no zip archive, pickle, legacy checkpoint or safetensors file</source>
        <translation>kein PyTorch-Checkpoint: %1 Bytes, beginnend mit &quot;%2&quot; (%3), weder der Anfang eines Zip-Archivs noch eines Pickles, eines alten Checkpoints oder einer safetensors-Datei</translation>
    </message>
    <message>
        <source>%1: empty file</source>
        <translation>%1: leere Datei</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>unsupported legacy protocol version</source>
        <translation>nicht unterstützte Protokollversion des alten Formats</translation>
    </message>
    <message>
        <source>big-endian checkpoints are not supported</source>
        <translation>Big-Endian-Checkpoints werden nicht unterstützt</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage key list missing</source>
        <translation>alter Checkpoint: die Liste der Speicherschlüssel fehlt</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage %1 is missing or truncated</source>
        <translation>alter Checkpoint: Speicher %1 fehlt oder ist abgeschnitten</translation>
    </message>
    <message>
        <source>legacy checkpoint: storage %1 claims %2 elements; the pickle says %3 and the file has room for fewer</source>
        <translation>alter Checkpoint: Speicher %1 gibt %2 Elemente an; das Pickle nennt %3, und die Datei hat Platz für weniger</translation>
    </message>
    <message>
        <source>legacy checkpoint: %1 unexpected bytes at the end</source>
        <translation>alter Checkpoint: %1 unerwartete Bytes am Ende</translation>
    </message>
    <message>
        <source>storage %1 has no data</source>
        <translation>Speicher %1 hat keine Daten</translation>
    </message>
    <message>
        <source>%1: no checkpoint in this folder (looked for model.safetensors, pytorch_model.bin, their index files, and *.safetensors, *.bin, *.pt, *.pth, *.ckpt)</source>
        <translation>%1: kein Checkpoint in diesem Ordner (gesucht wurden model.safetensors, pytorch_model.bin, deren Indexdateien sowie *.safetensors, *.bin, *.pt, *.pth, *.ckpt)</translation>
    </message>
    <message>
        <source>%1: %2 checkpoint files and no index to say which is the model (%3, ...); open one of them</source>
        <translation>%1: %2 Checkpoint-Dateien und kein Index, der sagt, welche das Modell ist (%3, ...); öffnen Sie eine davon</translation>
    </message>
    <message>
        <source>config.json beside the checkpoint cannot be read</source>
        <translation>die config.json neben dem Checkpoint kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>config.json beside the checkpoint is not JSON: %1</source>
        <translation>die config.json neben dem Checkpoint ist kein JSON: %1</translation>
    </message>
    <message>
        <source>index file too large</source>
        <translation>Indexdatei zu groß</translation>
    </message>
    <message>
        <source>not a sharded checkpoint index (no weight_map)</source>
        <translation>kein Index eines geteilten Checkpoints (keine weight_map)</translation>
    </message>
    <message>
        <source>bad shard name &quot;%1&quot;</source>
        <translation>ungültiger Shard-Name &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 holds %2, which the index does not list there</source>
        <translation>%1 enthält %2, das der Index dort nicht aufführt</translation>
    </message>
    <message>
        <source>a TorchScript archive in the model.json format of PyTorch 1.0 and 1.1 (proto version %1, written by %2 %3), which PyTorch 1.2 replaced; re-export it with PyTorch 1.2 or later</source>
        <translation>ein TorchScript-Archiv im model.json-Format von PyTorch 1.0 und 1.1 (Proto-Version %1, geschrieben von %2 %3), das PyTorch 1.2 ersetzt hat; exportieren Sie es mit PyTorch 1.2 oder neuer erneut</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>einer unbekannten Version</translation>
    </message>
    <message>
        <source>a zip archive, but not a PyTorch checkpoint (no data.pkl)</source>
        <translation>ein Zip-Archiv, aber kein PyTorch-Checkpoint (keine data.pkl)</translation>
    </message>
    <message>
        <source>storage %1 is missing from the archive</source>
        <translation>Speicher %1 fehlt im Archiv</translation>
    </message>
    <message>
        <source>storage %1 holds %2 bytes, the pickle says %3 elements of %4</source>
        <translation>Speicher %1 enthält %2 Bytes, das Pickle nennt %3 Elemente vom Typ %4</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors listed in the index are missing from their shards (e.g. %1)</source>
        <translation>
            <numerusform>%n im Index aufgeführter Tensor fehlt in seinem Shard (z. B. %1)</numerusform>
            <numerusform>%n im Index aufgeführte Tensoren fehlen in ihren Shards (z. B. %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown byte order &apos;%1&apos;</source>
        <translation>unbekannte Byte-Reihenfolge &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) refused, kept as refused values (%2)</source>
        <translation>
            <numerusform>%1: %n Aufruf verweigert, als verweigerter Wert behalten (%2)</numerusform>
            <numerusform>%1: %n Aufrufe verweigert, als verweigerte Werte behalten (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not read: %2</source>
        <translation>%1: nicht gelesen: %2</translation>
    </message>
    <message>
        <source>trainer_state.json: not read: %1</source>
        <translation>trainer_state.json: nicht gelesen: %1</translation>
    </message>
    <message>
        <source>larger than 64 MiB</source>
        <translation>größer als 64 MiB</translation>
    </message>
</context>
<context>
    <name>CheckpointWriter</name>
    <message>
        <source>%1: the file written does not read back (%2); the old file is kept</source>
        <translation>%1: die geschriebene Datei lässt sich nicht zurücklesen (%2); die alte Datei bleibt erhalten</translation>
    </message>
    <message>
        <source>holds %1, which was not saved</source>
        <translation>enthält %1, das nicht gespeichert wurde</translation>
    </message>
    <message>
        <source>holds %1 as %2 %3 instead of %4 %5</source>
        <translation>enthält %1 als %2 %3 statt %4 %5</translation>
    </message>
    <message>
        <source>holds %1 outside its data (%2)</source>
        <translation>enthält %1 außerhalb seiner Daten (%2)</translation>
    </message>
    <message>
        <source>%1: the file written %2; the old file is kept</source>
        <translation>%1: die geschriebene Datei %2; die alte Datei bleibt erhalten</translation>
    </message>
    <message>
        <source>%1: the file written holds %2 of %3 tensors; the old file is kept</source>
        <translation>%1: die geschriebene Datei enthält %2 von %3 Tensoren; die alte Datei bleibt erhalten</translation>
    </message>
    <message>
        <source>no module named &quot;%1&quot;</source>
        <translation>kein Modul namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 holds an entire model; save the entire model, or choose another format</source>
        <translation>%1 enthält ein ganzes Modell; speichern Sie das ganze Modell oder wählen Sie ein anderes Format</translation>
    </message>
    <message>
        <source>A pickled model</source>
        <translation>Ein gepickeltes Modell</translation>
    </message>
    <message>
        <source>TorchScript</source>
        <translation>TorchScript</translation>
    </message>
    <message>
        <source>a .safetensors file holds weights only; save weights only, or choose another name</source>
        <translation>eine .safetensors-Datei enthält nur Gewichte; speichern Sie nur die Gewichte oder wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>an entire model is written as a pickle (torch.save(model)) or TorchScript; save weights only for a PyTorch state_dict</source>
        <translation>ein ganzes Modell wird als Pickle (torch.save(model)) oder TorchScript geschrieben; für ein PyTorch-state_dict speichern Sie nur die Gewichte</translation>
    </message>
    <message>
        <source>an entire model is written as TorchScript; save weights only for a PyTorch state_dict</source>
        <translation>ein ganzes Modell wird als TorchScript geschrieben; für ein PyTorch-state_dict speichern Sie nur die Gewichte</translation>
    </message>
    <message>
        <source>only a model read from a torch.save(model) pickle is written back as one; save it as TorchScript</source>
        <translation>nur ein aus einem torch.save(model)-Pickle gelesenes Modell wird als solches zurückgeschrieben; speichern Sie es als TorchScript</translation>
    </message>
    <message>
        <source>a pickled model becomes TorchScript only by running its Python code (torch.jit.script), which Torchscope never does; save it as a pickle</source>
        <translation>ein gepickeltes Modell wird nur durch Ausführen seines Python-Codes (torch.jit.script) zu TorchScript, und das tut Torchscope nie; speichern Sie es als Pickle</translation>
    </message>
    <message>
        <source>an entire model is saved with every tensor as it is (no dtype change, buffers kept, one file); save weights only to convert, leave out buffers or shard</source>
        <translation>ein ganzes Modell wird mit jedem Tensor unverändert gespeichert (kein anderer dtype, Puffer bleiben, eine Datei); speichern Sie nur die Gewichte, um zu konvertieren, Puffer wegzulassen oder aufzuteilen</translation>
    </message>
    <message>
        <source>saving an entire model needs a TorchScript source; save weights only instead</source>
        <translation>das Speichern eines ganzen Modells braucht eine TorchScript-Quelle; speichern Sie stattdessen nur die Gewichte</translation>
    </message>
    <message>
        <source>a weights-only file has no architecture to save as an entire model</source>
        <translation>eine Datei nur mit Gewichten hat keine Architektur, die als ganzes Modell gespeichert werden könnte</translation>
    </message>
    <message>
        <source>%1 is tied to %2: safetensors cannot share storage, so it is written once, as %2, and __metadata__ records %1 -&gt; %2 (as safetensors.torch.save_model does)</source>
        <translation>%1 ist an %2 gebunden: safetensors kann keinen Speicher teilen, daher wird es einmal als %2 geschrieben und __metadata__ vermerkt %1 -&gt; %2 (wie safetensors.torch.save_model es tut)</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1: save failed: %2</source>
        <translation>%1: Speichern fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: safetensors cannot hold %2 tensors</source>
        <translation>%1: safetensors kann keine %2-Tensoren enthalten</translation>
    </message>
    <message>
        <source>a weights-only-safe copy is made of a torch.save file of weights and values (not of an entire model, TorchScript, safetensors or shards)</source>
        <translation>eine weights-only-sichere Kopie wird aus einer torch.save-Datei mit Gewichten und Werten gemacht (nicht aus einem ganzen Modell, TorchScript, safetensors oder Shards)</translation>
    </message>
    <message>
        <source>a weights-only-safe copy holds the whole file as it is (no module, dtype change, buffers left out or shards)</source>
        <translation>eine weights-only-sichere Kopie enthält die ganze Datei, wie sie ist (kein Modul, kein anderer dtype, keine weggelassenen Puffer, keine Shards)</translation>
    </message>
    <message>
        <source>%1 is a meta tensor (shape and dtype, no data): there are no weights to write</source>
        <translation>%1 ist ein Meta-Tensor (Form und dtype, keine Daten): es gibt keine Gewichte zu schreiben</translation>
    </message>
    <message>
        <source>the model or EMA part of a checkpoint is saved as weights only</source>
        <translation>der Modell- oder EMA-Teil eines Checkpoints wird nur als Gewichte gespeichert</translation>
    </message>
    <message>
        <source>the checkpoint holds no EMA weights</source>
        <translation>der Checkpoint enthält keine EMA-Gewichte</translation>
    </message>
    <message numerus="yes">
        <source>optimizer &apos;%1&apos; (%2, %n tensor(s))</source>
        <translation>
            <numerusform>Optimierer &apos;%1&apos; (%2, %n Tensor)</numerusform>
            <numerusform>Optimierer &apos;%1&apos; (%2, %n Tensoren)</numerusform>
        </translation>
    </message>
    <message>
        <source>AveragedModel&apos;s n_averaged counter</source>
        <translation>der Zähler n_averaged von AveragedModel</translation>
    </message>
    <message numerus="yes">
        <source>EMA weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>EMA-Gewichte &apos;%1&apos; (%n Tensor)</numerusform>
            <numerusform>EMA-Gewichte &apos;%1&apos; (%n Tensoren)</numerusform>
        </translation>
    </message>
    <message>
        <source>scheduler &apos;%1&apos;</source>
        <translation>Scheduler &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <source>the model&apos;s weights &apos;%1&apos; (%n tensor(s))</source>
        <translation>
            <numerusform>die Gewichte des Modells &apos;%1&apos; (%n Tensor)</numerusform>
            <numerusform>die Gewichte des Modells &apos;%1&apos; (%n Tensoren)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other tensor(s)</source>
        <translation>
            <numerusform>%n anderer Tensor</numerusform>
            <numerusform>%n andere Tensoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) besides tensors</source>
        <translation>
            <numerusform>%n Wert neben Tensoren</numerusform>
            <numerusform>%n Werte neben Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Ausgelassen: %1.</translation>
    </message>
    <message>
        <source>only the model this checkpoint holds pickled whole (%1) is saved as an entire model; choose it as the module</source>
        <translation>nur das Modell, das dieser Checkpoint ganz gepickelt enthält (%1), wird als ganzes Modell gespeichert; wählen Sie es als Modul</translation>
    </message>
    <message>
        <source>the example model has no file of its own</source>
        <translation>das Beispielmodell hat keine eigene Datei</translation>
    </message>
    <message>
        <source>a folder is saved with Save As</source>
        <translation>ein Ordner wird mit Speichern unter gespeichert</translation>
    </message>
    <message>
        <source>a %1 file is not written back in its own kind; use Save As</source>
        <translation>eine %1-Datei wird nicht in ihrer eigenen Art zurückgeschrieben; verwenden Sie Speichern unter</translation>
    </message>
    <message>
        <source>writing this file back as weights would drop what it holds besides them (an optimizer, values or flags); use Save As</source>
        <translation>diese Datei als Gewichte zurückzuschreiben, würde verwerfen, was sie außerdem enthält (einen Optimierer, Werte oder Flags); verwenden Sie Speichern unter</translation>
    </message>
    <message>
        <source>a DCP folder is written as one file of boxes; leave out the shard size</source>
        <translation>ein DCP-Ordner wird als eine Datei von Blöcken geschrieben; lassen Sie die Shard-Größe weg</translation>
    </message>
    <message>
        <source>%1: a DCP checkpoint is a folder, and a file has this name</source>
        <translation>%1: ein DCP-Checkpoint ist ein Ordner, und eine Datei trägt diesen Namen</translation>
    </message>
    <message>
        <source>%1: cannot replace the folder</source>
        <translation>%1: der Ordner kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>cannot read the tensors&apos; bytes</source>
        <translation>die Bytes der Tensoren können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Try &apos;torchscope-cli --help&apos;.</source>
        <translation>Siehe &apos;torchscope-cli --help&apos;.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>missing command</source>
        <translation>Befehl fehlt</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export: no module &apos;%1&apos; in %2</source>
        <translation>export: kein Modul &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>export: bad glob &apos;%1&apos;</source>
        <translation>export: ungültiges Muster &apos;%1&apos;</translation>
    </message>
    <message>
        <source>warning: &apos;%1&apos; matches no parameter</source>
        <translation>Warnung: &apos;%1&apos; passt auf keinen Parameter</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>hist: no tensor or module &apos;%1&apos; in %2</source>
        <translation>hist: kein Tensor oder Modul &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>%1: complex tensors are listed, not plotted</source>
        <translation>%1: komplexe Tensoren werden aufgelistet, nicht gezeichnet</translation>
    </message>
    <message>
        <source>values: %1</source>
        <translation>values: %1</translation>
    </message>
    <message>
        <source>values: no tensor &apos;%1&apos; in %2</source>
        <translation>values: kein Tensor &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>%1: %2 has no data in this file</source>
        <translation>%1: %2 hat in dieser Datei keine Daten</translation>
    </message>
    <message>
        <source>stats: no module &apos;%1&apos; in %2</source>
        <translation>stats: kein Modul &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>%1: not an entire model that can be written back (a TorchScript archive or a torch.save(model) pickle is needed)</source>
        <translation>%1: kein ganzes Modell, das zurückgeschrieben werden kann (nötig ist ein TorchScript-Archiv oder ein torch.save(model)-Pickle)</translation>
    </message>
    <message>
        <source>export --weights-only-safe copies a torch.save file so that PyTorch&apos;s default torch.load
(weights_only=True) reads it: tensors as they are, numpy scalars and arrays as numbers and
tensors, namespaces and config objects as dicts, paths as strings; what else stops it is
left out and named.
</source>
        <translation>export --weights-only-safe kopiert eine torch.save-Datei so, dass PyTorchs Standard-torch.load
(weights_only=True) sie liest: Tensoren wie sie sind, numpy-Skalare und -Arrays als Zahlen und
Tensoren, Namespaces und Konfigurationsobjekte als dicts, Pfade als Strings; was es sonst
verhindert, wird weggelassen und genannt.
</translation>
    </message>
    <message>
        <source>%1 has no data in %2 (a meta tensor)</source>
        <translation>%1 hat in %2 keine Daten (ein Meta-Tensor)</translation>
    </message>
    <message>
        <source>the model part &apos;%1&apos;</source>
        <translation>den Modellteil &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the EMA weights &apos;%1&apos;</source>
        <translation>die EMA-Gewichte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the whole checkpoint</source>
        <translation>den ganzen Checkpoint</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1: %n tensor(s). %2</source>
        <translation>
            <numerusform>%1 geschrieben: %n Tensor. %2</numerusform>
            <numerusform>%1 geschrieben: %n Tensoren. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>note: every name begins with &apos;%1&apos;; --strip-prefix %1 removes it</source>
        <translation>Hinweis: jeder Name beginnt mit &apos;%1&apos;; --strip-prefix %1 entfernt es</translation>
    </message>
    <message>
        <source>wrote the freeze plan %1: %2 of %3 parameters trainable</source>
        <translation>Freeze-Plan %1 geschrieben: %2 von %3 Parametern trainierbar</translation>
    </message>
    <message>
        <source>note: %1 keeps no requires_grad flags; --freeze-plan-out FILE writes the plan</source>
        <translation>Hinweis: %1 speichert keine requires_grad-Flags; --freeze-plan-out DATEI schreibt den Plan</translation>
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
        <translation>Muster passen auf ganze Parameternamen (volle Namen mit Punkten ab der Wurzel), wie Pythons fnmatch,
und {A..B} passt auf die ganzen Zahlen A bis B (model.layers.{0..23}.* sind die unteren 24 Blöcke);
--freeze, --unfreeze und --freeze-plan (JSON: {&quot;requires_grad&quot;: {name: bool}}) wirken in der angegebenen Reihenfolge.
Auf Dateien ohne Flags (nur Gewichte, Ordner, Trainings-Checkpoints) ergeben sie einen Plan,
ausgehend davon, dass jeder Gleitkomma-Parameter trainierbar ist; --freeze-plan-out PLAN schreibt
die Flags als dieses JSON (mit oder ohne -o).
diff ordnet Namen wie load_state_dict zu, nach den Präfixen; Elemente sind gleich, wenn
|a - b| &lt;= atol + rtol * |b| (NaN gleich NaN). --strip-prefix entfernt auf beiden Seiten.
export schreibt Gewichte (--weights-only: pytorch, der Standard, oder safetensors nach dem Namen von OUT) oder
das ganze Modell (--entire-model: torchscript aus TorchScript, pickle aus einem torch.save(model)-Pickle,
aus seinen eingelesenen Objekten neu erzeugt, nie ausgeführt). safetensors behält von gebundenen Gewichten
einen Namen und ordnet ihm die übrigen in __metadata__ zu. --dtype, --no-buffers und --max-shard-size
(OUT wird ein Ordner mit Shards und ihrem Index) gelten nur für Gewichte. Bei einem Trainings-Checkpoint
schreibt --weights-only den Modellteil (--part model, der Standard; ema: die EMA-Gewichte unter den
Namen des Modells; all: jeden Tensor) und sagt, was ausgelassen wurde; --strip-prefix P entfernt P
von jedem Namen, der damit beginnt (model. von Lightning, _orig_mod. von torch.compile).
load-weights ordnet die Namen von WEIGHTS denen von MODEL wie load_state_dict zu (nach Entfernen von
--strip-prefix, wo vorhanden, und Hinzufügen von --add-prefix), berichtet, was passt und was nicht,
und schreibt MODEL mit diesen Werten als OUT (in seinem Format für ganze Modelle; Flags bleiben). Mit --strict
endet jede Abweichung mit Status 1, und nichts wird geschrieben.
values nimmt einen einfachen NumPy-Index (Ganzzahlen und start:stop:step pro Achse); ohne --npy oder
--csv gibt es den Ausschnitt aus. .npy-Dateien enthalten bfloat16-, float8- und quantisierte Tensoren als float32.
Markierungen von stats: nan, inf, all_zero, constant, norm_outlier (die Norm weicht stark von der desselben
Tensors in anderen Blöcken ab), negative_running_var, initial_value (Gewicht 1 oder Bias 0 einer Norm-Schicht, wie die Initialisierung
sie ließ: ein Hinweis, kein Fehler).
Rückgabewert: 0 Erfolg (diff: gleich), 1 eine Datei kann nicht gelesen oder geschrieben werden, 2 Aufruffehler,
3 diff hat Unterschiede gefunden.
--lang LANG (zh_CN, de, en; sonst die Sprache des Systems) übersetzt Meldungen und Tabellen;
JSON, CSV und die geschriebenen Dateien sind in jeder Sprache gleich.
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
        <translation>scan beurteilt jede Datei unter den PATHs nach ihrem Inhalt, führt nichts aus und listet Befunde
(Regel, Schweregrad, Datei, Stelle, eine Zeile): error für einen Aufruf, den torch.load machen würde,
einen ZIP-Eintrag außerhalb seines Archivs oder ein zweites Pickle unter einem Namen; warning für
andere ZIP- und safetensors-Auffälligkeiten, Kürzungen und unlesbare Dateien; note für das, was
weights_only=False braucht (Klassen eines Modells, NumPy-Skalare). --format sarif schreibt SARIF 2.1.0
für Code Scanning. Exit 1, wenn ein Befund --fail-on erreicht (Standard error), sonst 0.
</translation>
    </message>
    <message numerus="yes">
        <source>scan: %1 of %n file(s)</source>
        <translation>
            <numerusform>scan: %1 von %n Datei</numerusform>
            <numerusform>scan: %1 von %n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned; findings: %1</source>
        <translation>
            <numerusform>%n Datei geprüft; Befunde: %1</numerusform>
            <numerusform>%n Dateien geprüft; Befunde: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>export: %1 holds an entire model: choose exactly one of --weights-only and --entire-model</source>
        <translation>export: %1 enthält ein ganzes Modell: wählen Sie genau eines von --weights-only und --entire-model</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1: unerwartetes Argument &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: unknown option &apos;%2&apos;</source>
        <translation>%1: unbekannte Option &apos;%2&apos;</translation>
    </message>
    <message>
        <source>info: missing FILE</source>
        <translation>info: FILE fehlt</translation>
    </message>
    <message>
        <source>info: more than one file given</source>
        <translation>info: mehr als eine Datei angegeben</translation>
    </message>
    <message>
        <source>export: --max-shard-size needs a size such as 5GB, 500MB or 2GiB</source>
        <translation>export: --max-shard-size braucht eine Größe wie 5GB, 500MB oder 2GiB</translation>
    </message>
    <message>
        <source>export: %1 needs a file</source>
        <translation>export: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>export: %1 needs a module path</source>
        <translation>export: %1 braucht einen Modulpfad</translation>
    </message>
    <message>
        <source>export: %1 needs a glob</source>
        <translation>export: %1 braucht ein Muster</translation>
    </message>
    <message>
        <source>export: unexpected argument &apos;%1&apos;</source>
        <translation>export: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export: missing input file</source>
        <translation>export: Eingabedatei fehlt</translation>
    </message>
    <message>
        <source>export: choose exactly one of --weights-only and --entire-model</source>
        <translation>export: wählen Sie genau eines von --weights-only und --entire-model</translation>
    </message>
    <message>
        <source>export: --format %1 does not hold weights only</source>
        <translation>export: --format %1 enthält nicht nur Gewichte</translation>
    </message>
    <message>
        <source>export: --format %1 does not hold an entire model</source>
        <translation>export: --format %1 enthält kein ganzes Modell</translation>
    </message>
    <message>
        <source>example: %1 needs a file</source>
        <translation>example: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>example: unexpected argument &apos;%1&apos;</source>
        <translation>example: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>example: missing -o FILE</source>
        <translation>example: -o FILE fehlt</translation>
    </message>
    <message>
        <source>hist: --bins needs a whole number from 1 to 1000000</source>
        <translation>hist: --bins braucht eine ganze Zahl von 1 bis 1000000</translation>
    </message>
    <message>
        <source>hist: --range needs LO,HI with finite LO &lt; HI</source>
        <translation>hist: --range braucht LO,HI mit endlichen Werten und LO &lt; HI</translation>
    </message>
    <message>
        <source>hist: %1 needs a file</source>
        <translation>hist: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>hist: unexpected argument &apos;%1&apos;</source>
        <translation>hist: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>hist: needs FILE and TENSOR</source>
        <translation>hist: braucht FILE und TENSOR</translation>
    </message>
    <message>
        <source>diff: %1 needs a prefix</source>
        <translation>diff: %1 braucht ein Präfix</translation>
    </message>
    <message>
        <source>diff: %1 needs a finite number &gt;= 0</source>
        <translation>diff: %1 braucht eine endliche Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>diff: %1 needs a file</source>
        <translation>diff: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>diff: unexpected argument &apos;%1&apos;</source>
        <translation>diff: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>diff: needs two files, A and B</source>
        <translation>diff: braucht zwei Dateien, A und B</translation>
    </message>
    <message>
        <source>values: %1 needs a file</source>
        <translation>values: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>values: unexpected argument &apos;%1&apos;</source>
        <translation>values: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>values: needs FILE and TENSOR</source>
        <translation>values: braucht FILE und TENSOR</translation>
    </message>
    <message>
        <source>stats: %1 needs a module path</source>
        <translation>stats: %1 braucht einen Modulpfad</translation>
    </message>
    <message>
        <source>stats: choose one of --json and --csv</source>
        <translation>stats: wählen Sie eines von --json und --csv</translation>
    </message>
    <message>
        <source>stats: needs FILE</source>
        <translation>stats: braucht FILE</translation>
    </message>
    <message>
        <source>stats: unexpected argument &apos;%1&apos;</source>
        <translation>stats: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>load-weights: %1 needs a prefix</source>
        <translation>load-weights: %1 braucht ein Präfix</translation>
    </message>
    <message>
        <source>load-weights: %1 needs a file</source>
        <translation>load-weights: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>load-weights: needs MODEL and WEIGHTS</source>
        <translation>load-weights: braucht MODEL und WEIGHTS</translation>
    </message>
    <message>
        <source>load-weights: unexpected argument &apos;%1&apos;</source>
        <translation>load-weights: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>load-weights: missing -o OUT</source>
        <translation>load-weights: -o OUT fehlt</translation>
    </message>
    <message>
        <source>export: --dtype needs one of %1</source>
        <translation>export: --dtype braucht einen dieser Werte: %1</translation>
    </message>
    <message>
        <source>export: --part needs one of model, ema, all</source>
        <translation>export: --part braucht eines von model, ema, all</translation>
    </message>
    <message>
        <source>export: %1 needs a prefix</source>
        <translation>export: %1 braucht ein Präfix</translation>
    </message>
    <message>
        <source>export: --weights-only-safe copies the whole file as it is; it takes no --entire-model, --format, --dtype, --module, --part, --strip-prefix, --no-buffers, --max-shard-size or freeze options</source>
        <translation>export: --weights-only-safe kopiert die ganze Datei, wie sie ist; es nimmt kein --entire-model, --format, --dtype, --module, --part, --strip-prefix, --no-buffers, --max-shard-size und keine Einfrieroptionen</translation>
    </message>
    <message>
        <source>export: --part picks a training checkpoint&apos;s weights; it takes no --module or --entire-model</source>
        <translation>export: --part wählt die Gewichte eines Trainings-Checkpoints; es nimmt kein --module und kein --entire-model</translation>
    </message>
    <message>
        <source>export: --%1 needs -o OUT</source>
        <translation>export: --%1 braucht -o AUSGABE</translation>
    </message>
    <message>
        <source>export: missing -o OUT (or --freeze-plan-out FILE)</source>
        <translation>export: -o AUSGABE fehlt (oder --freeze-plan-out DATEI)</translation>
    </message>
    <message>
        <source>scan: --format needs one of text, json, sarif</source>
        <translation>scan: --format braucht text, json oder sarif</translation>
    </message>
    <message>
        <source>scan: --fail-on needs one of error, warning, note</source>
        <translation>scan: --fail-on braucht error, warning oder note</translation>
    </message>
    <message>
        <source>scan: %1 needs a file</source>
        <translation>scan: %1 braucht eine Datei</translation>
    </message>
    <message>
        <source>scan: missing PATH</source>
        <translation>scan: PATH fehlt</translation>
    </message>
    <message>
        <source>export: --format needs one of pytorch, safetensors, dcp, torchscript, pickle</source>
        <translation>export: --format braucht eines von pytorch, safetensors, dcp, torchscript, pickle</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>params %1, trainable %2</source>
        <translation>Parameter %1, trainierbar %2</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>Config: %1 (%2)</source>
        <translation>Konfiguration: %1 (%2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Note: a plain pickle, not a PyTorch checkpoint; torch.load would run it as it unpickles it. Nothing was run; below are the values it holds.</source>
        <translation>Hinweis: ein einfaches Pickle, kein PyTorch-Checkpoint; torch.load würde es beim Entpickeln ausführen. Nichts wurde ausgeführt; unten stehen die Werte, die es enthält.</translation>
    </message>
    <message>
        <source>Note: weights-only files store no requires_grad flags; PyTorch makes parameters trainable when it loads them into a freshly built model.</source>
        <translation>Hinweis: Dateien nur mit Gewichten speichern keine requires_grad-Flags; PyTorch macht Parameter trainierbar, wenn es sie in ein neu gebautes Modell lädt.</translation>
    </message>
    <message>
        <source>Modules:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <source>Tensors:</source>
        <translation>Tensoren:</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>trainierbar</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>eingefroren</translation>
    </message>
    <message>
        <source>tied to %1</source>
        <translation>gebunden an %1</translation>
    </message>
    <message>
        <source>Totals: %1 parameters (%2 trainable, %3 frozen)</source>
        <translation>Summe: %1 Parameter (%2 trainierbar, %3 eingefroren)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>, min %1, max %2, mean %3, std %4, L2 %5</source>
        <translation>, Min. %1, Max. %2, Mittel %3, Std.-Abw. %4, L2 %5</translation>
    </message>
    <message>
        <source>, zeros %1, NaN %2, Inf %3</source>
        <translation>, Nullen %1, NaN %2, Inf %3</translation>
    </message>
    <message>
        <source>; requires_grad differs for %1</source>
        <translation>; requires_grad unterscheidet sich bei %1</translation>
    </message>
    <message>
        <source>Tolerances: atol %1, rtol %2</source>
        <translation>Toleranzen: atol %1, rtol %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Changed values, largest relative change first:</source>
        <translation>Geänderte Werte, größte relative Änderung zuerst:</translation>
    </message>
    <message>
        <source>  (converted: %1 vs %2)</source>
        <translation>  (konvertiert: %1 gegen %2)</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>Shape differs</source>
        <translation>Andere Form</translation>
    </message>
    <message>
        <source>Only in A</source>
        <translation>Nur in A</translation>
    </message>
    <message>
        <source>Only in B</source>
        <translation>Nur in B</translation>
    </message>
    <message>
        <source>requires_grad differs:</source>
        <translation>requires_grad unterscheidet sich:</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Tipp: %1</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>(keine Daten)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 elements</source>
        <translation>
            <numerusform>%1: %2 Element</numerusform>
            <numerusform>%1: %2 Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names in %1 match once &apos;%2&apos; is stripped (--strip-prefix-%3 %2)</source>
        <translation>
            <numerusform>%n Name in %1 passt, wenn &apos;%2&apos; entfernt wird (--strip-prefix-%3 %2)</numerusform>
            <numerusform>%n Namen in %1 passen, wenn &apos;%2&apos; entfernt wird (--strip-prefix-%3 %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A: %1 (%n tensors)</source>
        <translation>
            <numerusform>A: %1 (%n Tensor)</numerusform>
            <numerusform>A: %1 (%n Tensoren)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>B: %1 (%n tensors)</source>
        <translation>
            <numerusform>B: %1 (%n Tensor)</numerusform>
            <numerusform>B: %1 (%n Tensoren)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names: %1 identical, %2 changed, %3 dtype differs, %4 shape differs, %5 only in A, %6 only in B</source>
        <translation>
            <numerusform>%n Name: %1 gleich, %2 geändert, %3 mit anderem dtype, %4 mit anderer Form, %5 nur in A, %6 nur in B</numerusform>
            <numerusform>%n Namen: %1 gleich, %2 geändert, %3 mit anderem dtype, %4 mit anderer Form, %5 nur in A, %6 nur in B</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n Tensor, %1 markiert</numerusform>
            <numerusform>%n Tensoren, %1 markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>PyTorch&apos;s default torch.load (weights_only=True) refuses this file: %1</source>
        <translation>PyTorchs Standard-torch.load (weights_only=True) verweigert diese Datei: %1</translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation>Checkpoint: %1</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Werte:</translation>
    </message>
    <message>
        <source>Optimizer %1 (%2):</source>
        <translation>Optimierer %1 (%2):</translation>
    </message>
    <message numerus="yes">
        <source>group %1: %n parameter(s), %2</source>
        <translation>
            <numerusform>Gruppe %1: %n Parameter, %2</numerusform>
            <numerusform>Gruppe %1: %n Parameter, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>stored as %1</source>
        <translation>gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>DcpReader</name>
    <message>
        <source>%1 holds %2 bytes, not the %3 at byte %4 the metadata says</source>
        <translation>%1 enthält %2 Bytes, nicht die %3 ab Byte %4, die die Metadaten angeben</translation>
    </message>
    <message>
        <source>the item at byte %1 of %2 holds %3 tensors, not one</source>
        <translation>das Element bei Byte %1 von %2 enthält %3 Tensoren, nicht einen</translation>
    </message>
    <message>
        <source>the item at byte %1 of %2 has shape %3, the metadata says %4</source>
        <translation>das Element bei Byte %1 von %2 hat die Form %3, die Metadaten sagen %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>a box has %1 dimensions, the tensor %2</source>
        <translation>ein Block hat %1 Dimensionen, der Tensor %2</translation>
    </message>
    <message>
        <source>a box runs past the tensor&apos;s extent in dimension %1</source>
        <translation>ein Block reicht in Dimension %1 über den Tensor hinaus</translation>
    </message>
    <message>
        <source>boxes %1 and %2 overlap</source>
        <translation>die Blöcke %1 und %2 überlappen</translation>
    </message>
    <message>
        <source>the boxes cover %1 of its %2 elements</source>
        <translation>die Blöcke decken %1 seiner %2 Elemente ab</translation>
    </message>
    <message>
        <source>%1 bytes of metadata, more than any checkpoint&apos;s</source>
        <translation>%1 Bytes Metadaten, mehr als jeder Checkpoint hat</translation>
    </message>
    <message>
        <source>not a DCP metadata pickle: %1</source>
        <translation>kein DCP-Metadaten-Pickle: %1</translation>
    </message>
    <message>
        <source>the metadata would call %1(%2) on load; refused</source>
        <translation>die Metadaten würden beim Laden %1(%2) aufrufen; verweigert</translation>
    </message>
    <message>
        <source>not DCP metadata: the pickle holds %1</source>
        <translation>keine DCP-Metadaten: das Pickle enthält %1</translation>
    </message>
    <message>
        <source>the metadata lacks state_dict_metadata or storage_data</source>
        <translation>den Metadaten fehlen state_dict_metadata oder storage_data</translation>
    </message>
    <message>
        <source>%1: its value cannot be read: %2</source>
        <translation>%1: sein Wert ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>no such item</source>
        <translation>kein solches Element</translation>
    </message>
    <message>
        <source>%1: no shape or dtype PyTorch names; left out</source>
        <translation>%1: keine Form oder kein Datentyp, den PyTorch kennt; ausgelassen</translation>
    </message>
    <message>
        <source>a box without offsets and sizes</source>
        <translation>ein Block ohne Offsets und Größen</translation>
    </message>
    <message>
        <source>the box at %1 is in no file</source>
        <translation>der Block bei %1 liegt in keiner Datei</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>its box at %1 runs past the end of %2</source>
        <translation>sein Block bei %1 reicht über das Ende von %2 hinaus</translation>
    </message>
    <message>
        <source>%1: %2; its values cannot be read</source>
        <translation>%1: %2; seine Werte sind nicht lesbar</translation>
    </message>
    <message>
        <source>its zstd stream is damaged: %1</source>
        <translation>sein zstd-Strom ist beschädigt: %1</translation>
    </message>
    <message>
        <source>its zstd stream ends early</source>
        <translation>sein zstd-Strom endet zu früh</translation>
    </message>
    <message>
        <source>it is transformed by %1</source>
        <translation>er ist durch %1 umgewandelt</translation>
    </message>
    <message>
        <source>the box at %1 is transformed by %2</source>
        <translation>der Block bei %1 ist durch %2 umgewandelt</translation>
    </message>
</context>
<context>
    <name>DcpWriter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: a quantized tensor has no place in a DCP checkpoint</source>
        <translation>%1: ein quantisierter Tensor hat in einem DCP-Checkpoint keinen Platz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DeepSpeedReader</name>
    <message>
        <source>%1: no data.pkl</source>
        <translation>%1: keine data.pkl</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no *_model_states.pt and *_optim_states.pt files</source>
        <translation>keine Dateien *_model_states.pt und *_optim_states.pt</translation>
    </message>
    <message>
        <source>the mixture-of-experts files (expp_rank_*, layer_*_expert_*) are not read</source>
        <translation>die Mixture-of-Experts-Dateien (expp_rank_*, layer_*_expert_*) werden nicht gelesen</translation>
    </message>
    <message>
        <source>%1 holds no ZeRO fp32 partitions (a BF16_Optimizer or ZeRO-0 checkpoint, which zero_to_fp32 does not read either)</source>
        <translation>%1 enthält keine ZeRO-fp32-Partitionen (ein BF16_Optimizer- oder ZeRO-0-Checkpoint, den auch zero_to_fp32 nicht liest)</translation>
    </message>
    <message>
        <source>the optimizer files are of different ZeRO stages</source>
        <translation>die Optimierer-Dateien stammen aus verschiedenen ZeRO-Stufen</translation>
    </message>
    <message>
        <source>the optimizer state says %1 ranks, the folder holds %2 *_optim_states.pt files (one overwritten or not saved?)</source>
        <translation>der Optimierer-Zustand nennt %1 Ränge, der Ordner enthält %2 Dateien *_optim_states.pt (eine überschrieben oder nicht gespeichert?)</translation>
    </message>
    <message>
        <source>%1: %2 is not a flat tensor</source>
        <translation>%1: %2 ist kein flacher Tensor</translation>
    </message>
    <message>
        <source>the ranks hold different numbers of parameter groups</source>
        <translation>die Ränge enthalten unterschiedlich viele Parametergruppen</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 is no model states dict</source>
        <translation>%1 ist kein Dict von Modellzuständen</translation>
    </message>
    <message>
        <source>%1: param_shapes is not a list of {name: size}</source>
        <translation>%1: param_shapes ist keine Liste von {Name: Größe}</translation>
    </message>
    <message>
        <source>%1 has no param_shapes</source>
        <translation>%1 hat keine param_shapes</translation>
    </message>
    <message>
        <source>%1: frozen_param_shapes is not {name: size}</source>
        <translation>%1: frozen_param_shapes ist kein {Name: Größe}</translation>
    </message>
    <message>
        <source>%1 runs past its group&apos;s %2 elements</source>
        <translation>%1 reicht über die %2 Elemente seiner Gruppe hinaus</translation>
    </message>
    <message>
        <source>parameter group %1: the shapes take %2 elements of the %3 its partitions hold</source>
        <translation>Parametergruppe %1: die Formen belegen %2 der %3 Elemente ihrer Partitionen</translation>
    </message>
    <message>
        <source>%1 runs past the %2 elements each rank holds</source>
        <translation>%1 reicht über die %2 Elemente jedes Rangs hinaus</translation>
    </message>
    <message>
        <source>the shapes take %1 elements of the %2 each rank holds</source>
        <translation>die Formen belegen %1 der %2 Elemente jedes Rangs</translation>
    </message>
    <message>
        <source>the frozen parameter %1 has no fragment</source>
        <translation>der eingefrorene Parameter %1 hat kein Fragment</translation>
    </message>
    <message>
        <source>the frozen parameter %1&apos;s fragments are too short</source>
        <translation>die Fragmente des eingefrorenen Parameters %1 sind zu kurz</translation>
    </message>
    <message>
        <source>%1: its partitions hold fewer bytes than its shape needs</source>
        <translation>%1: seine Partitionen enthalten weniger Bytes, als seine Form braucht</translation>
    </message>
    <message>
        <source>%1 is in no ZeRO partition: taken from the module as saved (zero_to_fp32 leaves it out)</source>
        <translation>%1 liegt in keiner ZeRO-Partition: aus dem Modul übernommen, wie gespeichert (zero_to_fp32 lässt ihn weg)</translation>
    </message>
    <message>
        <source>%1 is shared with %2, which is not in the checkpoint; left out</source>
        <translation>%1 ist mit %2 geteilt, das nicht im Checkpoint ist; weggelassen</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 T</source>
        <translation>%1 Bio.</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>hidden size %1</source>
        <translation>verborgene Größe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n Schicht</numerusform>
            <numerusform>%n Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attention heads</source>
        <translation>
            <numerusform>%n Attention-Head</numerusform>
            <numerusform>%n Attention-Heads</numerusform>
        </translation>
    </message>
    <message>
        <source>vocabulary %1</source>
        <translation>Vokabular %1</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD mit Momentum</translation>
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
        <translation>Optimierer (noch ohne Zustand)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Training checkpoint</source>
        <translation>Trainings-Checkpoint</translation>
    </message>
    <message>
        <source>Training checkpoint (%1%2)</source>
        <translation>Trainings-Checkpoint (%1%2)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>model %1 parameters</source>
        <translation>Modell %1 Parameter</translation>
    </message>
    <message>
        <source>EMA weights at %1</source>
        <translation>EMA-Gewichte unter %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 state for %n tensor(s)</source>
        <translation>
            <numerusform>%1-Zustand für %n Tensor</numerusform>
            <numerusform>%1-Zustand für %n Tensoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduler(s)</source>
        <translation>
            <numerusform>%n Scheduler</numerusform>
            <numerusform>%n Scheduler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>an instance of %1</source>
        <translation>eine Instanz von %1</translation>
    </message>
    <message>
        <source>refused: would call %1</source>
        <translation>verweigert: würde %1 aufrufen</translation>
    </message>
</context>
<context>
    <name>ExampleModel</name>
    <message>
        <source>the example model is missing from this build</source>
        <translation>das Beispielmodell fehlt in dieser Version</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>PyTorch checkpoints (%1);;All files (*)</source>
        <translation>PyTorch-Checkpoints (%1);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FreezeMenus</name>
    <message>
        <source>Freeze %1</source>
        <translation>%1 einfrieren</translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>%1 auftauen</translation>
    </message>
    <message>
        <source>Freeze All Except %1</source>
        <translation>Alles außer %1 einfrieren</translation>
    </message>
    <message>
        <source>Freeze Every %1</source>
        <translation>Jedes %1 einfrieren</translation>
    </message>
    <message>
        <source>Freeze every %1</source>
        <translation>Jedes %1 einfrieren</translation>
    </message>
    <message>
        <source>Unfreeze Every %1</source>
        <translation>Jedes %1 auftauen</translation>
    </message>
    <message>
        <source>Unfreeze every %1</source>
        <translation>Jedes %1 auftauen</translation>
    </message>
    <message numerus="yes">
        <source>%n Selected</source>
        <translation>
            <numerusform>%n ausgewählte</numerusform>
            <numerusform>%n ausgewählte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreezePlan</name>
    <message>
        <source>not a freeze plan: %1</source>
        <translation>kein Einfrierplan: %1</translation>
    </message>
    <message>
        <source>not a freeze plan: no &quot;requires_grad&quot; object</source>
        <translation>kein Einfrierplan: kein &quot;requires_grad&quot;-Objekt</translation>
    </message>
    <message>
        <source>freeze plan: the value for &quot;%1&quot; is not true or false</source>
        <translation>Einfrierplan: der Wert für &quot;%1&quot; ist weder true noch false</translation>
    </message>
    <message>
        <source>the freeze plan names parameters this model does not have (%1): %2</source>
        <translation>der Einfrierplan nennt Parameter, die dieses Modell nicht hat (%1): %2</translation>
    </message>
    <message>
        <source>Apply freeze plan</source>
        <translation>Einfrierplan anwenden</translation>
    </message>
</context>
<context>
    <name>GgufReader</name>
    <message>
        <source>a string at byte %1 runs past the file</source>
        <translation>eine Zeichenkette bei Byte %1 reicht über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>a value at byte %1 runs past the file</source>
        <translation>ein Wert bei Byte %1 reicht über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>unknown value type %1 at byte %2</source>
        <translation>unbekannter Werttyp %1 bei Byte %2</translation>
    </message>
    <message>
        <source>a GGUF file cut short in its header</source>
        <translation>eine GGUF-Datei, deren Kopf abgeschnitten ist</translation>
    </message>
    <message>
        <source>a big-endian GGUF file (version %1 written for a big-endian machine): not read</source>
        <translation>eine Big-Endian-GGUF-Datei (Version %1, für eine Big-Endian-Maschine geschrieben): nicht gelesen</translation>
    </message>
    <message>
        <source>GGUF version %1; versions 2 and 3 are read</source>
        <translation>GGUF-Version %1; gelesen werden die Versionen 2 und 3</translation>
    </message>
    <message>
        <source>the header counts %1 tensors and %2 keys, more than the file holds</source>
        <translation>der Kopf zählt %1 Tensoren und %2 Schlüssel, mehr als die Datei enthält</translation>
    </message>
    <message>
        <source>the key %1 is there twice</source>
        <translation>der Schlüssel %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: its type runs past the file</source>
        <translation>%1: sein Typ reicht über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>%1: its array runs past the file</source>
        <translation>%1: sein Array reicht über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>%1: an array of arrays, which GGUF does not allow</source>
        <translation>%1: ein Array von Arrays, das GGUF nicht erlaubt</translation>
    </message>
    <message>
        <source>%1: unknown array item type %2</source>
        <translation>%1: unbekannter Elementtyp %2 im Array</translation>
    </message>
    <message>
        <source>%1: %2 items, more than the file holds</source>
        <translation>%1: %2 Elemente, mehr als die Datei enthält</translation>
    </message>
    <message>
        <source>%1: unknown value type %2</source>
        <translation>%1: unbekannter Werttyp %2</translation>
    </message>
    <message>
        <source>general.alignment %1 is not a power of two</source>
        <translation>general.alignment %1 ist keine Zweierpotenz</translation>
    </message>
    <message>
        <source>tensor %1: its name runs past the file or is longer than %2 bytes</source>
        <translation>Tensor %1: sein Name reicht über das Dateiende hinaus oder ist länger als %2 Bytes</translation>
    </message>
    <message>
        <source>the tensor %1 is there twice</source>
        <translation>der Tensor %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: %2 dimensions (at most %3)</source>
        <translation>%1: %2 Dimensionen (höchstens %3)</translation>
    </message>
    <message>
        <source>%1: a dimension runs past the file or is out of range</source>
        <translation>%1: eine Dimension reicht über das Dateiende hinaus oder liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>%1: its type and offset run past the file</source>
        <translation>%1: Typ und Offset reichen über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>%1: unknown ggml type %2</source>
        <translation>%1: unbekannter ggml-Typ %2</translation>
    </message>
    <message>
        <source>%1: its rows of %2 are no whole number of %3 blocks of %4</source>
        <translation>%1: seine Zeilen aus %2 Werten sind keine ganze Zahl von %3-Blöcken zu %4</translation>
    </message>
    <message>
        <source>%1: its offset %2 is not a multiple of the alignment %3</source>
        <translation>%1: sein Offset %2 ist kein Vielfaches der Ausrichtung %3</translation>
    </message>
    <message>
        <source>%1: its %2 bytes at offset %3 run past the data section</source>
        <translation>%1: seine %2 Bytes bei Offset %3 reichen über den Datenabschnitt hinaus</translation>
    </message>
    <message>
        <source>%1: its %2 blocks are not decoded; its values are not shown</source>
        <translation>%1: seine %2-Blöcke werden nicht dekodiert; seine Werte werden nicht gezeigt</translation>
    </message>
</context>
<context>
    <name>HealthReport</name>
    <message>
        <source>holds NaN values</source>
        <translation>enthält NaN-Werte</translation>
    </message>
    <message>
        <source>holds infinite values</source>
        <translation>enthält unendliche Werte</translation>
    </message>
    <message>
        <source>every value is zero</source>
        <translation>jeder Wert ist null</translation>
    </message>
    <message>
        <source>every value is the same</source>
        <translation>alle Werte sind gleich</translation>
    </message>
    <message>
        <source>its norm is far from its siblings&apos; (the same tensor in other blocks)</source>
        <translation>seine Norm weicht stark von der seiner Geschwister ab (desselben Tensors in anderen Blöcken)</translation>
    </message>
    <message>
        <source>a running variance below zero</source>
        <translation>eine laufende Varianz unter null</translation>
    </message>
    <message>
        <source>still a norm layer&apos;s usual initial value (weight or running variance 1, bias or running mean 0): a layer not trained, or kept frozen; not a fault in itself</source>
        <translation>noch der übliche Anfangswert einer Norm-Schicht (Gewicht oder laufende Varianz 1, Bias oder laufender Mittelwert 0): eine nicht trainierte oder eingefrorene Schicht; für sich kein Fehler</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>LoadWeights</name>
    <message>
        <source>%1 applied, %2 missing, %3 unexpected, %4 of another shape, %5 of another dtype</source>
        <translation>%1 übernommen, %2 fehlend, %3 unerwartet, %4 mit anderer Form, %5 mit anderem dtype</translation>
    </message>
    <message>
        <source>strict loading refused: %1</source>
        <translation>striktes Laden abgelehnt: %1</translation>
    </message>
    <message>
        <source>no tensor of %1 matches the model</source>
        <translation>kein Tensor aus %1 passt zum Modell</translation>
    </message>
    <message>
        <source>Load weights from %1</source>
        <translation>Gewichte aus %1 laden</translation>
    </message>
    <message>
        <source>Missing (kept as they are)</source>
        <translation>Fehlend (bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>Unexpected (ignored)</source>
        <translation>Unerwartet (ignoriert)</translation>
    </message>
    <message>
        <source>Another shape (kept as they are)</source>
        <translation>Andere Form (bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>Another dtype (kept as they are)</source>
        <translation>Anderer dtype (bleiben, wie sie sind)</translation>
    </message>
</context>
<context>
    <name>MappedFile</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: is a directory</source>
        <translation>%1: ist ein Ordner</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot map file: %2</source>
        <translation>%1: Datei kann nicht eingeblendet werden: %2</translation>
    </message>
</context>
<context>
    <name>ModuleNode</name>
    <message>
        <source>the whole model</source>
        <translation>das ganze Modell</translation>
    </message>
    <message>
        <source>(model)</source>
        <translation>(Modell)</translation>
    </message>
    <message>
        <source>The whole model</source>
        <translation>Das ganze Modell</translation>
    </message>
</context>
<context>
    <name>NameMatching</name>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; both map to &apos;%3&apos;; the second is left out</source>
        <translation>&apos;%1&apos; und &apos;%2&apos; ergeben beide &apos;%3&apos;; der zweite wird ausgelassen</translation>
    </message>
</context>
<context>
    <name>OptimizerState</name>
    <message>
        <source>%1 of %2&apos;s %3 state ids told apart by shape; the others stay by id: their shapes repeat and the weights file keeps no parameter order</source>
        <translation>%1 der %3 Zustands-IDs von %2 nach Form unterschieden; die übrigen bleiben bei ihrer ID: ihre Formen wiederholen sich, und die Gewichtsdatei bewahrt keine Reihenfolge der Parameter</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>der Optimierer</translation>
    </message>
    <message>
        <source>%1&apos;s %2 state ids match the model&apos;s %3 parameters by no rule the shapes confirm: its entries stay by id</source>
        <translation>die %2 Zustands-IDs von %1 passen nach keiner Regel, die die Formen bestätigen, zu den %3 Parametern des Modells: die Einträge bleiben bei ihrer ID</translation>
    </message>
</context>
<context>
    <name>PickleCheckpoint</name>
    <message>
        <source>%1: bad storage reference</source>
        <translation>%1: ungültiger Speicherverweis</translation>
    </message>
    <message>
        <source>%1: per-channel scales or zero points do not match axis %2</source>
        <translation>%1: kanalweise Skalen oder Nullpunkte passen nicht zu Achse %2</translation>
    </message>
    <message>
        <source>%1: a quantizer on a %2 storage</source>
        <translation>%1: ein Quantisierer auf einem %2-Speicher</translation>
    </message>
    <message>
        <source>%1: a %2 storage without a quantizer</source>
        <translation>%1: ein %2-Speicher ohne Quantisierer</translation>
    </message>
    <message>
        <source>the TorchScript archive holds no module</source>
        <translation>das TorchScript-Archiv enthält kein Modul</translation>
    </message>
    <message>
        <source>%1 is a %2 (a tensor subclass): shown as its data</source>
        <translation>%1 ist ein %2 (eine Tensor-Unterklasse): als seine Daten gezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n meta tensor(s), shape and dtype without data: %1</source>
        <translation>
            <numerusform>%n Meta-Tensor, Form und dtype ohne Daten: %1</numerusform>
            <numerusform>%n Meta-Tensoren, Form und dtype ohne Daten: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more value(s) besides tensors not listed</source>
        <translation>
            <numerusform>%n weiterer Wert neben Tensoren nicht aufgeführt</numerusform>
            <numerusform>%n weitere Werte neben Tensoren nicht aufgeführt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickleModuleWriter</name>
    <message>
        <source>a storage of the model cannot be read back to be written</source>
        <translation>ein Speicher des Modells kann zum Schreiben nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>a tensor</source>
        <translation>ein Tensor</translation>
    </message>
    <message>
        <source>%1 carries %2, which would be lost</source>
        <translation>%1 trägt %2, die verloren gingen</translation>
    </message>
    <message>
        <source>%1 is quantized; quantized tensors are not written back into pickled models</source>
        <translation>%1 ist quantisiert; quantisierte Tensoren werden nicht in gepickelte Modelle zurückgeschrieben</translation>
    </message>
    <message>
        <source>%1: bad storage reference</source>
        <translation>%1: ungültiger Speicherverweis</translation>
    </message>
    <message>
        <source>the pickle holds an empty value</source>
        <translation>das Pickle enthält einen leeren Wert</translation>
    </message>
    <message>
        <source>the pickle nests values more than %1 deep</source>
        <translation>das Pickle verschachtelt Werte tiefer als %1 Ebenen</translation>
    </message>
    <message>
        <source>the pickle holds a tuple that contains itself</source>
        <translation>das Pickle enthält ein Tupel, das sich selbst enthält</translation>
    </message>
    <message>
        <source>the pickle sets attributes on a plain dict</source>
        <translation>das Pickle setzt Attribute auf einem einfachen dict</translation>
    </message>
    <message>
        <source>%1 was made with keyword arguments, which are not kept</source>
        <translation>%1 wurde mit Schlüsselwortargumenten erzeugt, die nicht erhalten bleiben</translation>
    </message>
    <message>
        <source>the model holds a call Torchscope refused to make (%1), so it cannot be written back as it was</source>
        <translation>das Modell enthält einen Aufruf, den Torchscope verweigert hat (%1), daher kann es nicht unverändert zurückgeschrieben werden</translation>
    </message>
    <message>
        <source>the pickle holds a value that cannot be written back</source>
        <translation>das Pickle enthält einen Wert, der nicht zurückgeschrieben werden kann</translation>
    </message>
    <message>
        <source>no module named &quot;%1&quot; in the pickle</source>
        <translation>kein Modul namens &quot;%1&quot; im Pickle</translation>
    </message>
    <message>
        <source>cannot write this model back as a pickle: %1</source>
        <translation>dieses Modell kann nicht als Pickle zurückgeschrieben werden: %1</translation>
    </message>
    <message>
        <source>backward hooks</source>
        <translation>Backward-Hooks</translation>
    </message>
    <message>
        <source>tensor metadata</source>
        <translation>Tensor-Metadaten</translation>
    </message>
    <message>
        <source>parameter attributes</source>
        <translation>Parameter-Attribute</translation>
    </message>
    <message>
        <source>a tensor subclass</source>
        <translation>eine Tensor-Unterklasse</translation>
    </message>
    <message>
        <source>tensor attributes</source>
        <translation>Tensor-Attribute</translation>
    </message>
    <message>
        <source>tensor state</source>
        <translation>Tensor-Zustand</translation>
    </message>
    <message>
        <source>%1 is a meta tensor, which pickled models are not written back with</source>
        <translation>%1 ist ein Meta-Tensor, mit dem gepickelte Modelle nicht zurückgeschrieben werden</translation>
    </message>
    <message>
        <source>%1 is %2, a PyTorch 2.x element type that pickled models are not written back with; save its weights instead</source>
        <translation>%1 ist %2, ein Elementtyp von PyTorch 2.x, mit dem gepickelte Modelle nicht zurückgeschrieben werden; speichern Sie stattdessen die Gewichte</translation>
    </message>
</context>
<context>
    <name>SafeUnpickler</name>
    <message>
        <source>pickle: %1 (at byte %2)</source>
        <translation>Pickle: %1 (bei Byte %2)</translation>
    </message>
    <message>
        <source>truncated data</source>
        <translation>abgeschnittene Daten</translation>
    </message>
    <message>
        <source>MARK missing</source>
        <translation>MARK fehlt</translation>
    </message>
    <message>
        <source>unterminated line</source>
        <translation>nicht abgeschlossene Zeile</translation>
    </message>
    <message>
        <source>would call %1 on load; refused</source>
        <translation>würde beim Laden %1 aufrufen; verweigert</translation>
    </message>
    <message>
        <source>unknown persistent id</source>
        <translation>unbekannte persistent id</translation>
    </message>
    <message>
        <source>persistent id &apos;%1&apos;</source>
        <translation>persistent id &apos;%1&apos;</translation>
    </message>
    <message>
        <source>malformed storage reference</source>
        <translation>fehlerhafter Speicherverweis</translation>
    </message>
    <message>
        <source>storage views of the pre-1.0 format are not supported</source>
        <translation>Speichersichten des Formats vor 1.0 werden nicht unterstützt</translation>
    </message>
    <message>
        <source>unsupported storage type %1</source>
        <translation>nicht unterstützter Speichertyp %1</translation>
    </message>
    <message>
        <source>storage %1 is referenced with two different types or sizes</source>
        <translation>Speicher %1 wird mit zwei verschiedenen Typen oder Größen referenziert</translation>
    </message>
    <message>
        <source>malformed tensor</source>
        <translation>fehlerhafter Tensor</translation>
    </message>
    <message>
        <source>malformed quantized tensor</source>
        <translation>fehlerhafter quantisierter Tensor</translation>
    </message>
    <message>
        <source>unsupported quantization scheme %1</source>
        <translation>nicht unterstütztes Quantisierungsschema %1</translation>
    </message>
    <message>
        <source>stack underflow</source>
        <translation>Stapelunterlauf</translation>
    </message>
    <message>
        <source>malformed parameter</source>
        <translation>fehlerhafter Parameter</translation>
    </message>
    <message>
        <source>malformed tensor subclass</source>
        <translation>fehlerhafte Tensor-Unterklasse</translation>
    </message>
    <message>
        <source>%1 (passed to %2)</source>
        <translation>%1 (übergeben an %2)</translation>
    </message>
    <message>
        <source>nothing to memoize</source>
        <translation>nichts zu memoisieren</translation>
    </message>
    <message>
        <source>memo too large</source>
        <translation>Memo zu groß</translation>
    </message>
    <message>
        <source>memo entry %1 missing</source>
        <translation>Memo-Eintrag %1 fehlt</translation>
    </message>
    <message>
        <source>stack too deep</source>
        <translation>Stapel zu tief</translation>
    </message>
    <message>
        <source>unsupported protocol %1</source>
        <translation>nicht unterstütztes Protokoll %1</translation>
    </message>
    <message>
        <source>empty stack at STOP</source>
        <translation>leerer Stapel bei STOP</translation>
    </message>
    <message>
        <source>too many marks</source>
        <translation>zu viele MARKs</translation>
    </message>
    <message>
        <source>integer too long</source>
        <translation>Ganzzahl zu lang</translation>
    </message>
    <message>
        <source>bad integer</source>
        <translation>ungültige Ganzzahl</translation>
    </message>
    <message>
        <source>string longer than the data</source>
        <translation>Zeichenkette länger als die Daten</translation>
    </message>
    <message>
        <source>odd number of dict items</source>
        <translation>ungerade Anzahl von dict-Einträgen</translation>
    </message>
    <message>
        <source>APPEND to a %1</source>
        <translation>APPEND auf ein %1</translation>
    </message>
    <message>
        <source>APPENDS to a %1</source>
        <translation>APPENDS auf ein %1</translation>
    </message>
    <message>
        <source>SETITEM on a %1</source>
        <translation>SETITEM auf ein %1</translation>
    </message>
    <message>
        <source>malformed SETITEMS</source>
        <translation>fehlerhaftes SETITEMS</translation>
    </message>
    <message>
        <source>SETITEMS on a %1</source>
        <translation>SETITEMS auf ein %1</translation>
    </message>
    <message>
        <source>bad memo index</source>
        <translation>ungültiger Memo-Index</translation>
    </message>
    <message>
        <source>malformed STACK_GLOBAL</source>
        <translation>fehlerhaftes STACK_GLOBAL</translation>
    </message>
    <message>
        <source>malformed OBJ</source>
        <translation>fehlerhaftes OBJ</translation>
    </message>
    <message>
        <source>extension-registry opcodes are not supported</source>
        <translation>Opcodes der Erweiterungsregistrierung werden nicht unterstützt</translation>
    </message>
    <message>
        <source>out-of-band buffers are not supported</source>
        <translation>Out-of-band-Puffer werden nicht unterstützt</translation>
    </message>
    <message>
        <source>unknown opcode 0x%1</source>
        <translation>unbekannter Opcode 0x%1</translation>
    </message>
    <message>
        <source>more than %1 objects</source>
        <translation>mehr als %1 Objekte</translation>
    </message>
    <message>
        <source>storage of %1 elements: more than 2^40</source>
        <translation>Speicher mit %1 Elementen: mehr als 2^40</translation>
    </message>
    <message>
        <source>malformed meta tensor</source>
        <translation>fehlerhafter Meta-Tensor</translation>
    </message>
    <message>
        <source>unsupported element type %1</source>
        <translation>nicht unterstützter Elementtyp %1</translation>
    </message>
    <message>
        <source>%1 is a wrapper tensor subclass (such as a sharded DTensor) whose whole data is not in the file, one process&apos;s shard at most; save a full state dict (get_state_dict with full_state_dict=True) or a distributed checkpoint instead</source>
        <translation>%1 ist eine Wrapper-Tensor-Unterklasse (etwa ein verteilter DTensor), deren Daten nicht vollständig in der Datei liegen, höchstens der Teil eines Prozesses; speichern Sie stattdessen ein vollständiges state_dict (get_state_dict mit full_state_dict=True) oder einen verteilten Checkpoint</translation>
    </message>
</context>
<context>
    <name>SafetensorsReader</name>
    <message>
        <source>truncated safetensors file</source>
        <translation>abgeschnittene safetensors-Datei</translation>
    </message>
    <message>
        <source>safetensors header claims %1 bytes, the file has %2</source>
        <translation>der safetensors-Kopf gibt %1 Bytes an, die Datei hat %2</translation>
    </message>
    <message>
        <source>bad safetensors header: %1</source>
        <translation>ungültiger safetensors-Kopf: %1</translation>
    </message>
    <message>
        <source>%1: malformed header entry</source>
        <translation>%1: fehlerhafter Eintrag im Kopf</translation>
    </message>
    <message>
        <source>%1: data offsets outside the file</source>
        <translation>%1: Datenoffsets außerhalb der Datei</translation>
    </message>
    <message>
        <source>%1: element type %2 is not supported; skipped</source>
        <translation>%1: Elementtyp %2 wird nicht unterstützt; übersprungen</translation>
    </message>
    <message>
        <source>%1: more than 2^40 elements</source>
        <translation>%1: mehr als 2^40 Elemente</translation>
    </message>
    <message>
        <source>%1: bad shape</source>
        <translation>%1: ungültige Form</translation>
    </message>
    <message>
        <source>%1: %2 bytes of data for %3 elements of %4</source>
        <translation>%1: %2 Bytes Daten für %3 Elemente vom Typ %4</translation>
    </message>
    <message>
        <source>%1: data overlaps another tensor</source>
        <translation>%1: die Daten überlappen einen anderen Tensor</translation>
    </message>
    <message>
        <source>%1: hole in the data before this tensor</source>
        <translation>%1: Lücke in den Daten vor diesem Tensor</translation>
    </message>
    <message>
        <source>data buffer is %1 bytes, the tensors cover %2</source>
        <translation>der Datenbereich hat %1 Bytes, die Tensoren decken %2 ab</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message numerus="yes">
        <source>%n byte(s) after the zip archive&apos;s end record</source>
        <translation>
            <numerusform>%n Byte nach dem Endeintrag des ZIP-Archivs</numerusform>
            <numerusform>%n Bytes nach dem Endeintrag des ZIP-Archivs</numerusform>
        </translation>
    </message>
    <message>
        <source>the end record puts the central directory outside the file</source>
        <translation>der Endeintrag legt das zentrale Verzeichnis außerhalb der Datei</translation>
    </message>
    <message>
        <source>a zip archive with no end record: truncated</source>
        <translation>ein ZIP-Archiv ohne Endeintrag: gekürzt</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) at the start belong to no archive</source>
        <translation>
            <numerusform>%n Byte am Anfang gehört zu keinem Archiv</numerusform>
            <numerusform>%n Bytes am Anfang gehören zu keinem Archiv</numerusform>
        </translation>
    </message>
    <message>
        <source>a zip archive at byte %1, after bytes of something else</source>
        <translation>ein ZIP-Archiv bei Byte %1, nach Bytes von etwas anderem</translation>
    </message>
    <message>
        <source>the central directory holds fewer records than its end record says (%1 of %2)</source>
        <translation>das zentrale Verzeichnis enthält weniger Einträge, als sein Endeintrag sagt (%1 von %2)</translation>
    </message>
    <message>
        <source>a central directory record runs past the directory</source>
        <translation>ein Eintrag des zentralen Verzeichnisses reicht über das Verzeichnis hinaus</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; names a place outside the archive</source>
        <translation>Eintrag &apos;%1&apos; nennt einen Ort außerhalb des Archivs</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; is encrypted</source>
        <translation>Eintrag &apos;%1&apos; ist verschlüsselt</translation>
    </message>
    <message>
        <source>a second pickle named &apos;%1&apos;: torch.load reads one of the two, another tool may read the other</source>
        <translation>ein zweites Pickle namens &apos;%1&apos;: torch.load liest eines der beiden, ein anderes Werkzeug vielleicht das andere</translation>
    </message>
    <message>
        <source>a second entry named &apos;%1&apos;</source>
        <translation>ein zweiter Eintrag namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; has no local record where the directory says</source>
        <translation>Eintrag &apos;%1&apos; hat keinen lokalen Eintrag, wo das Verzeichnis ihn angibt</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record runs past the archive</source>
        <translation>der lokale Eintrag von &apos;%1&apos; reicht über das Archiv hinaus</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record names it otherwise</source>
        <translation>der lokale Eintrag von &apos;%1&apos; nennt ihn anders</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s local record and central directory disagree on its CRC or sizes</source>
        <translation>lokaler Eintrag und zentrales Verzeichnis von &apos;%1&apos; widersprechen sich bei CRC oder Größen</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; says %2 bytes, more than the archive holds</source>
        <translation>Eintrag &apos;%1&apos; gibt %2 Bytes an, mehr als das Archiv enthält</translation>
    </message>
    <message>
        <source>stored entry &apos;%1&apos; says %2 bytes unpacked but holds %3</source>
        <translation>gespeicherter Eintrag &apos;%1&apos; gibt entpackt %2 Bytes an, enthält aber %3</translation>
    </message>
    <message>
        <source>deflated entry &apos;%1&apos; does not inflate to the %2 bytes it says</source>
        <translation>komprimierter Eintrag &apos;%1&apos; entpackt sich nicht zu den angegebenen %2 Bytes</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos; is compressed with method %2, which PyTorch neither writes nor reads</source>
        <translation>Eintrag &apos;%1&apos; ist mit Methode %2 komprimiert, die PyTorch weder schreibt noch liest</translation>
    </message>
    <message>
        <source>entry &apos;%1&apos;&apos;s CRC is %2, its bytes&apos; is %3</source>
        <translation>die CRC von &apos;%1&apos; ist %2, die seiner Bytes %3</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before the first record</source>
        <translation>
            <numerusform>%n Byte vor dem ersten Eintrag</numerusform>
            <numerusform>%n Bytes vor dem ersten Eintrag</numerusform>
        </translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>the header says %1 bytes, longer than the file&apos;s %2</source>
        <translation>der Header gibt %1 Bytes an, mehr als die %2 der Datei</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is named twice; readers keep one of the two</source>
        <translation>&apos;%1&apos; kommt zweimal vor; Leser behalten einen der beiden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends at byte %2 of the data, which has %3: truncated</source>
        <translation>&apos;%1&apos; endet bei Byte %2 der Daten, die %3 haben: gekürzt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; spans %2 bytes; its dtype and shape need %3</source>
        <translation>&apos;%1&apos; umfasst %2 Bytes; Datentyp und Form brauchen %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; overlaps &apos;%2&apos;</source>
        <translation>&apos;%1&apos; überlappt &apos;%2&apos;</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) before &apos;%1&apos; belong to no tensor</source>
        <translation>
            <numerusform>%n Byte vor &apos;%1&apos; gehört zu keinem Tensor</numerusform>
            <numerusform>%n Bytes vor &apos;%1&apos; gehören zu keinem Tensor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) after the last tensor belong to no tensor</source>
        <translation>
            <numerusform>%n Byte nach dem letzten Tensor gehört zu keinem Tensor</numerusform>
            <numerusform>%n Bytes nach dem letzten Tensor gehören zu keinem Tensor</numerusform>
        </translation>
    </message>
    <message>
        <source>A pickle in the file would call a function on torch.load (refused here: nothing ran).</source>
        <translation>Ein Pickle der Datei würde bei torch.load eine Funktion aufrufen (hier verweigert: nichts lief).</translation>
    </message>
    <message>
        <source>The file refers to classes and functions outside torch.load&apos;s weights_only allowlist the way torch.save(model) does (a model&apos;s own classes, an activation function): it loads only with weights_only=False.</source>
        <translation>Die Datei verweist wie torch.save(model) auf Klassen und Funktionen außerhalb der weights_only-Liste von torch.load (die eigenen Klassen eines Modells, eine Aktivierungsfunktion): sie lädt nur mit weights_only=False.</translation>
    </message>
    <message>
        <source>The file cannot be read as any format Torchscope knows, or is damaged.</source>
        <translation>Die Datei ist in keinem Format lesbar, das Torchscope kennt, oder beschädigt.</translation>
    </message>
    <message>
        <source>A constructor of plain data that weights_only refuses (a NumPy scalar, a path): the file is otherwise plain, but loads only with weights_only=False.</source>
        <translation>Ein Konstruktor einfacher Daten, den weights_only verweigert (ein NumPy-Skalar, ein Pfad): die Datei ist sonst schlicht, lädt aber nur mit weights_only=False.</translation>
    </message>
    <message>
        <source>A pickle imports a function that reaches the system (os, subprocess, eval...) without calling it: kept for a later call.</source>
        <translation>Ein Pickle importiert eine Funktion, die ans System reicht (os, subprocess, eval...), ohne sie aufzurufen: für einen späteren Aufruf aufbewahrt.</translation>
    </message>
    <message>
        <source>A zip entry&apos;s name climbs out of the archive (.., an absolute path, a drive).</source>
        <translation>Der Name eines ZIP-Eintrags führt aus dem Archiv heraus (.., ein absoluter Pfad, ein Laufwerk).</translation>
    </message>
    <message>
        <source>Two pickles under one name: torch.load reads one, another tool may check the other.</source>
        <translation>Zwei Pickles unter einem Namen: torch.load liest eines, ein anderes Werkzeug prüft vielleicht das andere.</translation>
    </message>
    <message>
        <source>A zip entry has the encrypted flag: no checkpoint writer sets it.</source>
        <translation>Ein ZIP-Eintrag trägt das Verschlüsselungs-Flag: kein Checkpoint-Schreiber setzt es.</translation>
    </message>
    <message>
        <source>A zip record&apos;s CRC, sizes, name or offsets disagree with the bytes.</source>
        <translation>CRC, Größen, Name oder Offsets eines ZIP-Eintrags widersprechen den Bytes.</translation>
    </message>
    <message>
        <source>Two zip entries share a name.</source>
        <translation>Zwei ZIP-Einträge haben denselben Namen.</translation>
    </message>
    <message>
        <source>Bytes before a zip archive&apos;s first record or after its end record.</source>
        <translation>Bytes vor dem ersten Eintrag eines ZIP-Archivs oder nach seinem Endeintrag.</translation>
    </message>
    <message>
        <source>A zip archive hidden after the bytes of something else.</source>
        <translation>Ein ZIP-Archiv, versteckt hinter den Bytes von etwas anderem.</translation>
    </message>
    <message>
        <source>The file ends before the bytes its own records promise.</source>
        <translation>Die Datei endet vor den Bytes, die ihre eigenen Einträge versprechen.</translation>
    </message>
    <message>
        <source>A safetensors header with overlapping or unclaimed bytes, a duplicate name, sizes that disagree with dtype and shape, or a length past the file.</source>
        <translation>Ein safetensors-Header mit überlappenden oder herrenlosen Bytes, einem doppelten Namen, Größen, die Datentyp und Form widersprechen, oder einer Länge über die Datei hinaus.</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>%1, byte %2</source>
        <translation>%1, Byte %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>torch.load would call %1(%2)</source>
        <translation>torch.load würde %1(%2) aufrufen</translation>
    </message>
    <message>
        <source>imports %1 without calling it; torch.load would import it</source>
        <translation>importiert %1, ohne es aufzurufen; torch.load würde es importieren</translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %n class(es) and function(s) outside its allowlist: %1</source>
        <translation>
            <numerusform>braucht weights_only=False für %n Klasse oder Funktion außerhalb der Liste: %1</numerusform>
            <numerusform>braucht weights_only=False für %n Klassen und Funktionen außerhalb der Liste: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs weights_only=False for %1, which makes plain data (%n place(s))</source>
        <translation>
            <numerusform>braucht weights_only=False für %1, das einfache Daten erzeugt (%n Stelle)</numerusform>
            <numerusform>braucht weights_only=False für %1, das einfache Daten erzeugt (%n Stellen)</numerusform>
        </translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>keine solche Datei und kein solcher Ordner</translation>
    </message>
</context>
<context>
    <name>Spectrum</name>
    <message>
        <source>a spectrum needs real floating-point weights</source>
        <translation>ein Spektrum braucht reelle Gleitkomma-Gewichte</translation>
    </message>
    <message>
        <source>a spectrum needs a matrix (two or more axes)</source>
        <translation>ein Spektrum braucht eine Matrix (zwei oder mehr Achsen)</translation>
    </message>
    <message>
        <source>the tensor is empty</source>
        <translation>der Tensor ist leer</translation>
    </message>
    <message>
        <source>%1 elements is more than a spectrum is computed for (%2)</source>
        <translation>%1 Elemente sind mehr, als für ein Spektrum berechnet wird (%2)</translation>
    </message>
    <message>
        <source>the file holds no data for this tensor</source>
        <translation>die Datei enthält keine Daten für diesen Tensor</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the matrix holds NaN or infinite values</source>
        <translation>die Matrix enthält NaN oder unendliche Werte</translation>
    </message>
    <message>
        <source>the eigenvalue solver did not converge</source>
        <translation>der Eigenwertlöser hat nicht konvergiert</translation>
    </message>
</context>
<context>
    <name>StateDictWriter</name>
    <message>
        <source>%1: cannot save this element type</source>
        <translation>%1: dieser Elementtyp kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot read the tensors&apos; bytes</source>
        <translation>die Bytes der Tensoren können nicht gelesen werden</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>TensorInfo</name>
    <message>
        <source>scale %1, zero point %2</source>
        <translation>Skala %1, Nullpunkt %2</translation>
    </message>
    <message>
        <source>per channel, axis %1, %2 scales</source>
        <translation>kanalweise, Achse %1, %2 Skalen</translation>
    </message>
    <message>
        <source>%1: unknown element type</source>
        <translation>%1: unbekannter Elementtyp</translation>
    </message>
    <message>
        <source>%1: shape and stride ranks differ</source>
        <translation>%1: Form und Schrittweiten haben verschiedene Ränge</translation>
    </message>
    <message>
        <source>%1: negative size or stride</source>
        <translation>%1: negative Größe oder Schrittweite</translation>
    </message>
    <message>
        <source>%1: more than 2^40 elements</source>
        <translation>%1: mehr als 2^40 Elemente</translation>
    </message>
    <message>
        <source>%1: negative storage offset</source>
        <translation>%1: negativer Speicheroffset</translation>
    </message>
    <message>
        <source>%1: a quint4x2 view must start on a byte and be contiguous</source>
        <translation>%1: eine quint4x2-Sicht muss an einer Bytegrenze beginnen und zusammenhängend sein</translation>
    </message>
    <message>
        <source>%1: view reaches past the end of its storage</source>
        <translation>%1: die Sicht reicht über das Ende ihres Speichers hinaus</translation>
    </message>
</context>
<context>
    <name>TensorSlice</name>
    <message>
        <source>bad slice item &apos;%1&apos; in &apos;%2&apos; (use integers and start:stop:step)</source>
        <translation>ungültiger Slice-Eintrag &apos;%1&apos; in &apos;%2&apos; (verwenden Sie Ganzzahlen und start:stop:step)</translation>
    </message>
    <message>
        <source>slice step cannot be zero in &apos;%1&apos;</source>
        <translation>die Slice-Schrittweite darf in &apos;%1&apos; nicht null sein</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n axes; the slice names more</source>
        <translation>
            <numerusform>%1 hat %n Achse; der Slice nennt mehr</numerusform>
            <numerusform>%1 hat %n Achsen; der Slice nennt mehr</numerusform>
        </translation>
    </message>
    <message>
        <source>index %1 is out of range for axis %2 of size %3</source>
        <translation>Index %1 liegt außerhalb von Achse %2 der Größe %3</translation>
    </message>
</context>
<context>
    <name>TensorValuesModel</name>
    <message>
        <source>[%1]  %2
exact: %3
bits: %4</source>
        <translation>[%1]  %2
exakt: %3
Bits: %4</translation>
    </message>
    <message>
        <source>
stored integer: %1</source>
        <translation>
gespeicherte Ganzzahl: %1</translation>
    </message>
    <message>
        <source>
imaginary part: %1</source>
        <translation>
Imaginärteil: %1</translation>
    </message>
</context>
<context>
    <name>TorchBridge</name>
    <message>
        <source>%1 not found</source>
        <translation>%1 nicht gefunden</translation>
    </message>
    <message>
        <source>writing TorchScript needs the LibTorch bridge (Debian: install the torchscope-torchscript package), which did not load: %1</source>
        <translation>das Schreiben von TorchScript braucht die LibTorch-Brücke (Debian: installieren Sie das Paket torchscope-torchscript), die nicht geladen wurde: %1</translation>
    </message>
    <message>
        <source>the model has no tensor %1</source>
        <translation>das Modell hat keinen Tensor %1</translation>
    </message>
    <message>
        <source>%1: another shape or size than the model&apos;s</source>
        <translation>%1: andere Form oder Größe als im Modell</translation>
    </message>
    <message>
        <source>no submodule %1</source>
        <translation>kein Untermodul %1</translation>
    </message>
</context>
<context>
    <name>ValueExport</name>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: no NumPy type for %2</source>
        <translation>%1: kein NumPy-Typ für %2</translation>
    </message>
    <message>
        <source>%1 has no data in this file</source>
        <translation>%1 hat in dieser Datei keine Daten</translation>
    </message>
</context>
<context>
    <name>WeightsOnly</name>
    <message>
        <source>the whole file</source>
        <translation>die ganze Datei</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (bei %2)</translation>
    </message>
</context>
<context>
    <name>WeightsOnlySafeWriter</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>a value that contains itself</source>
        <translation>ein Wert, der sich selbst enthält</translation>
    </message>
    <message>
        <source>%1: %2, left out</source>
        <translation>%1: %2, weggelassen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the whole file</source>
        <translation>die ganze Datei</translation>
    </message>
    <message>
        <source>a reference to %1</source>
        <translation>ein Verweis auf %1</translation>
    </message>
    <message>
        <source>a bare storage</source>
        <translation>ein bloßer Speicher</translation>
    </message>
    <message>
        <source>a frozenset, written as a set</source>
        <translation>ein frozenset, als set geschrieben</translation>
    </message>
    <message>
        <source>an entry whose key is not a plain value</source>
        <translation>ein Eintrag, dessen Schlüssel kein einfacher Wert ist</translation>
    </message>
    <message>
        <source>a tensor Torchscope did not read</source>
        <translation>ein Tensor, den Torchscope nicht gelesen hat</translation>
    </message>
    <message>
        <source>a quantized tensor</source>
        <translation>ein quantisierter Tensor</translation>
    </message>
    <message>
        <source>an instance of %1 without attributes</source>
        <translation>eine Instanz von %1 ohne Attribute</translation>
    </message>
    <message>
        <source>an instance of %1, written as a dict of its attributes</source>
        <translation>eine Instanz von %1, als dict ihrer Attribute geschrieben</translation>
    </message>
    <message>
        <source>a %1 of unexpected parts</source>
        <translation>ein %1 aus unerwarteten Teilen</translation>
    </message>
    <message>
        <source>a %1, written as the string &quot;%2&quot;</source>
        <translation>ein %1, als der String &quot;%2&quot; geschrieben</translation>
    </message>
    <message>
        <source>the result of %1</source>
        <translation>das Ergebnis von %1</translation>
    </message>
    <message>
        <source>a numpy scalar of a type without a plain value</source>
        <translation>ein numpy-Skalar eines Typs ohne einfachen Wert</translation>
    </message>
    <message>
        <source>a numpy %1 scalar, written as a plain value</source>
        <translation>ein numpy-%1-Skalar, als einfacher Wert geschrieben</translation>
    </message>
    <message>
        <source>a numpy array of objects or an unknown layout</source>
        <translation>ein numpy-Array aus Objekten oder in unbekanntem Aufbau</translation>
    </message>
    <message>
        <source>a numpy array of a bad shape</source>
        <translation>ein numpy-Array mit ungültiger Form</translation>
    </message>
    <message>
        <source>a numpy array of a type torch has no tensor for</source>
        <translation>ein numpy-Array eines Typs, für den torch keinen Tensor hat</translation>
    </message>
    <message>
        <source>a numpy %1 array, written as a tensor</source>
        <translation>ein numpy-%1-Array, als Tensor geschrieben</translation>
    </message>
    <message>
        <source>nothing in the file can be copied</source>
        <translation>nichts in der Datei lässt sich kopieren</translation>
    </message>
    <message>
        <source>an instance of %1, written as a dict of its items</source>
        <translation>eine Instanz von %1, als dict ihrer Einträge geschrieben</translation>
    </message>
</context>
<context>
    <name>ZipArchiveReader</name>
    <message>
        <source>truncated zip archive: too short for an end-of-directory record</source>
        <translation>abgeschnittenes Zip-Archiv: zu kurz für einen Verzeichnisende-Eintrag</translation>
    </message>
    <message>
        <source>truncated or corrupt zip archive: end of central directory not found</source>
        <translation>abgeschnittenes oder beschädigtes Zip-Archiv: Ende des zentralen Verzeichnisses nicht gefunden</translation>
    </message>
    <message>
        <source>corrupt zip archive: ZIP64 end record outside the file</source>
        <translation>beschädigtes Zip-Archiv: ZIP64-Endeintrag außerhalb der Datei</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad ZIP64 end record</source>
        <translation>beschädigtes Zip-Archiv: ungültiger ZIP64-Endeintrag</translation>
    </message>
    <message>
        <source>truncated zip archive: central directory lies outside the file</source>
        <translation>abgeschnittenes Zip-Archiv: das zentrale Verzeichnis liegt außerhalb der Datei</translation>
    </message>
    <message>
        <source>corrupt zip archive: absurd entry count</source>
        <translation>beschädigtes Zip-Archiv: unsinnige Anzahl von Einträgen</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad central directory entry</source>
        <translation>beschädigtes Zip-Archiv: ungültiger Eintrag im zentralen Verzeichnis</translation>
    </message>
    <message>
        <source>corrupt zip archive: central directory entry overruns the directory</source>
        <translation>beschädigtes Zip-Archiv: ein Eintrag ragt über das zentrale Verzeichnis hinaus</translation>
    </message>
    <message>
        <source>encrypted zip entries are not supported</source>
        <translation>verschlüsselte Zip-Einträge werden nicht unterstützt</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad extra field</source>
        <translation>beschädigtes Zip-Archiv: ungültiges Zusatzfeld</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad ZIP64 extra field</source>
        <translation>beschädigtes Zip-Archiv: ungültiges ZIP64-Zusatzfeld</translation>
    </message>
    <message>
        <source>truncated zip archive: entry %1 lies outside the file</source>
        <translation>abgeschnittenes Zip-Archiv: Eintrag %1 liegt außerhalb der Datei</translation>
    </message>
    <message>
        <source>corrupt zip archive: bad local header for %1</source>
        <translation>beschädigtes Zip-Archiv: ungültiger lokaler Kopf für %1</translation>
    </message>
    <message>
        <source>truncated zip archive: data of %1 reaches past the end of the file</source>
        <translation>abgeschnittenes Zip-Archiv: die Daten von %1 reichen über das Dateiende hinaus</translation>
    </message>
    <message>
        <source>unsupported compression method %1 for %2</source>
        <translation>nicht unterstützte Kompressionsmethode %1 für %2</translation>
    </message>
    <message>
        <source>corrupt zip archive: stored entry %1 has mismatched sizes</source>
        <translation>beschädigtes Zip-Archiv: der unkomprimierte Eintrag %1 hat widersprüchliche Größen</translation>
    </message>
    <message>
        <source>corrupt zip archive: duplicate entry %1</source>
        <translation>beschädigtes Zip-Archiv: doppelter Eintrag %1</translation>
    </message>
    <message>
        <source>empty zip archive</source>
        <translation>leeres Zip-Archiv</translation>
    </message>
    <message>
        <source>hostile zip archive: entry &apos;%1&apos; points outside the archive</source>
        <translation>feindseliges Zip-Archiv: Eintrag &apos;%1&apos; zeigt aus dem Archiv heraus</translation>
    </message>
    <message>
        <source>not a PyTorch archive: entry &apos;%1&apos; is not inside a folder</source>
        <translation>kein PyTorch-Archiv: Eintrag &apos;%1&apos; liegt in keinem Ordner</translation>
    </message>
    <message>
        <source>not a PyTorch archive: entry &apos;%1&apos; is outside the folder &apos;%2&apos; of the others</source>
        <translation>kein PyTorch-Archiv: Eintrag &apos;%1&apos; liegt außerhalb des Ordners &apos;%2&apos; der übrigen</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes)</source>
        <translation>%1 ist zu groß (%2 Bytes)</translation>
    </message>
    <message>
        <source>cannot start decompression</source>
        <translation>Dekompression kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>corrupt compressed data in %1</source>
        <translation>beschädigte komprimierte Daten in %1</translation>
    </message>
    <message>
        <source>corrupt zip archive: CRC mismatch in %1</source>
        <translation>beschädigtes Zip-Archiv: CRC-Fehler in %1</translation>
    </message>
    <message>
        <source>corrupt zip archive: %1 claims %2 bytes uncompressed</source>
        <translation>beschädigtes Zip-Archiv: %1 gibt %2 Bytes unkomprimiert an</translation>
    </message>
</context>
<context>
    <name>ZipWriter</name>
    <message>
        <source>more data than the record holds</source>
        <translation>mehr Daten, als der Eintrag fasst</translation>
    </message>
    <message>
        <source>a record ended before all its data was written</source>
        <translation>ein Eintrag endete, bevor alle seine Daten geschrieben waren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore PyTorch checkpoints.</source>
        <translation>PyTorch-Checkpoints erkunden.</translation>
    </message>
    <message>
        <source>Checkpoint to open.</source>
        <translation>Zu öffnender Checkpoint.</translation>
    </message>
    <message>
        <source>Open the built-in example model.</source>
        <translation>Das eingebaute Beispielmodell öffnen.</translation>
    </message>
    <message>
        <source>Show Torchscope in this language (e.g. zh_CN, de, en) instead of the system&apos;s.</source>
        <translation>Torchscope in dieser Sprache (z. B. zh_CN, de, en) statt der des Systems zeigen.</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointDocument</name>
    <message>
        <source>config.json says %1 hidden layers, but the checkpoint holds %2 blocks in %3</source>
        <translation>config.json nennt %1 verborgene Schichten, aber der Checkpoint enthält %2 Blöcke in %3</translation>
    </message>
    <message>
        <source>config.json says %1 hidden layers, but the checkpoint holds no numbered blocks</source>
        <translation>config.json nennt %1 verborgene Schichten, aber der Checkpoint enthält keine nummerierten Blöcke</translation>
    </message>
    <message numerus="yes">
        <source>%n parameters</source>
        <translation>
            <numerusform>%n Parameter</numerusform>
            <numerusform>%n Parameter</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>%1 auftauen</translation>
    </message>
    <message>
        <source>Freeze %1</source>
        <translation>%1 einfrieren</translation>
    </message>
    <message>
        <source>Freeze all except %1</source>
        <translation>Alles außer %1 einfrieren</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointValuesModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointValuesPanel</name>
    <message>
        <source>Filter by name (epoch, lr, config.…)</source>
        <translation>Nach Name filtern (epoch, lr, config.…)</translation>
    </message>
</context>
<context>
    <name>torchscope::CheckpointView</name>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Spektrum</translation>
    </message>
    <message>
        <source>&lt;b&gt;A plain pickle, not a PyTorch checkpoint.&lt;/b&gt; torch.load would run it as it unpickles it; Torchscope ran nothing and shows the values it holds.</source>
        <translation>&lt;b&gt;Ein einfaches Pickle, kein PyTorch-Checkpoint.&lt;/b&gt; torch.load würde es beim Entpickeln ausführen; Torchscope hat nichts ausgeführt und zeigt die Werte, die es enthält.</translation>
    </message>
    <message>
        <source>This is a weights-only file: it stores no requires_grad flags. PyTorch makes every parameter trainable when it loads these weights into a freshly built model.</source>
        <translation>Diese Datei enthält nur Gewichte: Sie speichert keine requires_grad-Flags. PyTorch macht jeden Parameter trainierbar, wenn es diese Gewichte in ein neu gebautes Modell lädt.</translation>
    </message>
    <message>
        <source>PyTorch&apos;s default torch.load (weights_only=True) refuses this file: %1. Save As a weights-only-safe copy to load it without that.</source>
        <translation>PyTorchs Standard-torch.load (weights_only=True) verweigert diese Datei: %1. Speichern Sie sie mit „Speichern unter“ als weights-only-sichere Kopie, um sie ohne das zu laden.</translation>
    </message>
    <message>
        <source>Checkpoint Values</source>
        <translation>Checkpoint-Werte</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>File &gt; Extract Model Weights saves the model&apos;s weights without the training state.</source>
        <translation>Datei &gt; Modellgewichte extrahieren speichert die Gewichte des Modells ohne den Trainingszustand.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Freezing here makes a freeze plan:&lt;/b&gt; this file will not store it. Take it to your training script with File &gt; Export Freeze Plan or Copy Freeze Plan as PyTorch Code, or save the weights with the plan beside them.</source>
        <translation>&lt;b&gt;Einfrieren ergibt hier einen Freeze-Plan:&lt;/b&gt; Diese Datei speichert ihn nicht. Übernehmen Sie ihn mit Datei &gt; Freeze-Plan exportieren oder Freeze-Plan als PyTorch-Code kopieren in Ihr Trainingsskript, oder speichern Sie die Gewichte mit dem Plan daneben.</translation>
    </message>
    <message>
        <source>%1 (pooled: every parameter)</source>
        <translation>%1 (gepoolt: jeder Parameter)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (pooled: %n tensor(s))</source>
        <translation>
            <numerusform>%1 (gepoolt: %n Tensor)</numerusform>
            <numerusform>%1 (gepoolt: %n Tensoren)</numerusform>
        </translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 &lt;span style=&apos;color:gray&apos;&gt;(%3)&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>torchscope::CompareWindow</name>
    <message>
        <source>%1 ↔ %2 — Compare</source>
        <translation>%1 ↔ %2 — Vergleich</translation>
    </message>
    <message>
        <source>e.g. module.</source>
        <translation>z. B. module.</translation>
    </message>
    <message>
        <source>e.g. model.</source>
        <translation>z. B. model.</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>Strip prefix:</source>
        <translation>Präfix entfernen:</translation>
    </message>
    <message>
        <source>Add prefix:</source>
        <translation>Präfix hinzufügen:</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Elements count as equal when |a − b| ≤ atol + rtol·|b|</source>
        <translation>Elemente gelten als gleich, wenn |a − b| ≤ atol + rtol·|b|</translation>
    </message>
    <message>
        <source>Absolute tolerance:</source>
        <translation>Absolute Toleranz:</translation>
    </message>
    <message>
        <source>Relative tolerance:</source>
        <translation>Relative Toleranz:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <source>Only show changed</source>
        <translation>Nur Geänderte zeigen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Tolerances are numbers of 0 or more.</source>
        <translation>Toleranzen sind Zahlen ab 0.</translation>
    </message>
    <message>
        <source>Comparing with %1…</source>
        <translation>Vergleiche mit %1…</translation>
    </message>
    <message>
        <source>Comparison canceled; the table shows the previous one.</source>
        <translation>Vergleich abgebrochen; die Tabelle zeigt den vorigen.</translation>
    </message>
    <message>
        <source>Comparison canceled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>%1 identical</source>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 converted</source>
        <translation>%1 konvertiert</translation>
    </message>
    <message>
        <source>%1 of another shape</source>
        <translation>%1 mit anderer Form</translation>
    </message>
    <message>
        <source>%1 only in A</source>
        <translation>%1 nur in A</translation>
    </message>
    <message>
        <source>%1 only in B</source>
        <translation>%1 nur in B</translation>
    </message>
    <message>
        <source>requires_grad differs for %1</source>
        <translation>requires_grad unterscheidet sich bei %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The checkpoints are equal.</source>
        <translation>Die Checkpoints sind gleich.</translation>
    </message>
    <message>
        <source>The checkpoints differ.</source>
        <translation>Die Checkpoints unterscheiden sich.</translation>
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
        <translation>%1: komplexe Tensoren werden verglichen, nicht gezeichnet</translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation>Berechne %1…</translation>
    </message>
    <message>
        <source>a − b</source>
        <translation>a − b</translation>
    </message>
    <message>
        <source>&lt;br&gt;max |a−b| %1&lt;br&gt;mean |a−b| %2&lt;br&gt;rel. L2 %3&lt;br&gt;changed %4 of %5&lt;br&gt;cosine %6</source>
        <translation>&lt;br&gt;max. |a−b| %1&lt;br&gt;mittl. |a−b| %2&lt;br&gt;rel. L2 %3&lt;br&gt;geändert %4 von %5&lt;br&gt;Kosinus %6</translation>
    </message>
    <message>
        <source>&lt;br&gt;a − b: mean %1, std %2</source>
        <translation>&lt;br&gt;a − b: Mittel %1, Std.-Abw. %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;A: mean %1, std %2</source>
        <translation>&lt;br&gt;A: Mittel %1, Std.-Abw. %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;B: mean %1, std %2</source>
        <translation>&lt;br&gt;B: Mittel %1, Std.-Abw. %2</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n names: %1.</source>
        <translation>
            <numerusform>%n Name: %1.</numerusform>
            <numerusform>%n Namen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n names of %1 match once “%2” is stripped.</source>
        <translation>
            <numerusform>%n Name aus %1 passt, wenn „%2“ entfernt wird.</numerusform>
            <numerusform>%n Namen aus %1 passen, wenn „%2“ entfernt wird.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 elements</source>
        <translation>
            <numerusform>%1 Element verglichen</numerusform>
            <numerusform>%1 Elemente verglichen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;%1: NaN %2, Inf %3</source>
        <translation>&lt;br&gt;%1: NaN %2, Inf %3</translation>
    </message>
</context>
<context>
    <name>torchscope::DiffTableModel</name>
    <message>
        <source>identical</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>nur in A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>nur in B</translation>
    </message>
    <message>
        <source>shape differs</source>
        <translation>andere Form</translation>
    </message>
    <message>
        <source>converted (dtype differs)</source>
        <translation>konvertiert (anderer dtype)</translation>
    </message>
    <message>
        <source>Identical bit for bit</source>
        <translation>Bitgenau gleich</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message>
        <source>identical (bits)</source>
        <translation>gleich (Bits)</translation>
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
        <translation>Anteil der Elemente außerhalb der Toleranzen</translation>
    </message>
    <message>
        <source>a·b / (||a|| ||b||)</source>
        <translation>a·b / (||a|| ||b||)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Max |a−b|</source>
        <translation>Max. |a−b|</translation>
    </message>
    <message>
        <source>Mean |a−b|</source>
        <translation>Mittl. |a−b|</translation>
    </message>
    <message>
        <source>Rel. L2</source>
        <translation>Rel. L2</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 elements differ</source>
        <translation>
            <numerusform>%1 von %2 Element verschieden</numerusform>
            <numerusform>%1 von %2 Elementen verschieden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::DiffTreeModel</name>
    <message>
        <source>(model)</source>
        <translation>(Modell)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Differ</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>Largest rel. change</source>
        <translation>Größte rel. Änderung</translation>
    </message>
</context>
<context>
    <name>torchscope::DocumentJobs</name>
    <message>
        <source>Saving %1…</source>
        <translation>Speichere %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
</context>
<context>
    <name>torchscope::FreezeBlocksDialog</name>
    <message>
        <source>Freeze Blocks of %1</source>
        <translation>Blöcke von %1 einfrieren</translation>
    </message>
    <message>
        <source>The &amp;first</source>
        <translation>Die &amp;ersten</translation>
    </message>
    <message>
        <source>The &amp;last</source>
        <translation>Die &amp;letzten</translation>
    </message>
    <message>
        <source>Blocks &amp;from</source>
        <translation>Blöcke &amp;von</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Einfrieren</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Freezes %1 (%2 of %3 blocks): %4 parameters in %5 tensors, %6 of them trainable now.</source>
        <translation>Friert %1 ein (%2 von %3 Blöcken): %4 Parameter in %5 Tensoren, davon %6 jetzt trainierbar.</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n numbered blocks. Freeze:</source>
        <translation>
            <numerusform>%1 enthält %n nummerierten Block. Einfrieren:</numerusform>
            <numerusform>%1 enthält %n nummerierte Blöcke. Einfrieren:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::FreezeController</name>
    <message>
        <source>Unfreeze “%1”</source>
        <translation>„%1“ auftauen</translation>
    </message>
    <message>
        <source>Freeze “%1”</source>
        <translation>„%1“ einfrieren</translation>
    </message>
    <message>
        <source>This model has no numbered blocks (a ModuleList or Sequential) to freeze</source>
        <translation>Dieses Modell hat keine nummerierten Blöcke (eine ModuleList oder Sequential) zum Einfrieren</translation>
    </message>
    <message>
        <source>Freeze blocks %1</source>
        <translation>Blöcke %1 einfrieren</translation>
    </message>
    <message>
        <source>Copied a PyTorch snippet that sets these requires_grad flags</source>
        <translation>PyTorch-Code kopiert, der diese requires_grad-Flags setzt</translation>
    </message>
    <message>
        <source>Export Freeze Plan</source>
        <translation>Einfrierplan exportieren</translation>
    </message>
    <message>
        <source>Freeze plans (*.json)</source>
        <translation>Einfrierpläne (*.json)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Freeze Blocks of %1…</source>
        <translation>Blöcke von %1 einfrieren…</translation>
    </message>
    <message>
        <source>Unfreeze all except “%1”</source>
        <translation>Alle außer „%1“ auftauen</translation>
    </message>
    <message>
        <source>Freeze all except “%1”</source>
        <translation>Alle außer „%1“ einfrieren</translation>
    </message>
</context>
<context>
    <name>torchscope::FreezePatternDialog</name>
    <message>
        <source>Freeze by Pattern</source>
        <translation>Nach Muster einfrieren</translation>
    </message>
    <message>
        <source>e.g. layer1.*  or  *.bias  or  model.layers.{0..23}.*</source>
        <translation>z. B. layer1.*  oder  *.bias  oder  model.layers.{0..23}.*</translation>
    </message>
    <message>
        <source>Glob (whole name)</source>
        <translation>Platzhaltermuster (ganzer Name)</translation>
    </message>
    <message>
        <source>Regular expression (whole name)</source>
        <translation>Regulärer Ausdruck (ganzer Name)</translation>
    </message>
    <message>
        <source>&amp;Freeze matches</source>
        <translation>Treffer &amp;einfrieren</translation>
    </message>
    <message>
        <source>&amp;Unfreeze matches</source>
        <translation>Treffer &amp;auftauen</translation>
    </message>
    <message>
        <source>Parameter names matching (the whole name must match):</source>
        <translation>Passende Parameternamen (der ganze Name muss passen):</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c00000&apos;&gt;Not a valid regular expression: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c00000&apos;&gt;Kein gültiger regulärer Ausdruck: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Matching parameters: %1 · elements: %2</source>
        <translation>Passende Parameter: %1 · Elemente: %2</translation>
    </message>
    <message>
        <source>Type a pattern to see what it matches.</source>
        <translation>Geben Sie ein Muster ein, um zu sehen, worauf es passt.</translation>
    </message>
    <message>
        <source>All &amp;except the matches</source>
        <translation>Alle &amp;außer den Treffern</translation>
    </message>
    <message>
        <source>Matching: %1 · applying to the other %2 parameters · elements: %3</source>
        <translation>Treffer: %1 · angewendet auf die übrigen %2 Parameter · Elemente: %3</translation>
    </message>
    <message>
        <source> · flags that would change: %1</source>
        <translation> · Flags, die sich ändern würden: %1</translation>
    </message>
</context>
<context>
    <name>torchscope::HealthReportModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Dtype</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2-Norm</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>Nullen</translation>
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
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Stable rank</source>
        <translation>Stabiler Rang</translation>
    </message>
    <message>
        <source>Effective rank</source>
        <translation>Effektiver Rang</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Number of elements</source>
        <translation>Anzahl der Elemente</translation>
    </message>
    <message>
        <source>Over the finite values; NaN and Inf are counted apart</source>
        <translation>Über die endlichen Werte; NaN und Inf werden getrennt gezählt</translation>
    </message>
    <message>
        <source>The L2 (Frobenius) norm: the square root of the sum of squares. Blocks of one model have norms of one size; a norm far from its siblings&apos; is flagged norm_outlier</source>
        <translation>Die L2-(Frobenius-)Norm: die Wurzel der Quadratsumme. Blöcke eines Modells haben Normen ähnlicher Größe; eine Norm weit weg von denen ihrer Geschwister wird als norm_outlier markiert</translation>
    </message>
    <message>
        <source>The share of values that are exactly zero: high in pruned weights, 100% in a bias still at its initial value</source>
        <translation>Der Anteil der Werte, die genau null sind: hoch bei beschnittenen Gewichten, 100 % bei einem Bias, der noch seinen Anfangswert hat</translation>
    </message>
    <message>
        <source>Values that are NaN or infinite: any at all make a forward pass give NaN, usually the trace of a diverged training step or an overflow in float16</source>
        <translation>Werte, die NaN oder unendlich sind: schon einer lässt einen Vorwärtsdurchlauf NaN ergeben, meist die Spur eines divergierten Trainingsschritts oder eines Überlaufs in float16</translation>
    </message>
    <message>
        <source>What the numbers point at (hover a cell for its own):</source>
        <translation>Worauf die Zahlen hinweisen (für die eigene einer Zelle mit der Maus darauf zeigen):</translation>
    </message>
    <message>
        <source>Stable rank, ||W||_F² / ||W||_2²: how many directions carry the weight&apos;s energy (1: one direction dominates; at most the smaller dimension)</source>
        <translation>Stabiler Rang, ||W||_F² / ||W||_2²: wie viele Richtungen die Energie des Gewichts tragen (1: eine Richtung dominiert; höchstens die kleinere Dimension)</translation>
    </message>
    <message>
        <source>Effective rank, exp of the entropy of the normalised singular values (Roy and Vetterli): how many singular values matter, counting their spread</source>
        <translation>Effektiver Rang, exp der Entropie der normierten Singulärwerte (Roy und Vetterli): wie viele Singulärwerte zählen, ihre Streuung berücksichtigt</translation>
    </message>
    <message>
        <source>Alpha: the exponent of a power law fitted to the tail of the eigenvalues of WᵀW (as WeightWatcher fits it). WeightWatcher reads 2 to 6 as usual for trained layers: below 2 over-fitted or over-trained, above 6 barely trained; random weights show no power-law tail at all. A reading, not a test: small layers give loose fits</source>
        <translation>Alpha: der Exponent eines Potenzgesetzes, angepasst an das Ende der Eigenwerte von WᵀW (wie WeightWatcher es anpasst). WeightWatcher liest 2 bis 6 als üblich für trainierte Schichten: unter 2 überangepasst oder übertrainiert, über 6 kaum trainiert; Zufallsgewichte zeigen gar kein Potenzgesetz. Eine Deutung, kein Test: kleine Schichten ergeben ungenaue Anpassungen</translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramPanel</name>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Number of bars; auto picks one from the number of values</source>
        <translation>Anzahl der Balken; auto wählt sie nach der Anzahl der Werte</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Log counts</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Draw a second tensor over this one, on the same bins</source>
        <translation>Einen zweiten Tensor über diesen zeichnen, mit denselben Klassen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>%1: complex tensors are listed, not plotted</source>
        <translation>%1: komplexe Tensoren werden aufgelistet, nicht gezeichnet</translation>
    </message>
    <message>
        <source>The range needs its low end below its high end</source>
        <translation>Die untere Grenze des Bereichs muss unter der oberen liegen</translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation>Berechne %1…</translation>
    </message>
    <message>
        <source>elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2-Norm</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>Nullen</translation>
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
        <translation>&lt;p style=&apos;color:#c00000&apos;&gt;NaN und Inf fließen nicht in Histogramm und Momente ein.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bins: %1</source>
        <translation>Klassen: %1</translation>
    </message>
    <message>
        <source>Export Histogram</source>
        <translation>Histogramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 values, %3 to read</source>
        <translation>
            <numerusform>%1: %2 Wert, %3 zu lesen</numerusform>
            <numerusform>%1: %2 Werte, %3 zu lesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%1, %2%3
%4 values</source>
        <translation>
            <numerusform>[%1, %2%3
%4 Wert</numerusform>
            <numerusform>[%1, %2%3
%4 Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Every parameter</source>
        <translation>Jeder Parameter</translation>
    </message>
    <message>
        <source>A module&apos;s histogram pools its weight matrices and convolution kernels (dimension ≥ 2): vectors such as a norm layer&apos;s weights of 1 and biases of 0 would stretch the range to them and squeeze the weights into a spike. Tick to pool every parameter.</source>
        <translation>Das Histogramm eines Moduls poolt seine Gewichtsmatrizen und Faltungskerne (Dimension ≥ 2): Vektoren wie die Gewichte 1 und Biases 0 einer Norm-Schicht würden den Bereich bis zu ihnen dehnen und die Gewichte zu einer Spitze stauchen. Ankreuzen, um jeden Parameter zu poolen.</translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramPlot</name>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Torchscope histogram</source>
        <translation>Torchscope-Histogramm</translation>
    </message>
    <message>
        <source>unknown image type &quot;%1&quot;: use .png, .pdf or .svg</source>
        <translation>unbekannter Bildtyp &quot;%1&quot;: verwenden Sie .png, .pdf oder .svg</translation>
    </message>
    <message>
        <source>%1: cannot write the image</source>
        <translation>%1: das Bild kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>torchscope::JobProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>torchscope::JobStatusStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>torchscope::LoadWeightsDialog</name>
    <message>
        <source>Load Weights Into Model</source>
        <translation>Gewichte ins Modell laden</translation>
    </message>
    <message>
        <source>Values from &lt;b&gt;%1&lt;/b&gt; go into the open model where a name, shape and dtype match, as &lt;tt&gt;load_state_dict&lt;/tt&gt; matches them; the requires_grad flags stay as they are. Nothing changes until you click Load, and Undo takes it back.</source>
        <translation>Werte aus &lt;b&gt;%1&lt;/b&gt; gehen in das offene Modell, wo Name, Form und dtype passen, so wie &lt;tt&gt;load_state_dict&lt;/tt&gt; sie zuordnet; die requires_grad-Flags bleiben, wie sie sind. Nichts ändert sich, bevor Sie auf Laden klicken, und Rückgängig nimmt es zurück.</translation>
    </message>
    <message>
        <source>e.g. module.</source>
        <translation>z. B. module.</translation>
    </message>
    <message>
        <source>e.g. model.</source>
        <translation>z. B. model.</translation>
    </message>
    <message>
        <source>&amp;Strict: refuse unless every name matches with its shape and dtype</source>
        <translation>&amp;Strikt: ablehnen, außer jeder Name passt samt Form und dtype</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Strip &amp;prefix from the file&apos;s names:</source>
        <translation>&amp;Präfix von den Namen der Datei entfernen:</translation>
    </message>
    <message>
        <source>&amp;Add prefix to the file&apos;s names:</source>
        <translation>Präfix zu den Namen der Datei &amp;hinzufügen:</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Missing from the file</source>
        <translation>Fehlt in der Datei</translation>
    </message>
    <message>
        <source>kept as they are</source>
        <translation>bleiben unverändert</translation>
    </message>
    <message>
        <source>Unexpected in the file</source>
        <translation>Unerwartet in der Datei</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>Another shape</source>
        <translation>Andere Form</translation>
    </message>
    <message>
        <source>Another dtype</source>
        <translation>Anderer dtype</translation>
    </message>
    <message>
        <source>take the file&apos;s values</source>
        <translation>erhalten die Werte der Datei</translation>
    </message>
</context>
<context>
    <name>torchscope::MainActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder: its checkpoint, with config.json</source>
        <translation>Einen Hugging-Face-Modellordner öffnen: seinen Checkpoint, mit config.json</translation>
    </message>
    <message>
        <source>&amp;Compare With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Compare the open checkpoint with another, tensor by tensor</source>
        <translation>Den offenen Checkpoint Tensor für Tensor mit einem anderen vergleichen</translation>
    </message>
    <message>
        <source>&amp;Load Weights Into Model…</source>
        <translation>&amp;Gewichte ins Modell laden…</translation>
    </message>
    <message>
        <source>Put the values of a weights-only file into the open model, as load_state_dict does</source>
        <translation>Die Werte einer Datei nur mit Gewichten in das offene Modell übernehmen, wie load_state_dict es tut</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Export Freeze &amp;Plan…</source>
        <translation>Einfrier&amp;plan exportieren…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the open file again from disk</source>
        <translation>Die offene Datei erneut von der Festplatte lesen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Freeze by &amp;Pattern…</source>
        <translation>Nach &amp;Muster einfrieren…</translation>
    </message>
    <message>
        <source>Freeze &amp;Blocks…</source>
        <translation>&amp;Blöcke einfrieren…</translation>
    </message>
    <message>
        <source>&amp;Copy Freeze Plan as PyTorch Code</source>
        <translation>Einfrierplan als PyTorch-Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Edit &amp;History</source>
        <translation>Bearbeitungs&amp;verlauf</translation>
    </message>
    <message>
        <source>Model &amp;Report</source>
        <translation>Modell&amp;bericht</translation>
    </message>
    <message>
        <source>Statistics and warning flags for every tensor of the model</source>
        <translation>Statistiken und Warnmarkierungen für jeden Tensor des Modells</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;Example Model</source>
        <translation>&amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <source>&amp;About Torchscope</source>
        <translation>&amp;Über Torchscope</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>E&amp;xtract Model Weights…</source>
        <translation>Modellgewichte e&amp;xtrahieren…</translation>
    </message>
    <message>
        <source>Save the weights of a training checkpoint&apos;s model (or its EMA copy) without the optimizer and the other training state</source>
        <translation>Die Gewichte des Modells eines Trainings-Checkpoints (oder seiner EMA-Kopie) ohne den Optimierer und den übrigen Trainingszustand speichern</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Write the changes back to the open file, in its own kind</source>
        <translation>Die Änderungen in die geöffnete Datei zurückschreiben, in ihrer eigenen Art</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Quick Start</source>
        <translation>&amp;Schnellstart</translation>
    </message>
    <message>
        <source>Sca&amp;n Folder…</source>
        <translation>Ordner prü&amp;fen…</translation>
    </message>
    <message>
        <source>List what every file under a folder would run on torch.load, and how sound its containers are</source>
        <translation>Auflisten, was jede Datei eines Ordners bei torch.load ausführen würde und wie heil ihre Container sind</translation>
    </message>
</context>
<context>
    <name>torchscope::MainWindow</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1 changed on disk; File &gt; Reload reads it again</source>
        <translation>%1 wurde auf der Festplatte geändert; Datei &gt; Neu laden liest es erneut</translation>
    </message>
    <message>
        <source>Opening canceled</source>
        <translation>Öffnen abgebrochen</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>Open Checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <source>Opening the example model…</source>
        <translation>Öffne das Beispielmodell…</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The requires_grad flags were changed and not saved. Discard the changes?</source>
        <translation>Die requires_grad-Flags wurden geändert und nicht gespeichert. Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Load Weights Into Model</source>
        <translation>Gewichte ins Modell laden</translation>
    </message>
    <message>
        <source>Cannot load weights</source>
        <translation>Gewichte können nicht geladen werden</translation>
    </message>
    <message>
        <source>not loaded yet (it loads for the first TorchScript save)</source>
        <translation>noch nicht geladen (wird beim ersten Speichern als TorchScript geladen)</translation>
    </message>
    <message>
        <source>About Torchscope</source>
        <translation>Über Torchscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Torchscope %1&lt;/h3&gt;&lt;p&gt;An explorer for PyTorch checkpoints: module tree, parameters, requires_grad flags, weights-only and entire-model export.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot %3 · LibTorch %4&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Torchscope %1&lt;/h3&gt;&lt;p&gt;Ein Explorer für PyTorch-Checkpoints: Modulbaum, Parameter, requires_grad-Flags, Export nur der Gewichte oder des ganzen Modells.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot %3 · LibTorch %4&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Torchscope</source>
        <translation>Torchscope</translation>
    </message>
    <message>
        <source>Example model</source>
        <translation>Beispielmodell</translation>
    </message>
    <message>
        <source>Total params: %1 (%2) · Trainable: %3 (%4) · Frozen: %5 (%6)</source>
        <translation>Parameter gesamt: %1 (%2) · Trainierbar: %3 (%4) · Eingefroren: %5 (%6)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>%1: save canceled</source>
        <translation>%1: Speichern abgebrochen</translation>
    </message>
    <message>
        <source>The requires_grad flags were changed and not saved. Save them before closing?</source>
        <translation>Die requires_grad-Flags wurden geändert und nicht gespeichert. Vor dem Schließen speichern?</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n tensors from %1</source>
        <translation>
            <numerusform>%n Tensor aus %1 geladen</numerusform>
            <numerusform>%n Tensoren aus %1 geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Extract Model Weights</source>
        <translation>Modellgewichte extrahieren</translation>
    </message>
    <message>
        <source>Save As: %1</source>
        <translation>Speichern unter: %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>%1 is a weights-only file: it cannot keep requires_grad flags. Save writes the weights back and the freeze plan beside them as %2.</source>
        <translation>%1 enthält nur Gewichte und kann keine requires_grad-Flags speichern. Speichern schreibt die Gewichte zurück und den Freeze-Plan daneben als %2.</translation>
    </message>
    <message>
        <source> · a plan, not in the file</source>
        <translation> · ein Plan, nicht in der Datei</translation>
    </message>
    <message>
        <source>Scan Folder</source>
        <translation>Ordner prüfen</translation>
    </message>
</context>
<context>
    <name>torchscope::ModulePane</name>
    <message>
        <source>Filter modules</source>
        <translation>Module filtern</translation>
    </message>
    <message>
        <source>Fold repeated blocks</source>
        <translation>Wiederholte Blöcke falten</translation>
    </message>
    <message>
        <source>Show each run of identical sibling blocks (a transformer&apos;s layers) as one row</source>
        <translation>Jede Folge gleicher Geschwisterblöcke (die Schichten eines Transformers) als eine Zeile zeigen</translation>
    </message>
</context>
<context>
    <name>torchscope::ModuleTreeModel</name>
    <message>
        <source>%1–%2: %3 identical blocks</source>
        <translation>%1–%2: %3 gleiche Blöcke</translation>
    </message>
    <message>
        <source>%1: %2 blocks with the same parameter names, shapes and dtypes</source>
        <translation>%1: %2 Blöcke mit denselben Parameternamen, Formen und dtypes</translation>
    </message>
    <message>
        <source>Unfreeze %1</source>
        <translation>%1 auftauen</translation>
    </message>
    <message>
        <source>Freeze %1</source>
        <translation>%1 einfrieren</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>Trainierbar</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message numerus="yes">
        <source>%1 parameters (%2)</source>
        <translation>
            <numerusform>%1 Parameter (%2)</numerusform>
            <numerusform>%1 Parameter (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::OptimizerPanel</name>
    <message>
        <source>parameter, down the model</source>
        <translation>Parameter, durch das Modell</translation>
    </message>
    <message>
        <source>next update ‖Δw‖ / ‖w‖</source>
        <translation>nächste Änderung ‖Δw‖ / ‖w‖</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Reading the optimizer&apos;s moments…</source>
        <translation>Lese die Momente des Optimierers…</translation>
    </message>
    <message>
        <source>No Adam-family optimizer state in this file.</source>
        <translation>Kein Optimiererzustand der Adam-Familie in dieser Datei.</translation>
    </message>
    <message>
        <source>%1 (%2): step %3, ‖exp_avg‖ %4, ‖√exp_avg_sq‖ %5; the next update is %6 of the weight&apos;s norm %7.</source>
        <translation>%1 (%2): Schritt %3, ‖exp_avg‖ %4, ‖√exp_avg_sq‖ %5; die nächste Änderung beträgt %6 der Gewichtsnorm %7.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n parameter(s) with state; select one to see its step, moments and next update.</source>
        <translation>
            <numerusform>%1 (%2): %n Parameter mit Zustand; wählen Sie einen, um Schritt, Momente und nächste Änderung zu sehen.</numerusform>
            <numerusform>%1 (%2): %n Parameter mit Zustand; wählen Sie einen, um Schritt, Momente und nächste Änderung zu sehen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ParameterPane</name>
    <message>
        <source>Filter parameters</source>
        <translation>Parameter filtern</translation>
    </message>
    <message>
        <source>Substring</source>
        <translation>Teilzeichenkette</translation>
    </message>
    <message>
        <source>Glob (whole name)</source>
        <translation>Platzhaltermuster (ganzer Name)</translation>
    </message>
    <message>
        <source>Regular expression (search)</source>
        <translation>Regulärer Ausdruck (Suche)</translation>
    </message>
</context>
<context>
    <name>torchscope::ParameterTableModel</name>
    <message>
        <source>%1 (tied to %2)</source>
        <translation>%1 (gebunden an %2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>DType</source>
        <translation>DType</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message numerus="yes">
        <source>%1 elements</source>
        <translation>
            <numerusform>%1 Element</numerusform>
            <numerusform>%1 Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 bytes</source>
        <translation>
            <numerusform>%1 Byte</numerusform>
            <numerusform>%1 Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
</context>
<context>
    <name>torchscope::QuickStartDialog</name>
    <message>
        <source>Quick Start</source>
        <translation>Schnellstart</translation>
    </message>
    <message>
        <source>&lt;h3&gt;1. Look inside a checkpoint&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2 a .pt, .pth, .bin, .ckpt or .safetensors file, or &lt;b&gt;%3&lt;/b&gt; a Hugging Face model folder. Nothing in the file is run. The tree shows the modules, the table their tensors; click one for its histogram, values and spectrum. &lt;b&gt;%4&lt;/b&gt;%5 flags NaN, infinite, zero and outlying tensors.&lt;/p&gt;&lt;h3&gt;2. Freeze layers&lt;/h3&gt;&lt;p&gt;Untick a module or a parameter, or use &lt;b&gt;%6&lt;/b&gt;%7 (for example &lt;tt&gt;model.layers.{0..23}.*&lt;/tt&gt;) and &lt;b&gt;%8&lt;/b&gt;. Each change can be undone%9. A file that cannot keep requires_grad flags gets a freeze plan: &lt;b&gt;%10&lt;/b&gt; writes it as JSON, &lt;b&gt;%11&lt;/b&gt; as PyTorch code.&lt;/p&gt;&lt;h3&gt;3. Export a checkpoint&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%12&lt;/b&gt;%13 writes the open file back in its own kind; &lt;b&gt;%14&lt;/b&gt;%15 writes the whole model or a module as weights (PyTorch, safetensors, shards, another dtype) or as an entire model; &lt;b&gt;%16&lt;/b&gt; takes a training checkpoint&apos;s model out of its optimizer state. The same from scripts: &lt;tt&gt;torchscope-cli info&lt;/tt&gt; and &lt;tt&gt;torchscope-cli export&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;1. In einen Checkpoint schauen&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;%2 eine .pt-, .pth-, .bin-, .ckpt- oder .safetensors-Datei, oder &lt;b&gt;%3&lt;/b&gt; einen Hugging-Face-Modellordner. Nichts aus der Datei wird ausgeführt. Der Baum zeigt die Module, die Tabelle ihre Tensoren; ein Klick zeigt Histogramm, Werte und Spektrum. &lt;b&gt;%4&lt;/b&gt;%5 markiert Tensoren mit NaN, unendlichen Werten, Nullen und Ausreißern.&lt;/p&gt;&lt;h3&gt;2. Schichten einfrieren&lt;/h3&gt;&lt;p&gt;Ein Modul oder einen Parameter abhaken, oder &lt;b&gt;%6&lt;/b&gt;%7 (zum Beispiel &lt;tt&gt;model.layers.{0..23}.*&lt;/tt&gt;) und &lt;b&gt;%8&lt;/b&gt; verwenden. Jede Änderung lässt sich rückgängig machen%9. Eine Datei, die keine requires_grad-Flags speichern kann, bekommt einen Freeze-Plan: &lt;b&gt;%10&lt;/b&gt; schreibt ihn als JSON, &lt;b&gt;%11&lt;/b&gt; als PyTorch-Code.&lt;/p&gt;&lt;h3&gt;3. Einen Checkpoint exportieren&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%12&lt;/b&gt;%13 schreibt die offene Datei in ihrer eigenen Art zurück; &lt;b&gt;%14&lt;/b&gt;%15 schreibt das ganze Modell oder ein Modul als Gewichte (PyTorch, safetensors, Shards, anderer Dtype) oder als ganzes Modell; &lt;b&gt;%16&lt;/b&gt; holt das Modell eines Trainings-Checkpoints aus seinem Optimiererzustand. Dasselbe aus Skripten: &lt;tt&gt;torchscope-cli info&lt;/tt&gt; und &lt;tt&gt;torchscope-cli export&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>torchscope::ReportWindow</name>
    <message>
        <source>Model Report — %1</source>
        <translation>Modellbericht — %1</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>Only flagged</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <source>Compute Spectra</source>
        <translation>Spektren berechnen</translation>
    </message>
    <message>
        <source>Singular values of every weight matrix: stable rank, effective rank and alpha</source>
        <translation>Singulärwerte jeder Gewichtsmatrix: stabiler Rang, effektiver Rang und Alpha</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Comma-separated values (*.csv)</source>
        <translation>Kommagetrennte Werte (*.csv)</translation>
    </message>
    <message>
        <source>Reading every tensor…</source>
        <translation>Lese jeden Tensor…</translation>
    </message>
    <message>
        <source>Canceled: no report.</source>
        <translation>Abgebrochen: kein Bericht.</translation>
    </message>
    <message>
        <source>Computing spectra…</source>
        <translation>Berechne Spektren…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors, %1 flagged</source>
        <translation>
            <numerusform>%n Tensor, %1 markiert</numerusform>
            <numerusform>%n Tensoren, %1 markiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::SaveAsDialog</name>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>&amp;Weights only (state_dict)</source>
        <translation>Nur &amp;Gewichte (state_dict)</translation>
    </message>
    <message>
        <source>&amp;Entire model (pickle, as torch.save(model) writes it)</source>
        <translation>Ganzes &amp;Modell (Pickle, wie torch.save(model) es schreibt)</translation>
    </message>
    <message>
        <source>&amp;Entire model (TorchScript)</source>
        <translation>Ganzes &amp;Modell (TorchScript)</translation>
    </message>
    <message>
        <source>Only models opened from TorchScript or from a torch.save(model) pickle can be saved as an entire model.</source>
        <translation>Nur aus TorchScript oder aus einem torch.save(model)-Pickle geöffnete Modelle lassen sich als ganzes Modell speichern.</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>PyTorch (torch.save, .pt / .pth / .bin)</source>
        <translation>PyTorch (torch.save, .pt / .pth / .bin)</translation>
    </message>
    <message>
        <source>safetensors (.safetensors)</source>
        <translation>safetensors (.safetensors)</translation>
    </message>
    <message>
        <source>Sharded safetensors (a folder, as save_pretrained writes it)</source>
        <translation>Geteiltes safetensors (ein Ordner, wie save_pretrained ihn schreibt)</translation>
    </message>
    <message>
        <source>Sharded PyTorch .bin (a folder, as save_pretrained writes it)</source>
        <translation>Geteiltes PyTorch-.bin (ein Ordner, wie save_pretrained ihn schreibt)</translation>
    </message>
    <message>
        <source>Largest shard:</source>
        <translation>Größter Shard:</translation>
    </message>
    <message>
        <source>Keep each tensor&apos;s dtype</source>
        <translation>dtype jedes Tensors beibehalten</translation>
    </message>
    <message>
        <source>Include buffers (running statistics and other non-parameter state)</source>
        <translation>Puffer einschließen (laufende Statistiken und anderer Zustand, der kein Parameter ist)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Dtype:</source>
        <translation>&amp;Dtype:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>&amp;Modul:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Save Checkpoint</source>
        <translation>Checkpoint speichern</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth *.bin);;safetensors, weights only (*.safetensors);;All files (*)</source>
        <translation>PyTorch-Checkpoints (*.pt *.pth *.bin);;safetensors, nur Gewichte (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights-only files keep no requires_grad flags.&lt;/b&gt; They hold names and tensors only, as &lt;tt&gt;module.state_dict()&lt;/tt&gt; gives them; PyTorch marks every parameter trainable when it loads them into a freshly built model.</source>
        <translation>&lt;b&gt;Dateien nur mit Gewichten behalten keine requires_grad-Flags.&lt;/b&gt; Sie enthalten nur Namen und Tensoren, wie &lt;tt&gt;module.state_dict()&lt;/tt&gt; sie liefert; PyTorch markiert jeden Parameter als trainierbar, wenn es sie in ein neu gebautes Modell lädt.</translation>
    </message>
    <message>
        <source>The file keeps the model&apos;s objects as the input pickled them (classes, attributes, buffers), the weights and each parameter&apos;s requires_grad flag as set here; load it with &lt;tt&gt;torch.load&lt;/tt&gt; where the model&apos;s classes can be imported.</source>
        <translation>Die Datei behält die Objekte des Modells, wie die Eingabe sie gepickelt hat (Klassen, Attribute, Puffer), die Gewichte und das requires_grad-Flag jedes Parameters, wie hier gesetzt; laden Sie sie mit &lt;tt&gt;torch.load&lt;/tt&gt; dort, wo sich die Klassen des Modells importieren lassen.</translation>
    </message>
    <message>
        <source>The file keeps the architecture, the weights and each parameter&apos;s requires_grad flag as set here; load it with &lt;tt&gt;torch.jit.load&lt;/tt&gt;.</source>
        <translation>Die Datei behält die Architektur, die Gewichte und das requires_grad-Flag jedes Parameters, wie hier gesetzt; laden Sie sie mit &lt;tt&gt;torch.jit.load&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Also write the requires_grad flags as a freeze plan beside it (%1)</source>
        <translation>Die requires_grad-Flags zusätzlich als Einfrierplan daneben schreiben (%1)</translation>
    </message>
    <message>
        <source>A torch.save zip: torch.load gives back the state_dict; tied weights share one storage.</source>
        <translation>Ein torch.save-Zip: torch.load liefert das state_dict zurück; gebundene Gewichte teilen sich einen Speicher.</translation>
    </message>
    <message>
        <source>safetensors holds names, dtypes, shapes and bytes only, loads without running code, and keeps the input&apos;s metadata; of tied weights, which it cannot share, the first name in sorted order is written and __metadata__ maps the others to it, as safetensors.torch.save_model does.</source>
        <translation>safetensors enthält nur Namen, dtypes, Formen und Bytes, lädt ohne Code auszuführen und behält die Metadaten der Eingabe; von gebundenen Gewichten, die es nicht teilen kann, wird der in Sortierreihenfolge erste Name geschrieben, und __metadata__ ordnet ihm die übrigen zu, wie safetensors.torch.save_model es tut.</translation>
    </message>
    <message>
        <source>A folder of shards no larger than the size given, and the index that maps each name to its shard, which from_pretrained and Torchscope read as one checkpoint.</source>
        <translation>Ein Ordner mit Shards, keiner größer als angegeben, und dem Index, der jeden Namen seinem Shard zuordnet; from_pretrained und Torchscope lesen ihn als einen Checkpoint.</translation>
    </message>
    <message>
        <source>Every tensor keeps its dtype, bit for bit.</source>
        <translation>Jeder Tensor behält seinen dtype, Bit für Bit.</translation>
    </message>
    <message>
        <source>Floating-point tensors become %1, rounded as tensor.to() rounds; integer, bool and quantized tensors keep theirs.</source>
        <translation>Gleitkomma-Tensoren werden zu %1, gerundet wie tensor.to() rundet; Ganzzahl-, Bool- und quantisierte Tensoren behalten ihren.</translation>
    </message>
    <message>
        <source>Buffers (batch-norm running statistics...) go along.</source>
        <translation>Puffer (laufende Statistiken der Batch-Norm …) kommen mit.</translation>
    </message>
    <message>
        <source>Buffers are left out: load_state_dict(strict=False) keeps the model&apos;s own.</source>
        <translation>Puffer werden weggelassen: load_state_dict(strict=False) behält die des Modells.</translation>
    </message>
    <message>
        <source>The whole file, loadable with weights_only=True (torch.save, values kept)</source>
        <translation>Die ganze Datei, ladbar mit weights_only=True (torch.save, Werte bleiben)</translation>
    </message>
    <message>
        <source>A torch.save zip of the whole file that PyTorch&apos;s default torch.load (weights_only=True) reads: every tensor as it is, numpy values as numbers and tensors, namespaces and config objects as dicts, paths as strings; anything else that stops torch.load is left out, and the save says what.</source>
        <translation>Ein torch.save-Zip der ganzen Datei, das PyTorchs Standard-torch.load (weights_only=True) liest: jeder Tensor wie er ist, numpy-Werte als Zahlen und Tensoren, Namespaces und Konfigurationsobjekte als dicts, Pfade als Strings; alles andere, was torch.load verhindert, wird weggelassen, und das Speichern sagt, was.</translation>
    </message>
    <message>
        <source>The model&apos;s weights</source>
        <translation>Die Gewichte des Modells</translation>
    </message>
    <message>
        <source>The model&apos;s weights (%1)</source>
        <translation>Die Gewichte des Modells (%1)</translation>
    </message>
    <message>
        <source>The EMA weights (%1), under the model&apos;s names</source>
        <translation>Die EMA-Gewichte (%1), unter den Namen des Modells</translation>
    </message>
    <message>
        <source>A module, or the whole file</source>
        <translation>Ein Modul oder die ganze Datei</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>&amp;Teil:</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the start of every name</source>
        <translation>&quot;%1&quot; am Anfang jedes Namens entfernen</translation>
    </message>
    <message>
        <source>Tensors: %1 · parameters: %2</source>
        <translation>Tensoren: %1 · Parameter: %2</translation>
    </message>
    <message>
        <source>parameters: %1 · trainable: %2</source>
        <translation>Parameter: %1 · trainierbar: %2</translation>
    </message>
    <message>
        <source>The whole model: %1 tensors · %2</source>
        <translation>Das ganze Modell: %1 Tensoren · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Only %1: %2 of %3 tensors&lt;/b&gt; · %4</source>
        <translation>&lt;b&gt;Nur %1: %2 von %3 Tensoren&lt;/b&gt; · %4</translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsModel</name>
    <message>
        <source>No findings: nothing here would run code on torch.load, and every container is sound.</source>
        <translation>Keine Befunde: nichts hier würde bei torch.load Code ausführen, und jeder Container ist heil.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFindingsView</name>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Scan canceled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) scanned: </source>
        <translation>
            <numerusform>%n Datei geprüft: </numerusform>
            <numerusform>%n Dateien geprüft: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ScanFolderWindow</name>
    <message>
        <source>Scan of %1</source>
        <translation>Prüfung von %1</translation>
    </message>
    <message>
        <source>Every file under the folder, judged by its content, as torch.load would meet it. Double-click a finding to open its file.</source>
        <translation>Jede Datei des Ordners, nach ihrem Inhalt beurteilt, wie torch.load sie anträfe. Ein Doppelklick auf einen Befund öffnet seine Datei.</translation>
    </message>
</context>
<context>
    <name>torchscope::ShardsPanel</name>
    <message>
        <source>%1 is kept whole.</source>
        <translation>%1 liegt am Stück vor.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n box(es), drawn over its first and last dimensions, coloured by file</source>
        <translation>
            <numerusform>%1 %2: %n Block, über der ersten und letzten Dimension gezeichnet, nach Datei gefärbt</numerusform>
            <numerusform>%1 %2: %n Blöcke, über der ersten und letzten Dimension gezeichnet, nach Datei gefärbt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>torchscope::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>torchscope::SpectrumPanel</name>
    <message>
        <source>rank i</source>
        <translation>Rang i</translation>
    </message>
    <message>
        <source>singular value σᵢ</source>
        <translation>Singulärwert σᵢ</translation>
    </message>
    <message>
        <source>Compute Spectrum</source>
        <translation>Spektrum berechnen</translation>
    </message>
    <message>
        <source>Computing the singular values of %1…</source>
        <translation>Berechne die Singulärwerte von %1…</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Select a weight matrix to see its singular values.</source>
        <translation>Wählen Sie eine Gewichtsmatrix, um ihre Singulärwerte zu sehen.</translation>
    </message>
    <message>
        <source>%1 × %2 matrix · stable rank %3 · effective rank %4</source>
        <translation>%1 × %2-Matrix · stabiler Rang %3 · effektiver Rang %4</translation>
    </message>
    <message>
        <source> · alpha %1 (power-law tail of the %2 largest eigenvalues, KS distance %3)</source>
        <translation> · Alpha %1 (Potenzgesetz-Ende der %2 größten Eigenwerte, KS-Abstand %3)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 elements; the spectrum is computed on request.</source>
        <translation>
            <numerusform>%1: %2 Element; das Spektrum wird auf Anfrage berechnet.</numerusform>
            <numerusform>%1: %2 Elemente; das Spektrum wird auf Anfrage berechnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>: below 2, over-fitted by WeightWatcher&apos;s reading</source>
        <translation>: unter 2, nach WeightWatcher überangepasst</translation>
    </message>
    <message>
        <source>: above 6, barely trained by WeightWatcher&apos;s reading</source>
        <translation>: über 6, nach WeightWatcher kaum trainiert</translation>
    </message>
    <message>
        <source>: within 2 to 6, usual for trained layers</source>
        <translation>: zwischen 2 und 6, üblich für trainierte Schichten</translation>
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
        <translation>Offsets</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Größen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>torchscope::TrainingLogPanel</name>
    <message>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>This checkpoint holds no training log.</source>
        <translation>Dieser Checkpoint enthält kein Trainingsprotokoll.</translation>
    </message>
    <message numerus="yes">
        <source>trainer_state.json&apos;s log_history: %n entry(ies) of loss. Also logged: %1.</source>
        <translation>
            <numerusform>log_history von trainer_state.json: %n Eintrag des Loss. Außerdem protokolliert: %1.</numerusform>
            <numerusform>log_history von trainer_state.json: %n Einträge des Loss. Außerdem protokolliert: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>nichts weiter</translation>
    </message>
</context>
<context>
    <name>torchscope::ValuesPanel</name>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
    <message>
        <source>Go to index, e.g. 3, 0, 7</source>
        <translation>Gehe zu Index, z. B. 3, 0, 7</translation>
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
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>This Plane as .npy or .csv…</source>
        <translation>Diese Ebene als .npy oder .csv…</translation>
    </message>
    <message>
        <source>Whole Tensor as .npy or .csv…</source>
        <translation>Ganzen Tensor als .npy oder .csv…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy as NumPy Array</source>
        <translation>Als NumPy-Array kopieren</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Select one tensor to see its values.</source>
        <translation>Wählen Sie einen Tensor, um seine Werte zu sehen.</translation>
    </message>
    <message>
        <source>The file holds no data for this tensor.</source>
        <translation>Die Datei enthält keine Daten für diesen Tensor.</translation>
    </message>
    <message>
        <source>The tensor is empty.</source>
        <translation>Der Tensor ist leer.</translation>
    </message>
    <message>
        <source>Only the first 2,147,483,647 rows or columns are shown; export or choose other axes for the rest.</source>
        <translation>Nur die ersten 2.147.483.647 Zeilen oder Spalten werden gezeigt; exportieren Sie den Rest oder wählen Sie andere Achsen.</translation>
    </message>
    <message>
        <source>axis %1 (%2)</source>
        <translation>Achse %1 (%2)</translation>
    </message>
    <message>
        <source>axis %1:</source>
        <translation>Achse %1:</translation>
    </message>
    <message>
        <source>%1 is not an index of this %2 tensor.</source>
        <translation>%1 ist kein Index dieses %2-Tensors.</translation>
    </message>
    <message>
        <source>%1 lies beyond the rows or columns the grid can show.</source>
        <translation>%1 liegt jenseits der Zeilen oder Spalten, die das Raster zeigen kann.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an index: give one whole number per axis.</source>
        <translation>&apos;%1&apos; ist kein Index: geben Sie eine ganze Zahl pro Achse an.</translation>
    </message>
    <message>
        <source>At %1.</source>
        <translation>Bei %1.</translation>
    </message>
    <message>
        <source>Searching for %1…</source>
        <translation>Suche %1…</translation>
    </message>
    <message>
        <source>Search canceled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>No %1 in this tensor.</source>
        <translation>Kein %1 in diesem Tensor.</translation>
    </message>
    <message>
        <source>%1 at %2 (searched on from the start).</source>
        <translation>%1 bei %2 (vom Anfang an weitergesucht).</translation>
    </message>
    <message>
        <source>%1 at %2.</source>
        <translation>%1 bei %2.</translation>
    </message>
    <message>
        <source>No heat map for this tensor.</source>
        <translation>Keine Heatmap für diesen Tensor.</translation>
    </message>
    <message>
        <source>Finding the range of %1…</source>
        <translation>Bestimme den Bereich von %1…</translation>
    </message>
    <message>
        <source>Too many cells to copy (at most %1); export instead.</source>
        <translation>Zu viele Zellen zum Kopieren (höchstens %1); exportieren Sie stattdessen.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Export a plane of %1</source>
        <translation>Eine Ebene von %1 exportieren</translation>
    </message>
    <message>
        <source>NumPy array (*.npy);;Comma-separated values (*.csv)</source>
        <translation>NumPy-Array (*.npy);;Kommagetrennte Werte (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Schreibe %1…</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 as float32, exactly).</source>
        <translation>%1 geschrieben (%2 exakt als float32).</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Export canceled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
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
        <translation>Blicken Sie in PyTorch-Checkpoints, ohne Python zu schreiben: der Modulbaum, jeder Parameter und Puffer, Histogramme der Gewichte. Frieren Sie Schichten per Klick oder Muster ein und speichern Sie nur die Gewichte oder das ganze Modell mit seinen requires_grad-Flags.</translation>
    </message>
    <message>
        <source>&amp;Open Checkpoint…</source>
        <translation>Checkpoint ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Modell&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Open the &amp;Example Model</source>
        <translation>Das &amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>Zuletzt geöffnet:</translation>
    </message>
    <message>
        <source>…or drop a checkpoint file or model folder anywhere on this window.</source>
        <translation>…oder ziehen Sie eine Checkpoint-Datei oder einen Modellordner irgendwo auf dieses Fenster.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
</context>
</TS>

#pragma once

#include "tensor/checkpointcontent.h"

#include <memory>

namespace torchscope {

class MappedFile;

// Whether the bytes start as a pickle stream does: a PROTO opcode (protocols 2 to 5), or an opcode a
// protocol 0 or 1 pickle starts with.
bool looksLikeBarePickle(const char *data, qint64 size);

// A plain pickle (what torch.load would unpickle, and so run, before any check): read with the safe
// interpreter and shown as a tree of the values it holds (dicts, lists, tuples, class records, the
// calls it would make), every refused call a warning. Consecutive pickles in one file are shown
// side by side. Fails, with where, only for bytes that are not a well-formed pickle.
bool readBarePickle(const std::shared_ptr<MappedFile> &file, CheckpointContent *out, QString *error);

} // namespace torchscope

// Reading one block of an input into a batch, with the input's importer.
#pragma once

#include <cstdint>

#include "ingest/framing.hpp"
#include "ingest/importer.hpp"
#include "ingest/post_batch.hpp"

namespace ror::ingest {

// Reads every item of `block` (cut by `framing`) with `importer` into `batch`. Throws ror::Error
// (bad input) naming the input and the line, column or JSON Pointer of the first problem.
void read_block(const InputText& block, const Framing& framing, const Importer& importer,
                std::uint8_t variant, PostBatch& batch);

}  // namespace ror::ingest

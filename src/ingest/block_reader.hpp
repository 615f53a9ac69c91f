// Reading one block of an input into a batch, with the input's importer.
#pragma once

#include <cstdint>
#include <functional>

#include "ingest/framing.hpp"
#include "ingest/importer.hpp"
#include "ingest/post_batch.hpp"

namespace ror::ingest {

// Reads every item of `block` (cut by `framing`) with `importer` into `batch`. Throws ror::Error
// (bad input) naming the input and the line, column or JSON Pointer of the first problem.
// `release`, when given, lets the pages of a stretch of the input go (bytes from the input's
// start, the end excluded): called for a text input's bytes once they are read.
using ReleaseBytes = std::function<void(std::uint64_t begin, std::uint64_t end)>;
void read_block(const InputText& block, const Framing& framing, const Importer& importer,
                std::uint8_t variant, PostBatch& batch, const ReleaseBytes& release = {});

}  // namespace ror::ingest

// A zstd stream decoded with libzstd's streaming API, frame after frame. Windows up to 2 GiB are
// accepted, as `zstd --long=31` writes them (Pushshift and Arctic Shift dumps); larger ones are
// refused before anything is allocated. A long window is one allocation as large as the frame's
// content (up to 2 GiB), libzstd's own: advising huge pages for it made the decode of a 1 GB
// `--long=31` file 1.0-1.4 s slower on the 2-core machines (docs/performance.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ingest/sources/stream.hpp"

typedef struct ZSTD_DCtx_s ZSTD_DCtx;

namespace ror::ingest {

// The decoded bytes of a zstd stream.
class ZstdStream final : public Stream {
 public:
  // Decodes `input`; `name` names it in messages. Throws ror::Error (bad input) for a corrupt or
  // truncated stream, a window over 2 GiB, or an expansion past `max_expansion` (ExpansionGuard).
  ZstdStream(std::string name, std::unique_ptr<Stream> input, std::uint64_t max_expansion);
  ~ZstdStream() override;

  std::size_t read(char* out, std::size_t n) override;
  void skip_rest() override;
  std::uint64_t consumed() const override { return input_->consumed(); }

 private:
  std::size_t decode(char* out, std::size_t n);
  void refill();

  std::string name_;
  std::unique_ptr<Stream> input_;
  ExpansionGuard guard_;
  ZSTD_DCtx* context_;
  std::vector<char> in_;
  std::size_t in_at_ = 0;
  std::size_t in_size_ = 0;
  std::uint64_t in_total_ = 0;  // compressed bytes taken from input_
  bool in_ended_ = false;
  std::size_t frame_left_ = 0;  // libzstd's hint: 0 between frames
  bool ended_ = false;
};

}  // namespace ror::ingest

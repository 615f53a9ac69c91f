// The ingest driver: reads each input in blocks, detects its format from the first block, cuts
// blocks at item boundaries, reads the blocks of a round in parallel, and merges them in order.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <sys/stat.h>

#include <fmt/format.h>

#include "ingest/dataset_builder.hpp"
#include "ingest/formats.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"

namespace ror {
namespace {

using ingest::DatasetBuilder;
using ingest::InputText;

constexpr std::size_t kDefaultBlock = std::size_t{8} << 20;
// The start of an input that format detection sees, whatever the block size.
constexpr std::size_t kDetectBytes = std::size_t{16} << 20;

// Newlines in a text (memchr jumps from one to the next, which is fast for long lines).
std::uint64_t count_newlines(std::string_view text) {
  std::uint64_t count = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++count;
    p = static_cast<const char*>(found) + 1;
  }
  return count;
}

// Bytes from a file, standard input, or memory, read in order.
class ByteSource {
 public:
  // Standard input for "-", else the file at path.
  static ByteSource open(const std::string& path) {
    if (path == "-") {
      return ByteSource(path, stdin, false);
    }
    errno = 0;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      throw input_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
    }
    return ByteSource(path, file, true);
  }
  // Bytes already in memory.
  static ByteSource memory(const std::string& name, std::string_view bytes) {
    ByteSource source(name, nullptr, false);
    source.memory_ = bytes;
    source.size_ = bytes.size();
    return source;
  }

  ByteSource(ByteSource&& other) noexcept
      : name_(std::move(other.name_)),
        file_(std::exchange(other.file_, nullptr)),
        owned_(other.owned_),
        memory_(other.memory_),
        size_(other.size_) {}
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ByteSource& operator=(ByteSource&&) = delete;
  ~ByteSource() {
    if (owned_ && file_ != nullptr) {
      std::fclose(file_);
    }
  }

  // Appends up to n bytes at out[at...]; returns how many. 0 means the end of the input.
  std::size_t read(char* out, std::size_t n) {
    if (file_ == nullptr) {
      const std::size_t k = std::min(n, memory_.size());
      std::memcpy(out, memory_.data(), k);
      memory_.remove_prefix(k);
      return k;
    }
    const std::size_t k = std::fread(out, 1, n, file_);
    if (k < n && std::ferror(file_) != 0) {
      throw input_error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)));
    }
    return k;
  }

  // How many bytes are left when that is known (memory, a regular file), else nullopt.
  std::optional<std::uint64_t> remaining() const {
    if (file_ == nullptr) {
      return memory_.size();
    }
    const std::uint64_t size = size_hint();
    const long at = std::ftell(file_);
    if (size == 0 || at < 0) {
      return std::nullopt;
    }
    return size > static_cast<std::uint64_t>(at) ? size - static_cast<std::uint64_t>(at) : 0;
  }

  // The total size when known (a regular file or memory), else 0.
  std::uint64_t size_hint() const {
    if (file_ == nullptr) {
      return size_;
    }
    struct stat st {};
    return ::fstat(::fileno(file_), &st) == 0 && S_ISREG(st.st_mode)
               ? static_cast<std::uint64_t>(st.st_size)
               : 0;
  }

  const std::string& name() const { return name_; }

 private:
  ByteSource(std::string name, std::FILE* file, bool owned)
      : name_(std::move(name)), file_(file), owned_(owned) {}

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::string_view memory_;
  std::uint64_t size_ = 0;
};

// One block of an input: its bytes (padded for simdjson) and where they sit in the input.
struct Block {
  std::string bytes;
  InputText text;
};

// Cuts one input into blocks: reads, frames, and carries a partial item to the next block.
class Blocker {
 public:
  Blocker(ByteSource& source, std::size_t block_size) : source_(source), block_(block_size) {}

  // Reads the start of the input (up to one block) and picks its format.
  const ingest::Format& detect() {
    fill(std::max(block_, kDetectBytes));
    InputText start = text_of(carry_);
    if (start.view().find_first_not_of(" \t\r\n") == std::string_view::npos) {
      throw input_error(fmt::format("empty input: {} holds no JSON", source_.name()));
    }
    for (const ingest::Format& format : ingest::formats()) {
      if (format.detect(start, eof_)) {
        framer_ = format.framer();
        return format;
      }
    }
    throw input_error(fmt::format("{}: unknown input format", source_.name()));
  }

  // Fills `block` with the next whole items; false when the input is exhausted.
  bool next(Block& block) {
    while (true) {
      if ((carry_.empty() && eof_) || framer_->error) {
        return false;
      }
      block.bytes.swap(carry_);
      carry_.clear();
      block.text = text_of(block.bytes);
      const std::size_t cut = framer_->cut(block.text, eof_);
      if (cut == 0 && !eof_ && !framer_->error) {
        // Not one whole item yet: read more (growing past the block size for a huge item).
        block.bytes.swap(carry_);
        fill();
        continue;
      }
      carry_.assign(block.bytes, cut, std::string::npos);
      block.bytes.resize(cut);
      block.bytes.reserve(cut + simdjson::SIMDJSON_PADDING);
      block.text.data = block.bytes.data();
      block.text.size = cut;
      block.text.capacity = block.bytes.capacity();
      advance(block.text.view());
      if (carry_.size() < block_) {
        fill();
      }
      return true;
    }
  }

  // Malformed structure met by the framer, reported after the blocks before it.
  void rethrow_framing_error() const {
    if (framer_->error) {
      std::rethrow_exception(framer_->error);
    }
  }

 private:
  // Reads until the carry holds `at_least` bytes (and twice what it held), or the input ends.
  void fill(std::size_t at_least = 0) {
    std::size_t want = std::max({block_, at_least, carry_.size() * 2});
    if (const auto left = source_.remaining()) {
      // No bigger than what is left (plus one byte, to see the end), so small inputs stay small.
      want = std::min<std::size_t>(want, carry_.size() + static_cast<std::size_t>(*left) + 1);
    }
    const std::size_t old = carry_.size();
    carry_.resize(want);
    std::size_t have = old;
    while (have < want && !eof_) {
      const std::size_t k = source_.read(carry_.data() + have, want - have);
      have += k;
      eof_ = k == 0;
    }
    carry_.resize(have);
    carry_.reserve(have + simdjson::SIMDJSON_PADDING);
  }

  InputText text_of(std::string& bytes) const {
    bytes.reserve(bytes.size() + simdjson::SIMDJSON_PADDING);
    InputText t;
    t.name = source_.name();
    t.data = bytes.data();
    t.size = bytes.size();
    t.capacity = bytes.capacity();
    t.first_line = line_;
    t.first_column = column_;
    t.input_start = offset_ == 0;
    return t;
  }

  // Moves the input position past `consumed`.
  void advance(std::string_view consumed) {
    offset_ += consumed.size();
    const std::size_t last = consumed.rfind('\n');
    if (last == std::string_view::npos) {
      column_ += consumed.size();
      return;
    }
    line_ += count_newlines(consumed);
    column_ = consumed.size() - last;
  }

  ByteSource& source_;
  std::size_t block_;
  std::unique_ptr<ingest::Framer> framer_;
  std::string carry_;
  bool eof_ = false;
  std::uint64_t offset_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t column_ = 1;
};

// Reads one block into its batch; an error is kept in the batch, to be rethrown by the merge in
// input order.
void parse_block(const ingest::Format& format, const Block& block, ingest::PostBatch& batch) {
  try {
    format.read(block.text, batch);
  } catch (...) {
    batch.error = std::current_exception();
  }
}

std::size_t thread_count(const LoadOptions& options) {
  if (options.threads > 0) {
    return options.threads;
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

// Milliseconds between calls.
class Stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Where the load spends its time: the busy time of each stage, summed over the threads that run
// it (the stages overlap), and the load's wall time.
struct Timings {
  double read_ms = 0;
  double parse_ms = 0;
  double merge_ms = 0;
  Stopwatch wall;
};

// The stages of one input's load, run by the calling thread: reading blocks, and merging batches
// in input order, with the progress report after each merge.
class Stages {
 public:
  Stages(ByteSource& source, const LoadOptions& options, DatasetBuilder& builder,
         std::uint64_t& done, std::uint64_t total, Timings& timings)
      : source_(source),
        options_(options),
        builder_(builder),
        done_(done),
        total_(total),
        timings_(timings),
        blocker_(source, options.block_bytes > 0 ? options.block_bytes : kDefaultBlock),
        format_(blocker_.detect()) {}

  const ingest::Format& format() const { return format_; }

  // Reads the next block; false at the end of the input.
  bool read(Block& block) {
    Stopwatch clock;
    const bool more = blocker_.next(block);
    timings_.read_ms += clock.lap();
    return more;
  }

  void parse(const Block& block, ingest::PostBatch& batch) {
    Stopwatch clock;
    parse_block(format_, block, batch);
    const double ms = clock.lap();
    const std::lock_guard<std::mutex> lock(timing_mutex_);
    timings_.parse_ms += ms;
  }

  // Merges the batch read from `block`.
  void merge(const Block& block, ingest::PostBatch&& batch) {
    Stopwatch clock;
    builder_.merge(std::move(batch));
    done_ += block.text.size;
    merged_bytes_ += block.text.size;
    builder_.plan(done_, total_);
    timings_.merge_ms += clock.lap();
    if (options_.progress) {
      options_.progress(done_, total_);
    }
  }

  // After the last block: reports a framing error, then notes the input as read.
  void finish() {
    blocker_.rethrow_framing_error();
    builder_.begin_source(source_.name(), std::string(format_.name), merged_bytes_);
  }

 private:
  ByteSource& source_;
  const LoadOptions& options_;
  DatasetBuilder& builder_;
  std::uint64_t& done_;
  const std::uint64_t total_;
  Timings& timings_;
  Blocker blocker_;
  const ingest::Format& format_;
  std::uint64_t merged_bytes_ = 0;
  std::mutex timing_mutex_;
};

// One thread does everything, block after block.
void run_sequential(Stages& stages) {
  Block block;
  while (stages.read(block)) {
    ingest::PostBatch batch{std::string(block.text.name)};
    stages.parse(block, batch);
    stages.merge(block, std::move(batch));
  }
  stages.finish();
}

// Parsing threads take blocks in input order from a ring of slots; the calling thread fills free
// slots with blocks and merges parsed slots in input order, so that reading, parsing and merging
// overlap. The ring bounds the memory held by blocks in flight.
class Pipeline {
 public:
  Pipeline(Stages& stages, std::size_t threads) : stages_(stages), slots_(threads + 1) {
    for (std::size_t i = 0; i < threads; ++i) {
      workers_.emplace_back([this] { work(); });
    }
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    queued_.notify_all();
    for (std::thread& t : workers_) {
      t.join();
    }
  }

  void run() {
    bool input_left = true;
    while (input_left || merged_ < read_) {
      // Read ahead while there is room and the next batch to merge is not ready; else merge.
      if (input_left && read_ < merged_ + slots_.size() && !head_parsed()) {
        input_left = read_one();
        continue;
      }
      {
        std::unique_lock<std::mutex> lock(mutex_);
        parsed_.wait(lock, [this] { return slots_[merged_ % slots_.size()].parsed; });
      }
      Slot& slot = slots_[merged_ % slots_.size()];
      stages_.merge(slot.block, std::move(*slot.batch));
      slot.batch.reset();
      ++merged_;
    }
    stages_.finish();
  }

 private:
  struct Slot {
    Block block;
    std::optional<ingest::PostBatch> batch;
    bool parsed = false;  // guarded by mutex_
  };

  // Reads a block into the next free slot and queues it; false at the end of the input.
  bool read_one() {
    Slot& slot = slots_[read_ % slots_.size()];
    if (!stages_.read(slot.block)) {
      return false;
    }
    slot.batch.emplace(std::string(slot.block.text.name));
    const std::lock_guard<std::mutex> lock(mutex_);
    slot.parsed = false;
    ++read_;
    queued_.notify_one();
    return true;
  }

  bool head_parsed() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return merged_ < read_ && slots_[merged_ % slots_.size()].parsed;
  }

  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      queued_.wait(lock, [this] { return stop_ || taken_ < read_; });
      if (stop_) {
        return;
      }
      Slot& slot = slots_[taken_ % slots_.size()];
      ++taken_;
      lock.unlock();
      stages_.parse(slot.block, *slot.batch);
      lock.lock();
      slot.parsed = true;
      parsed_.notify_one();
    }
  }

  Stages& stages_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable queued_;  // a block was read, or stop
  std::condition_variable parsed_;  // a batch was parsed
  std::size_t read_ = 0;            // blocks read (guarded by mutex_)
  std::size_t taken_ = 0;           // blocks taken by a parsing thread (guarded by mutex_)
  std::size_t merged_ = 0;          // batches merged (only the calling thread uses it)
  bool stop_ = false;               // guarded by mutex_
};

void read_input(ByteSource& source, const LoadOptions& options, DatasetBuilder& builder,
                std::uint64_t& done, std::uint64_t total, Timings& timings) {
  Stages stages(source, options, builder, done, total, timings);
  const std::size_t threads = thread_count(options);
  if (threads <= 1) {
    run_sequential(stages);
    return;
  }
  Pipeline pipeline(stages, threads);
  pipeline.run();
}

Dataset finish(DatasetBuilder& builder, const LoadOptions& options, Timings& timings) {
  Stopwatch clock;
  Dataset data = builder.finish(options);
  data.input.read_ms = timings.read_ms;
  data.input.parse_ms = timings.parse_ms;
  data.input.merge_ms = timings.merge_ms + clock.lap();
  data.input.load_ms = timings.wall.lap();
  if (data.input.posts_read == 0) {
    std::string names;
    for (const std::string& file : data.input.files) {
      names += names.empty() ? file : ", " + file;
    }
    throw input_error(fmt::format("empty input: no posts in {}", names));
  }
  return data;
}

}  // namespace

Dataset load_buffers(std::vector<NamedInput> inputs, const LoadOptions& options) {
  DatasetBuilder builder;
  Timings timings;
  std::uint64_t done = 0;
  std::uint64_t total = 0;
  for (const NamedInput& input : inputs) {
    total += input.bytes.size();
  }
  for (const NamedInput& input : inputs) {
    ByteSource source = ByteSource::memory(input.name, input.bytes);
    read_input(source, options, builder, done, total, timings);
  }
  return finish(builder, options, timings);
}

Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  DatasetBuilder builder;
  Timings timings;
  std::vector<ByteSource> sources;
  std::uint64_t total = 0;
  for (const std::string& path : paths) {
    sources.push_back(ByteSource::open(path));
    total += sources.back().size_hint();
  }
  std::uint64_t done = 0;
  for (ByteSource& source : sources) {
    read_input(source, options, builder, done, total, timings);
  }
  return finish(builder, options, timings);
}

}  // namespace ror

// The ingest driver: for each input, a Blocker cuts blocks of whole items, parsing threads turn
// blocks into batches, and the calling thread merges the batches in input order, all at once.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "ingest/blocker.hpp"
#include "ingest/sources/byte_source.hpp"
#include "ingest/dataset_builder.hpp"
#include "ingest/formats.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"

namespace ror {
namespace {

using ingest::Block;
using ingest::Blocker;
using ingest::ByteSource;
using ingest::DatasetBuilder;

constexpr std::size_t kDefaultBlock = std::size_t{4} << 20;

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

// The stages of one input's load: cutting blocks and merging batches in input order, with the
// progress report after each merge (the calling thread), and parsing a block (any thread).
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
  void merge(Block& block, ingest::PostBatch&& batch) {
    Stopwatch clock;
    if (block.text.first_line == 0) {
      // The block was cut without counting lines: its position is known now.
      block.text.first_line = position_.line;
      block.text.first_column = position_.column;
      if (batch.error) {
        // Read it again, for an error that names the right line.
        ingest::PostBatch again{std::string(block.text.name)};
        parse_block(format_, block, again);
        std::rethrow_exception(again.error != nullptr ? again.error : batch.error);
      }
      position_ = position_.after(batch.newlines, batch.tail_bytes);
    }
    builder_.merge(std::move(batch));
    blocker_.release(block);
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
  ingest::Position position_;  // of the next block to merge (formats that count lines)
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
  // Blocks in flight beyond one per parsing thread: the calling thread shares the cores with the
  // parsing threads, so it needs slack to keep them fed (more than three gained nothing).
  static constexpr std::size_t kSpareSlots = 3;

  Pipeline(Stages& stages, std::size_t threads) : stages_(stages), slots_(threads + kSpareSlots) {
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
    sources.push_back(ByteSource::open(path, options.map_bytes));
    total += sources.back().size_hint();
  }
  std::uint64_t done = 0;
  for (ByteSource& source : sources) {
    read_input(source, options, builder, done, total, timings);
  }
  return finish(builder, options, timings);
}

}  // namespace ror

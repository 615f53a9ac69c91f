// The ingest driver: for each input, a Blocker cuts blocks of whole items, parsing threads turn
// blocks into batches, and the calling thread merges the batches in input order, all at once.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "ingest/block_reader.hpp"
#include "ingest/blocker.hpp"
#include "ingest/dataset_builder.hpp"
#include "ingest/detect.hpp"
#include "ingest/importer.hpp"
#include "ingest/json_syntax.hpp"
#include "ingest/sources/byte_source.hpp"
#include "ingest/sources/source_list.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"

namespace ror {
namespace {

using ingest::Block;
using ingest::Blocker;
using ingest::ByteSource;
using ingest::DatasetBuilder;
using ingest::Detection;
using ingest::Importer;

// The inputs to read, one at a time: the next one, or nullptr when there are no more.
using SourceFeed = std::function<std::unique_ptr<ByteSource>()>;

// A block's bytes: large enough that a block's fixed costs vanish, small enough that the blocks in
// flight (one buffer a slot of the pipeline) stay a small part of the memory. 2 MiB against 4:
// the same time on 1 GB inputs, 9-18 MiB less at the peak (docs/performance.md).
constexpr std::size_t kDefaultBlock = std::size_t{2} << 20;

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

// An input being read: opened, detected and cut by the calling thread, read by any parsing
// thread, merged in order. It lives until its last block is merged.
struct OpenInput {
  std::unique_ptr<ByteSource> bytes;
  std::unique_ptr<Blocker> blocker;
  const Importer* importer = nullptr;
  Detection detection;
  ingest::SourceInfo info;
  std::size_t index = 0;      // its number among the inputs read
  std::exception_ptr error;   // an error opening it, reported when its turn comes
  std::string_view skip;      // why it is passed over (counted when its turn comes), or ""
  ingest::Position position;  // of the next block to merge (the lines framing)
  std::uint64_t merged_bytes = 0;
  // A small input read whole: its one block is detected and framed by the parsing thread that
  // reads it, which sets importer, detection, info, skip or error before the block is merged.
  bool deferred = false;
  bool given = false;  // deferred: its block was cut
  // Deferred, and read by the parsing thread that reads its one block: a small plain file
  // (opening and reading many small files is then not all on the calling thread).
  bool unread = false;
  // Read after every other input (Detection::comments_apart, with --account).
  bool parked = false;
  // Where its first value lies, when format detection walked it to its end (value_end 0: not).
  std::size_t value_begin = 0;
  std::size_t value_end = 0;
};

// A block of an input, or the end of it (`end`: no bytes, the input is finished), with the
// batch read from it.
struct Segment {
  Block block;
  OpenInput* input = nullptr;
  bool end = false;
  std::optional<ingest::PostBatch> batch;
};

// What one slot of the pipeline holds: one block of a large input, or the blocks and ends of
// several small ones, so that a folder of many small files costs few hand-overs between threads.
struct Piece {
  std::vector<Segment> segments;  // reused from piece to piece
  std::size_t count = 0;          // segments in use
};

// A piece takes the next segments until it holds a block's worth of bytes or this many.
constexpr std::size_t kSegmentsPerPiece = 64;

// The stages of a load: opening inputs and cutting blocks, and merging batches in input order,
// with the progress report after each merge (the calling thread); parsing a block (any thread).
class Stages {
 public:
  Stages(SourceFeed& feed, const LoadOptions& options, DatasetBuilder& builder, std::uint64_t total,
         Timings& timings)
      : feed_(feed),
        options_(options),
        builder_(builder),
        total_(total),
        timings_(timings),
        block_(options.block_bytes > 0 ? options.block_bytes : kDefaultBlock),
        forced_(options.from.empty() ? nullptr : ingest::find_importer(options.from)) {
    if (!options.from.empty() && forced_ == nullptr) {
      throw usage_error(fmt::format("--from {}: no such format (see ror formats)", options.from));
    }
  }

  // Whether batches keep texts and ids (LoadOptions::keep_details).
  bool keep_details() const { return options_.keep_details; }

  // Fills the next piece; false when every input is done.
  bool read(Piece& piece) {
    Stopwatch clock;
    piece.count = 0;
    std::size_t bytes = 0;
    while (piece.count < kSegmentsPerPiece && (piece.count == 0 || bytes < block_ / 2)) {
      if (piece.count == piece.segments.size()) {
        piece.segments.emplace_back();
      }
      Segment& segment = piece.segments[piece.count];
      if (!next(segment)) {
        break;
      }
      ++piece.count;
      bytes += segment.end             ? 0
               : segment.input->unread ? segment.input->bytes->size_hint()
                                       : segment.block.text.size;
    }
    timings_.read_ms += clock.lap();
    return piece.count > 0;
  }

  void parse(Piece& piece) {
    Stopwatch clock;
    for (std::size_t i = 0; i < piece.count; ++i) {
      Segment& segment = piece.segments[i];
      if (segment.end) {
        continue;
      }
      if (segment.input->unread) {
        read_whole(*segment.input, segment.block);
      }
      // (a batch merged before is let go here, not by the calling thread: freeing a batch's
      // records costs about a third of what merging them does)
      segment.batch.emplace(std::string(segment.block.text.name), options_.keep_details,
                            options_.keep_excerpts);
      if (segment.input->deferred) {
        detect_and_parse(*segment.input, segment.block, *segment.batch);
      } else {
        parse_block(*segment.input, segment.block, *segment.batch);
      }
    }
    const double ms = clock.lap();
    const std::lock_guard<std::mutex> lock(timing_mutex_);
    timings_.parse_ms += ms;
  }

  // Merges the batches read from a piece, in order.
  void merge(Piece& piece) {
    for (std::size_t i = 0; i < piece.count; ++i) {
      Segment& segment = piece.segments[i];
      merge(segment);
    }
  }

 private:
  // Merges the batch read from a segment (an input's end: finishes the input).
  void merge(Segment& piece) {
    Stopwatch clock;
    OpenInput& in = *piece.input;
    if (piece.end) {
      finish_input(in);
      timings_.merge_ms += clock.lap();
      return;
    }
    ingest::PostBatch& batch = *piece.batch;
    Block& block = piece.block;
    if (in.parked && !shedding_) {
      builder_.start_shedding(options_);  // every other input is merged
      shedding_ = true;
    }
    if (in.deferred) {
      if (in.importer == nullptr) {
        timings_.merge_ms += clock.lap();  // passed over, or failed: its end says so
        return;
      }
      planned(in);
    }
    if (block.text.first_line == 0) {
      // The block was cut without counting lines: its position is known now.
      block.text.first_line = in.position.line;
      block.text.first_column = in.position.column;
      if (batch.error) {
        // Read it again, for an error that names the right line.
        ingest::PostBatch again{std::string(block.text.name), options_.keep_details,
                                options_.keep_excerpts};
        parse_block(in, block, again);
        std::rethrow_exception(again.error != nullptr ? again.error : batch.error);
      }
      in.position = in.position.after(batch.newlines, batch.tail_bytes);
      batch.settle_line(block.text.first_line);
    }
    builder_.merge(std::move(batch), in.index, in.info);
    in.blocker->release(block);
    done_ += block.text.size;
    in.merged_bytes += block.text.size;
    builder_.plan(done_, total_);
    timings_.merge_ms += clock.lap();
    if (options_.progress) {
      options_.progress(done_, total_);
    }
  }

  // Reads a small plain file (OpenInput::unread) whole into its one block (an error is kept in
  // the input).
  static void read_whole(OpenInput& in, Block& block) {
    try {
      bool whole = false;
      in.blocker->head(whole);
      in.blocker->take_whole(block);
    } catch (const Error&) {
      in.error = std::current_exception();
    }
  }

  // A deferred input's one block: detects its format, frames it and reads it. What is decided
  // is kept in the input, an error in it or in the batch, for the merge.
  void detect_and_parse(OpenInput& in, Block& block, ingest::PostBatch& batch) const {
    if (in.error) {
      return;  // it could not be read
    }
    try {
      decide(in, block.text.view(), true);
    } catch (const Error&) {
      in.error = std::current_exception();
      return;
    }
    if (in.importer == nullptr) {
      return;
    }
    const ingest::Framing& framing = in.detection.framing;
    if (framing.kind == ingest::FramingKind::lines) {
      block.text.first_line = 0;  // its reader counts lines, settled at the merge
      block.text.first_column = 0;
    }
    const auto framer = ingest::make_framer(framing);
    if (in.value_end > 0) {
      framer->known_value(in.value_begin, in.value_end);  // (not walked twice)
    }
    try {
      block.text.size = framer->cut(block.text, true);
    } catch (...) {
      batch.error = std::current_exception();
      return;
    }
    parse_block(in, block, batch);
    if (batch.error == nullptr && framer->error) {
      batch.error = framer->error;  // after the items before it, as when cut by the Blocker
    }
  }

  // Reads one block into its batch; an error is kept in the batch, to be rethrown by the merge
  // in input order.
  static void parse_block(const OpenInput& in, const Block& block, ingest::PostBatch& batch) {
    try {
      // (a mapped input's pages are let go as a text importer reads past them; a block that
      // owns its bytes has none to let go, and its input may be mapped meanwhile, for a later
      // block: it does not touch the mapping)
      const ByteSource* source = in.bytes.get();
      ingest::ReleaseBytes release;
      if (block.bytes.empty()) {
        release = [source](std::uint64_t begin, std::uint64_t end) { source->release(begin, end); };
      }
      ingest::read_block(block.text, in.detection.framing, *in.importer, in.detection.variant,
                         batch, release);
    } catch (...) {
      batch.error = std::current_exception();
    }
  }

  bool next(Segment& piece) {
    while (true) {
      if (current_ == nullptr && !open_next()) {
        return false;
      }
      piece.input = current_;
      if (current_->deferred) {
        piece.end = current_->given;
        if (!piece.end) {
          if (!current_->unread) {
            current_->blocker->take_whole(piece.block);
          }
          current_->given = true;
        }
      } else {
        piece.end = current_->error != nullptr || !current_->skip.empty() ||
                    !current_->blocker->next(piece.block);
      }
      if (piece.end) {
        // (no bytes: the block's view of an earlier input must not outlive that input)
        piece.block.text = ingest::InputText{};
        piece.block.text.name = current_->bytes != nullptr
                                    ? std::string_view(current_->bytes->name())
                                    : std::string_view{};
        current_ = nullptr;
      }
      return true;
    }
  }

  // Opens the next input and chooses its importer (or notes why it is passed over); false when
  // there is none. With --account, a file of comments apart from their posts waits until every
  // other input is read (then the builder can drop the comments it will not keep as they come).
  bool open_next() {
    while (true) {
      if (feed_done_) {
        return false;
      }
      auto in = std::make_unique<OpenInput>();
      std::unique_ptr<ByteSource> bytes;
      try {
        bytes = feed_ended_ ? nullptr : feed_();
      } catch (const Error&) {
        // An input that cannot be opened: reported after the inputs before it.
        feed_done_ = true;
        in->error = std::current_exception();
        start(std::move(in));
        return true;
      }
      if (bytes == nullptr) {
        feed_ended_ = true;
        if (parked_.empty()) {
          return false;
        }
        in = std::move(parked_.front());
        parked_.pop_front();
        in->parked = true;
        start(std::move(in));
        return true;
      }
      try {
        prepare(*in, std::move(bytes));
      } catch (const Error&) {
        in->error = std::current_exception();
      }
      if (!options_.accounts.empty() && in->importer != nullptr && in->detection.comments_apart &&
          !in->bytes->archived() && parked_.size() < kMaxParked) {
        parked_.push_back(std::move(in));
        continue;
      }
      start(std::move(in));
      return true;
    }
  }

  // Makes an opened input the one being cut into blocks: the next in input order.
  void start(std::unique_ptr<OpenInput> in) {
    in->index = opened_++;
    inputs_.push_back(std::move(in));
    current_ = inputs_.back().get();
  }

  // Reads the start of an input and detects its format, or notes why it is passed over (counted
  // at its turn). A small input read whole is left to the parsing thread that reads it.
  void prepare(OpenInput& in, std::unique_ptr<ByteSource> bytes) {
    in.bytes = std::move(bytes);
    in.blocker = std::make_unique<Blocker>(*in.bytes, block_);
    if (in.bytes->plain_file() && in.bytes->size_hint() <= block_) {
      in.deferred = true;  // read whole by a parsing thread
      in.unread = true;
      return;
    }
    bool whole = false;
    const std::string_view head = in.blocker->head(whole);
    if (in.blocker->whole_block()) {
      in.deferred = true;
      return;
    }
    decide(in, head, whole);
    if (in.importer == nullptr) {
      if (!in.skip.empty()) {
        in.bytes->skip_rest();
      }
      return;
    }
    planned(in);
    in.blocker->begin(in.detection.framing);
  }

  // Chooses the importer of an input from its start, `head` (all of it when `whole`), or notes
  // why it is passed over; throws ror::Error when it cannot be read. Any thread: it touches only
  // `in`'s detection fields.
  void decide(OpenInput& in, std::string_view head, bool whole) const {
    const ingest::Sniff sniff = ingest::sniff(in.bytes->name(), head, whole);
    in.value_begin = sniff.value_begin;
    in.value_end = sniff.value_end;
    const bool named = in.bytes->named();
    if (sniff.shape == ingest::Shape::empty) {
      if (!named) {
        in.skip = "empty files";
        return;
      }
      throw input_error(fmt::format("empty input: {} holds no JSON", in.bytes->name()));
    }
    const ingest::Choice choice = ingest::choose_importer(sniff, forced_);
    if (choice.importer == nullptr && !named) {
      // A member of a folder or an archive that is not an export (a README, a picture).
      in.skip = "files no importer reads";
      return;
    }
    if (choice.importer == nullptr) {
      if (whole) {
        // Malformed JSON says more than "unrecognised": where it breaks.
        const bool json = sniff.script.empty() && (sniff.shape == ingest::Shape::object ||
                                                   sniff.shape == ingest::Shape::array);
        if (const auto error = json ? ingest::find_syntax_error(head) : std::nullopt) {
          ingest::InputText text;
          text.name = in.bytes->name();
          text.data = head.data();
          text.size = head.size();
          ingest::throw_malformed_at(text, error->offset, error->message);
        }
      }
      throw ingest::unrecognised(sniff);
    }
    if (!choice.detection.skip.empty()) {
      in.skip = choice.detection.skip;
      return;
    }
    in.importer = choice.importer;
    in.detection = choice.detection;
    in.info = {in.importer->platform, in.importer->audience_comments};
  }

  // Counts an input that will be read towards the load's planned size (a decoded stream may be
  // larger than the file it came from: plan for what it says).
  void planned(const OpenInput& in) {
    total_ = std::max(total_, opened_bytes_ + in.bytes->size_hint());
    opened_bytes_ += in.bytes->size_hint();
  }

  // After an input's last block: reports its error or a framing error, then notes it as read.
  void finish_input(OpenInput& in) {
    if (in.error) {
      std::rethrow_exception(in.error);
    }
    if (!in.skip.empty()) {
      builder_.skip(in.skip);  // in input order, whatever the threads
    }
    if (in.importer == nullptr) {
      pop(in);
      return;
    }
    in.blocker->rethrow_framing_error();
    builder_.end_source(in.index, in.bytes->name(), in.blocker->offset());
    builder_.add_source(in.bytes->name(), in.bytes->origin(), in.importer->name, in.merged_bytes);
    pop(in);
  }

  // Lets go of a finished input (inputs finish in order: it is the first).
  void pop(const OpenInput& in) {
    if (!inputs_.empty() && inputs_.front().get() == &in) {
      inputs_.pop_front();
    }
  }

  SourceFeed& feed_;
  const LoadOptions& options_;
  DatasetBuilder& builder_;
  std::uint64_t total_;             // the inputs' size, as far as it is known
  std::uint64_t opened_bytes_ = 0;  // the sizes of the inputs opened so far
  Timings& timings_;
  const std::size_t block_;
  const Importer* forced_;
  std::deque<std::unique_ptr<OpenInput>> inputs_;  // opened, not yet merged to their end
  OpenInput* current_ = nullptr;                   // the input being cut into blocks
  // Opened, waiting for every other input (open_next); each keeps a file open, so few wait.
  static constexpr std::size_t kMaxParked = 64;
  std::deque<std::unique_ptr<OpenInput>> parked_;
  bool shedding_ = false;  // a parked input's batches are being merged
  std::size_t opened_ = 0;
  bool feed_ended_ = false;  // the feed gave its last input
  bool feed_done_ = false;   // the feed failed: no more inputs
  std::uint64_t done_ = 0;
  std::mutex timing_mutex_;
};

// One thread does everything, piece after piece.
void run_sequential(Stages& stages) {
  Piece piece;
  while (stages.read(piece)) {
    stages.parse(piece);
    stages.merge(piece);
  }
}

// Parsing threads take pieces in input order from a ring of slots; the calling thread fills free
// slots and merges parsed slots in input order, so that reading, parsing and merging overlap.
// The ring bounds the memory held by blocks in flight.
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
      // Read ahead while there is room and reading comes first (read_first); else merge.
      if (input_left && read_ < merged_ + slots_.size() && read_first()) {
        input_left = read_one();
        continue;
      }
      {
        std::unique_lock<std::mutex> lock(mutex_);
        parsed_.wait(lock, [this] { return slots_[merged_ % slots_.size()].parsed; });
      }
      Slot& slot = slots_[merged_ % slots_.size()];
      stages_.merge(slot.piece);
      ++merged_;
    }
  }

 private:
  struct Slot {
    Piece piece;
    bool parsed = false;  // guarded by mutex_
  };

  // Reads a piece into the next free slot and queues it; false when every input is done.
  bool read_one() {
    Slot& slot = slots_[read_ % slots_.size()];
    if (!stages_.read(slot.piece)) {
      return false;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    slot.parsed = false;
    ++read_;
    queued_.notify_one();
    return true;
  }

  // Whether to read the next piece before merging: when the next batch to merge is not parsed
  // yet, or when no piece read waits for a parsing thread (merging then would leave them idle,
  // when the merge is the slower stage).
  bool read_first() {
    const std::lock_guard<std::mutex> lock(mutex_);
    const bool head_parsed = merged_ < read_ && slots_[merged_ % slots_.size()].parsed;
    return !head_parsed || taken_ == read_;
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
      stages_.parse(slot.piece);
      lock.lock();
      slot.parsed = true;
      parsed_.notify_one();
    }
  }

  Stages& stages_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable queued_;  // a piece was read, or stop
  std::condition_variable parsed_;  // a batch was parsed
  std::size_t read_ = 0;            // pieces read (guarded by mutex_)
  std::size_t taken_ = 0;           // pieces taken by a parsing thread (guarded by mutex_)
  std::size_t merged_ = 0;          // batches merged (only the calling thread uses it)
  bool stop_ = false;               // guarded by mutex_
};

void read_inputs(SourceFeed& feed, const LoadOptions& options, DatasetBuilder& builder,
                 std::uint64_t total, Timings& timings) {
  Stages stages(feed, options, builder, total, timings);
  const std::size_t threads = thread_count(options);
  if (threads <= 1) {
    run_sequential(stages);
    return;
  }
  Pipeline pipeline(stages, threads);
  pipeline.run();
}

Dataset finish(DatasetBuilder& builder, const LoadOptions& options, Timings& timings,
               const std::vector<std::string>& named);

// Reads every source as one dataset; `named` are the inputs as the caller named them.
Dataset load(ingest::SourceList& sources, const LoadOptions& options,
             const std::vector<std::string>& named) {
  DatasetBuilder builder;
  Timings timings;
  SourceFeed feed = [&]() { return sources.next(); };
  try {
    read_inputs(feed, options, builder, sources.size_hint(), timings);
    for (const auto& [reason, n] : sources.skipped()) {
      builder.skip(reason, n);
    }
    return finish(builder, options, timings, named);
  } catch (const std::bad_alloc&) {
    // (the blocks in flight are freed by now, so this message has room)
    throw Error(ExitCode::out_of_memory,
                fmt::format("out of memory while loading, with {} posts and {} comments held: "
                            "ror holds every post and comment (about 170 and 50 bytes each) and "
                            "the item it is reading; read fewer inputs at once, or give it more "
                            "memory",
                            builder.posts_held(), builder.comments_held()));
  }
}

// What was passed over, for the message of a load that found no post ("; passed over: 3 files
// no importer reads, 1 reposts"), or "" when nothing was: it is then the reason there is none.
// The reason `said` is left out (the message says it already).
std::string passed_over(const Skips& skipped, std::string_view said) {
  constexpr std::size_t kShown = 4;
  std::string out;
  std::size_t shown = 0;
  std::uint64_t rest = 0;  // records or files under reasons not shown
  for (const auto& [reason, n] : skipped.counts) {
    if (n == 0 || reason == said) {
      continue;
    }
    if (shown == kShown) {
      rest += n;
      continue;
    }
    out += fmt::format("{}{} {}", shown == 0 ? "; passed over: " : ", ", n, reason);
    ++shown;
  }
  return rest == 0 ? out : fmt::format("{}, and {} more", out, rest);
}

Dataset finish(DatasetBuilder& builder, const LoadOptions& options, Timings& timings,
               const std::vector<std::string>& named) {
  Stopwatch clock;
  Dataset data = builder.finish(options);
  data.input.read_ms = timings.read_ms;
  data.input.parse_ms = timings.parse_ms;
  data.input.merge_ms = timings.merge_ms + clock.lap();
  data.input.load_ms = timings.wall.lap();
  const InputStats& in = data.input;
  if (data.posts.empty() && in.filtered_posts > 0) {
    throw input_error(fmt::format(
        "no post in the window {} to {}: the account's posts run from {} to {}",
        in.since ? format_time_bound(*in.since, false) : std::string("the start"),
        in.until ? format_time_bound(*in.until, true) : std::string("the end"),
        format_day(utc_day_index(in.posts_first)), format_day(utc_day_index(in.posts_last))));
  }
  if (data.input.posts_read == 0) {
    std::string names;
    // The inputs read, or, when every one was passed over, the inputs named.
    for (const std::string& file : data.input.files.empty() ? named : data.input.files) {
      names += names.empty() ? file : ", " + file;
    }
    // Comments apart from their posts (a comments dump on its own) are all that was read.
    const std::uint64_t comments = data.input.comments_read;
    throw input_error(
        (comments == 0
             ? fmt::format("empty input: no posts in {}", names)
             : fmt::format(
                   "empty input: no posts in {} ({} comments, none of whose posts is there)", names,
                   comments)) +
        passed_over(data.input.skipped, comments == 0 ? "" : ingest::kOrphanComments));
  }
  return data;
}

}  // namespace

Dataset load_buffers(std::vector<NamedInput> inputs, const LoadOptions& options) {
  std::vector<std::pair<std::string, std::string_view>> views;
  std::vector<std::string> names;
  for (const NamedInput& input : inputs) {
    views.emplace_back(input.name, input.bytes);
    names.push_back(input.name);
  }
  ingest::SourceList sources = ingest::SourceList::from_memory(std::move(views), {});
  return load(sources, options, names);
}

Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  ingest::SourceOptions source_options;
  source_options.map_bytes = options.map_bytes;
  ingest::SourceList sources(paths, source_options);
  return load(sources, options, paths);
}

}  // namespace ror

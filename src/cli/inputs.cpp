// The input side shared by the subcommands that read exports: their options, the load with its
// progress line and -v timings, what the load passed over, and writing a result to -o or stdout.
#include "cli/inputs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/app.hpp"
#include "ror/text.hpp"

namespace ror::cli {
namespace {

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// A progress line on stderr for large inputs: bytes read, speed and time left. Only on a
// terminal, and rewritten in place.
class Progress {
 public:
  Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

  void update(std::uint64_t done, std::uint64_t total) {
    constexpr std::uint64_t kLargeInput = std::uint64_t{64} << 20;
    if (!enabled_ || total < kLargeInput) {
      return;
    }
    const double seconds = elapsed_ms(start_) / 1000.0;
    const double mb = static_cast<double>(done) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    const double eta = rate > 0 ? (static_cast<double>(total) / 1e6 - mb) / rate : 0;
    err_ << fmt::format("\rror: read {:.0f} of {:.0f} MB, {:.0f} MB/s, {:.0f} s left\x1b[K", mb,
                        static_cast<double>(total) / 1e6, rate, eta)
         << std::flush;
    shown_ = true;
  }

  void finish() {
    if (shown_) {
      err_ << "\r\x1b[K" << std::flush;
    }
  }

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

std::optional<TimeMs> time_bound(const std::string& text, const char* flag, bool end_of_day) {
  if (text.empty()) {
    return std::nullopt;
  }
  const auto t = parse_time_bound(text, end_of_day);
  if (!t) {
    throw usage_error(
        fmt::format("{} '{}': expected YYYY-MM-DD or an RFC 3339 date-time", flag, text));
  }
  return t;
}

void add_input_options(CLI::App& app, InputArgs& args, const std::string& files_help) {
  // FILE, not CLI11's TEXT: the generated completions offer file names for FILE values only.
  app.add_option("files", args.files, files_help)->type_name("FILE");
  // Repeatable options take one value per occurrence, so that a file after them stays a file.
  app.add_option("--account", args.accounts, "A name of the account (repeatable)")
      ->allow_extra_args(false);
  std::vector<std::string> importers;
  for (const FormatInfo& f : input_formats()) {
    importers.push_back(f.name);
  }
  app.add_option("--from", args.from, "Read every input with this importer (see ror formats)")
      ->check(completion_values(importers));  // (load_options checks it, naming the nearest)
  app.add_option("--since", args.since, "Keep posts created at or after (YYYY-MM-DD or RFC 3339)");
  app.add_option("--until", args.until,
                 "Keep posts created at or before (a date includes its day)");
  app.add_option("--threads", args.threads, "Threads that parse blocks (default: all cores)")
      ->check(CLI::Range(1, 256));
  app.add_flag("-q,--quiet", args.quiet, "Print errors only");
  app.add_flag("-v,--verbose", args.verbose, "Log each phase and its time");
}

void add_output_options(CLI::App& app, OutputArgs& args, const std::vector<std::string>& formats,
                        const std::string& what) {
  args.format = formats.front();
  app.add_option("-f,--format", args.format, "Output format")
      ->transform(CLI::IsMember(formats, CLI::ignore_case))
      ->capture_default_str();
  app.add_option("-o,--output", args.path, fmt::format("Write {} to FILE instead of stdout", what))
      ->type_name("FILE");
  app.add_option("--color", args.color, "Colour the table")
      ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
      ->capture_default_str();
}

LoadOptions load_options(const InputArgs& args) {
  LoadOptions load;
  load.threads =
      args.threads > 0 ? args.threads : std::max(1U, std::thread::hardware_concurrency());
  load.accounts = args.accounts;
  load.from = args.from;
  load.since = time_bound(args.since, "--since", false);
  load.until = time_bound(args.until, "--until", true);
  if (load.since && load.until && *load.until < *load.since) {
    throw usage_error(fmt::format("--until {} comes before --since {}: the window is empty",
                                  args.until, args.since));
  }
  const std::vector<FormatInfo> formats = input_formats();
  if (!load.from.empty() && std::none_of(formats.begin(), formats.end(),
                                         [&](const auto& f) { return f.name == load.from; })) {
    std::string names;
    for (const FormatInfo& f : formats) {
      names += (names.empty() ? "" : ", ") + f.name;
    }
    throw usage_error(fmt::format("--from {}: no such format (formats: {})", load.from, names));
  }
  return load;
}

Dataset load_inputs(InputArgs& args, LoadOptions options, const Streams& streams) {
  if (args.files.empty()) {
    args.files.push_back("-");
    if (::isatty(STDIN_FILENO) == 1 && !args.quiet) {
      // (otherwise it would wait silently for a paste)
      spdlog::info("reading an export from standard input; end it with Ctrl-D, or name a file");
    }
  }
  Progress progress(streams.err, !args.quiet && streams.err_is_terminal);
  options.progress = [&progress](std::uint64_t done, std::uint64_t total) {
    progress.update(done, total);
  };
  Dataset data = load_files(args.files, options);
  progress.finish();
  const InputStats& in = data.input;
  spdlog::debug(
      "loaded {} bytes in {:.1f} ms: {} posts, {} comments; busy time (the stages overlap): "
      "read {:.1f} ms, parse {:.1f} ms over {} threads, merge {:.1f} ms",
      in.bytes, in.load_ms, data.posts.size(), data.comments.size(), in.read_ms, in.parse_ms,
      options.threads, in.merge_ms);
  const auto held = static_cast<double>(data.memory_bytes());
  const auto records =
      static_cast<double>(std::max<std::size_t>(1, data.posts.size() + data.comments.size()));
  spdlog::debug("dataset holds {:.1f} MB: {:.1f} bytes per post or comment ({} authors)",
                held / 1e6, held / records, data.authors.size());
  return data;
}

void report_load(const Dataset& data) {
  const InputStats& in = data.input;
  if (in.warnings.total() > 0) {
    spdlog::warn("{} data warning{} survived (see the input line); first: {}", in.warnings.total(),
                 in.warnings.total() == 1 ? "" : "s", in.warnings.first);
  }
  if (data.account.inferred) {
    const Account& a = data.account;
    const std::string& name = a.handle.empty() ? a.names.front() : a.handle;
    // (the names are people, but for the one author's id beside its handle: a Bluesky DID)
    const std::string shown = normalize_name(name);
    const std::string id = normalize_name(a.id);
    const std::size_t others = static_cast<std::size_t>(
        std::count_if(a.names.begin(), a.names.end(),
                      [&](const std::string& n) { return n != shown && (id.empty() || n != id); }));
    const std::string taken =
        !a.thread_authors ? fmt::format("{} as the most frequent post author", name)
        : others == 0     ? fmt::format("{} as the author of the threads' first posts", name)
                          : fmt::format("{} and {} more as the authors of the threads' first posts",
                                        name, others);
    spdlog::warn("no account named (account.id, account.handle, --account); scoring {}", taken);
  } else {
    for (const auto& [platform, name] : data.account.guessed) {
      spdlog::warn("no account named on {}; scoring {} there, as its inputs suggest",
                   platform.empty() ? std::string("ror/v1") : platform, name);
    }
  }
  if (in.foreign_posts > 0) {
    spdlog::info("{} post{} by other authors (and {} comment{} on them) not scored",
                 in.foreign_posts, in.foreign_posts == 1 ? "" : "s", in.foreign_comments,
                 in.foreign_comments == 1 ? "" : "s");
  }
}

namespace {

// The temporary files being written, for the Ctrl-C handler: the report and the --junit file.
constexpr std::size_t kSlots = 2;
char g_temporary[kSlots][4096] = {};

extern "C" void remove_temporary_and_exit(int /*signal*/) {
  for (const char* path : g_temporary) {
    if (path[0] != '\0') {
      ::unlink(path);  // (async-signal-safe, as is _exit)
    }
  }
  ::_exit(130);
}

// The handler's slot for a temporary file, when one is free and the path fits.
char* claim_slot(const std::string& path) {
  for (char* slot : g_temporary) {
    if (slot[0] == '\0' && path.size() < sizeof g_temporary[0]) {
      std::copy(path.begin(), path.end(), slot);
      slot[path.size()] = '\0';
      return slot;
    }
  }
  return nullptr;
}

// Whether two paths name one file (both exist and are the same inode), or the same path.
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec) && !ec) {
    return true;
  }
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

std::string reason() {
  return errno != 0 ? std::strerror(errno) : "write failed";
}

}  // namespace

Output::Output(const std::string& path, const std::vector<std::string>& inputs,
               const Streams& streams)
    : path_(path == "-" ? std::string() : path), streams_(streams) {
  if (path_.empty()) {
    return;
  }
  for (const std::string& input : inputs) {
    if (input != "-" && same_file(path_, input)) {
      throw usage_error(
          fmt::format("-o {} names an input: refusing to write the report over it", path_));
    }
  }
  std::error_code ec;
  if (std::filesystem::exists(path_, ec) && !std::filesystem::is_regular_file(path_, ec)) {
    return;  // a device or a pipe (/dev/null, a FIFO): written in place, never replaced
  }
  std::string pattern = path_ + ".ror-XXXXXX";
  errno = 0;
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw Error(ExitCode::output_failed, fmt::format("cannot write {}: {}", path_, reason()));
  }
  ::close(fd);
  temporary_ = pattern;
  slot_ = claim_slot(temporary_);
  if (slot_ != nullptr) {
    std::signal(SIGINT, remove_temporary_and_exit);
    std::signal(SIGTERM, remove_temporary_and_exit);
  }
}

Output::~Output() {
  if (!temporary_.empty()) {
    release();
    ::unlink(temporary_.c_str());
  }
}

void Output::write(const std::function<void(std::ostream&, bool to_terminal)>& write) {
  if (path_.empty()) {
    errno = 0;
    write(streams_.out, streams_.out_is_terminal);
    streams_.out.flush();
    if (!streams_.out) {
      throw Error(ExitCode::output_failed,
                  fmt::format("cannot write to standard output: {}", reason()));
    }
    return;
  }
  {
    std::ofstream file(temporary_.empty() ? path_ : temporary_, std::ios::binary | std::ios::trunc);
    errno = 0;
    if (file) {
      write(file, false);
      file.flush();
    }
    if (!file) {
      throw Error(ExitCode::output_failed, fmt::format("cannot write {}: {}", path_, reason()));
    }
    file.close();
    if (!file) {
      throw Error(ExitCode::output_failed, fmt::format("cannot write {}: {}", path_, reason()));
    }
  }
  if (temporary_.empty()) {
    return;  // (written in place)
  }
  // (mkstemp makes the file 0600: give it what a new file would have)
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temporary_.c_str(), 0666 & ~mask);
  errno = 0;
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    throw Error(ExitCode::output_failed, fmt::format("cannot write {}: {}", path_, reason()));
  }
  release();
  temporary_.clear();
}

void Output::release() {
  if (slot_ != nullptr) {
    slot_[0] = '\0';
    slot_ = nullptr;
  }
}

}  // namespace ror::cli

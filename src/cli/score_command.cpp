// `ror score`: read exports, compute the report, render it, and turn --require into an exit code.
#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

namespace ror::cli {
namespace {

struct ScoreArgs {
  std::vector<std::string> files;
  std::string format = "table";
  std::string output;
  std::optional<std::size_t> top;
  std::string since;
  std::string until;
  std::string by;
  std::string color = "auto";
  std::vector<std::string> accounts;
  std::vector<std::string> requires_;
  std::string config;
  bool strict = false;
  std::size_t threads = 0;
  bool quiet = false;
  bool verbose = false;
};

// Milliseconds elapsed since `start`, for -v.
double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

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

void report_warnings(const Dataset& data) {
  const InputStats& in = data.input;
  if (in.warnings.total() > 0) {
    spdlog::warn("{} data warning{} survived (see the input line); first: {}", in.warnings.total(),
                 in.warnings.total() == 1 ? "" : "s", in.warnings.first);
  }
  if (data.account.inferred) {
    spdlog::warn(
        "no account named (account.id, account.handle, --account); scoring {} as the "
        "most frequent post author",
        data.account.handle.empty() ? data.account.names.front() : data.account.handle);
  }
  if (in.foreign_posts > 0) {
    spdlog::info("{} post{} by other authors (and {} comment{} on them) not scored",
                 in.foreign_posts, in.foreign_posts == 1 ? "" : "s", in.foreign_comments,
                 in.foreign_comments == 1 ? "" : "s");
  }
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

class ScoreCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    app.add_option("files", a_.files, "ror/v1 JSON or NDJSON exports; '-' or none reads stdin");
    std::vector<std::string> names;
    for (const Renderer& r : renderers()) {
      names.emplace_back(r.name);
    }
    app.add_option("-f,--format", a_.format, "Output format")
        ->check(CLI::IsMember(names))
        ->capture_default_str();
    app.add_option("-o,--output", a_.output, "Write the report to FILE instead of stdout");
    app.add_option("--top", a_.top, "Size of the top-audience list (default 10)")
        ->check(CLI::Range(0, 1000000));
    app.add_option("--since", a_.since, "Score posts created at or after (YYYY-MM-DD or RFC 3339)");
    app.add_option("--until", a_.until,
                   "Score posts created at or before (a date includes its day)");
    app.add_option("--by", a_.by, "One row per post or per month instead of the report")
        ->check(CLI::IsMember({"post", "month"}));
    app.add_option("--color", a_.color, "Colour the table")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    // Repeatable options take one value per occurrence, so that a file after them stays a file.
    app.add_option("--account", a_.accounts, "A name of the account (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--require", a_.requires_,
                   "Condition like 'ror.score>=60'; exit 1 when one fails (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--config", a_.config, "Score configuration (see data/score.json)");
    app.add_flag("--strict", a_.strict, "Treat every data warning as bad input (exit 3)");
    app.add_option("--threads", a_.threads, "Threads that parse blocks (default: all cores)")
        ->check(CLI::Range(1, 256));
    app.add_flag("-q,--quiet", a_.quiet, "Print errors only");
    app.add_flag("-v,--verbose", a_.verbose, "Log each phase and its time");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, a_.quiet, a_.verbose);
    // Everything the command line can get wrong is checked before any input is read.
    ScoreConfig config = a_.config.empty() ? default_score_config() : load_score_config(a_.config);
    if (a_.top) {
      config.metrics.top = *a_.top;
    }
    std::vector<Requirement> requirements;
    for (const std::string& text : a_.requires_) {
      requirements.push_back(parse_requirement(text));
    }
    LoadOptions load;
    load.threads = a_.threads > 0 ? a_.threads : std::max(1U, std::thread::hardware_concurrency());
    load.accounts = a_.accounts;
    load.since = time_bound(a_.since, "--since", false);
    load.until = time_bound(a_.until, "--until", true);
    if (a_.files.empty()) {
      a_.files.push_back("-");
    }
    const Renderer* renderer = find_renderer(a_.format);
    std::optional<BreakdownBy> by;
    if (!a_.by.empty()) {
      by = a_.by == "post" ? BreakdownBy::post : BreakdownBy::month;
    }

    Progress progress(streams.err, !a_.quiet && streams.err_is_terminal);
    load.progress = [&progress](std::uint64_t done, std::uint64_t total) {
      progress.update(done, total);
    };
    const Dataset data = load_files(a_.files, load);
    progress.finish();
    const InputStats& in = data.input;
    spdlog::debug(
        "loaded {} bytes in {:.1f} ms: {} posts, {} comments; busy time (the stages overlap): "
        "read {:.1f} ms, parse {:.1f} ms over {} threads, merge {:.1f} ms",
        in.bytes, in.load_ms, data.posts.size(), data.comments.size(), in.read_ms, in.parse_ms,
        load.threads, in.merge_ms);
    spdlog::debug("dataset holds {:.1f} MB: {:.1f} bytes per comment ({} authors)",
                  static_cast<double>(data.memory_bytes()) / 1e6,
                  static_cast<double>(data.memory_bytes()) /
                      static_cast<double>(std::max<std::size_t>(1, data.comments.size())),
                  data.authors.size());
    auto start = std::chrono::steady_clock::now();
    if (a_.strict && data.input.warnings.total() > 0) {
      throw input_error(fmt::format("--strict: {}", data.input.warnings.first));
    }
    report_warnings(data);

    start = std::chrono::steady_clock::now();
    const Report report = build_report(data, config, requirements, by);
    spdlog::debug("metrics and scores in {:.1f} ms", elapsed_ms(start));

    start = std::chrono::steady_clock::now();
    write(report, *renderer, streams);
    spdlog::debug("rendered {} in {:.1f} ms", a_.format, elapsed_ms(start));
    for (const CheckResult& c : report.checks) {
      if (!c.passed) {
        spdlog::info("check failed: {}", c.requirement.text);
      }
    }
    return report.passed() ? ExitCode::ok : ExitCode::check_failed;
  }

 private:
  void write(const Report& report, const Renderer& renderer, const Streams& streams) const {
    if (a_.output.empty() || a_.output == "-") {
      const RenderOptions options{use_color(a_.color, streams.out_is_terminal)};
      renderer.render(report, options, streams.out);
      streams.out.flush();
      if (!streams.out) {
        throw Error(ExitCode::output_failed, "cannot write the report to standard output");
      }
      return;
    }
    std::ofstream file(a_.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      throw Error(ExitCode::output_failed,
                  fmt::format("cannot write {}: {}", a_.output, std::strerror(errno)));
    }
    renderer.render(report, RenderOptions{use_color(a_.color, false)}, file);
    file.close();
    if (!file) {
      throw Error(ExitCode::output_failed, fmt::format("cannot write {}", a_.output));
    }
  }

  ScoreArgs a_;
};

}  // namespace

std::unique_ptr<Command> make_score_command() {
  return std::make_unique<ScoreCommand>();
}

}  // namespace ror::cli

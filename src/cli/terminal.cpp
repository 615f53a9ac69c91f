// Terminal manners: colour only where wanted, and the "ror" logger on stderr.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <string_view>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "ror/text.hpp"

namespace ror::cli {
namespace {

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && value[0] != '\0';
}

}  // namespace

bool use_color(const std::string& mode, bool to_terminal) {
  if (mode == "always") {
    return true;
  }
  if (mode == "never" || env_set("NO_COLOR")) {
    return false;
  }
  if (env_set("CLICOLOR_FORCE") && std::string_view(std::getenv("CLICOLOR_FORCE")) != "0") {
    return true;
  }
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return to_terminal;
}

std::size_t output_width(bool to_terminal) {
  constexpr std::size_t kNarrowest = 80;
  constexpr std::size_t kWidest = 160;  // (wider lines are harder to read, not easier)
  if (!to_terminal) {
    return kNarrowest;  // a file or a pipe: the same bytes whatever the terminal
  }
  std::size_t width = 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    width = size.ws_col;
  } else if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
    width = static_cast<std::size_t>(std::strtoul(env, nullptr, 10));
  }
  return std::clamp(width, kNarrowest, kWidest);
}

// The logger's sink: "ror: <level>: <message>", the message made visible text first (warnings
// quote names and ids from the inputs).
class VisibleSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit VisibleSink(std::ostream& out) : out_(out) {}

 private:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const spdlog::string_view_t level = spdlog::level::to_string_view(msg.level);
    out_ << "ror: " << std::string_view(level.data(), level.size()) << ": "
         << visible_text(std::string_view(msg.payload.data(), msg.payload.size())) << '\n';
    out_.flush();
  }
  void flush_() override { out_.flush(); }

  std::ostream& out_;
};

void configure_logging(std::ostream& err, bool quiet, bool verbose) {
  auto sink = std::make_shared<VisibleSink>(err);
  auto logger = std::make_shared<spdlog::logger>("ror", sink);
  logger->set_pattern("%n: %l: %v");
  logger->set_level(quiet ? spdlog::level::err
                          : (verbose ? spdlog::level::debug : spdlog::level::info));
  spdlog::set_default_logger(logger);
}

}  // namespace ror::cli

// Terminal manners: colour only where wanted, and the "ror" logger on stderr.
#include <cstdlib>
#include <string_view>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"

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

void configure_logging(std::ostream& err, bool quiet, bool verbose) {
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true);
  auto logger = std::make_shared<spdlog::logger>("ror", sink);
  logger->set_pattern("%n: %l: %v");
  logger->set_level(quiet ? spdlog::level::err
                          : (verbose ? spdlog::level::debug : spdlog::level::info));
  spdlog::set_default_logger(logger);
}

}  // namespace ror::cli

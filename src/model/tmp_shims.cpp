// TEMPORARY: replaced by the text branch's parsers.
#include "ror/time.hpp"
namespace ror {
std::optional<TimeMs> parse_twitter_time(std::string_view) noexcept { return std::nullopt; }
std::optional<TimeMs> parse_naive_utc(std::string_view t) noexcept { return parse_rfc3339(std::string(t) + "Z"); }
std::optional<TimeMs> parse_epoch_seconds(std::string_view) noexcept { return std::nullopt; }
std::optional<TimeMs> parse_epoch_millis(std::string_view) noexcept { return std::nullopt; }
}
#include "ror/text.hpp"
namespace ror {
void html_to_text(std::string_view html, std::string& out) {
  out.clear();
  bool tag = false;
  for (char c : html) {
    if (c == '<') { tag = true; out += ' '; } else if (c == '>') { tag = false; } else if (!tag) { out += c; }
  }
}
}

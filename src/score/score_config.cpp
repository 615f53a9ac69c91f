// Reading data/score.json and --config files into a ScoreConfig.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <span>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ror/error.hpp"
#include "ror/score.hpp"
#include "ror/text.hpp"
#include "score_defaults.hpp"  // generated from data/score.json

namespace ror {
namespace {

using nlohmann::json;

// The keys each object of a configuration may hold.
constexpr std::array<std::string_view, 9> kTopKeys = {
    "schema", "thresholds", "response_credit", "verdict_threshold", "min_coverage",
    "roi",    "ror",        "hygiene",         "audience"};
constexpr std::array<std::string_view, 4> kAudienceKeys = {"recent_days", "advocate", "contributor",
                                                           "participant"};
constexpr std::array<std::string_view, 2> kLevelKeys = {"posts", "months"};
constexpr std::array<std::string_view, 7> kThresholdKeys = {
    "hashtag_limit",     "mention_blast",    "burst_posts", "burst_window_seconds",
    "substantive_words", "low_effort_words", "top"};
constexpr std::array<std::string_view, 3> kCreditKeys = {"good_seconds", "bad_seconds", "floor"};
constexpr std::array<std::string_view, 5> kComponentKeys = {"input", "weight", "scale", "good",
                                                            "bad"};

class ConfigReader {
 public:
  explicit ConfigReader(std::string_view name) : name_(name) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw usage_error(fmt::format("invalid score configuration: {} ({})", what, name_));
  }

  // Fails on the first key of `object` that is not in `known`; `prefix` leads to the object.
  void only(const json& object, std::span<const std::string_view> known,
            const std::string& prefix) const {
    for (const auto& item : object.items()) {
      if (std::find(known.begin(), known.end(), item.key()) != known.end()) {
        continue;
      }
      const std::optional<std::string_view> near = nearest_name(item.key(), known);
      fail(fmt::format("unknown key {}{}", json(prefix + item.key()).dump(),
                       near ? fmt::format(" (did you mean \"{}\"?)", *near) : ""));
    }
  }

  double number(const json& j, const std::string& where) const {
    if (!j.is_number() || !std::isfinite(j.get<double>())) {
      fail(fmt::format("{} must be a number", where));
    }
    return j.get<double>();
  }

  // A number from `min` to `max`.
  double number_in(const json& j, const std::string& where, double min, double max) const {
    const double x = number(j, where);
    if (x < min || x > max) {
      fail(fmt::format("{} must be a number from {:g} to {:g}", where, min, max));
    }
    return x;
  }

  template <typename T>
  void whole(const json& object, const char* key, T& out, std::int64_t min, std::int64_t max,
             std::string_view prefix = "thresholds.") const {
    if (!object.contains(key)) {
      return;
    }
    const json& j = object.at(key);
    if (!j.is_number_integer() || j.get<std::int64_t>() < min || j.get<std::int64_t>() > max) {
      fail(fmt::format("{}{} must be an integer from {} to {}", prefix, key, min, max));
    }
    out = static_cast<T>(j.get<std::int64_t>());
  }

  void thresholds(const json& j, MetricOptions& o) const {
    if (!j.is_object()) {
      fail("thresholds must be an object");
    }
    only(j, kThresholdKeys, "thresholds.");
    constexpr std::int64_t kU32 = std::numeric_limits<std::uint32_t>::max();
    constexpr std::int64_t kMost = std::numeric_limits<std::int64_t>::max();
    whole(j, "hashtag_limit", o.hashtag_limit, 0, kU32);
    whole(j, "mention_blast", o.mention_blast, 1, kU32);
    whole(j, "burst_posts", o.burst_posts, 2, kU32);
    whole(j, "burst_window_seconds", o.burst_window_seconds, 0, kMost / 1000);  // ms must fit
    whole(j, "substantive_words", o.substantive_words, 0, kU32);
    whole(j, "low_effort_words", o.low_effort_words, 0, kU32);
    whole(j, "top", o.top, 0, kMost);
  }

  // The audience levels: each level's rule asks at least as much as the one below it.
  void audience(const json& j, AudienceOptions& o) const {
    if (!j.is_object()) {
      fail("audience must be an object");
    }
    only(j, kAudienceKeys, "audience.");
    constexpr std::int64_t kU32 = std::numeric_limits<std::uint32_t>::max();
    whole(j, "recent_days", o.recent_days, 0, 36500, "audience.");
    for (std::size_t l = 0; l < o.rules.size(); ++l) {
      const char* name = kAudienceKeys[l + 1].data();
      if (!j.contains(name)) {
        continue;
      }
      const json& rule = j.at(name);
      const std::string prefix = fmt::format("audience.{}.", name);
      if (!rule.is_object()) {
        fail(fmt::format("audience.{} must be an object", name));
      }
      only(rule, kLevelKeys, prefix);
      whole(rule, "posts", o.rules[l].posts, 1, kU32, prefix);
      whole(rule, "months", o.rules[l].months, 1, kU32, prefix);
    }
    for (std::size_t l = 0; l + 1 < o.rules.size(); ++l) {
      if (o.rules[l].posts < o.rules[l + 1].posts || o.rules[l].months < o.rules[l + 1].months) {
        fail(fmt::format("audience.{} must ask at least as much as audience.{}",
                         kAudienceKeys[l + 1], kAudienceKeys[l + 2]));
      }
    }
  }

  void response_credit(const json& r, ScoreConfig& config) const {
    if (!r.is_object()) {
      fail("response_credit must be an object");
    }
    only(r, kCreditKeys, "response_credit.");
    config.credit_good_seconds = number(r.value("good_seconds", json(config.credit_good_seconds)),
                                        "response_credit.good_seconds");
    config.credit_bad_seconds = number(r.value("bad_seconds", json(config.credit_bad_seconds)),
                                       "response_credit.bad_seconds");
    config.credit_floor =
        number(r.value("floor", json(config.credit_floor)), "response_credit.floor");
    if (config.credit_good_seconds <= 0 ||
        config.credit_bad_seconds <= config.credit_good_seconds || config.credit_floor <= 0 ||
        config.credit_floor > 1) {
      fail("response_credit needs 0 < good_seconds < bad_seconds and 0 < floor <= 1");
    }
  }

  ScoreComponent component(const json& j, Group group, std::size_t index) const {
    const std::string where = fmt::format("{}[{}]", group_name(group), index);
    if (j.is_object()) {
      only(j, kComponentKeys, where + ".");
    }
    if (!j.is_object() || !j.contains("input") || !j.at("input").is_string()) {
      fail(fmt::format("{} must be an object with a string \"input\"", where));
    }
    ScoreComponent c;
    c.input = j.at("input").get<std::string>();
    const bool known_metric = find_metric(group, c.input).has_value();
    bool known_derived = false;
    for (const DerivedInput& d : derived_inputs()) {
      known_derived = known_derived || (d.group == group && d.name == c.input);
    }
    if (!known_metric && !known_derived) {
      fail(fmt::format("{}: \"{}\" is no {} metric", where, c.input, group_name(group)));
    }
    c.weight = number(j.value("weight", json(1.0)), where + ".weight");
    c.good = number(j.value("good", json(1.0)), where + ".good");
    c.bad = number(j.value("bad", json(0.0)), where + ".bad");
    const json scale_json = j.value("scale", json("linear"));
    const std::string scale = scale_json.is_string() ? scale_json.get<std::string>() : "";
    if (scale != "linear" && scale != "log") {
      fail(fmt::format("{}.scale must be \"linear\" or \"log\"", where));
    }
    c.scale = scale == "log" ? Scale::log : Scale::linear;
    if (c.weight < 0 || c.good == c.bad || (c.scale == Scale::log && (c.good < 0 || c.bad < 0))) {
      fail(fmt::format("{} needs weight >= 0 and good != bad (both >= 0 on a log scale)", where));
    }
    return c;
  }

  void apply(const json& j, ScoreConfig& config) const {
    if (!j.is_object()) {
      fail("the configuration must be a JSON object");
    }
    only(j, kTopKeys, "");
    if (j.contains("schema") && j.at("schema") != "ror-score/v1") {
      fail("schema must be \"ror-score/v1\"");
    }
    if (j.contains("thresholds")) {
      thresholds(j.at("thresholds"), config.metrics);
    }
    if (j.contains("response_credit")) {
      response_credit(j.at("response_credit"), config);
    }
    if (j.contains("verdict_threshold")) {
      config.verdict_threshold = number_in(j.at("verdict_threshold"), "verdict_threshold", 0, 100);
    }
    if (j.contains("min_coverage")) {
      config.min_coverage = number_in(j.at("min_coverage"), "min_coverage", 0, 1);
    }
    if (j.contains("audience")) {
      audience(j.at("audience"), config.audience);
    }
    for (const Group group : kGroups) {
      const auto key = std::string(group_name(group));
      if (!j.contains(key)) {
        continue;
      }
      const json& list = j.at(key);
      if (!list.is_array()) {
        fail(fmt::format("{} must be an array of components", key));
      }
      std::vector<ScoreComponent> components;
      for (std::size_t i = 0; i < list.size(); ++i) {
        components.push_back(component(list[i], group, i));
      }
      config.components[static_cast<std::size_t>(group)] = std::move(components);
    }
  }

 private:
  std::string_view name_;
};

ScoreConfig parse_into(ScoreConfig config, std::string_view text, std::string_view name) {
  const ConfigReader reader(name);
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    reader.fail(fmt::format("malformed JSON at byte {}", e.byte));
  }
  reader.apply(j, config);
  return config;
}

}  // namespace

ScoreConfig default_score_config() {
  static const ScoreConfig defaults =
      parse_into(ScoreConfig{}, embedded::score_defaults, "built-in data/score.json");
  return defaults;
}

ScoreConfig parse_score_config(std::string_view json_text, std::string_view name) {
  return parse_into(default_score_config(), json_text, name);
}

ScoreConfig load_score_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw usage_error(
        fmt::format("cannot read score configuration {}: {}", path, std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_score_config(text.str(), path);
}

}  // namespace ror

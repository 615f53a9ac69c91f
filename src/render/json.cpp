// --format json: the versioned machine report (docs/output.md). Key order is fixed.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/json_parts.hpp"
#include "ror/render.hpp"

namespace ror {
namespace render {

Json json_number(std::optional<double> value, Unit unit) {
  if (!value) {
    return nullptr;
  }
  if (unit == Unit::count && std::abs(*value) < 9.2e18) {
    return static_cast<std::int64_t>(std::llround(*value));
  }  // (a sum past 2^63 is written as a number with an exponent, never wrapped)
  return *value;
}

Json account_json(const Account& a) {
  const auto text = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json also = Json::array();
  for (const auto& [platform, handle] : a.others) {
    also.push_back(Json{{"platform", platform}, {"handle", handle}});
  }
  return Json{{"id", text(a.id)},
              {"handle", text(a.handle)},
              {"platform", text(a.platform)},
              {"followers", a.followers ? Json(*a.followers) : Json(nullptr)},
              {"names", a.names},
              {"inferred", a.inferred},
              {"also", also}};
}

Json input_json(const Report& r, bool lists) {
  const InputStats& in = r.input;
  const Warnings& w = in.warnings;
  Json warnings{{"total", w.total()}};
  for (const Warnings::Kind& kind : Warnings::kinds()) {
    warnings[std::string(kind.key)] = w.*kind.counter;
  }
  warnings["first"] = w.first.empty() ? Json(nullptr) : Json(w.first);
  Json skipped = Json::object();
  for (const auto& [reason, n] : in.skipped.counts) {
    skipped[reason] = n;
  }
  Json unknown = Json::array();
  Json why = Json::object();
  for (const MetricId id : r.unknown) {
    const std::string path =
        std::string(group_name(metric_info(id).group)) + "." + std::string(metric_info(id).name);
    unknown.push_back(path);
    why[path] = unknown_reason(id, r.metrics.why_unknown(id));
  }
  Json out = lists ? Json{{"files", in.files}, {"formats", in.formats}, {"origins", in.origins}}
                   : Json::object();
  out.update(Json{{"bytes", in.bytes},
                  {"posts_read", in.posts_read},
                  {"comments_read", in.comments_read},
                  {"posts_scored", json_number(r.metrics[MetricId::posts], Unit::count)},
                  {"original_posts", r.metrics.counts.original_posts},
                  {"outreach_posts", r.metrics.counts.outreach_posts},
                  {"foreign_posts", in.foreign_posts},
                  {"foreign_comments", in.foreign_comments},
                  {"filtered_posts", in.filtered_posts},
                  {"filtered_comments", in.filtered_comments},
                  {"posts_merged", in.posts_merged},
                  {"comments_merged", in.comments_merged},
                  {"statuses_placed", in.statuses_placed},
                  {"anonymous_comments", in.anonymous_comments},
                  {"skipped", skipped},
                  {"warnings", warnings},
                  {"unknown_metrics", unknown},
                  {"unknown_why", why}});
  return out;
}

// The period the report covers: its first and last post, and the window asked for.
Json period_json(const Report& r) {
  const bool any = r.metrics[MetricId::posts].value_or(0) > 0;
  const auto time = [](const std::optional<TimeMs>& t) {
    return t ? Json(format_utc_ms(*t)) : Json(nullptr);
  };
  return Json{{"first_post", any ? time(r.metrics.counts.first_post) : Json(nullptr)},
              {"last_post", any ? time(r.metrics.counts.last_post) : Json(nullptr)},
              {"since", time(r.input.since)},
              {"until", time(r.input.until)}};
}

}  // namespace render

namespace {

using render::account_json;
using render::input_json;
using render::Json;
using render::json_number;
using render::period_json;

Json score(std::optional<double> value) {
  return value ? Json(*value) : Json(nullptr);
}

Json top_audience_json(const MetricValues& m) {
  Json list = Json::array();
  for (const AudienceMember& a : m.top_audience) {
    list.push_back(Json{{"author", a.author},
                        {"comments", a.comments},
                        {"posts", a.posts},
                        {"first_seen", format_utc(a.first_seen)},
                        {"last_seen", format_utc(a.last_seen)},
                        {"answers", a.answers}});
  }
  return list;
}

// The counts behind a group's rates (the totals only).
Json counts_json(Group group, const MetricCounts& c) {
  if (group == Group::roi) {
    return Json{{"original_posts", c.original_posts},
                {"outreach_posts", c.outreach_posts},
                {"commented_posts", c.commented_posts}};
  }
  if (group == Group::ror) {
    return Json{{"account_comments", c.account_comments},
                {"awaiting", c.awaiting},
                {"answered", c.answered},
                {"reciprocated", c.reciprocated}};
  }
  return Json{{"original_posts", c.original_posts},
              {"clean_posts", c.clean_posts},
              {"hashtag_abuse_posts", c.hashtag_abuse_posts},
              {"duplicate_posts", c.duplicate_posts},
              {"burst_posts", c.burst_posts},
              {"mention_blast_posts", c.mention_blast_posts},
              {"account_answers", c.account_answers},
              {"canned_replies", c.canned_replies}};
}

// A score's inputs as it used them: name, weight, value and normalised value.
Json inputs_json(const std::vector<ScoredInput>& inputs) {
  Json list = Json::array();
  for (const ScoredInput& i : inputs) {
    list.push_back(Json{{"input", i.name},
                        {"weight", i.weight},
                        {"value", i.value ? Json(*i.value) : Json(nullptr)},
                        {"normalised", i.normalised ? Json(*i.normalised) : Json(nullptr)}});
  }
  return list;
}

// Writes JSON laid out as nlohmann's dump(2) lays a document out, member by member, without
// building the document: a breakdown's rows (one per post with --by post) are written as they
// are computed. Scalars are written as nlohmann writes them (the same digits for a double, the
// same escapes and replacement of invalid UTF-8 for a string); a Json part is dumped in place.
class JsonWriter {
 public:
  std::string& text() { return text_; }

  void open(char bracket) {
    text_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
      newline();
    }
    text_ += bracket;
  }
  // Starts the next member of an object (our own key: plain ASCII); its value follows.
  JsonWriter& key(std::string_view name) {
    element();
    text_ += '"';
    text_ += name;
    text_ += "\": ";
    return *this;
  }
  // Starts the next element of an array.
  void element() {
    if (!first_.back()) {
      text_ += ',';
    }
    first_.back() = false;
    newline();
  }

  void value(const Json& v) {
    if (v.is_number_integer()) {
      text_ += fmt::format_int(v.get<std::int64_t>()).c_str();
    } else if (v.is_string() && plain(v.get_ref<const std::string&>())) {
      quoted(v.get_ref<const std::string&>());
    } else if (v.is_structured()) {
      const std::string dumped = v.dump(2, ' ', false, Json::error_handler_t::replace);
      for (const char c : dumped) {  // (nested at this depth)
        text_ += c;
        if (c == '\n') {
          text_.append(2 * first_.size(), ' ');
        }
      }
    } else {
      text_ += v.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
  }
  void string(std::string_view s) {
    if (plain(s)) {
      quoted(s);
    } else {
      value(Json(s));
    }
  }
  // A string, null when it is empty.
  void text_or_null(std::string_view s) {
    if (s.empty()) {
      text_ += "null";
    } else {
      string(s);
    }
  }

 private:
  // Printable ASCII that JSON does not escape: written as it is.
  static bool plain(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  }
  void quoted(std::string_view s) {
    text_ += '"';
    text_ += s;
    text_ += '"';
  }
  void newline() {
    text_ += '\n';
    text_.append(2 * first_.size(), ' ');
  }

  std::string text_;
  std::vector<bool> first_;  // by open bracket: nothing written in it yet
};

// A group: its score, coverage, confidence and missing input, its metrics (all, or the
// breakdown's columns), and for the totals the counts behind the rates and the inputs.
void write_group(JsonWriter& w, Group group, const MetricValues& m, const Scores& s,
                 bool all_metrics, const std::optional<Json>& levels = std::nullopt) {
  const auto g = static_cast<std::size_t>(group);
  w.open('{');
  w.key("score").value(score(s.of(group)));
  w.key("coverage").value(std::round(s.coverage_of(group) * 1000.0) / 1000.0);
  w.key("low_confidence").value(s.low_confidence_of(group));
  w.key("missing").text_or_null(s.missing[g]);
  w.key("metrics").open('{');
  const auto metric = [&](MetricId id) {
    const MetricInfo& info = metric_info(id);
    if (info.group == group) {
      w.key(info.name).value(json_number(m[id], info.unit));
    }
  };
  if (all_metrics) {
    for (const MetricInfo& info : metric_catalog()) {
      metric(info.id);
    }
    if (group == Group::ror) {
      w.key("top_audience").value(top_audience_json(m));
    }
  } else {
    for (const MetricId id : breakdown_metrics()) {
      metric(id);
    }
  }
  w.close('}');
  if (all_metrics) {
    w.key("counts").value(counts_json(group, m.counts));
    w.key("inputs").value(inputs_json(s.inputs[g]));
  }
  if (levels) {
    w.key("audience_levels").value(*levels);
  }
  w.close('}');
}

// The "input" object, its per-file lists written string by string (input_json's layout).
void write_input(JsonWriter& w, const Report& report) {
  const InputStats& in = report.input;
  w.key("input").open('{');
  for (const auto& [name, list] : {std::pair{"files", &in.files}, std::pair{"formats", &in.formats},
                                   std::pair{"origins", &in.origins}}) {
    w.key(name).open('[');
    for (const std::string& item : *list) {
      w.element();
      w.string(item);
    }
    w.close(']');
  }
  const Json rest = input_json(report, false);
  for (const auto& [name, value] : rest.items()) {
    w.key(name).value(value);
  }
  w.close('}');
}

// The verdict, and what an insufficient-data verdict lacks (else null).
void write_verdict(JsonWriter& w, const Scores& s) {
  w.key("verdict").value(verdict_name(s.verdict));
  w.key("verdict_reason").text_or_null(s.insufficient);
}

void write_row(JsonWriter& w, const BreakdownRow& row, BreakdownBy by) {
  w.open('{');
  w.key("key").string(row.key);
  if (by == BreakdownBy::post) {
    w.key("time").value(format_utc_ms(row.metrics.counts.first_post));
    w.key("excerpt").text_or_null(row.excerpt);
    w.key("url").text_or_null(row.url);
  }
  for (const Group g : kGroups) {
    w.key(group_name(g));
    write_group(w, g, row.metrics, row.scores, false);
  }
  write_verdict(w, row.scores);
  w.close('}');
}

Json checks_json(const Report& r) {
  Json list = Json::array();
  for (const CheckResult& c : r.checks) {
    list.push_back(Json{{"condition", c.requirement.text},
                        {"value", c.value ? Json(*c.value) : Json(nullptr)},
                        {"passed", c.passed}});
  }
  return list;
}

}  // namespace

// Written as it goes, and a breakdown row by row, so that `--by post` holds one row at a time.
void render_json(const Report& report, const RenderOptions& /*options*/, std::ostream& out) {
  JsonWriter w;
  std::string& text = w.text();
  w.open('{');
  w.key("schema_version").value(kOutputSchemaVersion);
  w.key("account").value(account_json(report.account));
  w.key("period").value(period_json(report));
  write_input(w, report);
  if (report.by) {
    w.key("by").value(breakdown_name(*report.by));
    w.key("rows").open('[');
    for (const BreakdownRow& row : report.rows) {
      w.element();
      write_row(w, row, *report.by);
      if (text.size() >= (std::size_t{1} << 16)) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
      }
    }
    w.close(']');
  } else {
    std::optional<Json> levels = Json(nullptr);
    if (report.levels) {
      levels = Json::object();
      for (std::size_t l = 0; l < kLevelCount; ++l) {
        (*levels)[std::string(level_name(static_cast<Level>(l)))] = (*report.levels)[l];
      }
    }
    for (const Group g : kGroups) {
      w.key(group_name(g));
      write_group(w, g, report.metrics, report.scores, true,
                  g == Group::ror ? levels : std::nullopt);
    }
    write_verdict(w, report.scores);
  }
  w.key("checks").value(checks_json(report));
  w.close('}');
  text += '\n';
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace ror

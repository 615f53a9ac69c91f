// --format json: the versioned machine report (docs/output.md). Key order is fixed.
#include <cmath>

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

Json input_json(const Report& r) {
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
  return Json{{"files", in.files},
              {"formats", in.formats},
              {"origins", in.origins},
              {"bytes", in.bytes},
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
              {"unknown_why", why}};
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

Json group_json(Group group, const MetricValues& m, const Scores& s, bool all_metrics) {
  Json metrics = Json::object();
  if (all_metrics) {
    for (const MetricInfo& info : metric_catalog()) {
      if (info.group == group) {
        metrics[std::string(info.name)] = json_number(m[info.id], info.unit);
      }
    }
    if (group == Group::ror) {
      metrics["top_audience"] = top_audience_json(m);
    }
  } else {
    for (const MetricId id : breakdown_metrics()) {
      const MetricInfo& info = metric_info(id);
      if (info.group == group) {
        metrics[std::string(info.name)] = json_number(m[id], info.unit);
      }
    }
  }
  const std::string& missing = s.missing[static_cast<std::size_t>(group)];
  Json out{{"score", score(s.of(group))},
           {"coverage", std::round(s.coverage_of(group) * 1000.0) / 1000.0},
           {"low_confidence", s.low_confidence_of(group)},
           {"missing", missing.empty() ? Json(nullptr) : Json(missing)},
           {"metrics", metrics}};
  if (all_metrics) {
    out["counts"] = counts_json(group, m.counts);
    out["inputs"] = inputs_json(s.inputs[static_cast<std::size_t>(group)]);
  }
  return out;
}

// What an insufficient-data verdict lacks, else null.
Json reason(const Scores& s) {
  return s.insufficient.empty() ? Json(nullptr) : Json(s.insufficient);
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

void render_json(const Report& report, const RenderOptions& /*options*/, std::ostream& out) {
  Json doc{{"schema_version", kOutputSchemaVersion},
           {"account", account_json(report.account)},
           {"period", period_json(report)},
           {"input", input_json(report)}};
  if (report.by) {
    doc["by"] = breakdown_name(*report.by);
    Json rows = Json::array();
    for (const BreakdownRow& row : report.rows) {
      Json entry{{"key", row.key}};
      if (*report.by == BreakdownBy::post) {
        entry["time"] = format_utc_ms(row.metrics.counts.first_post);
        entry["excerpt"] = row.excerpt.empty() ? Json(nullptr) : Json(row.excerpt);
        entry["url"] = row.url.empty() ? Json(nullptr) : Json(row.url);
      }
      for (const Group g : kGroups) {
        entry[std::string(group_name(g))] = group_json(g, row.metrics, row.scores, false);
      }
      entry["verdict"] = verdict_name(row.scores.verdict);
      entry["verdict_reason"] = reason(row.scores);
      rows.push_back(std::move(entry));
    }
    doc["rows"] = std::move(rows);
  } else {
    for (const Group g : kGroups) {
      doc[std::string(group_name(g))] = group_json(g, report.metrics, report.scores, true);
    }
    Json levels(nullptr);
    if (report.levels) {
      levels = Json::object();
      for (std::size_t l = 0; l < kLevelCount; ++l) {
        levels[std::string(level_name(static_cast<Level>(l)))] = (*report.levels)[l];
      }
    }
    doc["ror"]["audience_levels"] = levels;
    doc["verdict"] = verdict_name(report.scores.verdict);
    doc["verdict_reason"] = reason(report.scores);
  }
  doc["checks"] = checks_json(report);
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace ror

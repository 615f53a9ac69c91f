#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/report.hpp"

using namespace ror;

namespace {

Report small_report(std::optional<BreakdownBy> by = std::nullopt) {
  // (static: a breakdown's rows are computed as they are read, from the dataset)
  static const Dataset d = test::load_text(R"({"account": {"handle": "@acme", "followers": 1000},
    "posts": [{"id": "p1", "created_at": "2026-01-05T10:00:00Z", "text": "#a #b #c hello",
      "metrics": {"impressions": 1000, "likes": 10},
      "comments": [{"id": "c1", "author": "ann, \"the\" reader", "created_at":
        "2026-01-05T11:00:00Z", "text": "a question with quite a few words in it for you all to read"},
        {"id": "c2", "author": "acme", "created_at": "2026-01-05T12:30:00Z", "text": "answer",
         "parent_id": "c1"}]}]})");
  return build_report(d, default_score_config(), {parse_requirement("ror.score>=50")}, by);
}

std::string rendered(const Report& r, std::string_view format, bool color = false) {
  std::ostringstream out;
  find_renderer(format)->render(r, RenderOptions{color}, out);
  return out.str();
}

}  // namespace

TEST_CASE("human number formats", "[render]") {
  CHECK(render::thousands(0) == "0");
  CHECK(render::thousands(999) == "999");
  CHECK(render::thousands(1000) == "1,000");
  CHECK(render::thousands(8699480) == "8,699,480");
  CHECK(render::duration(45) == "45s");
  CHECK(render::duration(200) == "3m 20s");
  CHECK(render::duration(5400) == "1h 30m");
  CHECK(render::duration(86400 + 4 * 3600) == "1d 04h");
  CHECK(render::human_value(std::nullopt, Unit::rate) == "n/a");
  CHECK(render::human_value(0.1234, Unit::rate) == "12.3%");
  CHECK(render::human_value(3.14159, Unit::ratio) == "3.14");
  CHECK(render::human_score(61.25) == "61.2");
}

TEST_CASE("every format renders the same figures", "[render]") {
  const Report r = small_report();
  const std::string json = rendered(r, "json");
  CHECK(json.find("\"schema_version\": 3") != std::string::npos);
  CHECK(json.find("\"response_time_median\": 5400.0") != std::string::npos);
  CHECK(json.find("\"hashtag_abuse_rate\": 1.0") != std::string::npos);
  CHECK(json.find("\"views\": null") != std::string::npos);
  const std::string csv = rendered(r, "csv");
  CHECK(csv.rfind("section,name,value\n", 0) == 0);
  CHECK(csv.find('\r') == std::string::npos);  // "\n" line ends
  CHECK(csv.find("ror,response_time_median,5400\n") != std::string::npos);
  CHECK(csv.find("ror,top_audience.1.author,\"ann, \"\"the\"\" reader\"\n") != std::string::npos);
  CHECK(csv.find("roi,views,\n") != std::string::npos);
  CHECK(csv.find("check,ror.score>=50,") != std::string::npos);
  CHECK(csv.find("check.value,ror.score>=50,") != std::string::npos);  // the measured value
  CHECK(csv.find("hygiene,counts.clean_posts,") != std::string::npos);
  CHECK(csv.find("ror,input.timely_response.weight,10\n") != std::string::npos);
  // --wide: one header line and one line of the same figures.
  std::ostringstream wide;
  ror::render_csv(r, ror::RenderOptions{false, true}, wide);
  std::istringstream wide_lines(wide.str());
  std::string header;
  std::string values;
  std::getline(wide_lines, header);
  std::getline(wide_lines, values);
  CHECK(header.rfind("meta.schema_version,account.id,", 0) == 0);
  CHECK(header.find(",ror.response_time_median,") != std::string::npos);
  CHECK(header.find(",check.ror.score>=50,check.value.ror.score>=50") != std::string::npos);
  CHECK(std::count(header.begin(), header.end(), ',') ==
        std::count(csv.begin(), csv.end(), '\n') - 1 - 1);  // a column per long row, less one
  const std::string md = rendered(r, "markdown");
  CHECK(md.find("| response\\_time\\_median | 1h 30m |") != std::string::npos);
  const std::string table = rendered(r, "table");
  CHECK(table.find("median time to answer") != std::string::npos);
  CHECK(table.find("1h 30m") != std::string::npos);
  CHECK(table.find("\x1b[") == std::string::npos);
  CHECK(rendered(r, "table", true).find("\x1b[") != std::string::npos);
  CHECK(json.find("\x1b[") == std::string::npos);
}

TEST_CASE("the table fits in 80 columns and uses a wider terminal", "[render]") {
  for (const std::size_t width : {std::size_t{80}, std::size_t{120}}) {
    for (const auto by : {std::optional<BreakdownBy>{}, std::optional(BreakdownBy::month),
                          std::optional(BreakdownBy::post)}) {
      std::ostringstream text;
      ror::render_table(small_report(by), ror::RenderOptions{false, false, width}, text);
      std::istringstream lines(text.str());
      long widest = 0;
      for (std::string line; std::getline(lines, line);) {
        const auto columns = std::count_if(line.begin(), line.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
        });
        INFO(line);
        CHECK(columns <= static_cast<long>(width));
        widest = std::max<long>(widest, columns);
      }
      CAPTURE(width);
      if (by && width > 80) {
        CHECK(widest > 80);  // the breakdown adds the reach columns
        CHECK(text.str().find("impressions") != std::string::npos);
      }
    }
  }
}

TEST_CASE("columns count what a terminal shows", "[render]") {
  using ror::render::columns;
  CHECK(columns("abc") == 3);
  CHECK(columns("caf\u00e9") == 4);
  CHECK(columns("e\u0301") == 1);       // a combining accent takes no column
  CHECK(columns("\U0001F389a") == 3);   // an emoji takes two
  CHECK(columns("\u65e5\u672c") == 4);  // so do CJK characters
  CHECK(columns(ror::render::fit("\u65e5\u672c\u8a9e\u65e5\u672c", 6)) <= 6);
  CHECK(ror::render::fit("\u65e5\u672c\u8a9e\u65e5\u672c", 6) == "\u65e5\u672c~");
  CHECK(columns("\xff\xfe") == 2);  // malformed bytes: one column each
}

TEST_CASE("names are cut in the middle, keeping their domain", "[render]") {
  using ror::render::shorten_middle;
  CHECK(shorten_middle("alexandra.vasquez@mastodon.social", 26) ==
        "alexandra\u2026@mastodon.social");
  CHECK(shorten_middle("short@host", 26) == "short@host");
  CHECK(shorten_middle("averyveryveryverylongnamewithoutdomain", 11) == "avery\u2026omain");
  CHECK(ror::render::columns(shorten_middle(
            "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9@x.example", 12)) == 12);
}

TEST_CASE("a breakdown has one row per month", "[render]") {
  const Report r = small_report(BreakdownBy::month);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].key == "2026-01");
  const std::string csv = rendered(r, "csv");
  CHECK(csv.rfind("month,roi.score,roi.coverage,roi.low_confidence,roi.missing,roi.posts", 0) == 0);
  CHECK(csv.find("\n2026-01,") != std::string::npos);
  CHECK(csv.find(",check.ror.score>=50,check.value.ror.score>=50\n") != std::string::npos);
}

namespace {

// Two sides to compare: the sample broadcaster against the sample relationship builder, with a
// check on the change.
Comparison sample_comparison() {
  const auto load = [](const char* name) {
    return load_files({std::string(ROR_SOURCE_DIR) + "/data/samples/" + name}, {});
  };
  return build_comparison(load("broadcaster.json"), load("relationship-builder.json"),
                          default_score_config(),
                          {parse_requirement("delta.ror.score>=0", RequirementScope::comparison)});
}

std::string rendered(const Comparison& c, std::string_view format, bool color = false) {
  std::ostringstream out;
  find_renderer(comparison_renderers(), format)->render(c, RenderOptions{color}, out);
  return out.str();
}

}  // namespace

TEST_CASE("a comparison renders in every format", "[render][comparison]") {
  const Comparison c = sample_comparison();
  CHECK(renderer_names(comparison_renderers()) ==
        std::vector<std::string>{"table", "json", "csv", "markdown"});
  const std::string table = rendered(c, "table");
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    CHECK(render::columns(line) <= 80);
    CHECK(line.find('\x1b') == std::string::npos);  // no colour unless asked
    CHECK((line.empty() || line.back() != ' '));
  }
  CHECK(table.find("  relationship (ROR)                 27.1       86.5             +59.4  "
                   "better\n") != std::string::npos);
  CHECK(table.find("  low-effort comments               49.6%       6.9%         -42.7 pts  "
                   "better\n") != std::string::npos);
  CHECK(table.find("PASS delta.ror.score>=0: measured 59.4 (passed)") != std::string::npos);
  // Colour adds to the words, never replaces them.
  const std::string colored = rendered(c, "table", true);
  CHECK(colored.find("\x1b[32mbetter\x1b[0m") != std::string::npos);
  CHECK(colored.find("\x1b[31mworse\x1b[0m") != std::string::npos);

  const std::string json = rendered(c, "json");
  CHECK(json.find("\"schema_version\": 3,\n  \"kind\": \"comparison\",") != std::string::npos);
  CHECK(json.find("\"change\": 59.4,") != std::string::npos);

  const std::string csv = rendered(c, "csv");
  CHECK(csv.rfind("section,name,a,b,change,relative,judgement\n", 0) == 0);
  CHECK(csv.find("\nror,score,27.1,86.5,59.4,,better\n") != std::string::npos);
  CHECK(csv.find("\nroi,posts,92,65,-27,") != std::string::npos);
  CHECK(csv.find("\ncheck,delta.ror.score>=0,,,59.4,,passed\n") != std::string::npos);

  const std::string md = rendered(c, "markdown");
  CHECK(md.find("| ror.score | 27.1 | 86.5 | +59.4 | 🟢 better |") != std::string::npos);
  CHECK(md.find("| low\\_effort\\_comment\\_rate | 49.6% | 6.9% | -42.7 pts | 🟢 better |") !=
        std::string::npos);
}

TEST_CASE("changes read in their metric's unit", "[render][comparison]") {
  using render::human_change;
  CHECK(human_change({1000, 1250, 250, 0.25, Judgement::better}, Unit::count) == "+250 (+25%)");
  CHECK(human_change({100, 104, 4, 0.04, Judgement::better}, Unit::count) == "+4 (+4.0%)");
  CHECK(human_change({486300, 2140, -484160, -484160.0 / 486300, Judgement::worse},
                     Unit::count) == "-484,160 (-99.6%)");  // not -100%: B has some
  CHECK(human_change({2, 0, -2, -1.0, Judgement::worse}, Unit::count) == "-2 (-100%)");
  CHECK(human_change({10, 300, 290, 29.0, Judgement::better}, Unit::count) == "+290 (x30)");
  CHECK(human_change({0.147, 0.755, 0.608, std::nullopt, Judgement::better}, Unit::rate) ==
        "+60.8 pts");
  CHECK(human_change({7200, 3600, -3600, std::nullopt, Judgement::better}, Unit::seconds) ==
        "-1h 00m");
  CHECK(human_change({3, 3, 0, 0.0, Judgement::same}, Unit::count) == "0");
  CHECK(human_change({std::nullopt, 3, std::nullopt, std::nullopt, Judgement::unknown},
                     Unit::count) == "n/a");
  CHECK(render::human_score_change({27.1, 86.5, 59.4, std::nullopt, Judgement::better}) == "+59.4");
  // A change too small for the usual decimals still shows (it was judged better or worse).
  CHECK(human_change({0.0391, 0.03905, -0.00005, std::nullopt, Judgement::worse}, Unit::rate) ==
        "-0.005 pts");
  CHECK(human_change({1.0, 1.004, 0.004, 0.004, Judgement::better}, Unit::ratio) ==
        "+0.004 (+0.4%)");
  // The comparison table's narrow columns write large counts compact.
  CHECK(render::compact_count(9999999) == "9,999,999");
  CHECK(render::compact_count(633315212) == "633.3M");
  CHECK(render::compact_count(12.4e9) == "12.4B");
  CHECK(human_change({6e8, 6.188e8, 18.8e6, 18.8e6 / 6e8, Judgement::better}, Unit::count, true) ==
        "+18.8M (+3.1%)");
}

TEST_CASE("sparklines place each value on its scale; unknown is a dot, not the floor") {
  using ror::render::sparkline;
  CHECK(sparkline({0.0, 50.0, 100.0}, 0, 100) == "\u2581\u2585\u2588");
  CHECK(sparkline({std::nullopt, 0.0}, 0, 100) == "\u00b7\u2581");
  CHECK(sparkline({7.0, 7.0}, 7, 7) == "\u2585\u2585");  // (no spread: mid height)
  CHECK(sparkline({-5.0, 500.0}, 0, 100) == "\u2581\u2588");
}

namespace {

// An export of `posts` posts, a day apart, each with a question and, on every other post, the
// account's answer; a few texts need JSON escapes.
std::string many_posts(std::size_t posts) {
  std::string text = R"({"account": {"handle": "acme", "followers": 500}, "posts": [)";
  for (std::size_t i = 0; i < posts; ++i) {
    const std::string day =
        ror::format_utc(ror::TimeMs{1767225600000} + static_cast<ror::TimeMs>(i) * 86'400'000);
    text += fmt::format(
        R"({}{{"id": "p{}", "created_at": "{}", "text": "post {} \"quoted\" \u00e9", )"
        R"("url": "https://example.invalid/p/{}", "metrics": {{"impressions": {}, "likes": {}}}, )"
        R"("comments": [{{"id": "q{}", "author": "reader{}", "created_at": "{}", "text": "why?"}})",
        i == 0 ? "" : ",", i, day, i, i, 100 + i, i % 7, i, i % 13, day);
    if (i % 2 == 0) {
      text += fmt::format(R"(, {{"id": "a{}", "author": "acme", "created_at": "{}", )"
                          R"("text": "because", "parent_id": "q{}"}})",
                          i, day, i);
    }
    text += "]}";
  }
  return text + "]}";
}

}  // namespace

TEST_CASE("a long breakdown's rows computed ahead are the rows computed one by one", "[render]") {
  // Over 256 rows a chunk: the loop reads rows that other threads computed.
  LoadOptions options;
  options.keep_excerpts = true;
  const Dataset d = test::load_text(many_posts(700), options);
  const ror::Breakdown rows(d, default_score_config(), BreakdownBy::post);
  REQUIRE(rows.size() == 700);
  std::size_t i = 0;
  for (const ror::BreakdownRow& row : rows) {
    const ror::BreakdownRow alone = rows[i];
    CAPTURE(i);
    CHECK(row.key == alone.key);
    CHECK(row.excerpt == alone.excerpt);
    CHECK(row.url == alone.url);
    CHECK(row.scores.exact == alone.scores.exact);
    CHECK(row.metrics.values == alone.metrics.values);
    CHECK(row.metrics.top_audience.empty());  // (no row shows one)
    ++i;
  }
  CHECK(i == 700);
  CHECK(rows[0].key == "p0");  // in time
  CHECK(rows[699].key == "p699");
  CHECK(rows[3].excerpt == "post 3 \"quoted\" \u00e9");
  // A breaking loop leaves chunks on their way: they are waited for, not leaked.
  for (const ror::BreakdownRow& row : rows) {
    CHECK(row.key == "p0");
    break;
  }
}

TEST_CASE("the JSON report written as it goes is the document nlohmann would dump", "[render]") {
  LoadOptions options;
  options.keep_excerpts = true;
  const Dataset d = test::load_text(many_posts(300), options);
  for (const auto by : {std::optional<BreakdownBy>{}, std::optional(BreakdownBy::post),
                        std::optional(BreakdownBy::month), std::optional(BreakdownBy::platform)}) {
    const Report r =
        build_report(d, default_score_config(), {parse_requirement("ror.score>=50")}, by);
    const std::string text = rendered(r, "json");
    CAPTURE(text.substr(0, 2000));
    const auto doc = nlohmann::ordered_json::parse(text);
    CHECK(doc.dump(2) + "\n" == text);  // (same layout, same digits, same escapes)
    if (by == BreakdownBy::post) {
      REQUIRE(doc["rows"].size() == 300);
      CHECK(doc["rows"][5]["excerpt"] == "post 5 \"quoted\" \u00e9");
      CHECK(doc["rows"][5]["url"] == "https://example.invalid/p/5");
      CHECK(doc["rows"][5]["hygiene"]["metrics"].empty());
    }
  }
  // The per-file lists, written string by string: escapes, and an empty list.
  Report r = build_report(d, default_score_config(), {});
  r.input.files = {"dir/a \"quoted\" \u00e9.json", "dir\\b.json", "c\x01.json"};
  r.input.formats = {"ror/v1", "ror/v1", "ror/v1"};
  r.input.origins.clear();
  const std::string text = rendered(r, "json");
  const auto doc = nlohmann::ordered_json::parse(text);
  CHECK(doc.dump(2) + "\n" == text);
  CHECK(doc["input"]["files"][0] == "dir/a \"quoted\" \u00e9.json");
  CHECK(doc["input"]["files"][2] == "c\x01.json");
  CHECK(doc["input"]["origins"].empty());
}

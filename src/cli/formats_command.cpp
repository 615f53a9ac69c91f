// `ror formats`: the importers, what each reads, and what each cannot know.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "ror/ingest.hpp"
#include "ror/render.hpp"

namespace ror::cli {
namespace {

class FormatsCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    app.add_option("-f,--format", format_, "Output format")
        ->transform(CLI::IsMember({"table", "json"}, CLI::ignore_case))
        ->capture_default_str();
  }

  ExitCode run(const Streams& streams) override {
    const std::vector<FormatInfo> formats = input_formats();
    if (format_ == "json") {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const FormatInfo& f : formats) {
        list.push_back({{"name", f.name},
                        {"platform", f.platform.empty() ? nlohmann::ordered_json(nullptr)
                                                        : nlohmann::ordered_json(f.platform)},
                        {"reads", f.reads},
                        {"cannot_know", f.unknown},
                        {"audience_comments", f.audience_comments}});
      }
      const nlohmann::ordered_json doc{{"schema_version", kOutputSchemaVersion}, {"formats", list}};
      streams.out << doc.dump(2) << '\n';
    } else {
      streams.out << "Input formats, detected by content (--from NAME forces one):\n";
      for (const FormatInfo& f : formats) {
        streams.out << fmt::format("\n{}{}\n  reads: {}\n  cannot know: {}\n", f.name,
                                   f.platform.empty() ? "" : " (" + f.platform + ")", f.reads,
                                   f.unknown);
        if (!f.audience_comments) {
          streams.out << "  comments by other people: not in these exports\n";
        }
      }
    }
    streams.out.flush();
    if (!streams.out) {
      throw Error(ExitCode::output_failed, "cannot write to standard output");
    }
    return ExitCode::ok;
  }

 private:
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> make_formats_command() {
  return std::make_unique<FormatsCommand>();
}

}  // namespace ror::cli

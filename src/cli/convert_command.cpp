// `ror convert`: reads exports as `ror score` does and writes what the importers read as ror/v1,
// so that other tools can use it. Scoring the output gives the same report as scoring the inputs
// (but for the input line).
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/inputs.hpp"
#include "ror/convert.hpp"

namespace ror::cli {
namespace {

class ConvertCommand final : public Command {
 public:
  void setup(CLI::App& app) override {
    add_input_options(app, inputs_,
                      "Exports in any format ror reads (see ror formats); '-' or none reads stdin");
    app.add_option("-o,--output", output_, "Write to FILE instead of stdout")->type_name("FILE");
    app.add_flag("--ndjson", ndjson_, "Write NDJSON (an account line, then a post per line)");
  }

  ExitCode run(const Streams& streams) override {
    configure_logging(streams.err, inputs_.quiet, inputs_.verbose);
    LoadOptions load = load_options(inputs_);
    load.keep_details = true;
    Output output(output_, inputs_.files, streams);  // (a bad -o fails before the load)
    const Dataset data = load_inputs(inputs_, load, streams);
    report_load(data);
    output.write(
        [&](std::ostream& out, bool /*to_terminal*/) { write_ror_v1(data, ndjson_, out); });
    return ExitCode::ok;
  }

 private:
  InputArgs inputs_;
  std::string output_;
  bool ndjson_ = false;
};

}  // namespace

std::unique_ptr<Command> make_convert_command() {
  return std::make_unique<ConvertCommand>();
}

}  // namespace ror::cli

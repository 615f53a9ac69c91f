// The --require checks as JUnit XML, which CI systems (GitLab, Jenkins, GitHub test reporters)
// read: one test case per condition, the measured value in its message.
#include <fmt/format.h>

#include "render/format.hpp"
#include "ror/render.hpp"
#include "ror/text.hpp"

namespace ror {

void render_junit(const std::vector<CheckResult>& checks, std::ostream& out) {
  std::size_t failures = 0;
  for (const CheckResult& c : checks) {
    failures += c.passed ? 0 : 1;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"ror\" tests=\"{}\" failures=\"{}\">\n", checks.size(),
                     failures);
  out << fmt::format("  <testsuite name=\"ror --require\" tests=\"{}\" failures=\"{}\">\n",
                     checks.size(), failures);
  for (const CheckResult& c : checks) {
    const std::string name = markup_text(c.requirement.text);
    const std::string line = markup_text(render::check_line(c));
    out << fmt::format("    <testcase classname=\"ror.require\" name=\"{}\">\n", name);
    if (c.passed) {
      out << fmt::format("      <system-out>{}</system-out>\n", line);
    } else {
      out << fmt::format("      <failure type=\"check_failed\" message=\"{}\">{}</failure>\n", line,
                         line);
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace ror

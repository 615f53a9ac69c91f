// Fuzz target for html_to_text: any bytes convert without a crash, a hang or a sanitizer report,
// and the result keeps the promises the converter makes. The text measures then run on the
// result, where the vector and scalar scans must agree. Built as a libFuzzer target with
// -DROR_FUZZ=ON (clang), and always as a replay test over html_corpus/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ror/text.hpp"

namespace {

void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

// The text measures of one text, computed every way there is.
void check_text_measures(std::string_view text) {
  const ror::TextStats fast = ror::analyze_text(text);
  const ror::TextStats scalar = ror::analyze_text_scalar(text);
  require(fast.words == scalar.words);
  require(fast.norm_hash == scalar.norm_hash);
  require(fast.norm_hash == ror::normalized_hash(ror::normalize_text(text)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const std::string text = ror::html_to_text(html);
  // The text is never longer than its HTML.
  require(text.size() <= html.size());
  // Markup-free input comes out as it went in.
  if (html.find_first_of("<&") == std::string_view::npos) {
    require(text == html);
  }
  // A reused output string gives the same text.
  std::string reused = "some earlier text that is longer than most inputs here";
  ror::html_to_text(html, reused);
  require(reused == text);
  check_text_measures(html);
  check_text_measures(text);
  return 0;
}

// Writing a dataset back as ror/v1, for `ror convert`.
#pragma once

#include <ostream>

#include "ror/dataset.hpp"

namespace ror {

// Separates the entries of a list kept in one string (PostDetails::hashtags and mentions).
inline constexpr char kListSeparator = '\x1f';

// Writes `data` (loaded with LoadOptions::keep_details) as a ror/v1 document, or as NDJSON: a
// {"schema", "account"} line, then a post per line. Scoring the output gives the same report as
// scoring the inputs `data` came from, but for the input accounting.
void write_ror_v1(const Dataset& data, bool ndjson, std::ostream& out);

}  // namespace ror

// The cells of ror's CSV, shared by the score report's and the comparison's: values in their
// unit, times, and the one writer of a line (RFC 4180 quoting, the spreadsheet formula guard).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ror/metrics.hpp"
#include "ror/time.hpp"

namespace ror::render {

// A value's cell: counts as integers (a sum past 2^63 keeps its exponent), other values in their
// shortest exact form, "" when unknown.
std::string csv_value(std::optional<double> value, Unit unit);

// A time's cell (RFC 3339 with milliseconds), "" when there is none.
std::string csv_time(std::optional<TimeMs> t);

// Writes one line of cells, each quoted where RFC 4180 needs it and, unless `raw`, made unable to
// run as a spreadsheet formula (spreadsheet_safe).
void write_csv_line(std::ostream& out, const std::vector<std::string>& cells, bool raw);

}  // namespace ror::render

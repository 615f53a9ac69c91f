// The parts of the score report's JSON that other JSON documents (the comparison's) repeat, so
// that an account, a period or an input reads the same in each.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "ror/report.hpp"

namespace ror::render {

using Json = nlohmann::ordered_json;

// A value in its unit: counts as integers (a sum past 2^63 keeps its exponent), null unknown.
Json json_number(std::optional<double> value, Unit unit);

// The "account" object.
Json account_json(const Account& account);

// The "period" object: the first and last post of the report, and the window asked for.
Json period_json(const Report& report);

// The "input" object: files, formats, counts, warnings, unknown metrics and why. Without
// `lists`, the per-file lists (files, formats, origins) are left out, for a writer that writes
// them itself (a folder may hold a hundred thousand files).
Json input_json(const Report& report, bool lists = true);

}  // namespace ror::render

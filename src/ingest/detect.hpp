// Detection by content: every importer says how sure it is that an input is its format, and the
// surest wins (ties go to the one listed first); --from forces one.
#pragma once

#include <string>

#include "ingest/importer.hpp"
#include "ingest/sniff.hpp"
#include "ror/error.hpp"

namespace ror::ingest {

// The importer chosen for an input and what it said.
struct Choice {
  const Importer* importer = nullptr;  // nullptr: none recognises the input
  Detection detection;
};

// Chooses the importer of an input from its start, or takes `forced` (--from). Throws
// ror::Error (bad input) when the forced importer does not recognise the input at all.
Choice choose_importer(const Sniff& sniff, const Importer* forced);

// The error for an input that no importer recognises, naming the input and the importers tried.
Error unrecognised(const Sniff& sniff);

// "ror/v1, x-archive, ...": every importer's name.
std::string importer_names();

}  // namespace ror::ingest

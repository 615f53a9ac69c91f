#include "ingest/detect.hpp"

#include <fmt/format.h>

#include "ror/error.hpp"

namespace ror::ingest {

std::string importer_names() {
  std::string names;
  for (const Importer* importer : importers()) {
    names += names.empty() ? "" : ", ";
    names += importer->name;
  }
  return names;
}

Choice choose_importer(const Sniff& sniff, const Importer* forced) {
  if (forced != nullptr) {
    const Detection d = forced->detect(sniff);
    if (d.confidence <= 0) {
      throw input_error(fmt::format("{} does not look like {} input ({}); see ror formats",
                                    sniff.name, forced->name, shape_name(sniff.shape)));
    }
    return {forced, d};
  }
  Choice best;
  for (const Importer* importer : importers()) {
    const Detection d = importer->detect(sniff);
    if (d.confidence > best.detection.confidence) {
      best = {importer, d};
    }
  }
  return best;
}

Error unrecognised(const Sniff& sniff) {
  return input_error(
      fmt::format("{}: no importer recognises this input ({}); tried {} (--from NAME forces one)",
                  sniff.name, shape_name(sniff.shape), importer_names()));
}

}  // namespace ror::ingest

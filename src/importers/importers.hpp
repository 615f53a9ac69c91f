// The importers, one per file in this folder; registry.cpp lists them in detection order.
#pragma once

#include "ingest/importer.hpp"

namespace ror::importers {

extern const ingest::Importer kRorV1;  // ror_v1.cpp

}  // namespace ror::importers

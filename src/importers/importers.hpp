// The importers, one per file in this folder; registry.cpp lists them in detection order.
#pragma once

#include "ingest/importer.hpp"

namespace ror::importers {

extern const ingest::Importer kRorV1;           // ror_v1.cpp
extern const ingest::Importer kXArchive;        // x_archive.cpp
extern const ingest::Importer kXApi;            // x_api.cpp
extern const ingest::Importer kMastodonExport;  // mastodon_export.cpp
extern const ingest::Importer kMastodonApi;     // mastodon_api.cpp
extern const ingest::Importer kLinkedIn;        // linkedin.cpp (with csv_table.cpp)

}  // namespace ror::importers

// The importers, one per file in this folder; registry.cpp lists them in detection order.
#pragma once

#include "ingest/importer.hpp"

namespace ror::importers {

extern const ingest::Importer kRorV1;            // ror_v1.cpp
extern const ingest::Importer kXArchive;         // x_archive.cpp
extern const ingest::Importer kXApi;             // x_api.cpp
extern const ingest::Importer kMastodonExport;   // mastodon_export.cpp
extern const ingest::Importer kMastodonApi;      // mastodon_api.cpp
extern const ingest::Importer kYoutubeApi;       // youtube_api.cpp
extern const ingest::Importer kFacebook;         // facebook.cpp
extern const ingest::Importer kInstagram;        // instagram.cpp
extern const ingest::Importer kWordpressApi;     // wordpress_api.cpp
extern const ingest::Importer kWordpressWxr;     // wordpress_wxr.cpp
extern const ingest::Importer kReddit;           // reddit.cpp
extern const ingest::Importer kRedditDump;       // reddit_dump.cpp
extern const ingest::Importer kBlueskyApi;       // bluesky_api.cpp
extern const ingest::Importer kHnAlgolia;        // hn_algolia.cpp
extern const ingest::Importer kHnAlgoliaSearch;  // hn_algolia_search.cpp
extern const ingest::Importer kHnFirebase;       // hn_firebase.cpp
extern const ingest::Importer kLinkedIn;         // linkedin.cpp (with csv_table.cpp)

}  // namespace ror::importers

// The table of importers: adding a format adds its file and one row here.
#include <algorithm>
#include <array>

#include "importers/importers.hpp"
#include "ror/ingest.hpp"

namespace ror::ingest {

std::span<const Importer* const> importers() {
  static constexpr auto kTable = std::to_array<const Importer*>({
      &importers::kRorV1,
      &importers::kXArchive,
      &importers::kXApi,
      &importers::kMastodonExport,
      &importers::kMastodonApi,
      &importers::kReddit,
      &importers::kRedditDump,
      &importers::kBlueskyApi,
      &importers::kHnAlgolia,
      &importers::kHnAlgoliaSearch,
      &importers::kHnFirebase,
      &importers::kWordpressApi,
      &importers::kWordpressWxr,
      &importers::kYoutubeApi,
      &importers::kFacebook,
      &importers::kInstagram,
      &importers::kLinkedIn,
  });
  return kTable;
}

const Importer* find_importer(std::string_view name) {
  const auto all = importers();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Importer* i) { return i->name == name; });
  return it == all.end() ? nullptr : *it;
}

}  // namespace ror::ingest

namespace ror {

std::vector<FormatInfo> input_formats() {
  std::vector<FormatInfo> out;
  for (const ingest::Importer* i : ingest::importers()) {
    out.push_back({std::string(i->name), std::string(i->platform), std::string(i->reads),
                   std::string(i->unknown), i->audience_comments});
  }
  return out;
}

}  // namespace ror

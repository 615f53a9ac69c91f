// The profile record an importer gives with each item to name its author's handle on its
// platform, and nothing else (for the account once it is known).
#pragma once

#include <string_view>

#include "ingest/records.hpp"

namespace ror::importers {

// One record per thread, reused: RecordSink::account copies only what it keeps, so that an
// export of millions of small items (Hacker News) makes no allocation for it. Valid until the
// thread's next call.
inline const ingest::AccountRecord& handle_profile(std::string_view platform,
                                                   std::string_view handle) {
  thread_local ingest::AccountRecord record = [] {
    ingest::AccountRecord a;
    a.role = ingest::AccountRole::profile;
    return a;
  }();
  record.platform.assign(platform);
  record.handle.assign(handle);
  return record;
}

}  // namespace ror::importers

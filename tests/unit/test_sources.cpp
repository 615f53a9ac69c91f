// The input sources: paths, directories, compressed files and archives expanded into streams.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "archive_writer.hpp"
#include "ingest/blocker.hpp"
#include "ingest/framing.hpp"
#include "ingest/sources/archive_reader.hpp"
#include "ingest/sources/directory.hpp"
#include "ingest/sources/magic.hpp"
#include "ingest/sources/read_ahead.hpp"
#include "ingest/sources/source_list.hpp"
#include "ror/error.hpp"

using ror::ExitCode;
using ror::ingest::ByteSource;
using ror::ingest::SourceList;
using ror::ingest::SourceOptions;
using ror::test::archive_bytes;
using ror::test::Entry;
using ror::test::Filter;
using ror::test::TempDir;
using ror::test::write_file;
using ror::test::zstd_bytes;

namespace {

struct Got {
  std::string name;
  std::string origin;
  bool named = false;
  std::string bytes;
};

std::string contents(ByteSource& source) {
  if (!source.mapped().empty()) {
    return std::string(source.mapped());
  }
  std::string out;
  std::vector<char> buffer(std::size_t{1} << 16);
  while (const std::size_t k = source.read(buffer.data(), buffer.size())) {
    out.append(buffer.data(), k);
  }
  return out;
}

std::vector<Got> read_all(SourceList& list) {
  std::vector<Got> out;
  while (std::unique_ptr<ByteSource> source = list.next()) {
    out.push_back(Got{source->name(), source->origin(), source->named(), contents(*source)});
  }
  return out;
}

std::vector<std::string> names_of(const std::vector<Got>& got) {
  std::vector<std::string> names;
  for (const Got& g : got) {
    names.push_back(g.name);
  }
  return names;
}

std::vector<Got> read_paths(const std::vector<std::string>& paths, SourceOptions options = {}) {
  SourceList list(paths, options);
  return read_all(list);
}

std::vector<Got> read_memory(const std::string& name, std::string_view bytes,
                             SourceOptions options = {}) {
  SourceList list = SourceList::from_memory({{name, bytes}}, options);
  return read_all(list);
}

// The message of the bad-input error that reading every source throws.
std::string error_of(SourceList& list) {
  try {
    read_all(list);
  } catch (const ror::Error& e) {
    CHECK(e.code() == ExitCode::bad_input);
    return e.what();
  }
  return "no error";
}

std::string memory_error(const std::string& name, std::string_view bytes,
                         SourceOptions options = {}) {
  SourceList list = SourceList::from_memory({{name, bytes}}, options);
  return error_of(list);
}

using Skips = std::vector<std::pair<std::string, std::uint64_t>>;

const std::vector<Entry> kTree = {
    {"data/", "", AE_IFDIR},
    {"data/tweets.js", "window.YTD.tweets.part0 = []"},
    {"data/account.js", "window.YTD.account.part0 = []"},
    {"README.txt", "hello"},
};

}  // namespace

TEST_CASE("a plain file is one named source, mapped or read", "[sources]") {
  const TempDir dir;
  write_file(dir / "a.json", "{\"posts\": []}");
  for (const std::uint64_t map_bytes : {std::uint64_t{1}, std::uint64_t{1} << 40}) {
    SourceList list({dir / "a.json"}, SourceOptions{map_bytes});
    CHECK(list.size_hint() == 13);
    std::unique_ptr<ByteSource> source = list.next();
    REQUIRE(source);
    CHECK(source->name() == dir / "a.json");
    CHECK(source->origin() == dir / "a.json");
    CHECK(source->named());
    CHECK(source->mapped().empty() == (map_bytes > 1));
    CHECK(contents(*source) == "{\"posts\": []}");
    CHECK_FALSE(list.next());
  }
}

TEST_CASE("a read file is mapped where one item outgrows the blocks read", "[sources]") {
  // A byte order mark, a short line, a line of 40 MiB (past 16 blocks of 64 KiB and past the
  // 16 MiB start read for detection), a short line: the blocks hold every byte once, in order,
  // and the input's offsets count the mark.
  const TempDir dir;
  const std::string text = "\xef\xbb\xbf{\"a\":1}\n{\"t\":\"" +
                           std::string(std::size_t{40} << 20, 'x') + "\"}\n{\"b\":2}\n";
  write_file(dir / "big.ndjson", text);
  SourceList list({dir / "big.ndjson"}, SourceOptions{});
  std::unique_ptr<ByteSource> source = list.next();
  REQUIRE(source);
  CHECK(source->mapped().empty());  // (read, by default)
  ror::ingest::Blocker blocker(*source, std::size_t{64} << 10);
  bool whole = true;
  CHECK(blocker.head(whole).substr(0, 8) == "{\"a\":1}\n");
  CHECK_FALSE(whole);
  ror::ingest::Framing lines;
  lines.kind = ror::ingest::FramingKind::lines;
  blocker.begin(lines);
  std::string got;
  std::vector<std::string> first_bytes;
  ror::ingest::Block block;
  while (blocker.next(block)) {
    got += block.text.view();
    first_bytes.emplace_back(block.text.view().substr(0, 6));
  }
  CHECK_FALSE(source->mapped().empty());  // mapped at the long line
  CHECK(got == text.substr(3));
  // (the short line after the long one comes in the long one's block, cut from the mapping)
  CHECK(first_bytes == std::vector<std::string>{"{\"a\":1", "{\"t\":\""});
  CHECK(blocker.offset() == text.size());
}

TEST_CASE("a missing path is a bad-input error naming it", "[sources]") {
  SourceList list({"/nonexistent/x.json"}, {});
  CHECK(error_of(list) == "cannot open /nonexistent/x.json: No such file or directory");
}

TEST_CASE("a directory is walked in path order, regular files only", "[sources]") {
  const TempDir dir;
  write_file(dir / "d/b.json", "b");
  write_file(dir / "d/a.json", "a");
  write_file(dir / "d/a/x.json", "x");
  write_file(dir / "d/sub/deep/z.ndjson", "z");
  write_file(dir / "outside.json", "o");
  std::filesystem::create_symlink("../outside.json", dir / "d/link.json");
  std::filesystem::create_directory_symlink("sub", dir / "d/loop");
  std::filesystem::create_directory_symlink("..", dir / "d/up");
  std::filesystem::create_symlink("nowhere", dir / "d/broken");
  REQUIRE(::mkfifo((dir / "d/fifo").c_str(), 0600) == 0);
  std::filesystem::create_directory(dir / "d/empty");

  SourceList list({dir / "d/"}, {});
  CHECK(list.size_hint() == 5);
  const std::vector<Got> got = read_all(list);
  const std::string d = dir / "d";
  CHECK(names_of(got) == std::vector<std::string>{d + "/a.json", d + "/a/x.json", d + "/b.json",
                                                  d + "/link.json", d + "/sub/deep/z.ndjson"});
  CHECK(got[3].bytes == "o");
  for (const Got& g : got) {
    CHECK_FALSE(g.named);
    CHECK(g.origin == dir / "d/");
  }
  CHECK(list.skipped() ==
        Skips{{"broken symlink", 1}, {"not a regular file", 1}, {"symlink to a directory", 2}});
}

TEST_CASE("a directory of many files is sized on two threads to the same sum", "[sources]") {
  const TempDir dir;
  std::uint64_t bytes = 0;
  constexpr std::size_t kFiles = 9000;  // (more than the walk sizes on one thread)
  for (std::size_t i = 0; i < kFiles; ++i) {
    const std::string text(i % 7, 'x');
    write_file(dir / fmt::format("many/{:05}.json", kFiles - i), text);
    bytes += text.size();
  }
  std::filesystem::create_symlink("00001.json", dir / "many/link.json");
  bytes += (kFiles - 1) % 7;  // the link's target, 00001.json, is file i = kFiles - 1
  const ror::ingest::DirectoryListing listing = ror::ingest::list_directory(dir / "many");
  REQUIRE(listing.files.size() == kFiles + 1);
  CHECK(listing.files.front() == dir / "many/00001.json");
  CHECK(listing.files.back() == dir / "many/link.json");
  CHECK(std::is_sorted(listing.files.begin(), listing.files.end()));
  CHECK(listing.bytes == bytes);
}

TEST_CASE("an empty directory or archive gives no sources", "[sources]") {
  const TempDir dir;
  std::filesystem::create_directory(dir / "empty");
  write_file(dir / "empty.zip", archive_bytes("zip", Filter::none, {}));
  write_file(dir / "empty.tar.gz", archive_bytes("tar", Filter::gzip, {}));
  write_file(dir / "empty.gz", archive_bytes("raw", Filter::gzip, {{"data", ""}}));
  const std::vector<Got> got =
      read_paths({dir / "empty", dir / "empty.zip", dir / "empty.tar.gz", dir / "empty.gz"});
  CHECK(got.empty());
}

TEST_CASE("archive members come in order, named archive:member", "[sources]") {
  const auto [format, filter] = GENERATE(table<std::string, Filter>({
      {"zip", Filter::none},
      {"tar", Filter::none},
      {"tar", Filter::gzip},
      {"tar", Filter::xz},
      {"tar", Filter::bzip2},
      {"7z", Filter::none},
      {"cpio", Filter::gzip},
  }));
  INFO(format << " filter " << static_cast<int>(filter));
  const std::string bytes = archive_bytes(format, filter, kTree);
  for (const bool in_memory : {false, true}) {
    const TempDir dir;
    write_file(dir / "export", bytes);
    const std::string name = in_memory ? "mem" : dir / "export";
    const std::vector<Got> got = in_memory ? read_memory(name, bytes) : read_paths({name});
    CHECK(names_of(got) == std::vector<std::string>{name + ":data/tweets.js",
                                                    name + ":data/account.js",
                                                    name + ":README.txt"});
    REQUIRE(got.size() == 3);
    CHECK(got[0].bytes == "window.YTD.tweets.part0 = []");
    CHECK(got[2].bytes == "hello");
    CHECK(got[0].origin == name);
    CHECK_FALSE(got[0].named);
  }
}

TEST_CASE("a compressed file is decoded into one named source", "[sources]") {
  const std::string text = "{\"id\": \"p1\"}\n";
  const TempDir dir;
  write_file(dir / "a.gz", archive_bytes("raw", Filter::gzip, {{"data", text}}));
  write_file(dir / "a.xz", archive_bytes("raw", Filter::xz, {{"data", text}}));
  write_file(dir / "a.bz2", archive_bytes("raw", Filter::bzip2, {{"data", text}}));
  write_file(dir / "a.zst", zstd_bytes(text));
  write_file(dir / "misnamed.json", zstd_bytes(text));  // the content decides, not the name
  for (const std::string name : {"a.gz", "a.xz", "a.bz2", "a.zst", "misnamed.json"}) {
    const std::vector<Got> got = read_paths({dir / name});
    REQUIRE(got.size() == 1);
    CHECK(got[0].name == dir / name);
    CHECK(got[0].named);
    CHECK(got[0].bytes == text);
  }
}

TEST_CASE("zstd: frames, skippable frames, tar.zst and --long=31", "[sources]") {
  SECTION("concatenated frames and a skippable frame first") {
    const std::string skippable(
        "\x50\x2a\x4d\x18\x03\x00\x00\x00"
        "abc",
        11);
    const std::string bytes = skippable + zstd_bytes("one\n") + zstd_bytes("two\n");
    const std::vector<Got> got = read_memory("in", bytes);
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes == "one\ntwo\n");
  }
  SECTION("a zstd-compressed tar is read member by member") {
    const std::string bytes = zstd_bytes(archive_bytes("tar", Filter::none, kTree));
    CHECK(names_of(read_memory("t.tar.zst", bytes)) ==
          std::vector<std::string>{"t.tar.zst:data/tweets.js", "t.tar.zst:data/account.js",
                                   "t.tar.zst:README.txt"});
  }
  SECTION("a stream written by zstd --long=31 (a 2 GiB window)") {
    const std::vector<Got> got =
        read_paths({ROR_SOURCE_DIR "/tests/fixtures/archives/long31.ndjson.zst"});
    REQUIRE(got.size() == 1);
    CHECK(got[0].bytes.starts_with("{\"account\": {\"handle\": \"@long\"}}\n"));
  }
  SECTION("a frame asking for a window over 2 GiB is refused") {
    // Frame header: no content size, window descriptor 2^32; then an empty last raw block.
    const std::string frame("\x28\xb5\x2f\xfd\x00\xb0\x01\x00\x00", 9);
    CHECK(memory_error("big.zst", frame) ==
          "big.zst: the zstd frame needs a window over 2 GiB (more than --long=31); refusing it");
    const std::string at_limit("\x28\xb5\x2f\xfd\x00\xa8\x01\x00\x00", 9);
    CHECK(read_memory("ok.zst", at_limit).size() == 1);
  }
}

TEST_CASE("members that are no safe regular file are skipped and counted", "[sources]") {
  // (a directory's own entry is neither read nor counted: a folder on disk counts none either)
  const std::vector<Entry> entries = {
      {"ok.json", "ok"},
      {"./dot/ok.json", "dot"},
      {"../evil.json", "x"},
      {"/etc/passwd.json", "x"},
      {"a/../../b.json", "x"},
      {"C:\\windows.json", "x"},
      {"new\nline.json", "x"},
      {"dir/", "", AE_IFDIR},
      {"link.json", "", AE_IFLNK, "/etc/passwd"},
      {"hard.json", "", AE_IFREG, "ok.json", true},
      {"tty", "", AE_IFCHR},
      {"fifo", "", AE_IFIFO},
      {"inner.zip", archive_bytes("zip", Filter::none, {{"x.json", "x"}})},
      {"inner.tar", archive_bytes("tar", Filter::none, {{"x.json", "x"}})},
      {"inner.json.gz", archive_bytes("raw", Filter::gzip, {{"data", "x"}})},
      {"inner.json.zst", zstd_bytes("x")},
      {"last.json", "last"},
  };
  const std::string bytes = archive_bytes("tar", Filter::none, entries);
  SourceList list = SourceList::from_memory({{"t.tar", bytes}});
  const std::vector<Got> got = read_all(list);
  CHECK(names_of(got) ==
        std::vector<std::string>{"t.tar:ok.json", "t.tar:dot/ok.json", "t.tar:last.json"});
  CHECK(list.skipped() == Skips{{"unsafe member name", 5},
                                {"symlink in an archive", 1},
                                {"hardlink in an archive", 1},
                                {"special file in an archive", 2},
                                {"archive inside an archive", 2},
                                {"compressed file inside an archive", 2}});
}

TEST_CASE("member names: what is safe", "[sources]") {
  using ror::ingest::safe_member_name;
  CHECK(safe_member_name("data/tweets.js") == "data/tweets.js");
  CHECK(safe_member_name("./a/b.json") == "a/b.json");
  CHECK(safe_member_name(".//a.json") == "a.json");
  CHECK(safe_member_name("a..b/..c.json") == "a..b/..c.json");
  CHECK_FALSE(safe_member_name(""));
  CHECK_FALSE(safe_member_name("./"));
  CHECK_FALSE(safe_member_name(".."));
  CHECK_FALSE(safe_member_name("a/.."));
  CHECK_FALSE(safe_member_name("a\\..\\b"));
  CHECK_FALSE(safe_member_name("/abs"));
  CHECK_FALSE(safe_member_name("\\abs"));
  CHECK_FALSE(safe_member_name("D:x"));
  CHECK_FALSE(safe_member_name("tab\there"));
}

TEST_CASE("containers are known by their first bytes", "[sources]") {
  using ror::ingest::Container;
  using ror::ingest::container_of;
  CHECK(container_of("{\"posts\": []}") == Container::plain);
  CHECK(container_of("") == Container::plain);
  CHECK(container_of(std::string_view("\x28\xb5\x2f\xfd", 4)) == Container::zstd);
  CHECK(container_of(std::string_view("\x1f\x8b\x08", 3)) == Container::compressed);
  CHECK(container_of("BZh91AY") == Container::compressed);
  CHECK(container_of("PK\x03\x04") == Container::archive);
  CHECK(container_of(archive_bytes("tar", Filter::none, kTree)) == Container::archive);
  CHECK(container_of(std::string(512, '\0')) == Container::archive);  // an empty tar
  CHECK(container_of(std::string(100, '\0')) == Container::plain);
}

TEST_CASE("a mapped file can be read a page past its end, so its last item needs no copy",
          "[sources]") {
  const TempDir dir;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  // A file that fills its pages exactly (no zeros of its own after the end), and one that does not.
  for (const std::size_t size : {page * 2, page + 10}) {
    CAPTURE(size);
    const std::string bytes(size, 'x');
    write_file(dir / "f.json", bytes);
    SourceList list({dir / "f.json"}, SourceOptions{1});
    const std::unique_ptr<ByteSource> source = list.next();
    REQUIRE(source != nullptr);
    REQUIRE(source->mapped() == bytes);
    REQUIRE(source->mapped_tail() >= page);
    const char* end = source->mapped().data() + size;
    CHECK(std::all_of(end, end + source->mapped_tail(), [](char c) { return c == 0; }));
  }
}

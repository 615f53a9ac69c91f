// The input sources against hostile or broken input (bombs, truncation, corruption), streamed
// input (pipes), giving up a source half-read, and the read-ahead ring.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <thread>

#include "archive_writer.hpp"
#include "ingest/sources/read_ahead.hpp"
#include "ingest/sources/source_list.hpp"
#include "ror/error.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::StartsWith;
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

std::string contents(ByteSource& source) {
  std::string out;
  std::vector<char> buffer(std::size_t{1} << 20);
  while (const std::size_t k = source.read(buffer.data(), buffer.size())) {
    out.append(buffer.data(), k);
  }
  return out;
}

// The message of the bad-input error met reading every source of `list`.
std::string error_of(SourceList& list) {
  try {
    while (std::unique_ptr<ByteSource> source = list.next()) {
      contents(*source);
    }
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

// Some text that compresses as JSON does, about `size` bytes.
std::string text_of(std::size_t size) {
  std::string text;
  for (std::size_t i = 0; text.size() < size; ++i) {
    text += "{\"id\": \"" + std::to_string(i * 7919 % 100003) +
            "\", \"n\": " + std::to_string(i * i % 977) + "}\n";
  }
  return text;
}

// A stream that fails after giving `good` bytes.
class FailingStream final : public ror::ingest::Stream {
 public:
  explicit FailingStream(std::size_t good) : good_(good) {}
  std::size_t read(char* out, std::size_t n) override {
    if (given_ == good_) {
      throw ror::input_error("disk on fire");
    }
    const std::size_t k = std::min(n, good_ - given_);
    std::fill(out, out + k, 'a');
    given_ += k;
    return k;
  }

 private:
  std::size_t good_;
  std::size_t given_ = 0;
};

}  // namespace

TEST_CASE("bombs: output past 64 MiB beyond the expansion limit is refused", "[sources]") {
  const std::string xs(std::size_t{80} << 20, 'x');
  SECTION("a zstd stream") {
    CHECK(memory_error("x.zst", zstd_bytes(xs)) ==
          "x.zst expands more than 1000 times its compressed size; refusing a likely zip bomb");
  }
  SECTION("a bzip2 stream, through libarchive") {
    CHECK(memory_error("x.bz2", archive_bytes("raw", Filter::bzip2, {{"data", xs}})) ==
          "x.bz2 expands more than 1000 times its compressed size; refusing a likely zip bomb");
  }
  SECTION("zip members counted together, none large alone") {
    std::vector<Entry> members;
    for (int i = 0; i < 8; ++i) {
      members.emplace_back("m" + std::to_string(i) + ".json", xs.substr(0, 10 << 20));
    }
    const std::string zip = archive_bytes("zip", Filter::none, members);
    CHECK(memory_error("z.zip", zip, SourceOptions{1, 100}) ==
          "z.zip:m6.json expands more than 100 times its compressed size; refusing a likely zip "
          "bomb");
  }
}

TEST_CASE("truncated or corrupt input is one clear error naming the file", "[sources]") {
  const std::string text = text_of(400000);
  SECTION("zstd") {
    const std::string zst = zstd_bytes(text);
    CHECK(memory_error("t.zst", zst.substr(0, zst.size() / 2)) == "t.zst: truncated zstd stream");
    CHECK(memory_error("t.zst", zst.substr(0, 6)) == "t.zst: truncated zstd stream");
    std::string bad = zst;
    bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x5a);
    bad[bad.size() / 2 + 1] = static_cast<char>(bad[bad.size() / 2 + 1] ^ 0x5a);
    CHECK_THAT(memory_error("t.zst", bad), StartsWith("t.zst: corrupt zstd stream: "));
    CHECK(memory_error("t.zst", zst + "trailing") ==
          "t.zst: corrupt zstd stream: Unknown frame descriptor");
  }
  SECTION("tar.gz") {
    const std::string tgz = archive_bytes("tar", Filter::gzip, {{"a.json", text}});
    CHECK_THAT(memory_error("t.tar.gz", tgz.substr(0, tgz.size() / 2)),
               StartsWith("t.tar.gz") && Contains("runcated"));
  }
  SECTION("zip") {
    const std::string zip = archive_bytes("zip", Filter::none, {{"a.json", text}});
    CHECK_THAT(memory_error("t.zip", zip.substr(0, zip.size() / 2)), StartsWith("t.zip"));
    CHECK_THAT(memory_error("t.zip", zip.substr(0, 10)), StartsWith("t.zip: "));
  }
  SECTION("a tar member larger than what follows it") {
    const std::string tar = archive_bytes("tar", Filter::none, {{"a.json", text}});
    CHECK_THAT(memory_error("t.tar", tar.substr(0, 5000)),
               StartsWith("t.tar:a.json: ") && Contains("runcated"));
  }
}

TEST_CASE("a pipe is read as a stream, archive or not", "[sources]") {
  const TempDir dir;
  const std::string fifo = dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string text = text_of(300000);
  const auto row = GENERATE_COPY(table<std::string, std::vector<std::string>>({
      {text, {"fifo"}},
      {zstd_bytes(text), {"fifo"}},
      {archive_bytes("raw", Filter::gzip, {{"data", text}}), {"fifo"}},
      {archive_bytes("tar", Filter::xz, {{"a.json", text}, {"b.json", text}}),
       {"fifo:a.json", "fifo:b.json"}},
      {archive_bytes("zip", Filter::none, {{"a.json", text}}), {"fifo:a.json"}},
  }));
  const std::string& bytes = std::get<0>(row);
  const std::vector<std::string>& names = std::get<1>(row);
  // The reader may stop before the writer's last bytes (after an archive's end): no SIGPIPE.
  const auto old_handler = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&fifo, &bytes] { ror::test::write_file(fifo, bytes); });
  std::vector<std::string> got;
  {
    SourceList list({fifo}, {});
    while (std::unique_ptr<ByteSource> source = list.next()) {
      got.push_back(source->name().substr(dir.path().string().size() + 1));
      CHECK(source->named() == (names.size() == 1 && names[0] == "fifo"));
      CHECK(contents(*source) == text);
    }
  }
  writer.join();
  std::signal(SIGPIPE, old_handler);
  CHECK(got == names);
}

TEST_CASE("skip_rest gives up a source and the next one reads right", "[sources]") {
  const std::string big = text_of(3 << 20);
  const bool read_ahead = GENERATE(true, false);
  INFO("read ahead " << read_ahead);
  SourceOptions options;
  options.read_ahead = read_ahead;
  for (const std::string name : {"t.tar", "t.tar.gz", "t.zip", "t.tar.zst"}) {
    INFO(name);
    std::string bytes = archive_bytes(name == "t.zip" ? "zip" : "tar",
                                      name == "t.tar.gz" ? Filter::gzip : Filter::none,
                                      {{"big.json", big}, {"small.json", "small"}});
    if (name == "t.tar.zst") {
      bytes = zstd_bytes(bytes);
    }
    SourceList list = SourceList::from_memory({{name, bytes}}, options);
    std::unique_ptr<ByteSource> first = list.next();
    REQUIRE(first);
    CHECK(first->remaining() == big.size());
    std::string start(10, '\0');
    REQUIRE(first->read(start.data(), start.size()) == 10);
    CHECK(start == big.substr(0, 10));
    first->skip_rest();
    CHECK(first->read(start.data(), start.size()) == 0);
    first.reset();
    std::unique_ptr<ByteSource> second = list.next();
    REQUIRE(second);
    CHECK(second->name() == name + ":small.json");
    CHECK(contents(*second) == "small");
    CHECK_FALSE(list.next());
  }
  SECTION("zstd, gzip and plain streams") {
    const std::string zst = zstd_bytes(big);
    const std::string gz = archive_bytes("raw", Filter::gzip, {{"data", big}});
    SourceList list =
        SourceList::from_memory({{"a.zst", zst}, {"a.gz", gz}, {"b.json", "b"}}, options);
    for (const std::string name : {"a.zst", "a.gz", "b.json"}) {
      std::unique_ptr<ByteSource> source = list.next();
      REQUIRE(source);
      CHECK(source->name() == name);
      char c = 0;
      REQUIRE(source->read(&c, 1) == 1);
      source->skip_rest();
      CHECK(source->read(&c, 1) == 0);
    }
    CHECK_FALSE(list.next());
  }
}

TEST_CASE("a member cannot be read once the next one is opened", "[sources]") {
  const std::string tar =
      archive_bytes("tar", Filter::none, {{"a.json", std::string(2000, 'a')}, {"b.json", "b"}});
  SourceOptions options;
  options.read_ahead = false;
  SourceList list = SourceList::from_memory({{"t.tar", tar}}, options);
  std::unique_ptr<ByteSource> first = list.next();
  std::unique_ptr<ByteSource> second = list.next();
  std::string buffer(2000, '\0');
  CHECK(first->read(buffer.data(), buffer.size()) == 512);  // the start, looked at already
  CHECK_THROWS_AS(first->read(buffer.data(), buffer.size()), std::logic_error);
  CHECK(contents(*second) == "b");
}

TEST_CASE("the read-ahead ring gives every byte once, then the error", "[sources]") {
  const std::string text = text_of(10000);
  for (const std::size_t buffer : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
    ror::ingest::ReadAhead ahead(std::make_unique<ror::ingest::MemoryStream>(text), 3, buffer);
    CHECK(ahead.remaining() == text.size());
    std::string out;
    std::vector<char> chunk(333);
    while (const std::size_t k = ahead.read(chunk.data(), chunk.size())) {
      out.append(chunk.data(), k);
    }
    CHECK(out == text);
    CHECK_FALSE(ahead.remaining());
  }
  ror::ingest::ReadAhead failing(std::make_unique<FailingStream>(1000), 2, 64);
  std::vector<char> chunk(100);
  std::size_t got = 0;
  CHECK_THROWS_WITH(
      [&] {
        while (const std::size_t k = failing.read(chunk.data(), chunk.size())) {
          got += k;
        }
      }(),
      Equals("disk on fire"));
  CHECK(got == 1000);
}

TEST_CASE("size_hint sums what the command line names", "[sources]") {
  const TempDir dir;
  write_file(dir / "a.json", std::string(100, ' '));
  write_file(dir / "d/b.json", std::string(20, ' '));
  write_file(dir / "d/c/d.json", std::string(3, ' '));
  const std::string zip = archive_bytes("zip", Filter::none, {{"x.json", std::string(5000, 'x')}});
  write_file(dir / "z.zip", zip);
  SourceList list({dir / "a.json", dir / "d", dir / "z.zip", dir / "missing", "-"}, {});
  CHECK(list.size_hint() == 123 + zip.size());
  std::unique_ptr<ByteSource> first = list.next();
  CHECK(first->size_hint() == 100);
  CHECK(list.next()->name() == dir / "d/b.json");
}

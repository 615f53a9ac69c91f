#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "ingest/dataset_builder.hpp"
#include "ingest/formats.hpp"
#include "ror/error.hpp"
#include "ror/ingest.hpp"

namespace ror {
namespace {

using ingest::DatasetBuilder;
using ingest::InputText;

// Reads a whole stream into a string followed by simdjson's padding.
std::string read_stream(std::FILE* file, const std::string& name) {
  std::string bytes;
  std::size_t size = 0;
  bytes.resize(1 << 16);
  while (true) {
    if (bytes.size() - size < (1 << 15)) {
      bytes.resize(bytes.size() * 2);
    }
    const std::size_t n = std::fread(bytes.data() + size, 1, bytes.size() - size, file);
    size += n;
    if (n == 0) {
      if (std::ferror(file) != 0) {
        throw input_error(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
      }
      break;
    }
  }
  bytes.resize(size + simdjson::SIMDJSON_PADDING, '\0');
  bytes.resize(size);
  return bytes;
}

std::string read_path(const std::string& path) {
  if (path == "-") {
    return read_stream(stdin, "standard input");
  }
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                      &std::fclose);
  if (!file) {
    throw input_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  return read_stream(file.get(), path);
}

// Reads one input; `bytes` gets simdjson's padding appended (its capacity usually has it already).
void read_one(const std::string& name, std::string& bytes, DatasetBuilder& builder) {
  const std::size_t size = bytes.size();
  bytes.resize(size + simdjson::SIMDJSON_PADDING, '\0');
  const InputText text{name, bytes.data(), size, bytes.size()};
  if (text.view().find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw input_error(fmt::format("empty input: {} holds no JSON", name));
  }
  for (const ingest::Format& format : ingest::formats()) {
    if (format.detect(text)) {
      builder.begin_source(name, std::string(format.name), size);
      ingest::PostBatch batch(name);
      format.read(text, batch);
      builder.merge(std::move(batch));
      return;
    }
  }
}

Dataset finish(DatasetBuilder& builder, const LoadOptions& options) {
  Dataset data = builder.finish(options);
  if (data.input.posts_read == 0) {
    std::string names;
    for (const std::string& file : data.input.files) {
      names += names.empty() ? file : ", " + file;
    }
    throw input_error(fmt::format("empty input: no posts in {}", names));
  }
  return data;
}

}  // namespace

Dataset load_buffers(std::vector<NamedInput> inputs, const LoadOptions& options) {
  DatasetBuilder builder;
  for (NamedInput& input : inputs) {
    read_one(input.name, input.bytes, builder);
    input.bytes = std::string();
  }
  return finish(builder, options);
}

Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  DatasetBuilder builder;
  for (const std::string& path : paths) {
    std::string bytes = read_path(path);
    read_one(path, bytes, builder);
  }
  return finish(builder, options);
}

}  // namespace ror

#include "ingest/sources/magic.hpp"

#include <array>

namespace ror::ingest {

namespace {

using namespace std::string_view_literals;

struct Magic {
  std::size_t offset;
  std::string_view bytes;
  Container container;
};

// Signatures at fixed offsets. A JSON text starts with whitespace, '{', '[' or a scalar, so none
// of these can be the start of one.
constexpr std::array kMagics = {
    Magic{0, "\x28\xb5\x2f\xfd"sv, Container::zstd},        // zstd
    Magic{0, "\x1f\x8b"sv, Container::compressed},          // gzip
    Magic{0, "BZh"sv, Container::compressed},               // bzip2
    Magic{0, "\xfd\x37zXZ\x00"sv, Container::compressed},   // xz
    Magic{0, "LZIP"sv, Container::compressed},              // lzip
    Magic{0, "\x04\x22\x4d\x18"sv, Container::compressed},  // lz4
    Magic{0, "\x1f\x9d"sv, Container::compressed},          // compress (.Z)
    Magic{0, "PK\x03\x04"sv, Container::archive},           // zip
    Magic{0, "PK\x05\x06"sv, Container::archive},           // empty zip
    Magic{0, "PK\x07\x08"sv, Container::archive},           // spanned zip
    Magic{0, "7z\xbc\xaf\x27\x1c"sv, Container::archive},   // 7z
    Magic{0, "Rar!\x1a\x07"sv, Container::archive},         // rar 4 and 5
    Magic{0, "070701"sv, Container::archive},               // cpio (new ASCII)
    Magic{0, "070702"sv, Container::archive},               // cpio (new ASCII, crc)
    Magic{0, "070707"sv, Container::archive},               // cpio (old ASCII)
    Magic{0, "\xc7\x71"sv, Container::archive},             // cpio (binary, little-endian)
    Magic{0, "\x71\xc7"sv, Container::archive},             // cpio (binary, big-endian)
    Magic{0, "!<arch>\n"sv, Container::archive},            // ar
    Magic{0, "xar!"sv, Container::archive},                 // xar
    Magic{0, "MSCF"sv, Container::archive},                 // cab
    Magic{257, "ustar"sv, Container::archive},              // tar (POSIX and GNU)
};

// A zstd skippable frame (magic 0x184D2A50 to 0x184D2A5F, little-endian), as pzstd writes first.
bool skippable_frame(std::string_view head) {
  return head.size() >= 4 && (static_cast<unsigned char>(head[0]) & 0xf0U) == 0x50U &&
         head.substr(1, 3) == "\x2a\x4d\x18"sv;
}

}  // namespace

Container container_of(std::string_view head) {
  for (const Magic& magic : kMagics) {
    if (head.size() >= magic.offset + magic.bytes.size() &&
        head.substr(magic.offset, magic.bytes.size()) == magic.bytes) {
      return magic.container;
    }
  }
  if (skippable_frame(head)) {
    return Container::zstd;
  }
  // An empty tar is nothing but zero blocks.
  const bool zero_block =
      head.size() >= 512 && head.substr(0, 512).find_first_not_of('\0') == std::string_view::npos;
  return zero_block ? Container::archive : Container::plain;
}

}  // namespace ror::ingest

// The framer of an RSS document (FramingKind::text with rss_items; a WordPress export is one):
// cuts it into blocks before the `<item>` elements of its channel, so that the parsing threads
// share a large file, and hands every block the document's start up to its first item (the
// `<rss>` element with its namespaces, the channel's own elements), which the importer reads
// before the block's items.
//
// The framer follows the markup from the start of the input: start and end tags (attribute
// values quoted), CDATA sections, comments and processing instructions, counting how deep each
// element lies. A cut falls before an `<item>` start tag two levels deep (rss, channel, item).
// Past the first item the channel must hold only items: any other element there (which a later
// block would not see), a DOCTYPE, or end tags that close more than was opened are where the
// text is not regular, and the rest of the input is then one block.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/framing.hpp"

namespace ror::ingest {

namespace {

// The depth of a channel's children: inside <rss> and <channel>.
constexpr int kItemDepth = 2;
// A document whose start before its first item is larger than this is not cut.
constexpr std::size_t kHeadLimit = std::size_t{16} << 20;

bool is_name_end(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
}

class RssFramer final : public Framer {
 public:
  std::size_t cut(InputText& text, bool at_end) override {
    std::size_t end = whole_ ? 0 : last_item_start(text);
    if (at_end) {
      end = text.size;
    }
    text.head = head_;
    if (end > 0) {
      text.items.push_back(Item{0, end, ItemKind::whole, 0, {}, {}});
    }
    return end;
  }

 private:
  // Where the last item start tag two levels deep in `text` begins, past its first byte; 0 when
  // there is none. The input's start up to its first item is kept as the head.
  std::size_t last_item_start(const InputText& input) {
    const std::string_view text = input.view();
    const std::size_t n = text.size();
    int depth = input.input_start ? 0 : kItemDepth;
    bool items = !input.input_start;  // an item was met
    std::size_t last = 0;
    std::size_t pos = 0;
    while (pos < n) {
      const std::size_t lt = text.find('<', pos);
      if (lt == std::string_view::npos) {
        break;
      }
      const std::string_view rest = text.substr(lt);
      const char kind = rest.size() > 1 ? rest[1] : '\0';
      std::size_t after = std::string_view::npos;  // past the markup
      if (kind == '!' && rest.starts_with("<![CDATA[")) {
        after = skip_past(text, lt + 9, "]]>");
      } else if (kind == '!' && rest.starts_with("<!--")) {
        after = skip_past(text, lt + 4, "-->");
      } else if (kind == '?') {
        after = skip_past(text, lt + 2, "?>");
      } else if (rest.size() < 9) {
        break;  // (what the markup is shows only with more bytes)
      } else if (kind == '!') {
        whole_ = true;  // a DOCTYPE (which the importer refuses), or not XML
        break;
      } else if (kind == '/') {
        after = tag_end(text, lt + 2);
        if (after != std::string_view::npos && --depth < kItemDepth) {
          if (depth < kItemDepth - 1 || !items) {
            whole_ = true;  // more closed than opened (or the channel has no item)
          }
          break;  // the channel's end: the rest is the tail of the last block
        }
      } else {
        after = tag_end(text, lt + 1);
        if (after == std::string_view::npos) {
          break;
        }
        if (depth == kItemDepth) {
          const std::string_view name = rest.substr(1, 5);  // (the tag holds 5 bytes and '>')
          if (name.starts_with("item") && is_name_end(name[4])) {
            if (!items && input.input_start) {
              if (lt > kHeadLimit) {
                whole_ = true;
                break;
              }
              head_ = block_head(text.substr(0, lt));
            }
            items = true;
            last = lt;
          } else if (items) {
            whole_ = true;  // a channel element after the items: the blocks after would miss it
            break;
          }
        }
        if (text[after - 2] != '/') {
          ++depth;
        }
      }
      if (after == std::string_view::npos) {
        break;  // the markup goes on past the text
      }
      pos = after;
    }
    return last;
  }

  // Past the first `marker` at or after `from`, or npos.
  static std::size_t skip_past(std::string_view text, std::size_t from, std::string_view marker) {
    const std::size_t at = text.find(marker, from);
    return at == std::string_view::npos ? at : at + marker.size();
  }

  // Past the `>` that ends the tag whose name starts at `from` (attribute values may hold `>`),
  // or npos.
  static std::size_t tag_end(std::string_view text, std::size_t from) {
    while (true) {
      const std::size_t gt = text.find('>', from);
      if (gt == std::string_view::npos) {
        return gt;
      }
      // (most tags hold no quoted value: the first '>' ends them)
      const std::string_view tag = text.substr(from, gt - from);
      const std::size_t quote = std::min(tag.find('"'), tag.find('\''));
      if (quote == std::string_view::npos) {
        return gt + 1;
      }
      const std::size_t close = text.find(tag[quote], from + quote + 1);
      if (close == std::string_view::npos) {
        return close;
      }
      from = close + 1;
    }
  }

  std::shared_ptr<const std::string> head_;
  bool whole_ = false;  // text that is not regular was met: the rest is one block
};

}  // namespace

std::unique_ptr<Framer> make_rss_framer() {
  return std::make_unique<RssFramer>();
}

}  // namespace ror::ingest

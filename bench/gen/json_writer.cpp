#include "gen/json_writer.hpp"

#include "gen/output.hpp"

namespace gen {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void put_u_escape(std::string& out, uint32_t unit) {
  out += "\\u";
  out.push_back(kHex[(unit >> 12) & 0xF]);
  out.push_back(kHex[(unit >> 8) & 0xF]);
  out.push_back(kHex[(unit >> 4) & 0xF]);
  out.push_back(kHex[unit & 0xF]);
}

// The code point of the UTF-8 sequence at s[i] (well-formed: the generators' own text); advances i
// to its last byte.
uint32_t decode_utf8(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
  }
  return cp;
}

}  // namespace

void escape_json(std::string& out, std::string_view plain, Escape escape) {
  for (size_t i = 0; i < plain.size(); ++i) {
    const auto c = static_cast<unsigned char>(plain[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '<':
      case '>':
      case '&':
        if (escape == Escape::html_safe) {
          put_u_escape(out, c);
        } else if (escape == Escape::ascii_html) {
          out += c == '<' ? "\\u003C" : c == '>' ? "\\u003E" : "\\u0026";
        } else {
          out.push_back(static_cast<char>(c));
        }
        continue;
      case '/':
        out += escape == Escape::ascii_slash ? "\\/" : "/";
        continue;
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x80 && escape == Escape::latin1)) {
      put_u_escape(out, c);
    } else if (c < 0x80 || escape == Escape::utf8) {
      out.push_back(static_cast<char>(c));
    } else if (escape != Escape::html_safe) {  // ascii and its variants
      const uint32_t cp = decode_utf8(plain, i);
      if (cp >= 0x10000) {
        put_u_escape(out, 0xD800 + ((cp - 0x10000) >> 10));
        put_u_escape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        put_u_escape(out, cp);
      }
    } else {  // html_safe: UTF-8 as is but for the two line separators JavaScript rejects
      const size_t start = i;
      const uint32_t cp = decode_utf8(plain, i);
      if (cp == 0x2028 || cp == 0x2029) {
        put_u_escape(out, cp);
      } else {
        out.append(plain.substr(start, i - start + 1));
      }
    }
  }
}

void JsonWriter::newline(int depth) {
  out_.push_back('\n');
  out_.append(static_cast<size_t>(2 * depth), ' ');
}

void JsonWriter::before_value() {
  if (pending_key_) {
    pending_key_ = false;
    return;
  }
  if (depth_ == base_) {
    return;
  }
  if (!first_[depth_]) {
    out_ += style_.comma;
  }
  first_[depth_] = false;
  if (style_.pretty) {
    newline(depth_);
  }
}

void JsonWriter::open(char bracket) {
  before_value();
  out_.push_back(bracket);
  ++depth_;
  first_[depth_] = true;
}

void JsonWriter::close(char bracket) {
  if (style_.pretty) {
    if (first_[depth_]) {
      out_.push_back(' ');
    } else {
      newline(depth_ - 1);
    }
  }
  --depth_;
  out_.push_back(bracket);
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  out_.push_back('"');
  out_ += k;
  out_.push_back('"');
  out_ += style_.colon;
  pending_key_ = true;
  return *this;
}

void JsonWriter::string(std::string_view plain) {
  before_value();
  out_.push_back('"');
  escape_json(out_, plain, style_.escape);
  out_.push_back('"');
}

void JsonWriter::number(uint64_t v) {
  before_value();
  put_u(out_, v);
}

void JsonWriter::signed_number(int64_t v) {
  before_value();
  if (v < 0) {
    out_.push_back('-');
    put_u(out_, static_cast<uint64_t>(-(v + 1)) + 1);
  } else {
    put_u(out_, static_cast<uint64_t>(v));
  }
}

void JsonWriter::quoted_number(uint64_t v) {
  before_value();
  out_.push_back('"');
  put_u(out_, v);
  out_.push_back('"');
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
}

}  // namespace gen

#include "codec.h"

#include <cstring>

#include <array>

#include <nlohmann/json.hpp>

namespace ft::codec {

namespace {
// Slicing-by-8 tables, computed on first use (not stored in the binary): t[0] is the classic byte
// table, t[k][i] the CRC of byte i followed by k zero bytes. The loops below use plain pointers
// and arrays: the -Oz build does not inline std::array / string_view accessors, and a 10 MB
// store is checksummed at every start.
struct CrcTables {
  std::uint32_t t[8][256];
  CrcTables() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
      for (int k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFU];
  }
};
}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  static const CrcTables tables;
  const std::uint32_t(*t)[256] = tables.t;
  std::uint32_t c = 0xFFFFFFFFU;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* const end = p + bytes.size();
  for (; end - p >= 8; p += 8) {
    const std::uint32_t lo =
        c ^ (std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24);
    c = t[7][lo & 0xFFU] ^ t[6][(lo >> 8) & 0xFFU] ^ t[5][(lo >> 16) & 0xFFU] ^ t[4][lo >> 24] ^ t[3][p[4]] ^
        t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
  }
  for (; p < end; ++p) c = t[0][(c ^ *p) & 0xFFU] ^ (c >> 8);
  return c ^ 0xFFFFFFFFU;
}

std::uint32_t fnv1a(std::string_view bytes) {
  std::uint32_t h = 2166136261U;
  for (unsigned char b : bytes) {
    h ^= b;
    h *= 16777619U;
  }
  return h;
}

void append_escaped_line(std::string& out, std::string_view raw) {
  // Most keys and payloads (JSON text) hold none of the four characters: copy runs in bulk
  // (plain pointers: see crc32).
  const char* p = raw.data();
  const char* const end = p + raw.size();
  const char* run = p;
  for (; p < end; ++p) {
    const char c = *p;
    if (c != '\\' && c != '\n' && c != '\r' && c != '\t') continue;
    out.append(run, static_cast<std::size_t>(p - run));
    out += '\\';
    out += c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
    run = p + 1;
  }
  out.append(run, static_cast<std::size_t>(end - run));
}

std::string escape_line(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out;
}

bool unescape_line(std::string_view escaped, std::string& out) {
  out.clear();
  out.reserve(escaped.size());
  // Copy the runs between escapes in bulk, over plain pointers (see crc32): a 10 MB store loads
  // several times faster than appending char by char.
  const char* p = escaped.data();
  const char* const end = p + escaped.size();
  const char* run = p;
  for (; p < end; ++p) {
    // Skip 8 bytes at a time while none of them is '\\', '\n' or '\t' (SWAR: a byte of v ^ pattern
    // is zero where v holds that character); in a fresh page the wasm runs in V8's baseline
    // tier, where this is several times faster than the loop below alone.
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    while (end - p >= 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      const std::uint64_t b = v ^ (kOnes * '\\'), n = v ^ (kOnes * '\n'), t = v ^ (kOnes * '\t');
      if ((((b - kOnes) & ~b) | ((n - kOnes) & ~n) | ((t - kOnes) & ~t)) & kHighs) break;
      p += 8;
    }
    if (p == end) break;
    const char c = *p;
    if (c != '\\') {
      if (c == '\n' || c == '\t') return false;
      continue;
    }
    out.append(run, static_cast<std::size_t>(p - run));
    if (++p == end) return false;
    switch (*p) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      default: return false;
    }
    run = p + 1;
  }
  out.append(run, static_cast<std::size_t>(end - run));
  return true;
}

std::string hex32(std::uint32_t value) {
  static const char digits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[value & 0xFU];
    value >>= 4;
  }
  return out;
}

bool parse_hex32(std::string_view text, std::uint32_t& value) {
  if (text.size() != 8) return false;
  value = 0;
  for (char c : text) {
    std::uint32_t d;
    if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
    else return false;
    value = (value << 4) | d;
  }
  return true;
}

nlohmann::ordered_json parse_json_value(std::string_view text) {
  using Json = nlohmann::ordered_json;
  // What basic_json::parse(first, last, nullptr, false) does, minus the callback branch it
  // compiles in: a DOM-building SAX run, strict (the whole text must be one value).
  Json result;
  nlohmann::detail::json_sax_dom_parser<Json> sax(result, /*allow_exceptions=*/false);
  nlohmann::detail::parser<Json, nlohmann::detail::iterator_input_adapter<const char*>> parser(
      nlohmann::detail::input_adapter(text.data(), text.data() + text.size()), nullptr,
      /*allow_exceptions_=*/false, /*skip_comments=*/false);
  if (!parser.sax_parse(&sax, /*strict=*/true) || sax.is_errored()) return Json(nlohmann::detail::value_t::discarded);
  return result;
}

}  // namespace ft::codec

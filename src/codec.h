// Small byte-level helpers shared by the core's parsers and file formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace ft::codec {

// CRC-32 (IEEE 802.3, the zlib polynomial) of `bytes`.
std::uint32_t crc32(std::string_view bytes);

// FNV-1a 32-bit hash: stable across builds and platforms, used to pick a storage shard.
std::uint32_t fnv1a(std::string_view bytes);

// Escapes '\\', '\n', '\r' and '\t' as two-character sequences so that a record fits on one line
// and its fields can be separated by tabs. `unescape_line` reverses it; it returns false on a
// dangling or unknown escape (a damaged record).
std::string escape_line(std::string_view raw);
void append_escaped_line(std::string& out, std::string_view raw);  // escape_line, appended to `out`
bool unescape_line(std::string_view escaped, std::string& out);

// Fixed-width lower-case hex of a 32-bit value ("0000beef"), and its inverse (false if malformed).
std::string hex32(std::uint32_t value);
bool parse_hex32(std::string_view text, std::uint32_t& value);

// Number of UTF-8 bytes; std::string already holds UTF-8, so this is its size, named for intent.
inline std::size_t utf8_bytes(std::string_view s) { return s.size(); }

// The one JSON parse of the core: json::parse(text, nullptr, false), i.e. strict, no comments, no
// exceptions; invalid JSON gives a discarded value. Every caller goes through here so that the
// wasm holds a single parser instantiation (one input adapter type, no callback parser).
nlohmann::ordered_json parse_json_value(std::string_view text);

}  // namespace ft::codec

// Bytes and types of the page's files (behaviour.md §5.4-5.6): base64, the real type from the
// bytes, the type to report (sniffed, then declared, then the name's extension), and the name
// helpers the file registry (files.h) shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ft {

// Bytes sniff_mime looks at (SVG needs the most); the JS passes at most this many as a file's head.
inline constexpr std::size_t kSniffBytes = 1024;

// ---- bytes and types ---------------------------------------------------------------------------

// Standard base64 (RFC 4648 §4, '+' '/', '=' padding).
std::string base64_encode(std::string_view bytes);
// Strict inverse: false on a character outside the alphabet, bad padding or length; no whitespace.
bool base64_decode(std::string_view text, std::string& out);

// Mime type from leading bytes (give at least 1024 when you can, for SVG): "image/png",
// "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/svg+xml", "application/pdf",
// "application/zip" (also docx/xlsx/pptx), "application/x-cfb" (also doc/xls/ppt); "" if unknown.
std::string sniff_mime(std::string_view head);

// Lower-case extension of the last path segment (query and fragment ignored), without the dot;
// "" when none. "a/b.tar.GZ?x#y" → "gz".
std::string extension_of(std::string_view path_or_url);

// Mime type for an extension (lower-case, no dot), or "" when unknown.
std::string mime_for_extension(std::string_view ext);

// The type to report: see the header comment. `declared` may carry parameters ("; charset=...").
std::string detect_mime(std::string_view head, std::string_view name, std::string_view declared);

// The last path segment of a url, without query or fragment, percent-decoded when that gives
// valid UTF-8 ("https://x/a/b%20c.pdf?q" → "b c.pdf"); "" when none.
std::string file_name_from_url(std::string_view url);

// ---- names ---------------------------------------------------------------------------------------

bool has_control(std::string_view s);  // a byte below 0x20, or DEL
bool valid_utf8(std::string_view s);
// A name as the page may see it: control characters dropped, invalid UTF-8 replaced, capped.
std::string clean_name(std::string_view s, std::size_t max);
// The last segment of a path or url ('/' or '\\'), query and fragment dropped.
std::string_view last_path_segment(std::string_view path);
bool starts_with_nocase(std::string_view s, std::string_view prefix);  // ASCII

}  // namespace ft

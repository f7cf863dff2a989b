// The storage's record formats, built and parsed here only (src/storage.h describes the files):
// - a shard's or a journal's record "<crc32 hex8>\t<tag>\t<escaped key>\t<escaped payload>", the
//   CRC over the text after its tab, under a header "<magic><crc32 of the records>\n";
// - a line of the unsaved-writes record the page keeps in localStorage as it leaves
//   (docs/durability.md): "<tag>\t<escaped key>\t<escaped payload>", or, for a call the page made
//   before the core was up, that call as JSON: {"api":"setStorage","key","type","payload"},
//   {"api":"removeStorage","key"} or {"api":"clearStorage"} (polyfill/core-wire/storage.js).
// A tag is a value's type ([a-z]{1,16}), "-" for a removal or "*" for a clear. Escapes:
// codec::escape_line. And the whole-file reads and writes of those files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ft::record {

inline constexpr std::string_view kShardMagic = "FTSTORE2 ";
inline constexpr std::string_view kJournalMagic = "FTJRNL01 ";
inline constexpr std::string_view kBaseMagic = "FTJBASE1 ";
inline constexpr std::size_t kHeaderSize = 18;  // magic + 8 hex digits + '\n'
// A journal record's tag besides a value type: a removal, a clear.
inline constexpr std::string_view kRemoveTag = "-";
inline constexpr std::string_view kClearTag = "*";

// A value type tag: [a-z]{1,16}.
bool valid_type(std::string_view type);

// The 8-hex-digit version in a header "<magic><hex8>\n"; false when it is not one.
bool parse_header(std::string_view text, std::string_view magic, std::uint32_t& version);
// "<magic><crc of the records>\n<records>": a shard's or a journal's whole text.
std::string with_header(std::string_view magic, const std::string& records);

// Appends one checksummed record "<crc>\t<tag>\t<key>\t<payload>\n".
void append(std::string& records, std::string_view tag, std::string_view key, std::string_view payload);
// Reads one checksummed record (without its '\n'; `complete`: the '\n' was there): nullptr with
// its fields, or what is wrong ("truncated record", "checksum mismatch", "malformed record").
// A tag must be a value type, or, when `ops`, "-" or "*" too.
const char* parse(std::string_view line, bool complete, bool ops, std::string_view& tag, std::string& key,
                  std::string& payload);

// Appends one line of the unsaved-writes record "<tag>\t<key>\t<payload>\n".
void append_unsaved(std::string& out, std::string_view tag, std::string_view key, std::string_view payload);
// Reads one line of an unsaved-writes record (either form above, without its '\n'); false when
// damaged. `tag` is "-", "*" or else the value type (Storage::set checks it).
bool parse_unsaved(std::string_view line, std::string& tag, std::string& key, std::string& payload);

enum class ReadResult { kRead, kMissing, kFailed };

// A whole file's bytes (not zero-filled first: a 10 MB store is read once per load).
struct FileBytes {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view view() const { return {data.get(), size}; }
};

ReadResult read_file(const std::string& path, FileBytes& out);
// One write(2) of the whole text (the persistence layer pushes files only after it).
bool write_file(const std::string& path, const std::string& data);

}  // namespace ft::record

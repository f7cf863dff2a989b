#include "storage_record.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "codec.h"
#include "js_value.h"

namespace ft::record {

bool valid_type(std::string_view type) {
  if (type.empty() || type.size() > 16) return false;
  return std::all_of(type.begin(), type.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool parse_header(std::string_view text, std::string_view magic, std::uint32_t& version) {
  return text.size() >= kHeaderSize && text.compare(0, magic.size(), magic) == 0 && text[kHeaderSize - 1] == '\n' &&
         codec::parse_hex32(text.substr(magic.size(), 8), version);
}

std::string with_header(std::string_view magic, const std::string& records) {
  std::string text;
  text.reserve(kHeaderSize + records.size());
  text.append(magic).append(codec::hex32(codec::crc32(records))).append(1, '\n').append(records);
  return text;
}

void append(std::string& records, std::string_view tag, std::string_view key, std::string_view payload) {
  const std::size_t crc_at = records.size();
  records.append("00000000\t");
  const std::size_t body_at = records.size();
  records.append(tag).append(1, '\t');
  codec::append_escaped_line(records, key);
  records += '\t';
  codec::append_escaped_line(records, payload);
  records.replace(crc_at, 8, codec::hex32(codec::crc32(std::string_view(records).substr(body_at))));
  records += '\n';
}

namespace {

bool valid_tag(std::string_view tag, bool ops) {
  return valid_type(tag) || (ops && (tag == kRemoveTag || tag == kClearTag));
}

// "<tag>\t<key>\t<payload>", unescaped (`exact`: no tab in the payload, as written).
bool parse_fields(std::string_view line, bool exact, std::string_view& tag, std::string& key, std::string& payload) {
  const std::size_t t1 = line.find('\t');
  const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
  if (t2 == std::string_view::npos || (exact && line.find('\t', t2 + 1) != std::string_view::npos)) return false;
  tag = line.substr(0, t1);
  return codec::unescape_line(line.substr(t1 + 1, t2 - t1 - 1), key) &&
         codec::unescape_line(line.substr(t2 + 1), payload);
}

}  // namespace

const char* parse(std::string_view line, bool complete, bool ops, std::string_view& tag, std::string& key,
                  std::string& payload) {
  if (!complete) return "truncated record";
  const std::size_t tab = line.find('\t');
  std::uint32_t crc = 0;
  if (std::count(line.begin(), line.end(), '\t') < 3) return "malformed record";
  if (!codec::parse_hex32(line.substr(0, tab), crc) || crc != codec::crc32(line.substr(tab + 1)))
    return "checksum mismatch";
  if (!parse_fields(line.substr(tab + 1), false, tag, key, payload) || !valid_tag(tag, ops)) return "malformed record";
  return nullptr;
}

void append_unsaved(std::string& out, std::string_view tag, std::string_view key, std::string_view payload) {
  out.append(tag).append(1, '\t');
  codec::append_escaped_line(out, key);
  out += '\t';
  codec::append_escaped_line(out, payload);
  out += '\n';
}

bool parse_unsaved(std::string_view line, std::string& tag, std::string& key, std::string& payload) {
  if (line.empty() || line[0] != '{') {
    std::string_view fields_tag;
    if (!parse_fields(line, true, fields_tag, key, payload)) return false;
    tag.assign(fields_tag);
    return true;
  }
  // A call queued before the core was up, as the page's JS wrote it.
  nlohmann::ordered_json call;
  Status st = js::parse_options(line, call);
  std::string api;
  if (!st.ok || !js::get_string(call, "api", true, api, st)) return false;
  key.clear(), payload.clear();
  if (api == "clearStorage") return tag.assign(kClearTag), true;
  if (!js::get_string(call, "key", true, key, st)) return false;
  if (api == "removeStorage") return tag.assign(kRemoveTag), true;
  return api == "setStorage" && js::get_string(call, "type", true, tag, st) &&
         js::get_string(call, "payload", true, payload, st);
}

ReadResult read_file(const std::string& path, FileBytes& out) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return errno == ENOENT ? ReadResult::kMissing : ReadResult::kFailed;
  // One read of the whole file into a buffer of its size; should it have grown since fstat, the
  // buffer doubles.
  struct stat st;
  std::size_t capacity = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 4096;
  out.data.reset(new char[capacity]);
  out.size = 0;
  bool ok = true;
  for (;;) {
    if (out.size == capacity) {
      std::unique_ptr<char[]> bigger(new char[capacity * 2]);
      std::memcpy(bigger.get(), out.data.get(), out.size);
      out.data = std::move(bigger);
      capacity *= 2;
    }
    const ssize_t n = ::read(fd, out.data.get() + out.size, capacity - out.size);
    if (n < 0) ok = false;
    if (n <= 0) break;
    out.size += static_cast<std::size_t>(n);
  }
  return (::close(fd) == 0) && ok ? ReadResult::kRead : ReadResult::kFailed;
}

bool write_file(const std::string& path, const std::string& data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  return (::close(fd) == 0) && done == data.size();
}

}  // namespace ft::record

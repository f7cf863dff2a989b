#include "files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "codec.h"
#include "request.h"

namespace ft {

namespace {

using ojson = nlohmann::ordered_json;

constexpr const char* kDocTypes[] = {"doc", "xls", "ppt", "pdf", "docx", "xlsx", "pptx"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool starts_with_nocase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (lower(s[i]) != lower(p[i])) return false;
  return true;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = js::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// A name as the page may see it: control characters dropped, invalid UTF-8 replaced, capped.
std::string clean_name(std::string_view s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && out.size() < max;) {
    std::size_t n = js::utf8_sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (!(n == 1 && (static_cast<unsigned char>(s[i]) < 0x20 || s[i] == 0x7f))) out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

std::string_view strip_query(std::string_view url) {
  auto cut = url.find_first_of("?#");
  return url.substr(0, cut);
}

std::string_view last_segment(std::string_view path) {
  path = strip_query(path);
  auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The media type of a declared content type: lower-case, parameters dropped, "" when malformed.
std::string clean_mime(std::string_view declared) {
  declared = declared.substr(0, declared.find(';'));
  while (!declared.empty() && (declared.front() == ' ' || declared.front() == '\t')) declared.remove_prefix(1);
  while (!declared.empty() && (declared.back() == ' ' || declared.back() == '\t')) declared.remove_suffix(1);
  std::string m = to_lower(declared);
  auto slash = m.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == m.size() || m.size() > 127) return {};
  for (std::size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || std::strchr("!#$&^_.+-", c) ||
              (c == '/' && i == slash);
    if (!ok || c == 0) return {};
  }
  return m;
}

bool is_generic_mime(std::string_view m) {
  return m.empty() || m == "application/octet-stream" || m == "binary/octet-stream" ||
         m == "application/binary" || m == "application/unknown" || m == "application/force-download";
}

bool read_file(const std::string& path, std::string& out, std::size_t limit = SIZE_MAX) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out.clear();
  char buf[65536];
  std::size_t n;
  while (out.size() < limit && (n = std::fread(buf, 1, std::min(sizeof buf, limit - out.size()), f)) > 0)
    out.append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

std::int64_t mtime_ms_of(const struct stat& st) {
#if defined(__APPLE__)
  return static_cast<std::int64_t>(st.st_mtimespec.tv_sec) * 1000 + st.st_mtimespec.tv_nsec / 1000000;
#else
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
#endif
}

void make_dir(const std::string& path) {
  // mkdir -p: every prefix ending before a '/' and the whole path; errors surface at fopen.
  for (std::size_t i = 1; i < path.size(); ++i)
    if (path[i] == '/') ::mkdir(path.substr(0, i).c_str(), 0777);
  ::mkdir(path.c_str(), 0777);
}

bool write_atomically(const std::string& path, std::string_view bytes) {
  struct stat before;
  std::int64_t old_mtime = ::stat(path.c_str(), &before) == 0 ? mtime_ms_of(before) : -1;
  std::string tmp = path + "~";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  struct stat after;
  if (old_mtime >= 0 && ::stat(path.c_str(), &after) == 0 && mtime_ms_of(after) <= old_mtime) {
    // IDBFS finds changes by millisecond mtime: make a same-millisecond rewrite visible.
    struct timeval tv[2];
    std::int64_t ms = old_mtime + 1;
    tv[0].tv_sec = tv[1].tv_sec = static_cast<time_t>(ms / 1000);
    tv[0].tv_usec = tv[1].tv_usec = static_cast<suseconds_t>((ms % 1000) * 1000);
    ::utimes(path.c_str(), tv);
  }
  return true;
}

std::string doc_type_for_mime(std::string_view mime) {
  for (const char* t : kDocTypes)
    if (mime_for_extension(t) == mime) return t;
  return {};
}

bool is_doc_type(std::string_view t) {
  return std::any_of(std::begin(kDocTypes), std::end(kDocTypes), [&](const char* d) { return t == d; });
}

}  // namespace

// ---- bytes and types ---------------------------------------------------------------------------

std::string base64_encode(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.resize((in.size() + 2) / 3 * 4);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t n = in.size(), i = 0, o = 0;
  for (; i + 3 <= n; i += 3) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8) | p[i + 2];
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = kAlphabet[(v >> 6) & 63];
    out[o++] = kAlphabet[v & 63];
  }
  if (n - i == 1) {
    std::uint32_t v = std::uint32_t(p[i]) << 16;
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = '=';
    out[o++] = '=';
  } else if (n - i == 2) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8);
    out[o++] = kAlphabet[v >> 18];
    out[o++] = kAlphabet[(v >> 12) & 63];
    out[o++] = kAlphabet[(v >> 6) & 63];
    out[o++] = '=';
  }
  return out;
}

bool base64_decode(std::string_view text, std::string& out) {
  out.clear();
  if (text.size() % 4 != 0) return false;
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    int pad = 0;
    if (last && text[i + 3] == '=') pad = text[i + 2] == '=' ? 2 : 1;
    int v[4];
    for (int k = 0; k < 4 - pad; ++k) {
      v[k] = val(text[i + k]);
      if (v[k] < 0) return false;
    }
    for (int k = 4 - pad; k < 4; ++k) v[k] = 0;
    std::uint32_t w = (std::uint32_t(v[0]) << 18) | (std::uint32_t(v[1]) << 12) | (std::uint32_t(v[2]) << 6) | v[3];
    out += static_cast<char>(w >> 16);
    if (pad < 2) out += static_cast<char>((w >> 8) & 255);
    if (pad < 1) out += static_cast<char>(w & 255);
    // Canonical form only: the bits dropped by padding must be zero.
    if ((pad == 1 && (w & 255) != 0) || (pad == 2 && (w & 0xFFFF) != 0)) return false;
  }
  return true;
}

std::string sniff_mime(std::string_view h) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(h[i]); };
  if (starts_with(h, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (h.size() >= 3 && at(0) == 0xFF && at(1) == 0xD8 && at(2) == 0xFF) return "image/jpeg";
  if (starts_with(h, "GIF87a") || starts_with(h, "GIF89a")) return "image/gif";
  if (h.size() >= 12 && starts_with(h, "RIFF") && h.substr(8, 4) == "WEBP") return "image/webp";
  if (h.size() >= 18 && starts_with(h, "BM")) {
    std::uint32_t dib = at(14) | (at(15) << 8) | (at(16) << 16) | (std::uint32_t(at(17)) << 24);
    if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
      return "image/bmp";
  }
  if (starts_with(h, "%PDF-")) return "application/pdf";
  if (starts_with(h, std::string_view("PK\x03\x04", 4))) return "application/zip";
  if (starts_with(h, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return "application/x-cfb";
  // SVG: text (no NUL in the head), starting with '<' after a BOM and whitespace, with an <svg
  // element within the first 1024 bytes (after any <?xml ...?>, comments and <!DOCTYPE svg ...>).
  std::string_view t = h.substr(0, 1024);
  if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n'))
    t.remove_prefix(1);
  if (!t.empty() && t.front() == '<' && t.find('\0') == std::string_view::npos) {
    for (std::size_t pos = t.find('<'); pos != std::string_view::npos; pos = t.find('<', pos + 1)) {
      std::string_view rest = t.substr(pos);
      if (starts_with_nocase(rest, "<svg") &&
          (rest.size() == 4 || std::strchr(" \t\r\n>/", rest[4]) != nullptr))
        return "image/svg+xml";
    }
  }
  return {};
}

std::string extension_of(std::string_view path) {
  std::string_view seg = last_segment(path);
  auto dot = seg.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 == seg.size()) return {};
  std::string_view ext = seg.substr(dot + 1);
  if (ext.size() > 16) return {};
  return to_lower(ext);
}

std::string mime_for_extension(std::string_view ext) {
  static const std::pair<const char*, const char*> kTable[] = {
      {"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"jpe", "image/jpeg"},
      {"jfif", "image/jpeg"}, {"gif", "image/gif"}, {"webp", "image/webp"}, {"bmp", "image/bmp"},
      {"svg", "image/svg+xml"}, {"ico", "image/x-icon"}, {"avif", "image/avif"},
      {"heic", "image/heic"}, {"heif", "image/heif"}, {"tif", "image/tiff"}, {"tiff", "image/tiff"},
      {"pdf", "application/pdf"}, {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"txt", "text/plain"}, {"csv", "text/csv"}, {"htm", "text/html"}, {"html", "text/html"},
      {"json", "application/json"}, {"xml", "application/xml"}, {"zip", "application/zip"},
      {"mp3", "audio/mpeg"}, {"wav", "audio/wav"}, {"mp4", "video/mp4"}, {"webm", "video/webm"},
      {"mov", "video/quicktime"},
  };
  std::string e = to_lower(ext);
  for (const auto& kv : kTable)
    if (e == kv.first) return kv.second;
  return {};
}

std::string detect_mime(std::string_view head, std::string_view name, std::string_view declared) {
  std::string sniffed = sniff_mime(head);
  std::string by_ext = mime_for_extension(extension_of(name));
  std::string decl = clean_mime(declared);
  if (is_generic_mime(decl)) decl.clear();
  auto zip_family = [](std::string_view m) {
    return m == "application/zip" || m.find("officedocument") != std::string_view::npos;
  };
  auto cfb_family = [](std::string_view m) {
    return m == "application/msword" || m == "application/vnd.ms-excel" || m == "application/vnd.ms-powerpoint";
  };
  if (sniffed == "application/zip") {
    if (zip_family(decl)) return decl;
    if (zip_family(by_ext)) return by_ext;
    return sniffed;
  }
  if (sniffed == "application/x-cfb") {
    if (cfb_family(decl)) return decl;
    if (cfb_family(by_ext)) return by_ext;
    return sniffed;
  }
  if (!sniffed.empty()) return sniffed;
  if (!decl.empty()) return decl;
  if (!by_ext.empty()) return by_ext;
  return "application/octet-stream";
}

std::string file_name_from_url(std::string_view url) {
  std::string_view seg = last_segment(url);
  std::string decoded;
  bool ok = true;
  for (std::size_t i = 0; i < seg.size(); ++i) {
    if (seg[i] == '%' && i + 2 < seg.size()) {
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = lower(c);
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
      };
      int a = hex(seg[i + 1]), b = hex(seg[i + 2]);
      if (a < 0 || b < 0) {
        ok = false;
        break;
      }
      decoded += static_cast<char>(a * 16 + b);
      i += 2;
    } else if (seg[i] == '%') {
      ok = false;
      break;
    } else {
      decoded += seg[i];
    }
  }
  if (!ok || !valid_utf8(decoded) || has_control(decoded)) return clean_name(seg, 1024);
  return decoded;
}

// ---- registry ----------------------------------------------------------------------------------

FileRegistry::FileRegistry(std::string dir, FileLimits limits) : dir_(std::move(dir)), limits_(limits) {}

std::string FileRegistry::escape_name(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || (c == '.' && i != 0);
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool FileRegistry::unescape_name(std::string_view name, std::string& path) {
  path.clear();
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '%') {
      if (i + 2 >= name.size()) return false;
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;  // lower-case hex is not canonical
      };
      int a = hex(name[i + 1]), b = hex(name[i + 2]);
      if (a < 0 || b < 0) return false;
      path += static_cast<char>(a * 16 + b);
      i += 2;
    } else {
      path += c;
    }
  }
  return !path.empty() && escape_name(path) == name;
}

std::string FileRegistry::disk_path_of(std::string_view file_path) const {
  return dir_ + "/files/" + escape_name(file_path);
}

std::vector<std::string> FileRegistry::load() {
  std::vector<std::string> warnings;
  std::map<std::string, std::string, std::less<>> urls;
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->second.persisted) {
      if (!it->second.url.empty()) urls[it->first] = it->second.url;
      it = files_.erase(it);
    } else {
      ++it;
    }
  }
  saved_bytes_ = 0;
  std::string folder = dir_ + "/files";
  DIR* d = ::opendir(folder.c_str());
  if (!d) return warnings;  // no folder yet: nothing saved
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
  ::closedir(d);
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    if (n == "." || n == "..") continue;
    if (!n.empty() && n.back() == '~') continue;  // an interrupted write
    std::string path;
    if (!unescape_name(n, path)) {
      warnings.push_back(folder + "/" + n + ": not a saved-file name");
      continue;
    }
    std::string disk = folder + "/" + n;
    struct stat st;
    if (::stat(disk.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      warnings.push_back(disk + ": not a regular file");
      continue;
    }
    std::string head;
    if (!read_file(disk, head, 1024)) {
      warnings.push_back(disk + ": unreadable");
      continue;
    }
    FileInfo info;
    info.path = path;
    info.name = clean_name(last_segment(path), limits_.max_path_bytes);
    info.mime = detect_mime(head, path, "");
    info.size = static_cast<std::uint64_t>(st.st_size);
    info.persisted = true;
    info.disk_path = disk;
    auto u = urls.find(path);
    if (u != urls.end()) info.url = u->second;
    saved_bytes_ += info.size;
    files_[path] = std::move(info);
  }
  return warnings;
}

Status FileRegistry::add_temp(std::string_view url, std::uint64_t size, std::string_view name,
                              std::string_view declared_mime, std::string_view head, FileInfo& out) {
  if (url.empty() || url.size() > limits_.max_path_bytes || has_control(url) || !valid_utf8(url))
    return Status::Fail(file_reason::kBadUrl);
  auto existing = files_.find(url);
  if (existing != files_.end() && existing->second.persisted) return Status::Fail(file_reason::kBadUrl);
  FileInfo info;
  info.path = std::string(url);
  info.url = info.path;
  info.name = clean_name(name, limits_.max_path_bytes);
  info.mime = detect_mime(head, info.name.empty() ? url : std::string_view(info.name), declared_mime);
  info.size = size;
  info.persisted = false;
  out = info;
  files_[info.path] = std::move(info);
  return Status::Ok();
}

Status FileRegistry::save(std::string_view file_path, std::string_view bytes, std::string_view name,
                          std::string_view declared_mime, FileInfo& out) {
  if (file_path.empty() || has_control(file_path) || !valid_utf8(file_path) ||
      starts_with_nocase(file_path, "blob:") || starts_with_nocase(file_path, "data:"))
    return Status::Fail(file_reason::kBadPath);
  if (file_path.size() > limits_.max_path_bytes || escape_name(file_path).size() > limits_.max_escaped_name)
    return Status::Fail(file_reason::kPathTooLong);
  auto existing = files_.find(file_path);
  if (existing != files_.end() && !existing->second.persisted) return Status::Fail(file_reason::kBadPath);
  std::uint64_t old_size = existing != files_.end() ? existing->second.size : 0;
  if (bytes.size() > limits_.max_saved_bytes || saved_bytes_ - old_size + bytes.size() > limits_.max_saved_bytes)
    return Status::Fail(file_reason::kStorageFull);

  make_dir(dir_ + "/files");
  std::string disk = disk_path_of(file_path);
  if (!write_atomically(disk, bytes)) return Status::Fail(file_reason::kWriteFailed);

  FileInfo info;
  info.path = std::string(file_path);
  std::string n = clean_name(name, limits_.max_path_bytes);
  info.name = n.empty() ? clean_name(last_segment(file_path), limits_.max_path_bytes) : n;
  info.mime = detect_mime(bytes.substr(0, 1024), file_path, declared_mime);
  if (info.mime == "application/octet-stream" || info.mime == "application/zip" || info.mime == "application/x-cfb")
    info.mime = detect_mime(bytes.substr(0, 1024), info.name, declared_mime);
  info.size = bytes.size();
  info.persisted = true;
  info.disk_path = disk;
  if (existing != files_.end()) info.url = existing->second.url;
  saved_bytes_ = saved_bytes_ - old_size + bytes.size();
  out = info;
  files_[info.path] = std::move(info);
  return Status::Ok();
}

Status FileRegistry::read(std::string_view path, std::string& bytes) const {
  const FileInfo* f = find(path);
  if (!f) return Status::Fail(file_reason::kNotFound);
  if (!f->persisted) return Status::Fail(file_reason::kNotSaved);
  if (!read_file(f->disk_path, bytes)) return Status::Fail(file_reason::kReadFailed);
  return Status::Ok();
}

Status FileRegistry::set_url(std::string_view path, std::string_view url) {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::Fail(file_reason::kNotFound);
  if (url.empty() || url.size() > limits_.max_path_bytes || has_control(url) || !valid_utf8(url))
    return Status::Fail(file_reason::kBadUrl);
  if (!it->second.persisted && url != it->second.path) return Status::Fail(file_reason::kBadUrl);
  it->second.url = std::string(url);
  return Status::Ok();
}

const FileInfo* FileRegistry::find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

Status FileRegistry::remove(std::string_view path) {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::Fail(file_reason::kNotFound);
  if (it->second.persisted) {
    if (std::remove(it->second.disk_path.c_str()) != 0 && errno != ENOENT)
      return Status::Fail(file_reason::kWriteFailed);
    saved_bytes_ -= it->second.size;
  }
  files_.erase(it);
  return Status::Ok();
}

std::vector<FileInfo> FileRegistry::list() const {
  std::vector<FileInfo> out;
  out.reserve(files_.size());
  for (const auto& kv : files_) out.push_back(kv.second);
  return out;
}

Status local_img_data(const FileInfo& info, std::string_view bytes, std::string& data_url) {
  std::string mime = sniff_mime(bytes.substr(0, 1024));
  if (mime.rfind("image/", 0) != 0) {
    if (!mime.empty() || info.mime.rfind("image/", 0) != 0) return Status::Fail(file_reason::kNotImage);
    mime = info.mime;
  }
  data_url = "data:" + mime + ";base64,";
  data_url += base64_encode(bytes);
  return Status::Ok();
}

// ---- openDocument ------------------------------------------------------------------------------

Status plan_open_document(const FileRegistry& files, std::string_view file_path, std::string_view file_type,
                          OpenDocumentPlan& out) {
  out = OpenDocumentPlan{};
  std::string type = to_lower(file_type);
  if (!type.empty() && !is_doc_type(type)) return Status::Fail(file_reason::kBadFileType);
  const FileInfo* f = files.find(file_path);
  if (!f) return Status::Fail(file_reason::kNotFound);
  if (type.empty()) {
    for (const std::string& cand : {extension_of(f->path), extension_of(f->name), doc_type_for_mime(f->mime)}) {
      if (is_doc_type(cand)) {
        type = cand;
        break;
      }
    }
  }
  if (type.empty()) return Status::Fail(file_reason::kTypeNotSupported);
  out.file_path = f->path;
  out.file_type = type;
  out.mime = f->mime;
  out.url = f->url;
  return Status::Ok();
}

// ---- chooseImage -------------------------------------------------------------------------------

ChooseImagePlan plan_choose_image(const ChooseImageOptions& in) {
  ChooseImagePlan p;
  double c = in.count.value_or(9);
  if (std::isnan(c)) c = 9;
  c = std::floor(c);
  p.count = c < 1 ? 1 : c > 9 ? 9 : static_cast<int>(c);
  p.multiple = p.count > 1;

  auto has = [](const std::vector<std::string>& v, const char* s) { return std::find(v.begin(), v.end(), s) != v.end(); };
  bool original = true, compressed = true;
  if (in.size_type && (has(*in.size_type, "original") || has(*in.size_type, "compressed"))) {
    original = has(*in.size_type, "original");
    compressed = has(*in.size_type, "compressed");
  }
  p.compressed = compressed && !original;
  bool album = true, camera = true;
  if (in.source_type && (has(*in.source_type, "album") || has(*in.source_type, "camera"))) {
    album = has(*in.source_type, "album");
    camera = has(*in.source_type, "camera");
  }
  p.capture = camera && !album;
  return p;
}

Status plan_choose_image_json(std::string_view options_json, ChooseImagePlan& out) {
  out = ChooseImagePlan{};
  if (js::text_depth_exceeds(options_json, js::kMaxDepth))
    return Status::Fail("parameter error: options are nested too deeply");
  ojson o = codec::parse_json_value(options_json);
  if (o.is_discarded() || !o.is_object()) return Status::Fail("parameter error: options should be Object");
  ChooseImageOptions in;
  auto c = o.find("count");
  if (c != o.end() && !c->is_null()) {
    if (!c->is_number()) return Status::Fail(js::type_error("count", "Number", *c));
    in.count = c->get<double>();
  }
  auto list = [&o](const char* key, std::optional<std::vector<std::string>>& dst) -> Status {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return Status::Ok();
    std::vector<std::string> v;
    if (it->is_string()) {
      v.push_back(it->get_ref<const std::string&>());
    } else if (it->is_array()) {
      for (const auto& e : *it) {
        if (!e.is_string()) return Status::Fail(js::type_error(std::string(key) + "[]", "String", e));
        v.push_back(e.get_ref<const std::string&>());
      }
    } else {
      return Status::Fail(js::type_error(key, "Array", *it));
    }
    dst = std::move(v);
    return Status::Ok();
  };
  Status st = list("sizeType", in.size_type);
  if (!st.ok) return st;
  st = list("sourceType", in.source_type);
  if (!st.ok) return st;
  out = plan_choose_image(in);
  return Status::Ok();
}

}  // namespace ft

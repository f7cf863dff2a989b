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

namespace ft {

namespace {

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

}  // namespace

std::uint64_t clamp_file_size(double size) {
  if (!std::isfinite(size) || size < 0) return 0;
  return size > 9007199254740991.0 ? 9007199254740991ull : static_cast<std::uint64_t>(size);
}

// ---- registry ----------------------------------------------------------------------------------

FileRegistry::FileRegistry(std::string dir, FileLimits limits) : dir_(std::move(dir)), limits_(limits) {}

std::string FileRegistry::escape_name(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                (c == '.' && i != 0);
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
    info.name = clean_name(last_path_segment(path), limits_.max_path_bytes);
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
  if (file_path.empty() || has_control(file_path) || !valid_utf8(file_path) || starts_with_nocase(file_path, "blob:") ||
      starts_with_nocase(file_path, "data:"))
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
  info.name = n.empty() ? clean_name(last_path_segment(file_path), limits_.max_path_bytes) : n;
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

}  // namespace ft

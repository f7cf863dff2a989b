#include "storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "codec.h"

namespace ft {

namespace {

// "FTSTORE2 <crc32 of the records>\n": the checksum doubles as the shard's version, so refresh()
// tells a changed file from an unchanged one by its size and first line, not by its mtime
// (Emscripten 3.1.6's stat() has whole seconds only).
constexpr std::string_view kMagic = "FTSTORE2 ";
constexpr std::size_t kHeaderSize = 18;  // magic + 8 hex digits + '\n'

std::size_t item_bytes(std::string_view key, std::string_view payload) {
  return codec::utf8_bytes(key) + codec::utf8_bytes(payload);
}

bool valid_type(std::string_view type) {
  if (type.empty() || type.size() > 16) return false;
  return std::all_of(type.begin(), type.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

enum class ReadResult { kRead, kMissing, kFailed };

/** A whole file's bytes (not zero-filled first: a 10 MB store is read once per load). */
struct FileBytes {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view view() const { return {data.get(), size}; }
};

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

}  // namespace

Storage::Storage(std::string dir, StorageLimits limits) : dir_(std::move(dir)), limits_(limits) {}

std::size_t Storage::shard_of(std::string_view key) { return codec::fnv1a(key) % kShardCount; }

std::string Storage::shard_path(std::size_t shard) const {
  static const char digits[] = "0123456789abcdef";
  return dir_ + "/shard-" + digits[(shard >> 4) & 0xF] + digits[shard & 0xF];
}

std::size_t Storage::size() const {
  std::size_t n = 0;
  for (const auto& s : shards_) n += s.size();
  return n;
}

bool Storage::dirty() const {
  return !pending_.empty() || std::any_of(dirty_.begin(), dirty_.end(), [](bool d) { return d; });
}

Storage::Stamp Storage::stat_shard(std::size_t shard) const {
  const std::string path = shard_path(shard);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return {};
  Stamp stamp{0, static_cast<std::int64_t>(st.st_size)};
  char head[kHeaderSize];
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return stamp;
  const ssize_t n = ::read(fd, head, kHeaderSize);
  ::close(fd);
  std::uint32_t crc = 0;
  if (n == static_cast<ssize_t>(kHeaderSize) && std::string_view(head, kMagic.size()) == kMagic &&
      codec::parse_hex32(std::string_view(head + kMagic.size(), 8), crc))
    stamp.version = crc;
  return stamp;
}

void Storage::forget_shard(std::size_t shard) {
  Shard& map = shards_[shard];
  for (const auto& [key, value] : map) total_bytes_ -= item_bytes(key, value.payload);
  map.clear();
  stamps_[shard] = {};
}

void Storage::read_shard(std::size_t shard, std::vector<StorageWarning>& warnings) {
  forget_shard(shard);
  Shard& map = shards_[shard];
  const std::string path = shard_path(shard);
  FileBytes bytes;
  const ReadResult read = read_file(path, bytes);
  const std::string_view text = bytes.view();
  if (read == ReadResult::kMissing) return;  // no file: empty shard
  if (read == ReadResult::kFailed) {
    warnings.push_back({path, 0, "unreadable"});
    dirty_[shard] = true;
    return;
  }
  std::uint32_t version = 0;
  if (text.size() < kHeaderSize || text.compare(0, kMagic.size(), kMagic) != 0 || text[kHeaderSize - 1] != '\n' ||
      !codec::parse_hex32(std::string_view(text).substr(kMagic.size(), 8), version)) {
    stamps_[shard] = {0, static_cast<std::int64_t>(text.size())};
    warnings.push_back({path, 0, "not a storage shard (bad header)"});
    dirty_[shard] = true;
    return;
  }
  stamps_[shard] = {version, static_cast<std::int64_t>(text.size())};

  std::string key, payload;
  std::size_t pos = kHeaderSize, line = 1;
  while (pos < text.size()) {
    ++line;
    std::size_t end = text.find('\n', pos);
    const bool complete = end != std::string::npos;
    if (!complete) end = text.size();
    std::string_view record(text.data() + pos, end - pos);
    pos = end + 1;

    // <crc>\t<type>\t<key>\t<payload>
    const char* what = nullptr;
    std::uint32_t crc = 0;
    std::size_t t1 = record.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : record.find('\t', t1 + 1);
    std::size_t t3 = t2 == std::string_view::npos ? t2 : record.find('\t', t2 + 1);
    if (!complete) what = "truncated record";
    else if (t3 == std::string_view::npos) what = "malformed record";
    else if (!codec::parse_hex32(record.substr(0, t1), crc) || crc != codec::crc32(record.substr(t1 + 1)))
      what = "checksum mismatch";
    else if (!valid_type(record.substr(t1 + 1, t2 - t1 - 1)) ||
             !codec::unescape_line(record.substr(t2 + 1, t3 - t2 - 1), key) ||
             !codec::unescape_line(record.substr(t3 + 1), payload))
      what = "malformed record";
    else if (shard_of(key) != shard) what = "key of another shard";  // get/remove look a key up in its own shard only
    if (what) {
      warnings.push_back({path, line, what});
      dirty_[shard] = true;  // the next flush rewrites the shard without the damaged line
      continue;
    }
    std::string type(record.substr(t1 + 1, t2 - t1 - 1));
    auto [it, inserted] = map.try_emplace(key);
    if (!inserted) total_bytes_ -= item_bytes(key, it->second.payload);
    it->second.type = std::move(type);
    it->second.payload.swap(payload);
    total_bytes_ += item_bytes(key, it->second.payload);
  }
}

std::vector<StorageWarning> Storage::load() {
  pending_.clear();
  dirty_.fill(false);
  std::vector<StorageWarning> warnings;
  // Open only the shard files the directory lists: a missing file is an empty shard, and in the
  // browser each failed open is a thrown (and caught) JS exception in Emscripten's FS.
  std::array<bool, kShardCount> present{};
  bool listed = false;
  if (DIR* dir = ::opendir(dir_.c_str())) {
    listed = true;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name(entry->d_name);  // "shard-" and two lowercase hex digits
      const auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
      if (name.size() != 8 || name.substr(0, 6) != "shard-" || hex(name[6]) < 0 || hex(name[7]) < 0) continue;
      const std::size_t index = static_cast<std::size_t>(hex(name[6]) * 16 + hex(name[7]));
      if (index < kShardCount) present[index] = true;
    }
    ::closedir(dir);
  }
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (listed && !present[s]) forget_shard(s);
    else read_shard(s, warnings);
  }
  return warnings;
}

RefreshReport Storage::refresh() {
  RefreshReport report;
  std::array<bool, kShardCount> changed{};
  bool any_changed = false;
  for (std::size_t s = 0; s < kShardCount; ++s) {
    changed[s] = !(stat_shard(s) == stamps_[s]);
    any_changed = any_changed || changed[s];
  }
  if (!any_changed) return report;
  // Shards holding pending writes are re-read too: replay starts from what is on disk, so a
  // pending write that no longer fits leaves no trace.
  const bool replaying = !pending_.empty();
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (!changed[s] && !(replaying && dirty_[s])) continue;
    dirty_[s] = false;
    read_shard(s, report.warnings);
    if (changed[s]) ++report.shards_reloaded;
  }
  if (!replaying) return report;

  // Another tab committed first: our pending writes go on top of its state, in their order.
  std::vector<PendingOp> replay;
  replay.swap(pending_);
  for (PendingOp& op : replay) {
    switch (op.kind) {
      case OpKind::Set: {
        Status st = apply_set(op.key, op.value.type, op.value.payload);
        if (!st.ok) {
          report.rejected.push_back({op.op, st.reason});
          continue;
        }
        break;
      }
      case OpKind::Remove: apply_remove(op.key); break;
      case OpKind::Clear: apply_clear(); break;
    }
    pending_.push_back(std::move(op));
  }
  return report;
}

Status Storage::apply_set(std::string_view key, std::string_view type, std::string_view payload) {
  if (!valid_type(type)) return Status::Fail(storage_reason::kBadType);
  const std::size_t bytes = item_bytes(key, payload);
  if (bytes > limits_.max_item_bytes) return Status::Fail(storage_reason::kItemTooLarge);
  const std::size_t shard = shard_of(key);
  Shard& map = shards_[shard];
  auto it = map.find(key);
  const std::uint64_t old_bytes = it == map.end() ? 0 : item_bytes(key, it->second.payload);
  if (total_bytes_ - old_bytes + bytes > limits_.max_total_bytes) return Status::Fail(storage_reason::kTotalTooLarge);
  if (it == map.end()) it = map.emplace(std::string(key), StoredValue{}).first;
  it->second.type.assign(type);
  it->second.payload.assign(payload);
  total_bytes_ = total_bytes_ - old_bytes + bytes;
  dirty_[shard] = true;
  return Status::Ok();
}

void Storage::apply_remove(std::string_view key) {
  const std::size_t shard = shard_of(key);
  auto it = shards_[shard].find(key);
  if (it == shards_[shard].end()) return;
  total_bytes_ -= item_bytes(key, it->second.payload);
  shards_[shard].erase(it);
  dirty_[shard] = true;
}

void Storage::apply_clear() {
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (shards_[s].empty() && stamps_[s].size < 0) continue;
    shards_[s].clear();
    dirty_[s] = true;
  }
  total_bytes_ = 0;
}

WriteOutcome Storage::set(std::string_view key, std::string_view type, std::string_view payload) {
  Status st = apply_set(key, type, payload);
  if (!st.ok) return {st, 0};
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Set, std::string(key), {std::string(type), std::string(payload)}});
  return {Status::Ok(), op};
}

WriteOutcome Storage::remove(std::string_view key) {
  apply_remove(key);
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Remove, std::string(key), {}});
  return {Status::Ok(), op};
}

WriteOutcome Storage::clear() {
  apply_clear();
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Clear, {}, {}});
  return {Status::Ok(), op};
}

const StoredValue* Storage::get(std::string_view key) const {
  const Shard& map = shards_[shard_of(key)];
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

StorageInfo Storage::info() const {
  StorageInfo info;
  info.keys.reserve(size());
  for (const auto& map : shards_)
    for (const auto& entry : map) info.keys.push_back(entry.first);
  std::sort(info.keys.begin(), info.keys.end());
  info.current_size_kb = (total_bytes_ + 1023) / 1024;
  info.limit_size_kb = limits_.max_total_bytes / 1024;
  return info;
}

Status Storage::write_shard(std::size_t shard, FlushReport& report) {
  const std::string path = shard_path(shard);
  const Shard& map = shards_[shard];
  if (map.empty()) {
    if (std::remove(path.c_str()) != 0) {
      if (errno != ENOENT) return Status::Fail(std::string("cannot remove ") + path);
    } else {
      report.removed.push_back(path);
    }
    stamps_[shard] = {};
    return Status::Ok();
  }
  std::string records;
  for (const auto& [key, value] : map) {
    // <crc>\t<type>\t<key>\t<payload>\n, the crc over what follows its tab.
    const std::size_t crc_at = records.size();
    records.append("00000000\t");
    const std::size_t body_at = records.size();
    records.append(value.type).append(1, '\t');
    codec::append_escaped_line(records, key);
    records += '\t';
    codec::append_escaped_line(records, value.payload);
    records.replace(crc_at, 8, codec::hex32(codec::crc32(std::string_view(records).substr(body_at))));
    records += '\n';
  }
  const std::uint32_t version = codec::crc32(records);
  std::string text;
  text.reserve(kHeaderSize + records.size());
  text.append(kMagic).append(codec::hex32(version)).append(1, '\n').append(records);
  if (!write_file(path, text)) return Status::Fail(std::string("cannot write ") + path + ": " + std::strerror(errno));
  report.written.push_back(path);
  stamps_[shard] = {version, static_cast<std::int64_t>(text.size())};
  return Status::Ok();
}

FlushReport Storage::flush() {
  FlushReport report;
  if (!dirty()) {
    report.durable_through = next_op_ - 1;
    return report;
  }
  if (::mkdir(dir_.c_str(), 0777) != 0 && errno != EEXIST) {
    report.status = Status::Fail("cannot create " + dir_);
    return report;
  }
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (!dirty_[s]) continue;
    Status st = write_shard(s, report);
    if (!st.ok) {
      report.status = st;
      return report;  // pending ops stay: the next flush retries
    }
    dirty_[s] = false;
    ++report.shards_written;
  }
  pending_.clear();
  report.durable_through = next_op_ - 1;
  return report;
}

}  // namespace ft

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
#include "storage_record.h"

namespace ft {

namespace {

// A shard's header checksum doubles as its version, so refresh() tells a changed file from an
// unchanged one by its size and first line, not by its mtime (Emscripten 3.1.6's stat() has whole
// seconds only). The formats: src/storage_record.h.
using record::FileBytes;
using record::kClearTag;
using record::kHeaderSize;
using record::kJournalMagic;
using record::kRemoveTag;
using record::ReadResult;
constexpr std::string_view kMagic = record::kShardMagic;

std::size_t item_bytes(std::string_view key, std::string_view payload) {
  return codec::utf8_bytes(key) + codec::utf8_bytes(payload);
}

/**
 * Calls `found(tag, key, payload)` for each record after the header whose CRC and escapes check
 * out (line numbers 1-based, the header being line 1); reports each other one. `ops`: the file
 * is a journal (removals and clears too).
 */
template <typename Found>
void parse_records(std::string_view text, const std::string& path, std::vector<StorageWarning>& warnings, bool ops,
                   Found found) {
  std::string key, payload;
  std::string_view tag;
  std::size_t pos = kHeaderSize, line = 1;
  while (pos < text.size()) {
    ++line;
    std::size_t end = text.find('\n', pos);
    const bool complete = end != std::string::npos;
    if (!complete) end = text.size();
    const std::string_view rec(text.data() + pos, end - pos);
    pos = end + 1;
    const char* what = record::parse(rec, complete, ops, tag, key, payload);
    if (!what) what = found(tag, key, payload);
    if (what) warnings.push_back({path, line, what});
  }
}

/** 8 lowercase hex digits, or -1 when `name` is not `prefix` followed by them. */
std::int64_t hex_suffix(std::string_view name, std::string_view prefix) {
  if (name.size() != prefix.size() + 8 || name.compare(0, prefix.size(), prefix) != 0) return -1;
  std::uint32_t value = 0;
  return codec::parse_hex32(name.substr(prefix.size()), value) ? static_cast<std::int64_t>(value) : -1;
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

bool Storage::drop_keys(std::size_t shard) {
  Shard& map = shards_[shard];
  if (map.empty()) return false;
  for (const auto& [key, value] : map) total_bytes_ -= item_bytes(key, value.payload);
  map.clear();
  return true;
}

void Storage::forget_shard(std::size_t shard) {
  drop_keys(shard);
  stamps_[shard] = {};
}

void Storage::read_shard(std::size_t shard, std::vector<StorageWarning>& warnings) {
  forget_shard(shard);
  Shard& map = shards_[shard];
  const std::string path = shard_path(shard);
  FileBytes bytes;
  const ReadResult read = record::read_file(path, bytes);
  const std::string_view text = bytes.view();
  if (read == ReadResult::kMissing) return;  // no file: empty shard
  if (read == ReadResult::kFailed) {
    warnings.push_back({path, 0, "unreadable"});
    dirty_[shard] = true;
    return;
  }
  std::uint32_t version = 0;
  if (!record::parse_header(text, kMagic, version)) {
    stamps_[shard] = {0, static_cast<std::int64_t>(text.size())};
    warnings.push_back({path, 0, "not a storage shard (bad header)"});
    dirty_[shard] = true;
    return;
  }
  stamps_[shard] = {version, static_cast<std::int64_t>(text.size())};
  const std::size_t before = warnings.size();
  parse_records(text, path, warnings, false,
                [&](std::string_view type, std::string& key, std::string& payload) -> const char* {
                  // get/remove look a key up in its own shard only
                  if (shard_of(key) != shard) return "key of another shard";
                  auto [it, inserted] = map.try_emplace(key);
                  if (!inserted) total_bytes_ -= item_bytes(key, it->second.payload);
                  it->second.type.assign(type);
                  it->second.payload.swap(payload);
                  total_bytes_ += item_bytes(key, it->second.payload);
                  return nullptr;
                });
  // The next flush rewrites the shard without the damaged lines.
  if (warnings.size() != before) dirty_[shard] = true;
}

std::string Storage::journal_path(std::uint32_t seq) const { return dir_ + "/journal-" + codec::hex32(seq); }
std::string Storage::base_path() const { return dir_ + "/journal-base"; }

Storage::Listing Storage::list() const {
  Listing out;
  // Open only the files the directory lists: a missing file is an empty shard, and in the
  // browser each failed open is a thrown (and caught) JS exception in Emscripten's FS.
  DIR* dir = ::opendir(dir_.c_str());
  if (!dir) return out;
  out.listed = true;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name(entry->d_name);
    if (name == "journal-base") {
      FileBytes bytes;
      std::uint32_t base = 0;
      if (record::read_file(base_path(), bytes) == ReadResult::kRead &&
          record::parse_header(bytes.view(), record::kBaseMagic, base))
        out.base = base;
    } else if (const std::int64_t seq = hex_suffix(name, "journal-"); seq > 0) {
      // Kept in order as listed (a few files): an insertion, not std::sort's code for one more type.
      out.journals.push_back(static_cast<std::uint32_t>(seq));
      for (std::size_t i = out.journals.size() - 1; i > 0 && out.journals[i - 1] > out.journals[i]; --i)
        std::swap(out.journals[i - 1], out.journals[i]);
    } else if (name.size() == 8 && name.compare(0, 6, "shard-") == 0) {
      const auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
      if (hex(name[6]) < 0 || hex(name[7]) < 0) continue;
      const std::size_t index = static_cast<std::size_t>(hex(name[6]) * 16 + hex(name[7]));
      if (index < kShardCount) out.shards[index] = true;
    }
  }
  ::closedir(dir);
  return out;
}

bool Storage::read_journal(std::uint32_t seq, std::vector<StorageWarning>& warnings) {
  const std::string path = journal_path(seq);
  FileBytes bytes;
  const ReadResult read = record::read_file(path, bytes);
  if (read == ReadResult::kMissing) return false;
  journal_seqs_.push_back(seq);
  journal_bytes_ += bytes.size;
  std::uint32_t version = 0;
  if (read == ReadResult::kFailed || !record::parse_header(bytes.view(), kJournalMagic, version)) {
    warnings.push_back({path, 0, read == ReadResult::kFailed ? "unreadable" : "not a storage journal (bad header)"});
    journal_damaged_ = true;
    return true;
  }
  const std::size_t before = warnings.size();
  parse_records(bytes.view(), path, warnings, true,
                [&](std::string_view tag, std::string& key, std::string& payload) -> const char* {
                  PendingOp op{0, OpKind::Set, {}, {}};
                  if (tag == kClearTag) op.kind = OpKind::Clear;
                  else if (tag == kRemoveTag) op.kind = OpKind::Remove, op.key.swap(key);
                  else op.key.swap(key), op.value.type.assign(tag), op.value.payload.swap(payload);
                  journal_ops_.push_back(std::move(op));
                  return nullptr;
                });
  if (warnings.size() != before) journal_damaged_ = true;
  return true;
}

void Storage::put(std::size_t shard, std::string_view key, std::string_view type, std::string_view payload) {
  Shard& map = shards_[shard];
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), StoredValue{}).first;
  else total_bytes_ -= item_bytes(key, it->second.payload);
  it->second.type.assign(type);
  it->second.payload.assign(payload);
  total_bytes_ += item_bytes(key, payload);
  stale_[shard] = true;
}

void Storage::apply_journal_op(const PendingOp& op, std::size_t shard) {
  if (op.kind == OpKind::Clear) {
    for (std::size_t s = 0; s < kShardCount; ++s)
      if ((shard == kAllShards || s == shard) && drop_keys(s)) stale_[s] = true;
    return;
  }
  const std::size_t own = shard_of(op.key);
  if (shard != kAllShards && own != shard) return;
  if (op.kind == OpKind::Set) put(own, op.key, op.value.type, op.value.payload);
  else apply_remove(op.key);
}

void Storage::rebuild_shard(std::size_t shard, std::vector<StorageWarning>& warnings) {
  read_shard(shard, warnings);
  stale_[shard] = false;
  for (const PendingOp& op : journal_ops_) apply_journal_op(op, shard);
}

void Storage::read_all(std::vector<StorageWarning>& warnings) {
  keep_unconfirmed(journal_ops_);
  dirty_.fill(false);
  stale_.fill(false);
  journal_ops_.clear();
  journal_seqs_.clear();
  journal_bytes_ = 0;
  journal_damaged_ = false;
  const Listing listing = list();
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (listing.listed && !listing.shards[s]) forget_shard(s);
    else read_shard(s, warnings);
  }
  for (std::uint32_t seq : listing.journals) read_journal(seq, warnings);
  for (const PendingOp& op : journal_ops_) apply_journal_op(op, kAllShards);
  next_journal_ = listing.next_seq(next_journal_);
}

std::vector<StorageWarning> Storage::load() {
  pending_.clear();
  std::vector<StorageWarning> warnings;
  read_all(warnings);
  unsaved_.clear();
  return warnings;
}

RefreshReport Storage::refresh() {
  RefreshReport report;
  const Listing listing = list();
  std::array<bool, kShardCount> changed{};
  bool any_changed = false;
  for (std::size_t s = 0; s < kShardCount; ++s) {
    changed[s] = !(stat_shard(s) == stamps_[s]);
    any_changed = any_changed || changed[s];
  }
  // A journal read before that is gone: another tab compacted, and shards may hold what only
  // journals held before. Everything is read again.
  const bool compacted =
      !std::includes(listing.journals.begin(), listing.journals.end(), journal_seqs_.begin(), journal_seqs_.end());
  std::vector<std::uint32_t> fresh;
  for (std::uint32_t seq : listing.journals)
    if (journal_seqs_.empty() || seq > journal_seqs_.back()) fresh.push_back(seq);
  if (!any_changed && !compacted && fresh.empty()) return report;

  // Shards holding pending writes are rebuilt too: replay starts from what is on disk, so a
  // pending write that no longer fits leaves no trace.
  std::array<bool, kShardCount> rebuild = changed;
  for (const PendingOp& op : pending_) {
    if (op.kind == OpKind::Clear) rebuild.fill(true);
    else rebuild[shard_of(op.key)] = true;
  }
  if (compacted) {
    read_all(report.warnings);
    report.shards_reloaded = kShardCount;
  } else {
    const std::size_t first_new = journal_ops_.size();
    for (std::uint32_t seq : fresh) read_journal(seq, report.warnings);
    for (std::size_t i = first_new; i < journal_ops_.size(); ++i) {
      if (journal_ops_[i].kind == OpKind::Clear) changed.fill(true), rebuild.fill(true);
      else changed[shard_of(journal_ops_[i].key)] = rebuild[shard_of(journal_ops_[i].key)] = true;
    }
    for (std::size_t s = 0; s < kShardCount; ++s) {
      if (!rebuild[s]) continue;
      dirty_[s] = false;
      rebuild_shard(s, report.warnings);
      if (changed[s]) ++report.shards_reloaded;
    }
    next_journal_ = listing.next_seq(next_journal_);
  }
  if (pending_.empty()) return report;

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
      case OpKind::Remove: op.changed = apply_remove(op.key); break;
      case OpKind::Clear: op.changed = apply_clear(); break;
    }
    pending_.push_back(std::move(op));
  }
  return report;
}

Status Storage::apply_set(std::string_view key, std::string_view type, std::string_view payload) {
  if (!record::valid_type(type)) return Status::Fail(storage_reason::kBadType);
  const std::size_t bytes = item_bytes(key, payload);
  if (bytes > limits_.max_item_bytes) return Status::Fail(storage_reason::kItemTooLarge);
  const std::size_t shard = shard_of(key);
  Shard& map = shards_[shard];
  auto it = map.find(key);
  const std::uint64_t old_bytes = it == map.end() ? 0 : item_bytes(key, it->second.payload);
  if (total_bytes_ - old_bytes + bytes > limits_.max_total_bytes) return Status::Fail(storage_reason::kTotalTooLarge);
  put(shard, key, type, payload);
  return Status::Ok();
}

bool Storage::apply_remove(std::string_view key) {
  const std::size_t shard = shard_of(key);
  auto it = shards_[shard].find(key);
  if (it == shards_[shard].end()) return false;
  total_bytes_ -= item_bytes(key, it->second.payload);
  shards_[shard].erase(it);
  stale_[shard] = true;
  return true;
}

bool Storage::apply_clear() {
  bool changed = false;
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (shards_[s].empty() && stamps_[s].size < 0) continue;
    changed = drop_keys(s) || changed;
    stale_[s] = true;  // an empty shard's file goes too
  }
  return changed;
}

WriteOutcome Storage::set(std::string_view key, std::string_view type, std::string_view payload) {
  Status st = apply_set(key, type, payload);
  if (!st.ok) return {st, 0};
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Set, std::string(key), {std::string(type), std::string(payload)}});
  return {Status::Ok(), op};
}

WriteOutcome Storage::remove(std::string_view key) {
  const bool changed = apply_remove(key);
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Remove, std::string(key), {}, changed});
  return {Status::Ok(), op};
}

WriteOutcome Storage::clear() {
  const bool changed = apply_clear();
  const std::uint32_t op = next_op_++;
  pending_.push_back({op, OpKind::Clear, {}, {}, changed});
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

}  // namespace ft

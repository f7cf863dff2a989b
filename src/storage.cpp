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
constexpr std::string_view kJournalMagic = "FTJRNL01 ";
constexpr std::string_view kBaseMagic = "FTJBASE1 ";
constexpr std::size_t kHeaderSize = 18;  // magic + 8 hex digits + '\n'
// A journal record's tag besides a value type: a removal, a clear.
constexpr std::string_view kRemoveTag = "-";
constexpr std::string_view kClearTag = "*";

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

/** The 8-hex-digit version in a header "<magic><hex8>\n"; false when it is not one. */
bool parse_header(std::string_view text, std::string_view magic, std::uint32_t& version) {
  return text.size() >= kHeaderSize && text.compare(0, magic.size(), magic) == 0 && text[kHeaderSize - 1] == '\n' &&
         codec::parse_hex32(text.substr(magic.size(), 8), version);
}

/** Appends one record "<crc>\t<tag>\t<key>\t<payload>\n", the crc over what follows its tab. */
void append_record(std::string& records, std::string_view tag, std::string_view key, std::string_view payload) {
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

/** "<magic><crc of the records>\n<records>": a shard's or a journal's whole text. */
std::string with_header(std::string_view magic, const std::string& records) {
  std::string text;
  text.reserve(kHeaderSize + records.size());
  text.append(magic).append(codec::hex32(codec::crc32(records))).append(1, '\n').append(records);
  return text;
}

/**
 * Calls `record(line, tag, key, payload)` for each record after the header whose CRC and escapes
 * check out (line numbers 1-based, the header being line 1); reports each other one.
 * `valid_tag` decides which tags the file may hold.
 */
template <typename ValidTag, typename Record>
void parse_records(std::string_view text, const std::string& path, std::vector<StorageWarning>& warnings,
                   ValidTag valid_tag, Record record) {
  std::string key, payload;
  std::size_t pos = kHeaderSize, line = 1;
  while (pos < text.size()) {
    ++line;
    std::size_t end = text.find('\n', pos);
    const bool complete = end != std::string::npos;
    if (!complete) end = text.size();
    std::string_view rec(text.data() + pos, end - pos);
    pos = end + 1;

    // <crc>\t<tag>\t<key>\t<payload>
    const char* what = nullptr;
    std::uint32_t crc = 0;
    std::size_t t1 = rec.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : rec.find('\t', t1 + 1);
    std::size_t t3 = t2 == std::string_view::npos ? t2 : rec.find('\t', t2 + 1);
    if (!complete) what = "truncated record";
    else if (t3 == std::string_view::npos) what = "malformed record";
    else if (!codec::parse_hex32(rec.substr(0, t1), crc) || crc != codec::crc32(rec.substr(t1 + 1)))
      what = "checksum mismatch";
    else if (!valid_tag(rec.substr(t1 + 1, t2 - t1 - 1)) ||
             !codec::unescape_line(rec.substr(t2 + 1, t3 - t2 - 1), key) ||
             !codec::unescape_line(rec.substr(t3 + 1), payload))
      what = "malformed record";
    else what = record(rec.substr(t1 + 1, t2 - t1 - 1), key, payload);
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
  const ReadResult read = read_file(path, bytes);
  const std::string_view text = bytes.view();
  if (read == ReadResult::kMissing) return;  // no file: empty shard
  if (read == ReadResult::kFailed) {
    warnings.push_back({path, 0, "unreadable"});
    dirty_[shard] = true;
    return;
  }
  std::uint32_t version = 0;
  if (!parse_header(text, kMagic, version)) {
    stamps_[shard] = {0, static_cast<std::int64_t>(text.size())};
    warnings.push_back({path, 0, "not a storage shard (bad header)"});
    dirty_[shard] = true;
    return;
  }
  stamps_[shard] = {version, static_cast<std::int64_t>(text.size())};
  const std::size_t before = warnings.size();
  parse_records(text, path, warnings, valid_type,
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
      if (read_file(base_path(), bytes) == ReadResult::kRead && parse_header(bytes.view(), kBaseMagic, base))
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
  const ReadResult read = read_file(path, bytes);
  if (read == ReadResult::kMissing) return false;
  journal_seqs_.push_back(seq);
  journal_bytes_ += bytes.size;
  std::uint32_t version = 0;
  if (read == ReadResult::kFailed || !parse_header(bytes.view(), kJournalMagic, version)) {
    warnings.push_back({path, 0, read == ReadResult::kFailed ? "unreadable" : "not a storage journal (bad header)"});
    journal_damaged_ = true;
    return true;
  }
  const std::size_t before = warnings.size();
  const auto valid_tag = [](std::string_view tag) { return tag == kRemoveTag || tag == kClearTag || valid_type(tag); };
  parse_records(bytes.view(), path, warnings, valid_tag,
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
  if (!valid_type(type)) return Status::Fail(storage_reason::kBadType);
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
  for (const auto& [key, value] : map) append_record(records, value.type, key, value.payload);
  const std::string text = with_header(kMagic, records);
  if (!write_file(path, text)) return Status::Fail(std::string("cannot write ") + path + ": " + std::strerror(errno));
  report.written.push_back(path);
  std::uint32_t version = 0;
  parse_header(text, kMagic, version);
  stamps_[shard] = {version, static_cast<std::int64_t>(text.size())};
  return Status::Ok();
}

bool Storage::compaction_due() const {
  return journal_damaged_ || journal_bytes_ >= kJournalBytesDue || journal_seqs_.size() >= kJournalFilesDue;
}

FlushReport Storage::flush() {
  FlushReport report;
  if (!dirty()) {
    report.durable_through = next_op_ - 1;
    report.compact_due = compaction_due();
    return report;
  }
  // A damaged journal is compacted away by the next write, as a damaged shard is rewritten by it.
  if (journal_damaged_ || journal_bytes_ >= 4 * kJournalBytesDue || journal_seqs_.size() >= 4 * kJournalFilesDue)
    return compact();
  if (::mkdir(dir_.c_str(), 0777) != 0 && errno != EEXIST) {
    report.status = Status::Fail("cannot create " + dir_);
    return report;
  }
  if (std::any_of(pending_.begin(), pending_.end(), [](const PendingOp& op) { return op.changed; })) {
    std::string records;
    for (const PendingOp& op : pending_) {
      if (!op.changed) continue;
      if (op.kind == OpKind::Set) append_record(records, op.value.type, op.key, op.value.payload);
      else append_record(records, op.kind == OpKind::Remove ? kRemoveTag : kClearTag, op.key, {});
    }
    const std::string text = with_header(kJournalMagic, records);
    const std::string path = journal_path(next_journal_);
    if (!write_file(path, text)) {
      report.status = Status::Fail(std::string("cannot write ") + path + ": " + std::strerror(errno));
      return report;  // pending ops stay: the next flush retries
    }
    report.written.push_back(path);
    ++report.shards_written;
    journal_seqs_.push_back(next_journal_++);
    journal_bytes_ += text.size();
    for (PendingOp& op : pending_)
      if (op.changed) journal_ops_.push_back(std::move(op));
  }
  pending_.clear();
  // Damaged shards are rewritten whole (with what the journals hold, which replays the same).
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (!dirty_[s]) continue;
    Status st = write_shard(s, report);
    if (!st.ok) {
      report.status = st;
      return report;
    }
    dirty_[s] = false;
    ++report.shards_written;
  }
  report.durable_through = next_op_ - 1;
  report.compact_due = compaction_due();
  return report;
}

FlushReport Storage::compact() {
  FlushReport report;
  if (::mkdir(dir_.c_str(), 0777) != 0 && errno != EEXIST) {
    report.status = Status::Fail("cannot create " + dir_);
    return report;
  }
  for (std::size_t s = 0; s < kShardCount; ++s) {
    if (!stale_[s] && !dirty_[s]) continue;
    Status st = write_shard(s, report);
    if (!st.ok) {
      report.status = st;
      return report;  // the journals and pending ops stay: the next flush or compaction retries
    }
    stale_[s] = dirty_[s] = false;
    ++report.shards_written;
  }
  if (!journal_seqs_.empty()) {
    // The next seq outlives the journals, so no seq names two journals (refresh() tells a
    // compaction by a journal it read being gone).
    const std::string path = base_path();
    if (!write_file(path, std::string(kBaseMagic) + codec::hex32(next_journal_) + '\n')) {
      report.status = Status::Fail(std::string("cannot write ") + path + ": " + std::strerror(errno));
      return report;
    }
    report.written.push_back(path);
    for (std::uint32_t seq : journal_seqs_) {
      const std::string journal = journal_path(seq);
      if (std::remove(journal.c_str()) == 0) report.removed.push_back(journal);
      ++report.shards_written;
    }
  }
  keep_unconfirmed(journal_ops_);
  keep_unconfirmed(pending_);
  journal_ops_.clear();
  journal_seqs_.clear();
  journal_bytes_ = 0;
  journal_damaged_ = false;
  pending_.clear();
  report.durable_through = next_op_ - 1;
  return report;
}

void Storage::keep_unconfirmed(std::vector<PendingOp>& ops) {
  for (PendingOp& op : ops)
    if (op.op > confirmed_) unsaved_.push_back(std::move(op));
}

void Storage::confirm(std::uint32_t through) {
  confirmed_ = through;
  // unsaved_ holds ops older than the flush being confirmed (compaction and reloads run only
  // between a flush's confirmation and the next flush).
  if (!unsaved_.empty() && unsaved_.back().op <= through) unsaved_.clear();
}

std::string Storage::unsaved_record() const {
  std::string out;
  for (const auto* ops : {&unsaved_, &journal_ops_, &pending_}) {
    for (const PendingOp& op : *ops) {
      if (op.op <= confirmed_) continue;
      out.append(op.kind == OpKind::Set      ? std::string_view(op.value.type)
                 : op.kind == OpKind::Remove ? kRemoveTag
                                             : kClearTag);
      out += '\t';
      codec::append_escaped_line(out, op.key);
      out += '\t';
      codec::append_escaped_line(out, op.value.payload);
      out += '\n';
    }
  }
  return out;
}

std::string Storage::replay(std::string_view record) {
  std::string failed, key, payload;
  for (std::size_t at = 0; at < record.size();) {
    std::size_t end = record.find('\n', at);
    if (end == std::string_view::npos) end = record.size();
    const std::string_view line = record.substr(at, end - at);
    at = end + 1;
    const std::size_t tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
    Status st = Status::Fail("damaged");
    if (tab2 != std::string_view::npos && line.find('\t', tab2 + 1) == std::string_view::npos &&
        codec::unescape_line(line.substr(tab + 1, tab2 - tab - 1), key) &&
        codec::unescape_line(line.substr(tab2 + 1), payload)) {
      const std::string_view tag = line.substr(0, tab);
      st = tag == kClearTag ? clear().status : tag == kRemoveTag ? remove(key).status : set(key, tag, payload).status;
    }
    if (!st.ok) failed.append("ft-polyfill: a write kept as the page left is lost: ").append(st.reason).append("\n");
  }
  return failed;
}

}  // namespace ft

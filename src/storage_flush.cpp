// ft::Storage's writing side: flush (a journal), compact (the shards), and the unsaved-writes
// record with its confirmation and replay (src/storage.h; formats: src/storage_record.h).
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "codec.h"
#include "storage.h"
#include "storage_record.h"

namespace ft {

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
  for (const auto& [key, value] : map) record::append(records, value.type, key, value.payload);
  const std::string text = record::with_header(record::kShardMagic, records);
  if (!record::write_file(path, text))
    return Status::Fail(std::string("cannot write ") + path + ": " + std::strerror(errno));
  report.written.push_back(path);
  std::uint32_t version = 0;
  record::parse_header(text, record::kShardMagic, version);
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
      if (op.kind == OpKind::Set) record::append(records, op.value.type, op.key, op.value.payload);
      else record::append(records, op.kind == OpKind::Remove ? record::kRemoveTag : record::kClearTag, op.key, {});
    }
    const std::string text = record::with_header(record::kJournalMagic, records);
    const std::string path = journal_path(next_journal_);
    if (!record::write_file(path, text)) {
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
    if (!record::write_file(path, std::string(record::kBaseMagic) + codec::hex32(next_journal_) + '\n')) {
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
      const std::string_view tag = op.kind == OpKind::Set      ? std::string_view(op.value.type)
                                   : op.kind == OpKind::Remove ? record::kRemoveTag
                                                               : record::kClearTag;
      record::append_unsaved(out, tag, op.key, op.value.payload);
    }
  }
  return out;
}

std::string Storage::replay(std::string_view kept) {
  std::string failed, tag, key, payload;
  for (std::size_t at = 0; at < kept.size();) {
    std::size_t end = kept.find('\n', at);
    if (end == std::string_view::npos) end = kept.size();
    const std::string_view line = kept.substr(at, end - at);
    at = end + 1;
    Status st = Status::Fail("damaged");
    if (record::parse_unsaved(line, tag, key, payload))
      st = tag == record::kClearTag    ? clear().status
           : tag == record::kRemoveTag ? remove(key).status
                                       : set(key, tag, payload).status;
    if (!st.ok) failed.append("ft-polyfill: a write kept as the page left is lost: ").append(st.reason).append("\n");
  }
  return failed;
}

}  // namespace ft

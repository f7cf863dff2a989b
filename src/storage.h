// Mini-program storage for one appId: the key/value state, the limits, the size accounting and
// the on-disk format (behaviour.md §2). The page's JS turns a value into a (type tag, JSON
// payload) pair; the core stores that pair opaquely and never parses the payload.
//
// On disk, keys are spread over kShardCount shard files by FNV-1a hash of the key, so that
// rewriting the file of one changed key touches a small file, not the whole store (IDBFS mirrors
// per file and compares modification times; see docs/emscripten-notes.md). A shard file is:
//
//   FTSTORE2 <crc32 hex8 of the records>\n
//   <crc32 hex8>\t<type>\t<escaped key>\t<escaped payload>\n      (one line per key)
//
// with '\\', '\n', '\r', '\t' escaped (codec::escape_line; src/storage_record.h) and the CRC taken over the text after
// the first tab. A line whose CRC or escapes do not check out is skipped and reported; every
// other key still loads, and the shard is rewritten clean on the next flush.
//
// flush() does not rewrite shards: it writes the writes made since the last flush, in order, as
// one journal file "journal-<seq hex8>" (header "FTJRNL01 <crc>", the same records, with the tag
// "-" for a removal and "*" for a clear), so that a batch of writes over many shards becomes one
// small file and one IndexedDB put. compact() later folds the journals into the shards and
// deletes them ("journal-base" keeps the next seq, so seqs are never reused); the persistence
// layer runs it when compaction_due(), after the page's writes. Loading reads the shards, then
// replays the journals in seq order; replaying a journal over a shard that already holds its
// changes gives the same state (each key ends with its last write), so a shard rewritten at any
// time stays correct. A damaged journal record is skipped and reported like a shard's, and the
// next flush compacts (writing the state without it), as it rewrites a damaged shard.
//
// Writes are applied to memory at once (a later get sees them) and kept as pending operations
// until flush(). refresh() reads what another tab changed on disk (shards, new journals; after
// another tab's compaction, everything) and replays the pending operations on top, so concurrent
// tabs serialise their writes instead of losing them.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace ft {

struct StorageLimits {
  std::size_t max_item_bytes = 1024 * 1024;        // 1 MB per key: key + payload, UTF-8 (§2.3)
  std::size_t max_total_bytes = 10 * 1024 * 1024;  // 10 MB per appId (§2.3)
};

// The errMsg reasons of §2 (the text after "<api>:fail ").
namespace storage_reason {
inline constexpr const char* kNotFound = "data not found";
inline constexpr const char* kItemTooLarge = "exceed storage item max length";
inline constexpr const char* kTotalTooLarge = "exceed storage max size 10MB";
inline constexpr const char* kBadType = "parameter error: invalid value type tag";
}  // namespace storage_reason

// A value as the page stored it: `type` is the polyfill's tag ([a-z]{1,16}), `payload` its text.
struct StoredValue {
  std::string type;
  std::string payload;
};

struct StorageInfo {
  std::vector<std::string> keys;      // sorted (byte order)
  std::uint64_t current_size_kb = 0;  // ceil(bytes / 1024) of keys + payloads (§2.4)
  std::uint64_t limit_size_kb = 0;    // max_total_bytes / 1024, i.e. 10240 (§2.4)
};

// A damaged shard file or record that load/refresh skipped.
struct StorageWarning {
  std::string file;  // path of the shard file
  std::size_t line;  // 1-based line number; 0 for the whole file (bad header, unreadable)
  std::string what;  // e.g. "checksum mismatch"
};

// Result of a write: on success `op` (> 0) identifies it for flush(); on failure `status` says why
// and nothing changed (no partial writes, §2.3).
struct WriteOutcome {
  Status status;
  std::uint32_t op = 0;
};

// A pending write that no longer fits after another tab's changes were read (refresh()).
struct RejectedWrite {
  std::uint32_t op;
  std::string reason;
};

struct RefreshReport {
  std::size_t shards_reloaded = 0;
  std::vector<StorageWarning> warnings;
  std::vector<RejectedWrite> rejected;
};

struct FlushReport {
  Status status;                      // fails only on an I/O error; state is kept for a retry
  std::uint32_t durable_through = 0;  // every op id <= this is now on disk (minus rejected ones)
  std::size_t shards_written = 0;     // files written or removed
  std::vector<std::string> written;   // paths of the shard files rewritten
  std::vector<std::string> removed;   // paths of the files deleted (emptied shards; journals compacted)
  bool compact_due = false;           // compaction_due() after this flush
};

class Storage {
 public:
  static constexpr std::size_t kShardCount = 64;
  // compaction_due() once the journals hold this many bytes or files (what a load replays);
  // flush() compacts by itself at four times these, should compact() never be called.
  static constexpr std::size_t kJournalBytesDue = 256 * 1024;
  static constexpr std::size_t kJournalFilesDue = 32;

  // `dir`: the folder that holds this appId's shard files (created on the first flush).
  explicit Storage(std::string dir, StorageLimits limits = {});

  // Reads every shard file; forgets any in-memory state. Missing folder = empty store.
  std::vector<StorageWarning> load();

  // Re-reads the shard files whose (header checksum, size) differ from what this instance last
  // read or wrote, then replays pending writes on top of them (limits checked again).
  RefreshReport refresh();

  WriteOutcome set(std::string_view key, std::string_view type, std::string_view payload);
  WriteOutcome remove(std::string_view key);  // a missing key succeeds (§2.2)
  WriteOutcome clear();

  // nullptr when the key is missing. The pointer is valid until the next write or refresh.
  const StoredValue* get(std::string_view key) const;

  StorageInfo info() const;
  std::uint64_t total_bytes() const { return total_bytes_; }
  std::size_t size() const;

  // True when some write has not reached disk yet.
  bool dirty() const;

  // Writes the pending operations as one journal file (and rewrites the shards found damaged; it
  // compacts instead after a damaged journal, or past four times the due sizes), in
  // one write(2) each (the persistence layer pushes files only after the flush, so no reader sees
  // half a file), lists the files written and removed, and drops the pending operations it made
  // durable. Modification times are the persistence layer's business (it makes each pushed
  // version's timestamp move forward, which IDBFS compares).
  FlushReport flush();

  // Rewrites every shard the journals (or pending operations) changed, deletes the journals and
  // writes journal-base; the same report as flush(). Nothing pending is lost: it is made durable too.
  FlushReport compact();

  // The journals have grown past kJournalBytesDue / kJournalFilesDue, or one was damaged.
  bool compaction_due() const;

  // The record of the writes not yet confirmed durable, which the page keeps in localStorage when
  // it leaves (docs/durability.md): one line per write, in order (src/storage_record.h
  // append_unsaved). Empty when every write is confirmed.
  std::string unsaved_record() const;
  // The flush that made every op <= `through` durable has reached IndexedDB.
  void confirm(std::uint32_t through);
  // Makes a record's writes new writes of this store, in order, limits checked: its lines, and the
  // page's calls queued before the core was up, as JSON (src/storage_record.h parse_unsaved);
  // returns a console line ("...\n") for each one that could not be made (a damaged line, a
  // write over the limits).
  std::string replay(std::string_view record);

  const std::string& dir() const { return dir_; }
  static std::size_t shard_of(std::string_view key);
  std::string shard_path(std::size_t shard) const;

 private:
  using Shard = std::map<std::string, StoredValue, std::less<>>;
  // What identifies a version of a shard file: the checksum in its header line and its size.
  struct Stamp {
    std::uint32_t version = 0;
    std::int64_t size = -1;  // -1: no file
    bool operator==(const Stamp& o) const { return version == o.version && size == o.size; }
  };
  enum class OpKind { Set, Remove, Clear };
  struct PendingOp {
    std::uint32_t op;
    OpKind kind;
    std::string key;
    StoredValue value;
    // Whether it changed the state when applied: one that did not (a clear of an empty store, a
    // removal of a missing key) is not journaled, since replaying the journals without it gives
    // the same state (the testing kit's reset clears an empty store between tests).
    bool changed = true;
  };

  Status apply_set(std::string_view key, std::string_view type, std::string_view payload);
  /** Stores a value without the limit checks (a journal's writes were checked when made). */
  void put(std::size_t shard, std::string_view key, std::string_view type, std::string_view payload);
  /** Both return whether the state changed. */
  bool apply_remove(std::string_view key);
  bool apply_clear();
  /** Drops a shard's keys from memory (and from the byte count); its stamp becomes "no file". */
  void forget_shard(std::size_t shard);
  /** Drops a shard's keys from memory and from the byte count; whether it had any. */
  bool drop_keys(std::size_t shard);
  void read_shard(std::size_t shard, std::vector<StorageWarning>& warnings);
  static constexpr std::size_t kAllShards = kShardCount;
  /** Applies a journal operation to one shard (kAllShards: to every shard). */
  void apply_journal_op(const PendingOp& op, std::size_t shard);
  /** A shard as its file and the journals make it: read_shard, then every journal op for it. */
  void rebuild_shard(std::size_t shard, std::vector<StorageWarning>& warnings);
  /** Reads journal `seq`'s operations onto journal_ops_; false when there is no such file. */
  bool read_journal(std::uint32_t seq, std::vector<StorageWarning>& warnings);
  /** Reads every shard and journal (load, and refresh after another tab compacted). */
  void read_all(std::vector<StorageWarning>& warnings);
  std::string journal_path(std::uint32_t seq) const;
  std::string base_path() const;
  /** What the folder lists: which shard files, which journal seqs (ascending), the base seq. */
  struct Listing {
    bool listed = false;
    std::array<bool, kShardCount> shards{};
    std::vector<std::uint32_t> journals;
    std::uint32_t base = 0;
    /** The seq a new journal gets: past every journal listed, the base and `at_least`. */
    std::uint32_t next_seq(std::uint32_t at_least) const {
      const std::uint32_t after_listed = journals.empty() ? 1u : journals.back() + 1;
      return std::max(std::max(at_least, base), after_listed);
    }
  };
  Listing list() const;
  /** Moves the ops of `ops` not yet confirmed to unsaved_ (before `ops` is dropped). */
  void keep_unconfirmed(std::vector<PendingOp>& ops);
  Stamp stat_shard(std::size_t shard) const;
  Status write_shard(std::size_t shard, FlushReport& report);

  std::string dir_;
  StorageLimits limits_;
  std::array<Shard, kShardCount> shards_;
  std::array<Stamp, kShardCount> stamps_;  // what this instance last read or wrote
  std::array<bool, kShardCount> dirty_{};  // the shard file must be rewritten (damaged)
  std::array<bool, kShardCount> stale_{};  // the shard file lacks journaled or pending changes
  std::vector<PendingOp> pending_;
  std::vector<PendingOp> journal_ops_;       // the operations of the journals read or written, in order
  std::vector<std::uint32_t> journal_seqs_;  // their seqs, ascending
  std::size_t journal_bytes_ = 0;
  bool journal_damaged_ = false;
  std::uint32_t next_journal_ = 1;
  std::uint64_t total_bytes_ = 0;
  std::uint32_t next_op_ = 1;
  std::uint32_t confirmed_ = 0;     // every op <= this is in IndexedDB (confirm())
  std::vector<PendingOp> unsaved_;  // ops dropped by compaction or a reload before confirm()
};

}  // namespace ft

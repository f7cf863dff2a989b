// libFuzzer target: the storage shard and journal formats (src/storage.h). The fuzz bytes become
// one shard file or one journal file on disk (as they are, or as a damage to a valid one the core
// wrote: a byte overwritten, the file cut, bytes appended); the store loads it, takes a write,
// flushes (a journal), and a second instance reloads it; then the store compacts and a third
// reloads it.
// Properties: nothing crashes; the write reads back after each reload; a reload after the flush
// reports no damage for the rewritten shard, and after the compaction none for any journal.
// The same bytes are a stored record's tag and payload for payload_for_page (src/storage_value.h),
// and a record line (src/storage_record.h): what the core builds reads back as made.
#include <fuzzer/FuzzedDataProvider.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "codec.h"
#include "storage.h"
#include "storage_record.h"
#include "storage_value.h"

namespace {
std::string scratch_dir() {
  static std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("ft-storage-fuzz-" + std::to_string(getpid()));
    return d.string();
  }();
  return dir;
}
// A valid shard file (journal: journal file) as the core writes it (two keys in one shard), to damage.
std::string valid_file(bool journal) {
  const std::string dir = scratch_dir() + "-seed";
  std::filesystem::remove_all(dir);
  ft::Storage gen(dir);
  std::string a = "cart", b;
  for (int i = 0; b.empty() || ft::Storage::shard_of(b) != ft::Storage::shard_of(a); ++i) b = "k" + std::to_string(i);
  (void)gen.set(a, "object", R"({"items":[1,2,"\t\n"]})");
  (void)gen.set(b, "string", "\"tab\there\"");
  (void)gen.remove("gone");
  (void)(journal ? gen.flush() : gen.compact());
  std::ifstream in(journal ? dir + "/journal-00000001" : gen.shard_path(ft::Storage::shard_of(a)), std::ios::binary);
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  return out;
}
const std::string& valid_shard() {
  static std::string text = valid_file(false);
  return text;
}
const std::string& valid_journal() {
  static std::string text = valid_file(true);
  return text;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const std::size_t shard = in.ConsumeIntegralInRange<std::size_t>(0, ft::Storage::kShardCount - 1);
  const int mode = in.ConsumeIntegralInRange<int>(0, 2);
  const bool as_journal = in.ConsumeBool();
  const std::size_t at = in.ConsumeIntegral<std::uint16_t>();
  const char byte = static_cast<char>(in.ConsumeIntegral<std::uint8_t>());
  std::string key = in.ConsumeRandomLengthString(64);
  std::string body = in.ConsumeRemainingBytesAsString();

  (void)ft::payload_for_page(key, body);

  // The escaping of one line round-trips, whatever the bytes.
  std::string line;
  if (!ft::codec::unescape_line(ft::codec::escape_line(body), line) || line != body) std::abort();
  std::uint32_t hex = 0;
  (void)ft::codec::parse_hex32(key, hex);

  // The record formats (src/storage_record.h): a line the core built reads back as it was made,
  // whatever the bytes; any line (a queued call's JSON too) parses without a crash.
  {
    std::string built, tag, k, payload;
    ft::record::append_unsaved(built, "-", key, body);
    built.pop_back();
    if (!ft::record::parse_unsaved(built, tag, k, payload) || tag != "-" || k != key || payload != body) std::abort();
    (void)ft::record::parse_unsaved(body, tag, k, payload);
    std::string records;
    std::string_view rtag;
    ft::record::append(records, "string", key, body);
    records.pop_back();
    if (ft::record::parse(records, true, false, rtag, k, payload) != nullptr || rtag != "string" || k != key ||
        payload != body)
      std::abort();
    (void)ft::record::parse(body, true, true, rtag, k, payload);
  }

  std::string file;
  if (mode == 0) {
    file = body;
  } else {
    file = as_journal ? valid_journal() : valid_shard();
    if (mode == 1 && !file.empty()) {
      file[at % file.size()] = byte;
      if (!body.empty()) file.resize(std::min(file.size(), static_cast<std::size_t>(body[0]) * 4 + 1));
    } else {
      file += body;
    }
  }

  const std::string dir = scratch_dir();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    ft::Storage probe(dir);
    std::ofstream out(as_journal ? dir + "/journal-00000001" : probe.shard_path(shard), std::ios::binary);
    out << file;
  }

  ft::Storage store(dir);
  (void)store.load();
  for (const auto& k : store.info().keys) {
    if (store.get(k) == nullptr) {
      std::fprintf(stderr, "listed key not readable: [%s] (%zu bytes)\n", k.c_str(), k.size());
      std::abort();
    }
  }
  const bool wrote = store.set(key, "string", "\"fuzz\"").status.ok;
  // The unsaved-writes record: any text replays without a crash; the store's own record, replayed
  // into an empty store, gives the write back.
  (void)ft::Storage(dir + "-any").replay(body);
  ft::Storage fresh(dir + "-fresh");
  (void)fresh.replay(store.unsaved_record());
  const ft::StoredValue* replayed = fresh.get(key);
  if (wrote && (replayed == nullptr || replayed->payload != "\"fuzz\"")) std::abort();
  if (!store.flush().status.ok) std::abort();

  // A fresh instance loads `dir`; the write (when it was taken) reads back, and no warning names
  // a file `damage_gone` says the flush or compaction rewrote.
  const auto reload = [&](auto damage_gone) {
    ft::Storage again(dir);
    const auto warnings = again.load();
    const ft::StoredValue* v = again.get(key);
    if (wrote && (v == nullptr || v->payload != "\"fuzz\"")) std::abort();
    for (const auto& w : warnings)
      if (damage_gone(again, w.file)) std::abort();
    (void)again.refresh();
    if (again.compaction_due() && damage_gone(again, "/journal-")) std::abort();
  };
  reload([&](const ft::Storage& s, const std::string& file) {
    return wrote && file == s.shard_path(ft::Storage::shard_of(key));  // repaired by the flush
  });
  if (!store.compact().status.ok) std::abort();
  reload([](const ft::Storage&, const std::string& file) {
    return file.find("/journal-") != std::string::npos;  // compacted away
  });
  return 0;
}

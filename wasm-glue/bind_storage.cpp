// Embind binding of ft::Storage for the polyfill (polyfill/storage/*.js, wasm-glue/storage-memo.js).
// The hot calls (get, set) pass plain strings, nothing structured, to keep the boundary cheap
// (about 0.5 us a call plus 7 ns a byte, see docs/emscripten-notes.md). A failure is the glue's
// one error answer {"ok":false,"reason":...} (wire_host.h), which starts with '{' as no success
// answer here does:
//   get(key)                 -> "<type>\t<payload>", or the failure (e.g. "data not found")
//   set(record)              -> the op id (> 0), or 0 when it failed: failure() is then its answer;
//                               record = "<type>\t<payload>\t<key>" (one string crosses, not three:
//                               a type has no tab, nor has a payload, which is JSON text)
//   remove(key), clear()     -> the same
// (a number, not text: a returned string costs a TextDecoder call, about 1 us, on every write)
// The rare calls return JSON text.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "storage.h"
#include "storage_value.h"
#include "wire_host.h"

namespace {

// ordered_json: the one JSON type of the whole core (two would double the library in the wasm).
using json = nlohmann::ordered_json;

using ft::wire::dump;

json warnings_json(const std::vector<ft::StorageWarning>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) out.push_back({{"file", w.file}, {"line", w.line}, {"what", w.what}});
  return out;
}

class StorageBinding {
 public:
  explicit StorageBinding(std::string dir) : storage_(std::move(dir)) {}

  std::string load() { return dump(warnings_json(storage_.load())); }

  std::string refresh() {
    ft::RefreshReport report = storage_.refresh();
    json rejected = json::array();
    for (const auto& r : report.rejected) rejected.push_back({{"op", r.op}, {"reason", r.reason}});
    return dump(
        {{"reloaded", report.shards_reloaded}, {"warnings", warnings_json(report.warnings)}, {"rejected", rejected}});
  }

  std::string get(const std::string& key) {
    const ft::StoredValue* value = storage_.get(key);
    if (!value) return ft::wire::answer(ft::Status::Fail(ft::storage_reason::kNotFound));
    std::string out;
    const std::string_view payload = ft::payload_for_page(value->type, value->payload);
    out.reserve(value->type.size() + 1 + payload.size());
    out += value->type;
    out += '\t';
    out += payload;
    return out;
  }

  std::uint32_t set(const std::string& record) {
    const std::size_t type_end = record.find('\t');
    const std::size_t payload_end = type_end == std::string::npos ? type_end : record.find('\t', type_end + 1);
    if (payload_end == std::string::npos) return outcome({ft::Status::Fail(ft::storage_reason::kBadType), 0});
    const std::string_view all(record);
    const std::string_view payload = all.substr(type_end + 1, payload_end - type_end - 1);
    return outcome(storage_.set(all.substr(payload_end + 1), all.substr(0, type_end), payload));
  }
  std::uint32_t remove(const std::string& key) { return outcome(storage_.remove(key)); }
  std::uint32_t clear() { return outcome(storage_.clear()); }
  // The failure answer of the last write that returned 0.
  std::string failure() const { return failure_; }

  std::string info() const {
    ft::StorageInfo info = storage_.info();
    return dump({{"keys", info.keys}, {"currentSize", info.current_size_kb}, {"limitSize", info.limit_size_kb}});
  }

  bool dirty() const { return storage_.dirty(); }

  std::string flush() { return report_json(storage_.flush()); }
  std::string compact() { return report_json(storage_.compact()); }

  // The unsaved-writes record (storage.h), its confirmation and its replay (the console lines of
  // what could not be replayed, one per line).
  std::string unsaved() const { return storage_.unsaved_record(); }
  void confirm(std::uint32_t through) { storage_.confirm(through); }
  std::string replay(const std::string& record) { return storage_.replay(record); }

 private:
  static std::string report_json(const ft::FlushReport& report) {
    return dump({{"ok", report.status.ok},
                 {"reason", report.status.reason},
                 {"durableThrough", report.durable_through},
                 {"shardsWritten", report.shards_written},
                 {"written", report.written},
                 {"removed", report.removed},
                 {"compactDue", report.compact_due}});
  }

  std::uint32_t outcome(const ft::WriteOutcome& out) {
    if (out.status.ok) return out.op;
    failure_ = ft::wire::answer(out.status);
    return 0;
  }

  ft::Storage storage_;
  std::string failure_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ft_storage) {
  emscripten::class_<StorageBinding>("Storage")
      .constructor<std::string>()
      .function("load", &StorageBinding::load)
      .function("refresh", &StorageBinding::refresh)
      .function("get", &StorageBinding::get)
      .function("set", &StorageBinding::set)
      .function("remove", &StorageBinding::remove)
      .function("clear", &StorageBinding::clear)
      .function("failure", &StorageBinding::failure)
      .function("info", &StorageBinding::info)
      .function("dirty", &StorageBinding::dirty)
      .function("flush", &StorageBinding::flush)
      .function("compact", &StorageBinding::compact)
      .function("unsaved", &StorageBinding::unsaved)
      .function("confirm", &StorageBinding::confirm)
      .function("replay", &StorageBinding::replay);
}

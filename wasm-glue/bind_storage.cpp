// Embind binding of ft::Storage for the polyfill (polyfill/storage/*.js).
// The hot calls (get, set) pass plain strings and numbers, nothing structured, to keep the
// boundary cheap (about 0.5 us a call plus 7 ns a byte, see docs/emscripten-notes.md):
//   get(key)                 -> "" when missing (lastReason() then says why), else "<type>\t<payload>"
//   set(key, type, payload)  -> op id (> 0) on success, 0 on failure; lastReason() says why
//   remove(key), clear()     -> op id
// The rare calls return JSON text.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "storage.h"

namespace {

// ordered_json: the one JSON type of the whole core (two would double the library in the wasm).
using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

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
    return dump({{"reloaded", report.shards_reloaded},
                 {"warnings", warnings_json(report.warnings)},
                 {"rejected", rejected}});
  }

  std::string get(const std::string& key) {
    const ft::StoredValue* value = storage_.get(key);
    if (!value) {
      last_reason_ = ft::storage_reason::kNotFound;
      return {};
    }
    std::string out;
    out.reserve(value->type.size() + 1 + value->payload.size());
    out += value->type;
    out += '\t';
    out += value->payload;
    return out;
  }

  double set(const std::string& key, const std::string& type, const std::string& payload) {
    return outcome(storage_.set(key, type, payload));
  }
  double remove(const std::string& key) { return outcome(storage_.remove(key)); }
  double clear() { return outcome(storage_.clear()); }
  std::string last_reason() const { return last_reason_; }

  std::string info() const {
    ft::StorageInfo info = storage_.info();
    return dump({{"keys", info.keys}, {"currentSize", info.current_size_kb}, {"limitSize", info.limit_size_kb}});
  }

  bool dirty() const { return storage_.dirty(); }

  std::string flush() {
    ft::FlushReport report = storage_.flush();
    return dump({{"ok", report.status.ok},
                 {"reason", report.status.reason},
                 {"durableThrough", report.durable_through},
                 {"shardsWritten", report.shards_written},
                 {"written", report.written},
                 {"removed", report.removed}});
  }

 private:
  double outcome(const ft::WriteOutcome& out) {
    if (out.status.ok) return out.op;
    last_reason_ = out.status.reason;
    return 0;
  }

  ft::Storage storage_;
  std::string last_reason_;
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
      .function("lastReason", &StorageBinding::last_reason)
      .function("info", &StorageBinding::info)
      .function("dirty", &StorageBinding::dirty)
      .function("flush", &StorageBinding::flush);
}

#include "wire.h"

#include "storage_value.h"

namespace ft::wire {

val ok() {
  val out = val::object();
  out.set("ok", true);
  return out;
}

val fail(const std::string& reason) {
  val out = val::object();
  out.set("ok", false);
  out.set("reason", reason);
  return out;
}

val object_of(const std::vector<std::pair<std::string, std::string>>& pairs) {
  val out = val::object();
  for (const auto& kv : pairs) out.set(kv.first, kv.second);
  return out;
}

val bytes(std::string_view bytes) {
  val view(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
  return val::global("Uint8Array").new_(view);
}

val value(const nlohmann::ordered_json& json) {
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::object: {
      val out = val::object();
      for (const auto& [name, item] : json.items()) {
        if (name != "__proto__") {
          out.set(name, value(item));
          continue;
        }
        // As JSON.parse makes it: an own property, not the object's prototype.
        val descriptor = val::object();
        descriptor.set("value", value(item));
        descriptor.set("enumerable", true);
        descriptor.set("writable", true);
        descriptor.set("configurable", true);
        val::global("Object").call<void>("defineProperty", out, name, descriptor);
      }
      return out;
    }
    case nlohmann::ordered_json::value_t::array: {
      val out = val::array();
      for (const auto& item : json) out.call<void>("push", value(item));
      return out;
    }
    case nlohmann::ordered_json::value_t::string: return val(json.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::boolean: return val(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float: return val(json.get<double>());
    default: return val::null();
  }
}

val stored(const StoredValue* value) {
  if (!value) return fail(storage_reason::kNotFound);
  val out = ok();
  out.set("type", value->type);
  out.set("payload", std::string(payload_for_page(value->type, value->payload)));
  return out;
}

val write(const WriteOutcome& out) {
  if (!out.status.ok) return fail(out.status);
  val answer = ok();
  answer.set("op", out.op);
  return answer;
}

namespace {
val strings(const std::vector<std::string>& list) {
  val out = val::array();
  for (const auto& s : list) out.call<void>("push", s);
  return out;
}
}  // namespace

val warnings(const std::vector<StorageWarning>& list) {
  val out = val::array();
  for (const auto& w : list) {
    val item = val::object();
    item.set("file", w.file);
    item.set("line", static_cast<double>(w.line));
    item.set("what", w.what);
    out.call<void>("push", item);
  }
  return out;
}

val refresh(const RefreshReport& report) {
  val out = val::object();
  out.set("reloaded", static_cast<double>(report.shards_reloaded));
  out.set("warnings", warnings(report.warnings));
  val rejected = val::array();
  for (const auto& r : report.rejected) {
    val item = fail(r.reason);
    item.set("op", r.op);
    rejected.call<void>("push", item);
  }
  out.set("rejected", rejected);
  return out;
}

val flush(const FlushReport& report) {
  val out = status(report.status);
  out.set("durableThrough", report.durable_through);
  out.set("shardsWritten", static_cast<double>(report.shards_written));
  out.set("written", strings(report.written));
  out.set("removed", strings(report.removed));
  out.set("compactDue", report.compact_due);
  return out;
}

val info(const StorageInfo& info) {
  val out = val::object();
  out.set("keys", strings(info.keys));
  out.set("currentSize", static_cast<double>(info.current_size_kb));
  out.set("limitSize", static_cast<double>(info.limit_size_kb));
  return out;
}

}  // namespace ft::wire

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
      // An own "__proto__" (JSON.parse makes one) would set the object's prototype: it crosses as
      // its first character marked (U+FFFF "005f"), which the JS wire's read() restores as an own key.
      for (const auto& [name, item] : json.items())
        out.set(name == "__proto__" ? "\xEF\xBF\xBF"
                                      "005f_proto__"
                                    : name,
                value(item));
      return out;
    }
    case nlohmann::ordered_json::value_t::array: {
      val out = val::array();
      int i = 0;
      for (const auto& item : json) out.set(i++, value(item));
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

val strings(const std::vector<std::string>& list) {
  val out = val::array();
  int i = 0;
  for (const auto& s : list) out.set(i++, s);
  return out;
}

val warnings(const std::vector<StorageWarning>& list) {
  val out = val::array();
  int i = 0;
  for (const auto& w : list) {
    val item = val::object();
    item.set("file", w.file);
    item.set("line", static_cast<double>(w.line));
    item.set("what", w.what);
    out.set(i++, item);
  }
  return out;
}

val refresh(const RefreshReport& report) {
  val out = val::object();
  out.set("reloaded", static_cast<double>(report.shards_reloaded));
  out.set("warnings", warnings(report.warnings));
  val rejected = val::array();
  int i = 0;
  for (const auto& r : report.rejected) {
    val item = fail(r.reason);
    item.set("op", r.op);
    rejected.set(i++, item);
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

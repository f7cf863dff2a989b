#include "wire.h"

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

}  // namespace ft::wire

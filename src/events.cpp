#include "events.h"

#include <algorithm>

#include "codec.h"

namespace ft {

namespace {

// Max array/object nesting of JSON text, ignoring brackets inside strings. Stops counting once
// over `limit`.
bool depth_within(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

}  // namespace

std::string events_reason::api_not_found(std::string_view name) { return "api " + std::string(name) + " not found"; }

Status parse_json(std::string_view text, nlohmann::ordered_json& out) {
  if (!depth_within(text, kMaxJsonDepth)) return Status::Fail(events_reason::kTooDeep);
  nlohmann::ordered_json v = codec::parse_json_value(text);
  if (v.is_discarded()) return Status::Fail(events_reason::kBadJson);
  out = std::move(v);
  return Status::Ok();
}

std::string dump_json(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status MessageBuffer::post(std::string_view call_json) {
  nlohmann::ordered_json v;
  Status st = parse_json(call_json, v);
  if (!st.ok) return st;
  post_value(v);
  return Status::Ok();
}

void MessageBuffer::post_value(const nlohmann::ordered_json& call) {
  if (call.is_object()) {
    auto it = call.find("data");
    if (it != call.end()) {
      items_.push_back(*it);
      return;
    }
  }
  items_.push_back(call);
}

nlohmann::ordered_json MessageBuffer::snapshot() const {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& item : items_) arr.push_back(item);
  return arr;
}

nlohmann::ordered_json MessageBuffer::flush(bool keep) {
  nlohmann::ordered_json arr = snapshot();
  if (!keep) items_.clear();
  return arr;
}

bool ListenerSet::add(std::int64_t id) {
  if (std::find(ids_.begin(), ids_.end(), id) != ids_.end()) return false;
  ids_.push_back(id);
  return true;
}

bool ListenerSet::remove(std::int64_t id) {
  auto it = std::find(ids_.begin(), ids_.end(), id);
  if (it == ids_.end()) return false;
  ids_.erase(it);
  return true;
}

bool ListenerSet::has(std::int64_t id) const { return std::find(ids_.begin(), ids_.end(), id) != ids_.end(); }

bool NativeHandlers::on(const std::string& name, std::int64_t id) { return multi_[name].add(id); }

bool NativeHandlers::off(const std::string& name, std::int64_t id) {
  auto it = multi_.find(name);
  if (it == multi_.end()) return false;
  bool removed = it->second.remove(id);
  if (it->second.empty()) multi_.erase(it);
  return removed;
}

std::size_t NativeHandlers::off_all(const std::string& name) {
  auto it = multi_.find(name);
  if (it == multi_.end()) return 0;
  std::size_t n = it->second.ids().size();
  multi_.erase(it);
  return n;
}

void NativeHandlers::regist(const std::string& name, std::int64_t id) { single_[name] = id; }

std::vector<std::int64_t> NativeHandlers::handlers(const std::string& name) const {
  std::vector<std::int64_t> out;
  auto it = multi_.find(name);
  if (it != multi_.end()) out = it->second.ids();
  auto s = single_.find(name);
  if (s != single_.end() && std::find(out.begin(), out.end(), s->second) == out.end()) {
    out.push_back(s->second);
  }
  return out;
}

bool NativeHandlers::holds(std::int64_t id) const {
  for (const auto& [name, set] : multi_) {
    if (set.has(id)) return true;
  }
  for (const auto& [name, single] : single_) {
    if (single == id) return true;
  }
  return false;
}

Status NativeApis::check(const std::string& name) const {
  if (has(name)) return Status::Ok();
  return Status::Fail(events_reason::api_not_found(name));
}

bool LoadTimeout::complete() {
  if (completed_) return false;
  completed_ = true;
  return true;
}

bool LoadTimeout::elapse() {
  if (timeout_ms_ == 0 || completed_ || fired_) return false;
  fired_ = true;
  return true;
}

}  // namespace ft

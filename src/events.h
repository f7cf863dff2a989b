// The web-view page's event state (behaviour.md §4): the postMessage buffer, listener
// registries, the native API handler registry, the host's native API names and the load-timeout
// state. Functions live in JS: the core only sees the integer ids JS gives them, and answers
// "which ids to run, in what order".
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "result.h"

namespace ft {

namespace events_reason {
inline constexpr const char* kBadJson = "parameter error: data is not valid JSON";
inline constexpr const char* kTooDeep = "parameter error: data is nested too deeply";
// callNativeAPI of a name the host has not registered (§4.4): "api <name> not found".
std::string api_not_found(std::string_view name);
}  // namespace events_reason

// Deepest array/object nesting accepted in JSON coming from JS (dump() recurses; this keeps a
// hostile input from exhausting the stack, native or wasm).
inline constexpr std::size_t kMaxJsonDepth = 256;

// Parses JSON text coming from JS with the no-throw API. Fails with kBadJson or kTooDeep.
Status parse_json(std::string_view text, nlohmann::ordered_json& out);
// Compact dump; invalid UTF-8 is replaced (U+FFFD), never throws.
std::string dump_json(const nlohmann::ordered_json& value);

// §4.1: everything the page posted since the web-view page was created, delivered to the host as
// ONE array at share (kept: a later share, back or destroy delivers it all again) and when the
// page is unloaded (back, destroy: then empty). Each element is the call's `data` field, or the whole value when it is
// not an object with a `data` key.
class MessageBuffer {
 public:
  // `call_json`: JSON text of the object passed to postMessage. Nothing is added on failure.
  Status post(std::string_view call_json);
  void post_value(const nlohmann::ordered_json& call);
  // The array of everything posted so far (possibly empty); the buffer is then empty, unless
  // `keep` (a share).
  nlohmann::ordered_json flush(bool keep = false);
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  // The array a flush would deliver now, oldest first (the host panel shows it, §4.1).
  nlohmann::ordered_json snapshot() const;

 private:
  std::vector<nlohmann::ordered_json> items_;
};

// An ordered set of listener ids (§4.3): adding an id twice keeps it once at its first place;
// dispatch order is registration order.
class ListenerSet {
 public:
  bool add(std::int64_t id);     // false when already registered
  bool remove(std::int64_t id);  // false when not registered
  bool has(std::int64_t id) const;
  void clear() { ids_.clear(); }
  const std::vector<std::int64_t>& ids() const { return ids_; }
  bool empty() const { return ids_.empty(); }

 private:
  std::vector<std::int64_t> ids_;
};

// §4.5. onNativeAPIHandler keeps several handlers per name, in order (the same id twice is kept
// once, as ListenerSet). registNativeAPIHandler keeps ONE per name: a later one replaces it, and
// off() never removes it. handlers(name) is the order JS runs them in (every one runs; the host
// gets the first value that is not undefined, a Promise counting by what it resolves to, awaited
// in this order; a handler that throws or rejects is reported and counts as undefined): the
// onNativeAPIHandler ids in registration order, then the registNativeAPIHandler id [ours].
class NativeHandlers {
 public:
  bool on(const std::string& name, std::int64_t id);
  bool off(const std::string& name, std::int64_t id);  // only onNativeAPIHandler ids
  std::size_t off_all(const std::string& name);        // every onNativeAPIHandler id of name; how many
  void regist(const std::string& name, std::int64_t id);
  std::vector<std::int64_t> handlers(const std::string& name) const;
  bool holds(std::int64_t id) const;  // under any name, either kind

 private:
  std::map<std::string, ListenerSet, std::less<>> multi_;
  std::map<std::string, std::int64_t, std::less<>> single_;
};

// §4.4: names the host registered (ftHost.registerNativeAPI). check() fails with
// events_reason::api_not_found.
class NativeApis {
 public:
  void add(const std::string& name) { names_.insert(name); }
  bool remove(const std::string& name) { return names_.erase(name) > 0; }
  bool has(const std::string& name) const { return names_.count(name) > 0; }
  Status check(const std::string& name) const;
  std::vector<std::string> names() const { return {names_.begin(), names_.end()}; }

 private:
  std::set<std::string, std::less<>> names_;
};

// §4.6: `timeout_ms` from the web-view's timeout attribute (0 = none). JS runs the timer (the core
// has no clock) and asks elapse() when it expires: the timeout fires once, only when a timeout is
// configured and complete() has not been received.
class LoadTimeout {
 public:
  explicit LoadTimeout(std::uint32_t timeout_ms = 0) : timeout_ms_(timeout_ms) {}
  std::uint32_t timeout_ms() const { return timeout_ms_; }
  bool completed() const { return completed_; }
  bool fired() const { return fired_; }
  // Records ft.complete(); true the first time (the host gets one load-complete event).
  bool complete();
  // The timer expired: true when the timeout event should fire now (then never again).
  bool elapse();

 private:
  std::uint32_t timeout_ms_ = 0;
  bool completed_ = false;
  bool fired_ = false;
};

}  // namespace ft

// parse_host_config (host.h): ftHost.configure's JSON options read into a HostConfig.

#include "host.h"

namespace ft {

namespace {

using json = nlohmann::ordered_json;

Status invalid(const std::string& why) { return Status::Fail("invalid config: " + why); }

// A JSON array of strings (null = absent); `non_empty` rejects "" too.
bool read_strings(const json& value, bool non_empty, std::vector<std::string>& out) {
  if (!value.is_array()) return false;
  for (const json& s : value) {
    if (!s.is_string() || (non_empty && s.get_ref<const std::string&>().empty())) return false;
    out.push_back(s.get_ref<const std::string&>());
  }
  return true;
}

const json* field(const json& cfg, const char* name) {
  auto it = cfg.find(name);
  return it == cfg.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

Status parse_host_config(std::string_view config_json, HostConfig& out) {
  json cfg = json::object();
  if (!config_json.empty()) {
    if (!parse_json(config_json, cfg).ok) return invalid("not valid JSON");
    if (!cfg.is_object()) return invalid("not an object");
  }
  HostConfig config;
  if (const json* v = field(cfg, "appId")) {
    if (!v->is_string()) return invalid("appId should be a string");
    config.app_id = v->get_ref<const std::string&>();
  }
  if (auto it = cfg.find("app"); it != cfg.end()) {
    Status st = AppModel::from_json(*it, config.app);
    if (!st.ok) return invalid(st.reason);
  }
  if (const json* v = field(cfg, "stack"); v && !read_strings(*v, false, config.stack)) {
    return invalid("stack should be an array of strings");
  }
  if (const json* v = field(cfg, "callers"); v && !read_strings(*v, true, config.callers)) {
    return invalid("callers should be an array of non-empty strings");
  }
  if (const json* v = field(cfg, "webviewTimeout")) {
    double ms = !v->is_number()           ? -1
                : v->is_number_float()    ? v->get<double>()
                : v->is_number_unsigned() ? static_cast<double>(v->get<std::uint64_t>())
                                          : static_cast<double>(v->get<std::int64_t>());
    if (!(ms >= 0)) return invalid("webviewTimeout should be a non-negative number");
    config.webview_timeout_ms =
        ms > static_cast<double>(kMaxWebviewTimeoutMs) ? kMaxWebviewTimeoutMs : static_cast<std::uint32_t>(ms);
  }
  if (const json* v = field(cfg, "nativeAPIs")) {
    config.native_apis.emplace();
    if (!read_strings(*v, false, *config.native_apis)) return invalid("nativeAPIs should be an array of strings");
  }
  if (const json* v = field(cfg, "backMode")) {
    const std::string* mode = v->get_ptr<const std::string*>();
    if (!mode || (*mode != "history" && *mode != "page")) return invalid("backMode should be 'history' or 'page'");
    config.back_through_history = *mode == "history";
  }
  out = std::move(config);
  return Status::Ok();
}

}  // namespace ft

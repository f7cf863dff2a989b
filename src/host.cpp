#include "host.h"

#include <limits>
#include <utility>

#include "url.h"

namespace ft {

namespace {

using json = nlohmann::ordered_json;

std::string ok_result(json extra = json::object(), json events = json::array()) {
  json r = json::object();
  r["ok"] = true;
  r["events"] = std::move(events);
  for (auto& [k, v] : extra.items()) r[k] = v;
  return dump_json(r);
}

std::string fail_result(const std::string& reason) {
  json r = json::object();
  r["ok"] = false;
  r["reason"] = reason;
  r["events"] = json::array();
  return dump_json(r);
}

std::string fail_result(const Status& st) { return fail_result(st.reason); }

json query_object(std::string_view query) {
  json obj = json::object();
  for (auto& [name, value] : url::parse_query(query)) obj[name] = value;  // a later duplicate wins
  return obj;
}

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "Object";
    case json::value_t::array: return "Array";
    case json::value_t::string: return "String";
    case json::value_t::boolean: return "Boolean";
    case json::value_t::null: return "Null";
    default: return "Number";
  }
}

json event(const char* type) {
  json e = json::object();
  e["type"] = type;
  return e;
}

}  // namespace

Host::Host() : title_(nav_.app().title) {}

std::string Host::configure(const std::string& config_json) {
  json cfg = json::object();
  if (!config_json.empty()) {
    Status st = parse_json(config_json, cfg);
    if (!st.ok) return fail_result("invalid config: not valid JSON");
    if (!cfg.is_object()) return fail_result("invalid config: not an object");
  }
  std::string app_id;
  if (auto it = cfg.find("appId"); it != cfg.end() && !it->is_null()) {
    if (!it->is_string()) return fail_result("invalid config: appId should be a string");
    app_id = it->get_ref<const std::string&>();
  }
  AppModel app;
  if (auto it = cfg.find("app"); it != cfg.end()) {
    Status st = AppModel::from_json(*it, app);
    if (!st.ok) return fail_result("invalid config: " + st.reason);
  }
  std::vector<std::string> stack;
  if (auto it = cfg.find("stack"); it != cfg.end() && !it->is_null()) {
    if (!it->is_array()) return fail_result("invalid config: stack should be an array of strings");
    for (const json& s : *it) {
      if (!s.is_string()) return fail_result("invalid config: stack should be an array of strings");
      stack.push_back(s.get_ref<const std::string&>());
    }
  }
  std::vector<std::string> callers;
  if (auto it = cfg.find("callers"); it != cfg.end() && !it->is_null()) {
    if (!it->is_array()) return fail_result("invalid config: callers should be an array of non-empty strings");
    for (const json& s : *it) {
      if (!s.is_string() || s.get_ref<const std::string&>().empty()) {
        return fail_result("invalid config: callers should be an array of non-empty strings");
      }
      callers.push_back(s.get_ref<const std::string&>());
    }
  }
  std::uint32_t timeout_ms = 0;
  if (auto it = cfg.find("webviewTimeout"); it != cfg.end() && !it->is_null()) {
    if (!it->is_number()) return fail_result("invalid config: webviewTimeout should be a non-negative number");
    double ms = it->is_number_float() ? it->get<double>()
                : it->is_number_unsigned() ? static_cast<double>(it->get<std::uint64_t>())
                                           : static_cast<double>(it->get<std::int64_t>());
    if (!(ms >= 0)) return fail_result("invalid config: webviewTimeout should be a non-negative number");
    constexpr double kMax = static_cast<double>(std::numeric_limits<std::uint32_t>::max());
    timeout_ms = ms > kMax ? std::numeric_limits<std::uint32_t>::max() : static_cast<std::uint32_t>(ms);
  }
  bool has_apis = false;
  NativeApis apis;
  if (auto it = cfg.find("nativeAPIs"); it != cfg.end() && !it->is_null()) {
    if (!it->is_array()) return fail_result("invalid config: nativeAPIs should be an array of strings");
    for (const json& s : *it) {
      if (!s.is_string()) return fail_result("invalid config: nativeAPIs should be an array of strings");
      apis.add(s.get_ref<const std::string&>());
    }
    has_apis = true;
  }

  Navigation nav;
  std::string title = app.title;
  Status st = Navigation::create(std::move(app), std::move(app_id), stack, callers, nav);
  if (!st.ok) return fail_result(st);

  nav_ = std::move(nav);
  title_ = std::move(title);
  messages_ = MessageBuffer{};
  timeout_ = LoadTimeout{timeout_ms};
  if (has_apis) apis_ = std::move(apis);
  json extra = json::object();
  extra["state"] = state_json();
  return ok_result(std::move(extra));
}

// ---- helpers ------------------------------------------------------------------------------------

Host::json Host::lifecycle_events(const std::vector<LifecycleEvent>& events) {
  json out = json::array();
  for (const LifecycleEvent& ev : events) {
    json e = json::object();
    switch (ev.kind) {
      case Lifecycle::Unload: {
        if (!messages_.empty()) {
          json m = event("message");
          m["detail"] = json::object();
          m["detail"]["data"] = messages_.flush();
          out.push_back(std::move(m));
        }
        e = event("unload");
        e["listeners"] = unload_listeners_.ids();
        e["arg"] = json::object();
        break;
      }
      case Lifecycle::Hide:
        e = event("hide");
        e["listeners"] = hide_listeners_.ids();
        e["arg"] = json::object();
        break;
      case Lifecycle::Show:
        e = event("show");
        e["listeners"] = show_listeners_.ids();
        e["arg"] = json::object();
        e["arg"]["data"] = query_object(ev.query);
        break;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string Host::nav_result(NavOutcome outcome, const char* action, json extra_events) {
  if (!outcome.status.ok) return fail_result(outcome.status);
  json events = lifecycle_events(outcome.events);
  if (action != nullptr) {
    json r = event("route");
    r["action"] = action;
    r["stack"] = stack_json();
    events.push_back(std::move(r));
  }
  for (auto& e : extra_events) events.push_back(std::move(e));
  return ok_result(json::object(), std::move(events));
}

Status Host::parse_extra_data(const std::string& text, json& out) const {
  if (text.empty()) {
    out = json::object();
    return Status::Ok();
  }
  json v;
  Status st = parse_json(text, v);
  if (!st.ok) return st;
  if (v.is_null()) v = json::object();
  if (!v.is_object()) {
    return Status::Fail(std::string("parameter error: parameter.extraData should be Object instead of ") +
                        type_name(v));
  }
  out = std::move(v);
  return Status::Ok();
}

Host::json Host::stack_json() const {
  json arr = json::array();
  for (const Page& p : nav_.pages()) {
    json e = json::object();
    e["route"] = p.route;
    e["query"] = query_object(p.query);
    e["url"] = p.url();
    e["webview"] = p.webview;
    arr.push_back(std::move(e));
  }
  return arr;
}

Host::json Host::state_json() const {
  json s = json::object();
  s["appId"] = nav_.app_id();
  s["title"] = title_;
  s["stack"] = stack_json();
  s["canNavigateBack"] = nav_.can_navigate_back();
  json w = json::object();
  w["index"] = nav_.webview_index();
  w["alive"] = nav_.alive();
  w["visible"] = nav_.visible();
  w["parked"] = nav_.webview_parked();
  const Page* page = nav_.webview_page();
  w["route"] = page ? json(page->route) : json(nullptr);
  w["url"] = page ? json(page->url()) : json(nullptr);
  s["webview"] = std::move(w);
  s["foreground"] = nav_.foreground();
  s["closed"] = nav_.closed();
  json apps = json::array();
  for (const AppEntry& a : nav_.apps()) {
    json e = json::object();
    e["appId"] = a.app_id;
    e["path"] = a.path;
    e["extraData"] = a.extra_data;
    apps.push_back(std::move(e));
  }
  s["apps"] = std::move(apps);
  s["h5AppIndex"] = nav_.h5_app_index();
  s["pendingMessages"] = messages_.size();
  s["webviewTimeout"] = timeout_.timeout_ms();
  s["loadComplete"] = timeout_.completed();
  s["loadTimeoutFired"] = timeout_.fired();
  s["nativeAPIs"] = apis_.names();
  return s;
}

std::string Host::stack() const { return dump_json(stack_json()); }
std::string Host::state() const { return dump_json(state_json()); }

// ---- H5 calls -----------------------------------------------------------------------------------

#define FT_REQUIRE_ALIVE() \
  if (!nav_.alive()) return fail_result(host_reason::kClosed)

std::string Host::navigateTo(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.navigate_to(url), "navigateTo");
}

std::string Host::redirectTo(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.redirect_to(url), "redirectTo");
}

std::string Host::switchTab(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.switch_tab(url), "switchTab");
}

std::string Host::reLaunch(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.re_launch(url), "reLaunch");
}

std::string Host::navigateBack(int delta) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.navigate_back(delta), "navigateBack");
}

std::string Host::navigateToMiniProgram(const std::string& app_id, const std::string& path,
                                        const std::string& extra_data_json) {
  FT_REQUIRE_ALIVE();
  json extra;
  Status st = parse_extra_data(extra_data_json, extra);
  if (!st.ok) return fail_result(st);
  json e = event("navigateToMiniProgram");
  e["appId"] = app_id;
  e["path"] = path;
  e["extraData"] = extra;
  json extras = json::array();
  extras.push_back(std::move(e));
  return nav_result(nav_.navigate_to_mini_program(app_id, path, std::move(extra)), nullptr, std::move(extras));
}

std::string Host::navigateBackMiniProgram(const std::string& extra_data_json) {
  FT_REQUIRE_ALIVE();
  return hostNavigateBackMiniProgram(extra_data_json);
}

std::string Host::close() {
  FT_REQUIRE_ALIVE();
  json e = event("close");
  e["appId"] = nav_.app_id();
  json extras = json::array();
  extras.push_back(std::move(e));
  return nav_result(nav_.close(), nullptr, std::move(extras));
}

std::string Host::postMessage(const std::string& call_json) {
  FT_REQUIRE_ALIVE();
  Status st = messages_.post(call_json);
  if (!st.ok) return fail_result(st);
  json extra = json::object();
  extra["pending"] = messages_.size();
  return ok_result(std::move(extra));
}

std::string Host::sendWebviewEvent() {
  FT_REQUIRE_ALIVE();
  json events = json::array();
  events.push_back(event("bindevent"));
  return ok_result(json::object(), std::move(events));
}

std::string Host::canNavigateBack() {
  FT_REQUIRE_ALIVE();
  json extra = json::object();
  extra["canNavigateBack"] = nav_.can_navigate_back();
  return ok_result(std::move(extra));
}

std::string Host::setNavigationBarTitle(const std::string& title) {
  FT_REQUIRE_ALIVE();
  title_ = title;
  json e = event("title");
  e["title"] = title_;
  json events = json::array();
  events.push_back(std::move(e));
  return ok_result(json::object(), std::move(events));
}

std::string Host::documentTitleChanged(const std::string& title) {
  if (!nav_.alive()) return ok_result();
  return setNavigationBarTitle(title);
}

std::string Host::complete() {
  FT_REQUIRE_ALIVE();
  json events = json::array();
  if (timeout_.complete()) events.push_back(event("loadComplete"));
  return ok_result(json::object(), std::move(events));
}

std::string Host::callNativeAPI(const std::string& name) {
  FT_REQUIRE_ALIVE();
  Status st = apis_.check(name);
  if (!st.ok) return fail_result(st);
  return ok_result();
}

// ---- listener registries ------------------------------------------------------------------------

namespace {
std::string added(bool v) {
  json extra = json::object();
  extra["added"] = v;
  return ok_result(std::move(extra));
}
std::string removed(bool v) {
  json extra = json::object();
  extra["removed"] = v;
  return ok_result(std::move(extra));
}
}  // namespace

std::string Host::onWebviewEvent(int id) { return added(webview_listeners_.add(id)); }
std::string Host::offWebviewEvent(int id) { return removed(webview_listeners_.remove(id)); }
std::string Host::offAllWebviewEvents() {
  json extra = json::object();
  extra["removed"] = webview_listeners_.ids().size();
  webview_listeners_.clear();
  return ok_result(std::move(extra));
}
std::string Host::onShow(int id) { return added(show_listeners_.add(id)); }
std::string Host::onHide(int id) { return added(hide_listeners_.add(id)); }
std::string Host::onUnload(int id) { return added(unload_listeners_.add(id)); }

std::string Host::offLifecycle(const std::string& kind, int id) {
  if (kind == "show") return removed(show_listeners_.remove(id));
  if (kind == "hide") return removed(hide_listeners_.remove(id));
  if (kind == "unload") return removed(unload_listeners_.remove(id));
  return fail_result("parameter error: kind should be \"show\", \"hide\" or \"unload\"");
}

std::string Host::onNativeAPIHandler(const std::string& name, int id) { return added(handlers_.on(name, id)); }
std::string Host::offNativeAPIHandler(const std::string& name, int id) { return removed(handlers_.off(name, id)); }
std::string Host::registNativeAPIHandler(const std::string& name, int id) {
  handlers_.regist(name, id);
  return ok_result();
}

bool Host::holdsListener(int id) const {
  return webview_listeners_.has(id) || show_listeners_.has(id) || hide_listeners_.has(id) ||
         unload_listeners_.has(id) || handlers_.holds(id);
}

// ---- host actions -------------------------------------------------------------------------------

std::string Host::hostNavigateBack(int delta) { return nav_result(nav_.navigate_back(delta), "navigateBack"); }

std::string Host::hostSwitchTab(const std::string& url) { return nav_result(nav_.switch_tab(url), "switchTab"); }

std::string Host::hostNavigateBackMiniProgram(const std::string& extra_data_json) {
  json extra;
  Status st = parse_extra_data(extra_data_json, extra);
  if (!st.ok) return fail_result(st);
  std::string from = nav_.apps().empty() ? std::string() : nav_.apps().back().app_id;
  AppEntry to;
  NavOutcome outcome = nav_.navigate_back_mini_program(std::move(extra), &to);
  if (!outcome.status.ok) return fail_result(outcome.status);
  json e = event("navigateBackMiniProgram");
  e["fromAppId"] = from;
  e["toAppId"] = to.app_id;
  e["extraData"] = to.extra_data;
  json extras = json::array();
  extras.push_back(std::move(e));
  return nav_result(std::move(outcome), nullptr, std::move(extras));
}

std::string Host::appHide() { return nav_result(nav_.app_hide(), nullptr); }
std::string Host::appShow() { return nav_result(nav_.app_show(), nullptr); }

std::string Host::share() {
  json events = json::array();
  if (nav_.alive() && !messages_.empty()) {
    json m = event("message");
    m["detail"] = json::object();
    m["detail"]["data"] = messages_.flush();
    events.push_back(std::move(m));
  }
  return ok_result(json::object(), std::move(events));
}

std::string Host::destroy() { return nav_result(nav_.destroy(), nullptr); }

std::string Host::hostSendWebviewEvent() {
  FT_REQUIRE_ALIVE();
  json e = event("webviewEvent");
  e["listeners"] = webview_listeners_.ids();
  json events = json::array();
  events.push_back(std::move(e));
  return ok_result(json::object(), std::move(events));
}

std::string Host::hostCallH5(const std::string& name) {
  FT_REQUIRE_ALIVE();
  std::vector<std::int64_t> ids = handlers_.handlers(name);
  if (ids.empty()) return fail_result("handler " + name + " not found");
  json extra = json::object();
  extra["handlers"] = ids;
  return ok_result(std::move(extra));
}

std::string Host::registerNativeAPI(const std::string& name) {
  apis_.add(name);
  return ok_result();
}

std::string Host::unregisterNativeAPI(const std::string& name) { return removed(apis_.remove(name)); }

std::string Host::loadTimeoutElapsed() {
  json events = json::array();
  bool fired = nav_.alive() && timeout_.elapse();
  if (fired) {
    json e = event("loadTimeout");
    e["timeout"] = timeout_.timeout_ms();
    events.push_back(std::move(e));
  }
  json extra = json::object();
  extra["fired"] = fired;
  return ok_result(std::move(extra), std::move(events));
}

#undef FT_REQUIRE_ALIVE

}  // namespace ft

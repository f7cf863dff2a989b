#include "host.h"

#include <utility>

#include "url.h"

namespace ft {

std::string host_reason::handler_not_found(std::string_view name) {
  return "handler " + std::string(name) + " not found";
}

QueryFields query_fields(std::string_view query) {
  QueryFields out;
  for (auto& [name, value] : url::parse_query(query)) {
    auto it = out.begin();
    while (it != out.end() && it->first != name) ++it;
    if (it == out.end()) {
      out.emplace_back(std::move(name), std::move(value));
    } else {
      it->second = std::move(value);
    }
  }
  return out;
}

std::string route_query_check(std::string_view query) {
  if (!url::query_is_cut(query)) return {};
  std::string out = "query \"";
  out.append(query);
  out += "\" reaches the page as \"";
  const char* sep = "";
  for (const auto& [name, value] : query_fields(query)) {
    out += sep;
    out += name;
    out += '=';
    out += value;
    sep = "&";
  }
  out += "\"; encode each value with encodeURIComponent";
  return out;
}

namespace {

using json = nlohmann::ordered_json;

HostResult ok_events(std::vector<HostEvent> events = {}) { return {Status::Ok(), std::move(events)}; }
HostResult fail_result(Status st) { return {std::move(st), {}}; }
HostResult closed() { return fail_result(Status::Fail(host_reason::kClosed)); }

HostEvent event(HostEventType type) { return HostEvent{type, {}, {}, {}, {}, {}, {}, 0}; }

PageView view(const Page& p) { return {p.route, query_fields(p.query), p.url(), p.webview}; }

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

// extraData JSON text: "" and null are {}; anything but an object is a parameter error.
Status parse_extra_data(const std::string& text, json& out) {
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
                        type_name(v) + ";");
  }
  out = std::move(v);
  return Status::Ok();
}

}  // namespace

Host::Host() : title_(nav_.app().title) {}

Status Host::configure(HostConfig config) {
  Navigation nav;
  std::string title = config.app.title;
  Status st = Navigation::create(std::move(config.app), std::move(config.app_id), config.stack, config.callers, nav);
  if (!st.ok) return st;
  nav_ = std::move(nav);
  title_ = std::move(title);
  messages_ = MessageBuffer{};
  timeout_ = LoadTimeout{config.webview_timeout_ms};
  back_through_history_ = config.back_through_history;
  if (config.native_apis) {
    apis_ = NativeApis{};
    for (const std::string& name : *config.native_apis) apis_.add(name);
  }
  return Status::Ok();
}

// ---- helpers ------------------------------------------------------------------------------------

// What the page posted, as one Message event (none when nothing was posted); `keep`: a share
// delivers the buffer without emptying it (§4.1).
void Host::flush_messages(std::vector<HostEvent>& out, bool keep) {
  if (messages_.empty()) return;
  out.push_back(event(HostEventType::Message));
  out.back().data = messages_.flush(keep);
}

std::vector<HostEvent> Host::lifecycle_events(const std::vector<LifecycleEvent>& events) {
  std::vector<HostEvent> out;
  for (const LifecycleEvent& ev : events) {
    switch (ev.kind) {
      case Lifecycle::Unload: {
        // What the page posted reaches the host before the page is gone (§4.1).
        flush_messages(out);
        out.push_back(event(HostEventType::Unload));
        out.back().listeners = unload_listeners_.ids();
        break;
      }
      case Lifecycle::Hide:
        out.push_back(event(HostEventType::Hide));
        out.back().listeners = hide_listeners_.ids();
        break;
      case Lifecycle::Show:
        out.push_back(event(HostEventType::Show));
        out.back().listeners = show_listeners_.ids();
        out.back().query = query_fields(ev.query);
        break;
    }
  }
  return out;
}

HostResult Host::nav_result(NavOutcome outcome, const char* action, std::vector<HostEvent> extra, bool opens) {
  if (!outcome.status.ok) return fail_result(std::move(outcome.status));
  std::vector<HostEvent> events = lifecycle_events(outcome.events);
  if (action != nullptr) {
    HostEvent r = event(HostEventType::Route);
    r.text = action;
    r.stack = stack();
    // The page a route opened is the top one: the device check of its query (§3.8).
    if (opens) r.detail = route_query_check(nav_.pages().back().query);
    events.push_back(std::move(r));
  }
  for (auto& e : extra) events.push_back(std::move(e));
  return ok_events(std::move(events));
}

std::vector<PageView> Host::stack() const {
  std::vector<PageView> out;
  out.reserve(nav_.pages().size());
  for (const Page& p : nav_.pages()) out.push_back(view(p));
  return out;
}

HostState Host::state() const {
  HostState s;
  s.app_id = nav_.app_id();
  s.title = title_;
  s.stack = stack();
  s.can_navigate_back = nav_.can_navigate_back();
  s.webview_index = nav_.webview_index();
  s.alive = nav_.alive();
  s.visible = nav_.visible();
  s.parked = nav_.webview_parked();
  if (const Page* page = nav_.webview_page()) {
    s.has_webview = true;
    s.webview_route = page->route;
    s.webview_url = page->url();
  }
  s.foreground = nav_.foreground();
  s.closed = nav_.closed();
  s.apps = nav_.apps();
  s.h5_app_index = nav_.h5_app_index();
  s.pending_messages = messages_.snapshot();
  s.webview_timeout_ms = timeout_.timeout_ms();
  s.load_complete = timeout_.completed();
  s.load_timeout_fired = timeout_.fired();
  s.native_apis = apis_.names();
  s.back_through_history = back_through_history_;
  return s;
}

// ---- H5 calls -----------------------------------------------------------------------------------

#define FT_REQUIRE_ALIVE() \
  if (!nav_.alive()) return closed()

HostResult Host::navigateTo(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.navigate_to(url), "navigateTo", {}, true);
}

HostResult Host::redirectTo(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.redirect_to(url), "redirectTo", {}, true);
}

HostResult Host::switchTab(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.switch_tab(url), "switchTab");
}

HostResult Host::reLaunch(const std::string& url) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.re_launch(url), "reLaunch", {}, true);
}

HostResult Host::navigateBack(double delta) {
  FT_REQUIRE_ALIVE();
  return nav_result(nav_.navigate_back(delta), "navigateBack");
}

HostResult Host::navigateToMiniProgram(const std::string& app_id, const std::string& path,
                                       const std::string& extra_data_json) {
  FT_REQUIRE_ALIVE();
  json extra;
  Status st = parse_extra_data(extra_data_json, extra);
  if (!st.ok) return fail_result(std::move(st));
  HostEvent e = event(HostEventType::NavigateToMiniProgram);
  e.text = app_id;
  e.detail = path;
  e.data = extra;
  std::vector<HostEvent> extras;
  extras.push_back(std::move(e));
  return nav_result(nav_.navigate_to_mini_program(app_id, path, std::move(extra)), nullptr, std::move(extras));
}

HostResult Host::navigateBackMiniProgram(const std::string& extra_data_json) {
  FT_REQUIRE_ALIVE();
  return hostNavigateBackMiniProgram(extra_data_json);
}

HostResult Host::close() {
  FT_REQUIRE_ALIVE();
  HostEvent e = event(HostEventType::Close);
  e.text = nav_.app_id();
  std::vector<HostEvent> extras;
  extras.push_back(std::move(e));
  return nav_result(nav_.close(), nullptr, std::move(extras));
}

Status Host::postMessage(const std::string& call_json) {
  if (!nav_.alive()) return Status::Fail(host_reason::kClosed);
  return messages_.post(call_json);
}

HostResult Host::sendWebviewEvent() {
  FT_REQUIRE_ALIVE();
  std::vector<HostEvent> events;
  events.push_back(event(HostEventType::BindEvent));
  return ok_events(std::move(events));
}

Result<bool> Host::canNavigateBack() {
  if (!nav_.alive()) return {Status::Fail(host_reason::kClosed), false};
  return {Status::Ok(), nav_.can_navigate_back()};
}

HostResult Host::setNavigationBarTitle(const std::string& title) {
  FT_REQUIRE_ALIVE();
  title_ = title;
  HostEvent e = event(HostEventType::Title);
  e.text = title_;
  std::vector<HostEvent> events;
  events.push_back(std::move(e));
  return ok_events(std::move(events));
}

HostResult Host::documentTitleChanged(const std::string& title) {
  if (!nav_.alive()) return ok_events();
  return setNavigationBarTitle(title);
}

HostResult Host::complete() {
  FT_REQUIRE_ALIVE();
  std::vector<HostEvent> events;
  if (timeout_.complete()) events.push_back(event(HostEventType::LoadComplete));
  return ok_events(std::move(events));
}

Status Host::callNativeAPI(const std::string& name) {
  if (!nav_.alive()) return Status::Fail(host_reason::kClosed);
  return apis_.check(name);
}

// ---- listener registries ------------------------------------------------------------------------

bool Host::onWebviewEvent(std::int64_t id) { return webview_listeners_.add(id); }
bool Host::offWebviewEvent(std::int64_t id) { return webview_listeners_.remove(id); }
std::size_t Host::offAllWebviewEvents() {
  std::size_t n = webview_listeners_.ids().size();
  webview_listeners_.clear();
  return n;
}
bool Host::onShow(std::int64_t id) { return show_listeners_.add(id); }
bool Host::onHide(std::int64_t id) { return hide_listeners_.add(id); }
bool Host::onUnload(std::int64_t id) { return unload_listeners_.add(id); }

bool Host::onNativeAPIHandler(const std::string& name, std::int64_t id) { return handlers_.on(name, id); }
bool Host::offNativeAPIHandler(const std::string& name, std::int64_t id) { return handlers_.off(name, id); }
std::size_t Host::offAllNativeAPIHandlers(const std::string& name) { return handlers_.off_all(name); }
void Host::registNativeAPIHandler(const std::string& name, std::int64_t id) { handlers_.regist(name, id); }

bool Host::holdsListener(std::int64_t id) const {
  return webview_listeners_.has(id) || show_listeners_.has(id) || hide_listeners_.has(id) ||
         unload_listeners_.has(id) || handlers_.holds(id);
}

// ---- host actions -------------------------------------------------------------------------------

HostResult Host::hostNavigateBack(double delta, bool web_view_can_go_back) {
  if (back_through_history_ && web_view_can_go_back && nav_.visible() && Navigation::back_count(delta, 2) == 1) {
    std::vector<HostEvent> events;
    events.push_back(event(HostEventType::HistoryBack));
    return ok_events(std::move(events));
  }
  return nav_result(nav_.navigate_back(delta), "navigateBack");
}

HostResult Host::hostSwitchTab(const std::string& url) { return nav_result(nav_.switch_tab(url), "switchTab"); }

HostResult Host::hostNavigateBackMiniProgram(const std::string& extra_data_json) {
  json extra;
  Status st = parse_extra_data(extra_data_json, extra);
  if (!st.ok) return fail_result(std::move(st));
  std::string from = nav_.apps().empty() ? std::string() : nav_.apps().back().app_id;
  AppEntry to;
  NavOutcome outcome = nav_.navigate_back_mini_program(std::move(extra), &to);
  if (!outcome.status.ok) return fail_result(std::move(outcome.status));
  HostEvent e = event(HostEventType::NavigateBackMiniProgram);
  e.detail = std::move(from);
  e.text = std::move(to.app_id);
  e.data = std::move(to.extra_data);
  std::vector<HostEvent> extras;
  extras.push_back(std::move(e));
  return nav_result(std::move(outcome), nullptr, std::move(extras));
}

HostResult Host::appHide() { return nav_result(nav_.app_hide(), nullptr); }
HostResult Host::appShow() { return nav_result(nav_.app_show(), nullptr); }

HostResult Host::share() {
  std::vector<HostEvent> events;
  if (nav_.alive()) {
    flush_messages(events, true);
  }
  return ok_events(std::move(events));
}

HostResult Host::destroy() { return nav_result(nav_.destroy(), nullptr); }

HostResult Host::hostSendWebviewEvent() {
  FT_REQUIRE_ALIVE();
  HostEvent e = event(HostEventType::WebviewEvent);
  e.listeners = webview_listeners_.ids();
  std::vector<HostEvent> events;
  events.push_back(std::move(e));
  return ok_events(std::move(events));
}

Result<std::vector<std::int64_t>> Host::hostCallH5(const std::string& name) {
  if (!nav_.alive()) return {Status::Fail(host_reason::kClosed), {}};
  std::vector<std::int64_t> ids = handlers_.handlers(name);
  if (ids.empty()) return {Status::Fail(host_reason::handler_not_found(name)), {}};
  return {Status::Ok(), std::move(ids)};
}

void Host::registerNativeAPI(const std::string& name) { apis_.add(name); }

bool Host::unregisterNativeAPI(const std::string& name) { return apis_.remove(name); }

HostResult Host::loadTimeoutElapsed() {
  std::vector<HostEvent> events;
  if (nav_.alive() && timeout_.elapse()) {
    HostEvent e = event(HostEventType::LoadTimeout);
    e.timeout_ms = timeout_.timeout_ms();
    events.push_back(std::move(e));
  }
  return ok_events(std::move(events));
}

#undef FT_REQUIRE_ALIVE

}  // namespace ft

// ft::Host: the simulated mini-program host behind `window.ftHost` and the host-routed parts of
// `window.ft` (behaviour.md §3, §4), as one value the Embind binding exposes (bind_host.cpp).
// The JS side stays thin: it forwards calls, runs the listener ids it is told to run, and never
// decides a navigation rule itself.
//
// Typed interface: calls that change the host answer a HostResult (a Status and the events JS
// must perform, in order); registries answer what they did (bool, count, ids); getters answer
// views (PageView, HostState). JSON is only page data (extraData, posted messages), which the
// core holds as values; the glue writes every answer as a JSON value (wasm-glue/wire_host.h), made
// a JS value once (wire.h).
// Route APIs report errMsg "invokeMiniProgramAPI:ok" / "invokeMiniProgramAPI:fail <reason>" (§1.3);
// composing errMsg is left to JS.
//
// Once the web-view page is unloaded (back past it, redirectTo/reLaunch/switchTab away from it,
// destroy(), close(), navigateBackMiniProgram out of its app), every H5-originated call that
// needs the page fails with kClosed; host actions (host* methods, appHide/appShow, getters) work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_model.h"
#include "events.h"
#include "navigation.h"
#include "result.h"

namespace ft {

namespace host_reason {
inline constexpr const char* kClosed = "web-view page is closed";  // [ours]
// hostCallH5 with no H5 handler registered under that name [ours]
std::string handler_not_found(std::string_view name);
}  // namespace host_reason

// A query's fields as the page opened receives them (§3.8): the host's cut (url::parse_query),
// values not decoded, a later duplicate name wins (at the name's first place).
using QueryFields = std::vector<std::pair<std::string, std::string>>;
QueryFields query_fields(std::string_view query);

// A page of the stack as ftHost.stack() lists it.
struct PageView {
  std::string route;  // no leading slash
  QueryFields query;
  std::string url;  // route + "?" + raw query (when there is one)
  bool webview = false;
};

// What JS must do, in order. Each type uses the fields named beside it.
enum class HostEventType : std::uint8_t {
  Message,                  // data: the posted array, delivered to the host's 'message' listeners (§4.1)
  Unload,                   // listeners: call each H5 listener id with {}
  Hide,                     // listeners: same
  Show,                     // listeners, query: call each with {data: {query name: raw value}}
  Route,                    // text (the api), stack: the page stack changed; detail: route_query_check
  Title,                    // text: the simulated navigation bar title changed
  BindEvent,                // give the H5's object to the host's bindevent (§4.2)
  WebviewEvent,             // listeners: give the host's object to each H5 listener (§4.3)
  NavigateToMiniProgram,    // text (appId), detail (path), data (extraData)
  NavigateBackMiniProgram,  // text (the appId returned to), detail (the appId left), data (what it receives)
  Close,                    // text (appId): the mini-program was closed
  LoadComplete,             // ft.complete() reached the host (first call only)
  LoadTimeout,              // timeout_ms: the host's bindtimeout fires (§4.6)
  HistoryBack,              // the host's back steps back in the web-view's own history (§3.13)
};

struct HostEvent {
  HostEventType type;
  std::vector<std::int64_t> listeners;
  QueryFields query;
  std::vector<PageView> stack;
  std::string text;
  std::string detail;
  nlohmann::ordered_json data;
  std::uint32_t timeout_ms = 0;
};

// The answer of every call that changes the host: no events on failure (nothing changed).
struct HostResult {
  Status status;
  std::vector<HostEvent> events;
};

// §3.8: the device check of a route's raw query the host cuts (url::query_is_cut): what the page
// opened receives and the fix; "" when the query arrives as given.
std::string route_query_check(std::string_view query);

// The longest load timeout (§4.6), 2^31-1 ms (about 24.8 days) [ours]: the host publishes no limit and
// no page load comes near one; the page's JS runs the timer (LoadTimeout), and a browser fires a
// setTimeout of more than 2^31-1 ms at once, so a longer one is clamped here, as request's and
// getLocation's timeouts are (request.h, geo.h).
inline constexpr std::uint32_t kMaxWebviewTimeoutMs = 2147483647;

// ftHost.configure's options, already read (parse_host_config). Absent fields keep their default.
struct HostConfig {
  std::string app_id;
  AppModel app;                                         // unknown app when absent
  std::vector<std::string> stack;                       // bottom first, the last holds the web-view; empty = [entry]
  std::vector<std::string> callers;                     // appIds below this app (navigateBackMiniProgram)
  std::uint32_t webview_timeout_ms = 0;                 // 0 = none; at most kMaxWebviewTimeoutMs
  std::optional<std::vector<std::string>> native_apis;  // replaces the host's API names when set
  bool back_through_history = true;                     // backMode 'history' (default) or 'page' (§3.13)
};

// Reads config JSON (every field optional):
//   {"appId": "wx123", "app": {app.json object} | null, "stack": ["pages/a?x=1", "/pages/b"],
//    "webviewTimeout": 12000 (ms, >= 0, clamped to kMaxWebviewTimeoutMs), "callers": ["wxA"], "nativeAPIs": ["scan"],
//    "backMode": "history" | "page"}
// "" is {}. Errors: "invalid config: ..." (not valid JSON, not an object, <field> should be ...,
// app.json reasons prefixed).
Status parse_host_config(std::string_view config_json, HostConfig& out);

// ftHost.state(): the whole host, for the panel and tests.
struct HostState {
  std::string app_id;
  std::string title;
  std::vector<PageView> stack;
  bool can_navigate_back = false;
  int webview_index = -1;  // -1: not on the stack (parked tab or gone)
  bool alive = true;
  bool visible = true;
  bool parked = false;
  bool has_webview = false;   // the web-view's page exists, on the stack or parked:
  std::string webview_route;  // its route and url ("" when it is gone)
  std::string webview_url;
  bool foreground = true;
  bool closed = false;
  std::vector<AppEntry> apps;
  std::size_t h5_app_index = 0;
  nlohmann::ordered_json pending_messages;  // the array back, share or destroy delivers now (§4.1)
  std::uint32_t webview_timeout_ms = 0;
  bool load_complete = false;
  bool load_timeout_fired = false;
  std::vector<std::string> native_apis;
  bool back_through_history = true;  // backMode 'history'
};

class Host {
 public:
  // Unknown app, appId "", stack ["pages/index/index"] holding the web-view, no timeout.
  Host();

  // Resets navigation, title, message buffer and load state; keeps the H5 page's listeners and
  // native handlers (the page keeps running) and, without native_apis, the host's API names.
  // Errors: stack reasons prefixed "invalid config: " (navigation.h); nothing changes on failure.
  Status configure(HostConfig config);

  // ---- H5 calls (ft.*) -----------------------------------------------------------------------
  HostResult navigateTo(const std::string& url);
  HostResult redirectTo(const std::string& url);
  HostResult switchTab(const std::string& url);
  HostResult reLaunch(const std::string& url);
  HostResult navigateBack(double delta);  // range rule: Navigation::back_count (§3.6)
  // extra_data_json: JSON object text, "" or "null" = {}.
  HostResult navigateToMiniProgram(const std::string& app_id, const std::string& path,
                                   const std::string& extra_data_json);
  HostResult navigateBackMiniProgram(const std::string& extra_data_json);
  HostResult close();
  // call_json: the object passed to postMessage.
  Status postMessage(const std::string& call_json);
  HostResult sendWebviewEvent();
  Result<bool> canNavigateBack();
  HostResult setNavigationBarTitle(const std::string& title);
  HostResult documentTitleChanged(const std::string& title);  // never fails; a later one wins
  HostResult complete();
  Status callNativeAPI(const std::string& name);  // ok, or "api <name> not found" (§4.4)

  // Listener registries (ids are JS's): true when something changed.
  bool onWebviewEvent(std::int64_t id);
  bool offWebviewEvent(std::int64_t id);
  std::size_t offAllWebviewEvents();  // how many were removed
  bool onShow(std::int64_t id);
  bool onHide(std::int64_t id);
  bool onUnload(std::int64_t id);
  bool onNativeAPIHandler(const std::string& name, std::int64_t id);
  bool offNativeAPIHandler(const std::string& name, std::int64_t id);
  // offNativeAPIHandler without a function: every onNativeAPIHandler handler of that name, never
  // the registNativeAPIHandler one (§4.5). How many were removed.
  std::size_t offAllNativeAPIHandlers(const std::string& name);
  void registNativeAPIHandler(const std::string& name, std::int64_t id);
  // Whether any registry still holds listener `id`: JS releases a function once none does.
  bool holdsListener(std::int64_t id) const;

  // ---- Host actions (ftHost.*) ----------------------------------------------------------------
  // The user's back button (§3.13): with backMode 'history', the web-view on top and
  // `web_view_can_go_back` (its own history has an earlier entry, §3.11), a delta below 2 answers
  // one HistoryBack event and the stack stays; otherwise it pops pages (Navigation::back_count).
  HostResult hostNavigateBack(double delta, bool web_view_can_go_back = false);
  // The user taps a tabBar item (works after the web-view page is gone).
  HostResult hostSwitchTab(const std::string& url);
  HostResult hostNavigateBackMiniProgram(const std::string& extra_data_json);  // top app goes back
  HostResult appHide();
  HostResult appShow();
  HostResult share();                 // delivers the message buffer, keeping it (§4.1)
  HostResult destroy();               // the web-view component is destroyed: message + unload
  HostResult hostSendWebviewEvent();  // one WebviewEvent with the listener ids
  // The handler ids to run, all in this order (§4.5, NativeHandlers); fails handler_not_found.
  Result<std::vector<std::int64_t>> hostCallH5(const std::string& name);
  void registerNativeAPI(const std::string& name);
  bool unregisterNativeAPI(const std::string& name);
  HostResult loadTimeoutElapsed();  // JS's timer of webviewTimeout ms expired; a LoadTimeout event when it fires

  // ---- Getters ----------------------------------------------------------------------------------
  std::vector<PageView> stack() const;  // bottom first
  const std::string& title() const { return title_; }
  HostState state() const;
  // The load timeout in force (ms, 0 = none; clamped by parse_host_config): JS's timer waits it.
  std::uint32_t webviewTimeoutMs() const { return timeout_.timeout_ms(); }

 private:
  // `opens`: the route opened the top page (navigateTo, redirectTo, reLaunch): its Route event's
  // detail is route_query_check of that page's query.
  HostResult nav_result(NavOutcome outcome, const char* action, std::vector<HostEvent> extra = {}, bool opens = false);
  std::vector<HostEvent> lifecycle_events(const std::vector<LifecycleEvent>& events);
  void flush_messages(std::vector<HostEvent>& out, bool keep = false);

  Navigation nav_;
  MessageBuffer messages_;
  ListenerSet webview_listeners_;
  ListenerSet show_listeners_;
  ListenerSet hide_listeners_;
  ListenerSet unload_listeners_;
  NativeHandlers handlers_;
  NativeApis apis_;
  LoadTimeout timeout_;
  std::string title_;
  bool back_through_history_ = true;
};

}  // namespace ft

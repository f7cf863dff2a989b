// ft::Host: the simulated mini-program host behind `window.ftHost` and the host-routed parts of
// `window.ft` (behaviour.md §3, §4), as one value the Embind binding exposes (bind_host.cpp).
// The JS side stays thin: it forwards calls, runs the listener ids it is told to run, and never
// decides a navigation rule itself.
//
// Every method takes plain strings/ints (JSON text where structured) and returns JSON text:
//   success  {"ok":true, "events":[...], <extra fields>}
//   failure  {"ok":false, "reason":"<text after '<api>:fail '>", "events":[]}
// except the getters stack(), state() (bare JSON) and title() (plain string).
// Route APIs report errMsg "invokeMiniProgramAPI:ok" / "invokeMiniProgramAPI:fail <reason>" (§1.3);
// composing errMsg is left to JS.
//
// Events, in the order JS must perform them:
//   {"type":"message","detail":{"data":[...]}}      deliver to the host's 'message' listeners (§4.1);
//                                                   only when something was posted
//   {"type":"unload"|"hide"|"show","listeners":[ids],"arg":{...}}
//                                                   call each H5 listener id with `arg`; show's arg is
//                                                   {"data":{query name: raw value}}, the others {}
//   {"type":"route","action":"<api>","stack":[...]} the page stack changed (shape of stack())
//   {"type":"title","title":"..."}                 the simulated navigation bar title changed
//   {"type":"bindevent"}                            give the H5's object to the host's bindevent (§4.2)
//   {"type":"webviewEvent","listeners":[ids]}       give the host's object to each H5 listener (§4.3)
//   {"type":"navigateToMiniProgram","appId":"","path":"","extraData":{}}
//   {"type":"navigateBackMiniProgram","fromAppId":"","toAppId":"","extraData":{}}
//                                                   extraData is what the app returned to receives
//   {"type":"close","appId":""}                     the mini-program was closed
//   {"type":"loadComplete"}                         ft.complete() reached the host (first call only)
//   {"type":"loadTimeout","timeout":ms}             the host's bindtimeout fires (§4.6)
//
// Once the web-view page is unloaded (back past it, redirectTo/reLaunch/switchTab away from it,
// destroy(), close(), navigateBackMiniProgram out of its app), every H5-originated call that
// needs the page fails with kClosed; host actions (host* methods, appHide/appShow, getters) work.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app_model.h"
#include "events.h"
#include "navigation.h"
#include "result.h"

namespace ft {

namespace host_reason {
inline constexpr const char* kClosed = "web-view page is closed";  // [ours]
// hostCallH5 with no H5 handler registered under that name: "handler <name> not found" [ours]
}  // namespace host_reason

class Host {
 public:
  // Unknown app, appId "", stack ["pages/index/index"] holding the web-view, no timeout.
  Host();

  // Config JSON (every field optional):
  //   {"appId": "wx123", "app": {app.json object} | null,
  //    "stack": ["pages/a?x=1", "/pages/b"],   bottom first; the last holds the web-view;
  //                                           default [app.entry] or ["pages/index/index"]
  //    "webviewTimeout": 12000,               ms, >= 0, 0 = none
  //    "callers": ["wxA"],                    appIds below this app (navigateBackMiniProgram)
  //    "nativeAPIs": ["scan"]}                host native API names (replace the registered set)
  // Resets navigation, title, message buffer and load state; keeps the H5 page's listeners and
  // native handlers (the page keeps running) and, without "nativeAPIs", the host's API names.
  // Result: {"ok":true,"events":[],"state":{...state()}}. Errors: "invalid config: ..." (url,
  // app.json and stack reasons are prefixed; nothing changes on failure).
  std::string configure(const std::string& config_json);

  // ---- H5 calls (ft.*) -----------------------------------------------------------------------
  std::string navigateTo(const std::string& url);
  std::string redirectTo(const std::string& url);
  std::string switchTab(const std::string& url);
  std::string reLaunch(const std::string& url);
  std::string navigateBack(int delta);  // JS passes 1 when delta is missing
  // extra_data_json: JSON object text, "" or "null" = {}.
  std::string navigateToMiniProgram(const std::string& app_id, const std::string& path,
                                    const std::string& extra_data_json);
  std::string navigateBackMiniProgram(const std::string& extra_data_json);
  std::string close();
  // call_json: the object passed to postMessage. Result adds "pending": buffered count.
  std::string postMessage(const std::string& call_json);
  std::string sendWebviewEvent();
  std::string canNavigateBack();  // adds "canNavigateBack": bool
  std::string setNavigationBarTitle(const std::string& title);
  std::string documentTitleChanged(const std::string& title);  // never fails; a later one wins
  std::string complete();
  std::string callNativeAPI(const std::string& name);  // ok, or "api <name> not found"

  // Listener registries (ids are JS's). Results: {"ok":true,"events":[],"added"|"removed":...}
  std::string onWebviewEvent(int id);         // "added": bool
  std::string offWebviewEvent(int id);        // "removed": bool
  std::string offAllWebviewEvents();          // "removed": count
  std::string onShow(int id);
  std::string onHide(int id);
  std::string onUnload(int id);
  std::string offLifecycle(const std::string& kind, int id);  // kind "show"|"hide"|"unload"
  std::string onNativeAPIHandler(const std::string& name, int id);
  std::string offNativeAPIHandler(const std::string& name, int id);
  std::string registNativeAPIHandler(const std::string& name, int id);
  // Whether any registry still holds listener `id`: JS releases a function once none does.
  bool holdsListener(int id) const;

  // ---- Host actions (ftHost.*) ----------------------------------------------------------------
  std::string hostNavigateBack(int delta);                           // the user's back button
  std::string hostSwitchTab(const std::string& url);                 // the user taps a tabBar item (works after the web-view page is gone)
  std::string hostNavigateBackMiniProgram(const std::string& extra_data_json);  // top app goes back
  std::string appHide();
  std::string appShow();
  std::string share();    // flushes the message buffer (§4.1)
  std::string destroy();  // the web-view component is destroyed: message + unload
  std::string hostSendWebviewEvent();                     // "webviewEvent" with the listener ids
  std::string hostCallH5(const std::string& name);        // adds "handlers": [ids], all run in this order (§4.5, NativeHandlers)
  std::string registerNativeAPI(const std::string& name);
  std::string unregisterNativeAPI(const std::string& name);  // adds "removed": bool
  std::string loadTimeoutElapsed();  // JS's timer of webviewTimeout ms expired; adds "fired": bool

  // ---- Getters ----------------------------------------------------------------------------------
  // [{"route":"pages/a","query":{"x":"1"},"url":"pages/a?x=1","webview":true}, ...] bottom first.
  std::string stack() const;
  std::string title() const { return title_; }
  // {"appId","title","stack","canNavigateBack","webview":{"index","alive","visible","parked",
  //  "route","url"},"foreground","closed","apps":[{"appId","path","extraData"}],"h5AppIndex",
  //  "pendingMessages","webviewTimeout","loadComplete","loadTimeoutFired","nativeAPIs":[...]}
  std::string state() const;

 private:
  using json = nlohmann::ordered_json;
  std::string nav_result(NavOutcome outcome, const char* action, json extra_events = json::array());
  json lifecycle_events(const std::vector<LifecycleEvent>& events);
  json stack_json() const;
  json state_json() const;
  Status parse_extra_data(const std::string& text, json& out) const;

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
};

}  // namespace ft

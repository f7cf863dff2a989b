// Embind binding of ft::Host (src/host.h): the simulated mini-program host. It only binds: each
// method calls the core once and its typed answer crosses once, as the JS value of what
// wire_host.h writes ({ok, reason} | {ok, events, ...}; wire.h `value`), or as a plain
// bool/number for the registries, which never fail. Listener ids are JS numbers (int here). A JS
// handle must be delete()d when done (polyfill/core-wire/host.js, the one JS that calls it).
#include <emscripten/bind.h>

#include "host.h"
#include "js_value.h"
#include "wire.h"
#include "wire_host.h"

namespace {

using emscripten::val;
using ft::Host;
template <typename... A>
val answer(const A&... a) {
  return ft::wire::value(ft::wire::answer(a...));
}
using Id = int;  // the ids JS gives functions (host/bridge.js), small positive integers
using Text = const std::string&;

val configure(Host& h, Text config_json) {
  ft::HostConfig config;
  ft::Status st = ft::parse_host_config(config_json, config);
  if (st.ok) st = h.configure(std::move(config));
  // The load timeout as the core clamped it: the one JS's timer waits (host/bridge.js).
  return st.ok ? ft::wire::value(ft::wire::ok_with("webviewTimeout", h.webviewTimeoutMs())) : answer(st);
}

// The HostResult methods, with no argument or one string.
template <ft::HostResult (Host::*M)(Text)>
val with_text(Host& h, Text text) {
  return answer((h.*M)(text));
}
template <ft::HostResult (Host::*M)()>
val no_args(Host& h) {
  return answer((h.*M)());
}

val navigate_back(Host& h, double delta) { return answer(h.navigateBack(delta)); }
val host_navigate_back(Host& h, double delta, bool web_view_can_go_back) {
  return answer(h.hostNavigateBack(delta, web_view_can_go_back));
}
val navigate_to_mini_program(Host& h, Text app_id, Text path, Text extra_data_json) {
  return answer(h.navigateToMiniProgram(app_id, path, extra_data_json));
}
val post_message(Host& h, Text call_json) { return answer(h.postMessage(call_json)); }
val can_navigate_back(Host& h) { return answer(h.canNavigateBack(), "canNavigateBack"); }
val call_native_api(Host& h, Text name) { return answer(h.callNativeAPI(name)); }
val host_call_h5(Host& h, Text name) { return answer(h.hostCallH5(name), "handlers"); }

// The registries: what changed (never a failure).
bool on_webview_event(Host& h, Id id) { return h.onWebviewEvent(id); }
bool off_webview_event(Host& h, Id id) { return h.offWebviewEvent(id); }
double off_all_webview_events(Host& h) { return static_cast<double>(h.offAllWebviewEvents()); }
bool on_show(Host& h, Id id) { return h.onShow(id); }
bool on_hide(Host& h, Id id) { return h.onHide(id); }
bool on_unload(Host& h, Id id) { return h.onUnload(id); }
bool on_native_api_handler(Host& h, Text name, Id id) { return h.onNativeAPIHandler(name, id); }
bool off_native_api_handler(Host& h, Text name, Id id) { return h.offNativeAPIHandler(name, id); }
double off_all_native_api_handlers(Host& h, Text name) { return static_cast<double>(h.offAllNativeAPIHandlers(name)); }
void regist_native_api_handler(Host& h, Text name, Id id) { h.registNativeAPIHandler(name, id); }
// Whether any registry still holds listener `id` (JS releases the function once none does).
bool holds_listener(const Host& h, Id id) { return h.holdsListener(id); }

// The ftHost controls read these two as {ok} / {ok, removed} answers.
val register_native_api(Host& h, Text name) {
  h.registerNativeAPI(name);
  return answer(ft::Status::Ok());
}
val unregister_native_api(Host& h, Text name) {
  return ft::wire::value(ft::wire::ok_with("removed", h.unregisterNativeAPI(name)));
}

val stack(const Host& h) { return ft::wire::value(ft::wire::stack(h.stack())); }
std::string title(const Host& h) { return h.title(); }
val state(const Host& h) { return ft::wire::value(ft::wire::state(h.state())); }

std::string param_error_text(Text problems_json) { return ft::js::param_errors_text(problems_json); }

}  // namespace

EMSCRIPTEN_BINDINGS(ft_host) {
  // The §1.5 parameter error text of what polyfill/validate.js found (src/js_value.h).
  emscripten::function("paramErrorText", &param_error_text);
  emscripten::class_<Host>("Host")
      .constructor<>()
      .function("configure", &configure)
      // H5 calls
      .function("navigateTo", &with_text<&Host::navigateTo>)
      .function("redirectTo", &with_text<&Host::redirectTo>)
      .function("switchTab", &with_text<&Host::switchTab>)
      .function("reLaunch", &with_text<&Host::reLaunch>)
      .function("navigateBack", &navigate_back)
      .function("navigateToMiniProgram", &navigate_to_mini_program)
      .function("navigateBackMiniProgram", &with_text<&Host::navigateBackMiniProgram>)
      .function("close", &no_args<&Host::close>)
      .function("postMessage", &post_message)
      .function("sendWebviewEvent", &no_args<&Host::sendWebviewEvent>)
      .function("canNavigateBack", &can_navigate_back)
      .function("setNavigationBarTitle", &with_text<&Host::setNavigationBarTitle>)
      .function("documentTitleChanged", &with_text<&Host::documentTitleChanged>)
      .function("complete", &no_args<&Host::complete>)
      .function("callNativeAPI", &call_native_api)
      // listener registries
      .function("onWebviewEvent", &on_webview_event)
      .function("offWebviewEvent", &off_webview_event)
      .function("offAllWebviewEvents", &off_all_webview_events)
      .function("onShow", &on_show)
      .function("onHide", &on_hide)
      .function("onUnload", &on_unload)
      .function("onNativeAPIHandler", &on_native_api_handler)
      .function("offNativeAPIHandler", &off_native_api_handler)
      .function("offAllNativeAPIHandlers", &off_all_native_api_handlers)
      .function("registNativeAPIHandler", &regist_native_api_handler)
      // host actions
      .function("hostNavigateBack", &host_navigate_back)
      .function("hostSwitchTab", &with_text<&Host::hostSwitchTab>)
      .function("hostNavigateBackMiniProgram", &with_text<&Host::hostNavigateBackMiniProgram>)
      .function("appHide", &no_args<&Host::appHide>)
      .function("appShow", &no_args<&Host::appShow>)
      .function("share", &no_args<&Host::share>)
      .function("destroy", &no_args<&Host::destroy>)
      .function("hostSendWebviewEvent", &no_args<&Host::hostSendWebviewEvent>)
      .function("hostCallH5", &host_call_h5)
      .function("registerNativeAPI", &register_native_api)
      .function("unregisterNativeAPI", &unregister_native_api)
      .function("loadTimeoutElapsed", &no_args<&Host::loadTimeoutElapsed>)
      // getters
      .function("stack", &stack)
      .function("title", &title)
      .function("state", &state)
      .function("holdsListener", &holds_listener);
}

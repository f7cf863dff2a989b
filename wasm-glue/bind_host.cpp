// Embind binding of ft::Host (src/host.h): the simulated mini-program host. It only binds: each
// method calls the core once and its typed answer crosses once, as JSON text written by
// wire_host.h ({ok, reason} | {ok, events, ...}) or as a plain bool/number for the registries,
// which never fail. Listener ids are JS numbers (int here). A JS handle must be delete()d when done.
#include <emscripten/bind.h>

#include "host.h"
#include "wire_host.h"

namespace {

using ft::Host;
using ft::wire::answer;
using Id = int;  // the ids JS gives functions (host/bridge.js), small positive integers

std::string configure(Host& h, const std::string& config_json) {
  ft::HostConfig config;
  ft::Status st = ft::parse_host_config(config_json, config);
  if (st.ok) st = h.configure(std::move(config));
  return answer(st);
}

// A HostResult method with string arguments, as a function Embind binds.
template <ft::HostResult (Host::*M)(const std::string&)>
std::string with_text(Host& h, const std::string& text) {
  return answer((h.*M)(text));
}
template <ft::HostResult (Host::*M)()>
std::string no_args(Host& h) {
  return answer((h.*M)());
}

}  // namespace

EMSCRIPTEN_BINDINGS(ft_host) {
  using emscripten::class_;
  class_<Host>("Host")
      .constructor<>()
      .function("configure", &configure)
      // H5 calls
      .function("navigateTo", &with_text<&Host::navigateTo>)
      .function("redirectTo", &with_text<&Host::redirectTo>)
      .function("switchTab", &with_text<&Host::switchTab>)
      .function("reLaunch", &with_text<&Host::reLaunch>)
      .function("navigateBack", +[](Host& h, double delta) { return answer(h.navigateBack(delta)); })
      .function("navigateToMiniProgram", +[](Host& h, const std::string& app_id, const std::string& path,
                                             const std::string& extra) {
        return answer(h.navigateToMiniProgram(app_id, path, extra));
      })
      .function("navigateBackMiniProgram", &with_text<&Host::navigateBackMiniProgram>)
      .function("close", &no_args<&Host::close>)
      .function("postMessage", +[](Host& h, const std::string& call) { return answer(h.postMessage(call)); })
      .function("sendWebviewEvent", &no_args<&Host::sendWebviewEvent>)
      .function("canNavigateBack", +[](Host& h) { return answer(h.canNavigateBack(), "canNavigateBack"); })
      .function("setNavigationBarTitle", &with_text<&Host::setNavigationBarTitle>)
      .function("documentTitleChanged", &with_text<&Host::documentTitleChanged>)
      .function("complete", &no_args<&Host::complete>)
      .function("callNativeAPI", +[](Host& h, const std::string& name) { return answer(h.callNativeAPI(name)); })
      // listener registries: what changed
      .function("onWebviewEvent", +[](Host& h, Id id) { return h.onWebviewEvent(id); })
      .function("offWebviewEvent", +[](Host& h, Id id) { return h.offWebviewEvent(id); })
      .function("offAllWebviewEvents", +[](Host& h) { return static_cast<double>(h.offAllWebviewEvents()); })
      .function("onShow", +[](Host& h, Id id) { return h.onShow(id); })
      .function("onHide", +[](Host& h, Id id) { return h.onHide(id); })
      .function("onUnload", +[](Host& h, Id id) { return h.onUnload(id); })
      .function("onNativeAPIHandler", +[](Host& h, const std::string& name, Id id) { return h.onNativeAPIHandler(name, id); })
      .function("offNativeAPIHandler", +[](Host& h, const std::string& name, Id id) { return h.offNativeAPIHandler(name, id); })
      .function("offAllNativeAPIHandlers", +[](Host& h, const std::string& name) {
        return static_cast<double>(h.offAllNativeAPIHandlers(name));
      })
      .function("registNativeAPIHandler", +[](Host& h, const std::string& name, Id id) { h.registNativeAPIHandler(name, id); })
      // host actions
      .function("hostNavigateBack", +[](Host& h, double delta) { return answer(h.hostNavigateBack(delta)); })
      .function("hostSwitchTab", &with_text<&Host::hostSwitchTab>)
      .function("hostNavigateBackMiniProgram", &with_text<&Host::hostNavigateBackMiniProgram>)
      .function("appHide", &no_args<&Host::appHide>)
      .function("appShow", &no_args<&Host::appShow>)
      .function("share", &no_args<&Host::share>)
      .function("destroy", &no_args<&Host::destroy>)
      .function("hostSendWebviewEvent", &no_args<&Host::hostSendWebviewEvent>)
      .function("hostCallH5", +[](Host& h, const std::string& name) { return answer(h.hostCallH5(name), "handlers"); })
      // The ftHost controls read these two as {ok} / {ok, removed} answers.
      .function("registerNativeAPI", +[](Host& h, const std::string& name) {
        h.registerNativeAPI(name);
        return answer(ft::Status::Ok());
      })
      .function("unregisterNativeAPI", +[](Host& h, const std::string& name) {
        ft::wire::json fields = ft::wire::json::object();
        fields["removed"] = h.unregisterNativeAPI(name);
        return answer(ft::Status::Ok(), std::move(fields));
      })
      .function("loadTimeoutElapsed", &no_args<&Host::loadTimeoutElapsed>)
      // getters
      .function("stack", +[](const Host& h) { return ft::wire::dump(ft::wire::stack(h.stack())); })
      .function("title", +[](const Host& h) { return h.title(); })
      .function("state", +[](const Host& h) { return ft::wire::dump(ft::wire::state(h.state())); });
}

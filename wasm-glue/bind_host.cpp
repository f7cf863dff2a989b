// Embind binding of ft::Host (src/host.h): the simulated mini-program host. Every method takes
// std::string / int and returns a std::string (JSON text, see host.h for shapes), so one call
// crosses the boundary once. A JS handle must be delete()d when done.
#include <emscripten/bind.h>

#include "host.h"

EMSCRIPTEN_BINDINGS(ft_host) {
  using emscripten::class_;
  class_<ft::Host>("Host")
      .constructor<>()
      .function("configure", &ft::Host::configure)
      // H5 calls
      .function("navigateTo", &ft::Host::navigateTo)
      .function("redirectTo", &ft::Host::redirectTo)
      .function("switchTab", &ft::Host::switchTab)
      .function("reLaunch", &ft::Host::reLaunch)
      .function("navigateBack", &ft::Host::navigateBack)
      .function("navigateToMiniProgram", &ft::Host::navigateToMiniProgram)
      .function("navigateBackMiniProgram", &ft::Host::navigateBackMiniProgram)
      .function("close", &ft::Host::close)
      .function("postMessage", &ft::Host::postMessage)
      .function("sendWebviewEvent", &ft::Host::sendWebviewEvent)
      .function("canNavigateBack", &ft::Host::canNavigateBack)
      .function("setNavigationBarTitle", &ft::Host::setNavigationBarTitle)
      .function("documentTitleChanged", &ft::Host::documentTitleChanged)
      .function("complete", &ft::Host::complete)
      .function("callNativeAPI", &ft::Host::callNativeAPI)
      // listener registries
      .function("onWebviewEvent", &ft::Host::onWebviewEvent)
      .function("offWebviewEvent", &ft::Host::offWebviewEvent)
      .function("offAllWebviewEvents", &ft::Host::offAllWebviewEvents)
      .function("onShow", &ft::Host::onShow)
      .function("onHide", &ft::Host::onHide)
      .function("onUnload", &ft::Host::onUnload)
      .function("offLifecycle", &ft::Host::offLifecycle)
      .function("onNativeAPIHandler", &ft::Host::onNativeAPIHandler)
      .function("offNativeAPIHandler", &ft::Host::offNativeAPIHandler)
      .function("registNativeAPIHandler", &ft::Host::registNativeAPIHandler)
      // host actions
      .function("hostNavigateBack", &ft::Host::hostNavigateBack)
      .function("hostSwitchTab", &ft::Host::hostSwitchTab)
      .function("hostNavigateBackMiniProgram", &ft::Host::hostNavigateBackMiniProgram)
      .function("appHide", &ft::Host::appHide)
      .function("appShow", &ft::Host::appShow)
      .function("share", &ft::Host::share)
      .function("destroy", &ft::Host::destroy)
      .function("hostSendWebviewEvent", &ft::Host::hostSendWebviewEvent)
      .function("hostCallH5", &ft::Host::hostCallH5)
      .function("registerNativeAPI", &ft::Host::registerNativeAPI)
      .function("unregisterNativeAPI", &ft::Host::unregisterNativeAPI)
      .function("loadTimeoutElapsed", &ft::Host::loadTimeoutElapsed)
      // getters
      .function("stack", &ft::Host::stack)
      .function("title", &ft::Host::title)
      .function("state", &ft::Host::state)
      .function("holdsListener", &ft::Host::holdsListener);
}

// The host side of the glue's wire: the core's typed answers (src/host.h, src/result.h) written as
// JSON values, which bind_host.cpp makes JS values (wire.h `value`), once per call. Every fallible
// call answers the one error convention {"ok":false,"reason":"<text after '<api>:fail '>"}
// (polyfill/core-wire/ reads it); successes are {"ok":true, ...fields}, with "events" when
// the call can produce events (the order JS performs them in, shapes below).
//   {"type":"message","detail":{"data":[...]}}      deliver to the host's 'message' listeners
//   {"type":"unload"|"hide"|"show","listeners":[ids],"arg":{...}}  show's arg {"data":{query}}
//   {"type":"route","action":"<api>","stack":[...stack()],"check"?:"<route_query_check>"}
//   {"type":"title","title":"..."}   {"type":"bindevent"}   {"type":"webviewEvent","listeners":[ids]}
//   {"type":"navigateToMiniProgram","appId","path","extraData"}
//   {"type":"navigateBackMiniProgram","fromAppId","toAppId","extraData"}
//   {"type":"close","appId"}   {"type":"loadComplete"}   {"type":"loadTimeout","timeout":ms}
// Plain C++ (no Emscripten headers): the native host tests link it and read the core through it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "host.h"
#include "result.h"

namespace ft::wire {

using json = nlohmann::ordered_json;

// {"ok":false,"reason":...} when failed, else {"ok":true}.
json answer(const Status& status);
// {"ok":true,"<name>":value}.
json ok_with(const char* name, json value);
// {"ok":true,"events":[...]} or the failure.
json answer(const HostResult& result);
// A Result's value under `name`: {"ok":true,"<name>":value}, or the failure.
template <typename T>
json answer(const Result<T>& result, const char* name) {
  return result.status.ok ? ok_with(name, json(result.value)) : answer(result.status);
}

json events(const std::vector<HostEvent>& events);
// [{"route","query":{name: raw value},"url","webview"}, ...] bottom first.
json stack(const std::vector<PageView>& pages);
// {"appId","title","stack","canNavigateBack","webview":{"index","alive","visible","parked",
//  "route","url"},"foreground","closed","apps":[{"appId","path","extraData"}],"h5AppIndex",
//  "pendingMessages" (a count),"pendingData":[what back, share or destroy delivers now],
//  "webviewTimeout","loadComplete","loadTimeoutFired","nativeAPIs":[...]}
json state(const HostState& state);

}  // namespace ft::wire

// libFuzzer target: every JSON or string input of the Host facade (src/host.h): configure(),
// postMessage(), navigateToMiniProgram()/navigateBackMiniProgram() extraData, the navigation
// urls, titles and navigateBack deltas, read through the glue's wire (wasm-glue/wire_host.h).
// Property: nothing crashes and every wire answer is one JSON object with "ok" (the value
// wasm-glue/wire.cpp makes a JS value of).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "host.h"
#include "wire_host.h"

namespace {
void check_value(const nlohmann::ordered_json& v) {
  if (!v.is_object() || !v.contains("ok") || !v["ok"].is_boolean()) std::abort();
  if (!v["ok"] && !v["reason"].is_string()) std::abort();
}
void check(const ft::HostResult& r) { check_value(ft::wire::answer(r)); }
void check(const ft::Status& s) { check_value(ft::wire::answer(s)); }

ft::Status configure(ft::Host& host, const std::string& text) {
  ft::HostConfig config;
  ft::Status st = ft::parse_host_config(text, config);
  return st.ok ? host.configure(std::move(config)) : st;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  ft::Host host;
  check(configure(host, in.ConsumeRandomLengthString(2048)));
  while (in.remaining_bytes() > 0) {
    std::string s = in.ConsumeRandomLengthString(512);
    switch (in.ConsumeIntegralInRange<int>(0, 13)) {
      case 0: check(host.navigateTo(s)); break;
      case 1: check(host.redirectTo(s)); break;
      case 2: check(host.switchTab(s)); break;
      case 3: check(host.reLaunch(s)); break;
      case 4: check(host.navigateBack(in.ConsumeFloatingPoint<double>())); break;
      case 5: check(host.postMessage(s)); break;
      case 6:
        check(host.navigateToMiniProgram(in.ConsumeRandomLengthString(64), in.ConsumeRandomLengthString(128), s));
        break;
      case 7: check(host.navigateBackMiniProgram(s)); break;
      case 8: check(host.hostNavigateBackMiniProgram(s)); break;
      case 9: check(host.setNavigationBarTitle(s)); break;
      case 10: check(host.documentTitleChanged(s)); break;
      case 11:
        check(host.share());
        check(host.destroy());
        break;
      case 12: {
        double delta = in.ConsumeFloatingPoint<double>();
        check(host.hostNavigateBack(delta, in.ConsumeBool()));
        break;
      }
      case 13: check(configure(host, s)); break;
    }
  }
  // The queries answer plain values (no "ok"): an array of pages, an object.
  if (!ft::wire::stack(host.stack()).is_array() || !ft::wire::state(host.state()).is_object()) std::abort();
  return 0;
}

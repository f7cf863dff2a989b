// libFuzzer target: request building from the page's options JSON and response decoding
// (src/request.h): plan_request_json, plan_download_json, header parsing, decode_response, the
// JSON text checks, the §1.5 parameter error text (src/js_value.h) and the location option readers
// (src/geo.h). Properties: nothing crashes; a plan has an upper-case known method, an http(s) url
// (§5.3), no device check and a timeout in 1..2147483647 ms; a parameter error text ends in ";".
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "geo.h"
#include "request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const int which = in.ConsumeIntegralInRange<int>(0, 2);
  const int status = in.ConsumeIntegralInRange<int>(-1, 999);
  std::string headers = in.ConsumeRandomLengthString(1024);
  std::string text = in.ConsumeRemainingBytesAsString();

  auto check = [](const ft::RequestPlan& p) {
    if (!ft::is_http_url(p.url) || p.check || p.timeout_ms == 0 || p.timeout_ms > ft::kMaxTimeoutMs) std::abort();
    for (char c : p.method)
      if (c < 'A' || c > 'Z') std::abort();
  };
  ft::RequestPlan plan;
  if (ft::plan_request_json(text, plan).ok) check(plan);
  const std::string param_error = ft::js::param_errors_text(text);
  if (!text.empty() && param_error.back() != ';') std::abort();
  ft::DownloadPlan download;
  if (ft::plan_download_json(text, download).ok) {
    check(download.request);
    if (download.request.decode != ft::Decode::ArrayBuffer) std::abort();
  }
  ft::GetLocationPlan where;
  (void)ft::plan_get_location_json(text, where);
  ft::LocationResult fix;
  (void)ft::make_location_result_json(text, fix);
  ft::ChooseLocationStart start;
  (void)ft::check_choose_location_json(text, start);
  (void)ft::clamp_status_code(static_cast<double>(status) * 1.5);
  ft::HeaderList list = ft::parse_header_lines(headers);
  ft::HeaderList from_json;
  (void)ft::parse_header_json(headers, from_json);
  const ft::Decode decode = which == 0 ? ft::Decode::Json : which == 1 ? ft::Decode::Text : ft::Decode::ArrayBuffer;
  ft::ResponseInfo info = ft::decode_response(status, list, decode, text);
  (void)info;
  (void)ft::is_json_text(text);
  (void)ft::js::text_depth_exceeds(text, 64);
  (void)ft::encode_uri_component(headers);
  (void)ft::transport_failure_reason(headers);
  return 0;
}

// libFuzzer target: request building from the page's options JSON and response decoding
// (src/request.h): plan_request_json, plan_to_json, header parsing, decode_response, the JSON
// text checks. Property: nothing crashes; a plan serialises to valid JSON.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const int which = in.ConsumeIntegralInRange<int>(0, 2);
  const int status = in.ConsumeIntegralInRange<int>(-1, 999);
  std::string headers = in.ConsumeRandomLengthString(1024);
  std::string text = in.ConsumeRemainingBytesAsString();

  ft::RequestPlan plan;
  if (ft::plan_request_json(text, plan).ok) {
    std::string out = ft::plan_to_json(plan);
    if (nlohmann::json::parse(out, nullptr, false).is_discarded()) std::abort();
  }
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

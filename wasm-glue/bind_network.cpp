// Embind binding of ft.request / ft.downloadFile's core (src/request.h, behaviour.md §5.1-5.4).
// It only binds: answers as wire.h builds them (wire_device.cpp).
//
//   requestPlan(optionsJson)      options after the API table's defaults {url, method, header?,
//                                 data?, dataKind?: "binary", dataType, responseType, timeout}
//                                 → {ok, url, method, header:{}, body:{kind:"none"|"text"|"binary",
//                                    text?}, timeout: ms, decode:"json"|"text"|"arraybuffer"}
//                                 or {ok: false, reason, check?}: check is the "request-url"
//                                 device check's message when the url calls for one (§1.15)
//   downloadPlan(optionsJson)     options {url, header?, timeout?, filePath?}
//                                 → requestPlan's fields (GET, decode "arraybuffer") + filePath?
//   requestDecode(status, headerLines, decode, bodyIsJson)
//                                 status: the transport's number; headerLines "name: value\r\n...";
//                                 decode: the plan's; bodyIsJson: whether JSON.parse of the body
//                                 succeeded → {statusCode, header:{}, data:"json"|"text"|"arraybuffer"}
//   requestFailReason(kind)       → "timeout" | "abort" | "network error"
//   fileNameFromUrl(url)          → last path segment, percent-decoded
#include <emscripten/bind.h>

#include "file_types.h"
#include "request.h"
#include "wire.h"

namespace {

using emscripten::val;

val request_plan(const std::string& options) {
  ft::RequestPlan plan;
  ft::Status st = ft::plan_request_json(options, plan);
  return ft::wire::request_plan(st, plan);
}

val download_plan(const std::string& options) {
  ft::DownloadPlan plan;
  ft::Status st = ft::plan_download_json(options, plan);
  return ft::wire::download_plan(st, plan);
}

val request_decode(double status, const std::string& header_lines, const std::string& decode, bool body_is_json) {
  ft::ResponseInfo r = ft::decode_parsed_response(ft::clamp_status_code(status), ft::parse_header_lines(header_lines),
                                                  ft::decode_from_name(decode), body_is_json);
  return ft::wire::response(r);
}

std::string request_fail_reason(const std::string& kind) { return ft::transport_failure_reason(kind); }

std::string file_name_from_url(const std::string& url) { return ft::file_name_from_url(url); }

}  // namespace

EMSCRIPTEN_BINDINGS(ft_network) {
  using emscripten::function;
  function("requestPlan", &request_plan);
  function("downloadPlan", &download_plan);
  function("requestDecode", &request_decode);
  function("requestFailReason", &request_fail_reason);
  function("fileNameFromUrl", &file_name_from_url);
}

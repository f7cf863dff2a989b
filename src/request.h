// ft.request / ft.downloadFile: turning the page's options into an HTTP request plan, and a
// response into the success object (behaviour.md §5.1-5.3, WeChat wx.request semantics). The core
// performs no I/O: the polyfill's JS runs the plan with fetch/XHR and hands back what it received.
//
// Surface rules are the API table's (polyfill/api-table.js): the JSON readers below take its
// defaults (method "GET", dataType "json", responseType "text") as preconditions and fail a
// missing one as a type error instead of defaulting it a second time. An absent timeout is "not a
// finite number" below (downloadFile's table entry has no default).
//
// Request (§5.1):
//   * method: OPTIONS GET HEAD POST PUT DELETE TRACE CONNECT, case-insensitive in,
//     upper-case out. Anything else fails `parameter error: invalid method "<m>"`. TRACE and CONNECT
//     are valid API values but no browser can send them (fetch and XHR both refuse): they fail with
//     `method <M> is not supported by the browser` instead of throwing in JS. [ours]
//   * url: it must match ^https?:// (any case; a leading space does not match). Anything else, a
//     path relative to the page included ("/api", "api/x", "?q": the device's request has no page
//     to resolve it against), "//host/x", "" and other schemes, fails before anything is fetched
//     with `invalid url "<url as given>"`, and the plan's `check` (a "request-url" device check) says
//     what the device does and the fix (an absolute url). [FC web.js 3.6.4][WX 2.8.2][WXobs]
//   * GET and HEAD carry no body (fetch forbids one): object/array data becomes a query string
//     `encodeURIComponent(k)=encodeURIComponent(v)` joined by `&` (array: index keys, as a JS for-in
//     does); a value that is an object or array is JSON.stringify'd first, null gives "null".
//     The query is appended to the url with `?`, or with `&` after an existing query (nothing is
//     added after a trailing `?` or `&`); a #fragment stays at the end. String data (and a number
//     or boolean) is appended as it is, unencoded; null, absent and binary data add nothing. [WX][ours]
//   * Other methods: data is the body. A string goes as it is, binary goes as it is (the JS keeps
//     the ArrayBuffer; the plan only says "binary"); a JSON value becomes JSON text, or a form body
//     (same k=v encoding) when content-type is application/x-www-form-urlencoded (parameters such as
//     "; charset=UTF-8" allowed). Absent or null data: no body.
//   * Headers: values become strings the way JS String() does for primitives (objects/arrays are
//     JSON.stringify'd, null is "null"); names match case-insensitively and a later name replaces
//     an earlier one (keeping the later spelling, at the earlier position); `Referer` (any case) is
//     dropped silently (§5.3); names that are not RFC 7230 tokens and values holding CR, LF or NUL
//     are dropped too, since fetch would throw on them [ours]. Methods other than GET/HEAD with no
//     content-type get `content-type: application/json` [WX].
//   * timeout: milliseconds; absent, not finite or <= 0 → 60000 (§5.3); above
//     2147483647 (setTimeout's limit) → 2147483647. [ours]
//   * dataType "json" decodes JSON, any other string text; responseType (the table's oneOf "text",
//     "arraybuffer") "arraybuffer" gives the bytes whatever dataType says. [WX]
//   * Wrong JSON types fail `parameter error: parameter.<name> should be <Type> instead of <Type>`
//     (§1.5), Type names as JS sees them: String Number Boolean Object Array Null Undefined.
//
// Response (§5.2): every HTTP status is success. `decode` says how JS builds `data`:
//   arraybuffer → the bytes as an ArrayBuffer; json → JSON.parse(body) (the core has checked that it
//   parses: JSON.parse and nlohmann accept the same grammar); text → the body string as it is. The
//   header object maps each name (first spelling seen) to its value; repeats are joined with ", ".
//
// Failure (§5.3): only transport failures fail: reason "timeout", "abort", or "network error" for
// every other one, whatever the engine said ("Failed to fetch", "NetworkError when attempting to
// fetch resource.", "Load failed"): one text in every engine [ours].
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "js_value.h"
#include "reasons.h"
#include "result.h"

namespace ft {

namespace request_reason {
inline constexpr const char* kTimeout = reason::kTimeout;
inline constexpr const char* kAbort = reason::kAbort;
inline constexpr const char* kNetwork = reason::kNetwork;  // every other transport failure
inline constexpr const char* kBadOptions = js::kBadOptions;
}  // namespace request_reason

// The "request-url" device check's message (§1.15, §5.3).
inline constexpr const char* kUrlCheck =
    "url not http(s): a device fails the call; use an absolute url, e.g. new URL(url, location.href).href";

inline constexpr std::uint32_t kDefaultTimeoutMs = 60000;
inline constexpr std::uint32_t kMaxTimeoutMs = 2147483647;

enum class DataKind {
  None,    // no data (absent, or JSON null)
  Json,    // `text` is JSON text of an object/array/number/boolean (from JSON.stringify)
  String,  // `text` is the raw string to send
  Binary,  // the JS holds an ArrayBuffer / typed array; `text` unused
};

enum class Decode { Json, Text, ArrayBuffer };
const char* decode_name(Decode d);  // "json" | "text" | "arraybuffer"

enum class BodyKind { None, Text, Binary };

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct RequestOptions {
  std::string url;
  std::string method;  // any case; the table's default is "GET"
  HeaderList headers;  // in the page's order, values already strings
  DataKind data_kind = DataKind::None;
  std::string data;                                              // see DataKind
  std::string data_type;                                         // "json" decodes JSON (the table's default)
  std::string response_type;                                     // "arraybuffer" or the table's default "text"
  double timeout_ms = std::numeric_limits<double>::quiet_NaN();  // NaN: absent
};

struct RequestPlan {
  std::string url;
  std::string method;  // upper case
  HeaderList headers;  // final headers, in order
  BodyKind body_kind = BodyKind::None;
  std::string body;  // when body_kind == Text
  std::uint32_t timeout_ms = kDefaultTimeoutMs;
  Decode decode = Decode::Json;
  // The device check (§1.15) when the plan fails on the url: kUrlCheck; null when none.
  const char* check = nullptr;
};

// True when `url` starts with "http://" or "https://" (ASCII case-insensitive). §5.3
bool is_http_url(std::string_view url);

// Builds the plan, or fails with the reason of "request:fail <reason>".
Status plan_request(const RequestOptions& in, RequestPlan& out);

// Same from the options object as JSON text (what the JS gets from JSON.stringify(options), with
// functions dropped, after the API table's defaults): {url, method, header?, data?, dataKind?,
// dataType, responseType, timeout?}. `data` that is a JSON string is a raw string;
// `dataKind: "binary"` says the JS holds binary data (then `data` is ignored). Fails with
// parameter errors for wrong types, missing fields or unparsable text.
Status plan_request_json(std::string_view options_json, RequestPlan& out);

// ft.downloadFile (§5.4): a GET of `url` with the page's header and timeout whose response is
// kept as bytes (decode ArrayBuffer), and where to keep it: `filePath` when the page gave one.
struct DownloadPlan {
  RequestPlan request;
  bool has_file_path = false;
  std::string file_path;
};
// From the options JSON {url, header?, timeout?, filePath?}: type errors as plan_request_json
// (filePath: String); the request's rules as plan_request.
Status plan_download_json(std::string_view options_json, DownloadPlan& out);

// The statusCode the page sees for what the transport reported: 0..999 as it is (truncated), any
// other value (negative, above 999, not finite) 0. [ours]
int clamp_status_code(double status);

// The plan's decode from its name ("arraybuffer", "text"; anything else "json").
Decode decode_from_name(std::string_view name);

struct ResponseInfo {
  int status_code = 0;
  HeaderList header;  // merged (see above)
  Decode data = Decode::Text;
};

// Decides how `body` (the response text) becomes `data`, and merges the response headers.
// `decode` is the plan's; `body` is only looked at for Decode::Json.
ResponseInfo decode_response(int status_code, const HeaderList& raw_headers, Decode decode, std::string_view body);
// The same decision when the caller has already tried to parse the body as JSON (the polyfill
// does, with JSON.parse, which it needs for `data` anyway): `body_is_json` is whether it parsed.
// (A distinct name: a string literal would convert to bool before string_view.)
ResponseInfo decode_parsed_response(int status_code, const HeaderList& raw_headers, Decode decode, bool body_is_json);

// Parses "Name: value\r\n..." (XMLHttpRequest.getAllResponseHeaders()) into pairs; lines without
// a colon or with an empty name are skipped; values are trimmed of spaces and tabs.
HeaderList parse_header_lines(std::string_view text);

// Header pairs from a JSON array [[name, value], ...] (e.g. [...response.headers]) or an object
// {name: value}; false when the text is neither. Entries that are not string pairs are skipped.
bool parse_header_json(std::string_view json_text, HeaderList& out);

// True when `text` is one JSON value as JSON.parse accepts it (surrounding whitespace allowed).
bool is_json_text(std::string_view text);

// The reason of a transport failure: kind "timeout" → "timeout", "abort" → "abort", anything else
// → "network error" (the engine's own message is not used: it differs between engines).
const char* transport_failure_reason(std::string_view kind);

// ECMAScript encodeURIComponent over UTF-8: every byte outside A-Z a-z 0-9 - _ . ! ~ * ' ( ) is
// %XX (upper-case hex). Valid UTF-8 gives exactly JS's output; each byte of an invalid sequence
// is replaced by U+FFFD (%EF%BF%BD), where JS would throw URIError on a lone surrogate.
std::string encode_uri_component(std::string_view s);

// Case-insensitive ASCII comparison of header names.
bool header_name_equal(std::string_view a, std::string_view b);

}  // namespace ft

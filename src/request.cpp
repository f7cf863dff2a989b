#include "request.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "codec.h"
#include "js_value.h"

namespace ft {

namespace {

using ojson = nlohmann::ordered_json;

constexpr const char* kMethods[] = {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"};

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_tchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool valid_header_name(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name)
    if (!is_tchar(c)) return false;
  return true;
}

// fetch() throws on a value holding NUL, CR or LF, or a code point above U+00FF (not a ByteString).
bool valid_header_value(std::string_view v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == 0 || c == '\r' || c == '\n') return false;
    if (c >= 0x80) {
      // U+0080..U+00FF is C2 80..C3 BF in UTF-8; anything else is out of Latin-1 (or invalid).
      if ((c != 0xC2 && c != 0xC3) || i + 1 >= v.size()) return false;
      unsigned char d = static_cast<unsigned char>(v[i + 1]);
      if ((d & 0xC0) != 0x80) return false;
      ++i;
    }
  }
  return true;
}

std::string_view trim_http_ws(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

const std::string* find_header(const HeaderList& h, std::string_view name) {
  for (const auto& kv : h)
    if (header_name_equal(kv.first, name)) return &kv.second;
  return nullptr;
}

// The media type of a content-type value, lower-cased, without parameters.
std::string media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  std::string_view t = trim_http_ws(content_type.substr(0, semi));
  std::string out(t);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// k=v&k=v from an object (keys) or array (indices), as WeChat's query/form encoding does.
bool form_encode(const ojson& data, std::string& out) {
  out.clear();
  auto add = [&out](std::string_view key, const ojson& v) -> bool {
    std::string value;
    if (v.is_string()) {
      value = v.get_ref<const std::string&>();
    } else if (!js::stringify(v, value)) {
      return false;
    }
    if (!out.empty()) out += '&';
    out += encode_uri_component(key);
    out += '=';
    out += encode_uri_component(value);
    return true;
  };
  if (data.is_object()) {
    for (auto it = data.begin(); it != data.end(); ++it)
      if (!add(it.key(), it.value())) return false;
  } else if (data.is_array()) {
    std::size_t i = 0;
    for (const auto& v : data)
      if (!add(std::to_string(i++), v)) return false;
  }
  return true;
}

std::string append_query(std::string_view url, std::string_view query) {
  if (query.empty()) return std::string(url);
  auto hash = url.find('#');
  std::string_view base = url.substr(0, hash);
  std::string_view frag = hash == std::string_view::npos ? std::string_view() : url.substr(hash);
  std::string out(base);
  if (base.find('?') == std::string_view::npos) {
    out += '?';
  } else if (base.back() != '?' && base.back() != '&') {
    out += '&';
  }
  out += query;
  out += frag;
  return out;
}

}  // namespace

const char* decode_name(Decode d) {
  switch (d) {
    case Decode::Json: return "json";
    case Decode::Text: return "text";
    case Decode::ArrayBuffer: return "arraybuffer";
  }
  return "text";
}

bool header_name_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

std::string encode_uri_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2 + 8);
  auto pct = [&out](unsigned char c) {
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        std::strchr("-_.!~*'()", c) != nullptr) {
      if (c == 0) {
        pct(0);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = js::utf8_sequence_length(s, i);
    if (len == 0) {  // invalid: U+FFFD
      out += "%EF%BF%BD";
      ++i;
      continue;
    }
    for (std::size_t k = 0; k < len; ++k) pct(static_cast<unsigned char>(s[i + k]));
    i += len;
  }
  return out;
}

bool is_http_url(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.size() >= scheme.size() && header_name_equal(url.substr(0, scheme.size()), scheme)) return true;
  }
  return false;
}

Status plan_request(const RequestOptions& in, RequestPlan& out) {
  out = RequestPlan{};
  if (!is_http_url(in.url)) {
    out.check = kUrlCheck;
    return Status::Fail("invalid url \"" + in.url + '"');
  }

  // Method.
  std::string method = in.method;
  for (char& c : method) c = ascii_upper(c);
  bool known = false;
  for (const char* m : kMethods) known = known || method == m;
  if (!known) {
    std::string shown;
    js::append_json_string(in.method, shown);
    return Status::Fail("parameter error: invalid method " + shown);
  }
  if (method == "TRACE" || method == "CONNECT")
    return Status::Fail("method " + method + " is not supported by the browser");
  out.method = method;
  const bool query_method = method == "GET" || method == "HEAD";

  // Headers: case-insensitive merge, later wins; Referer and what fetch would reject dropped.
  for (const auto& kv : in.headers) {
    if (header_name_equal(kv.first, "referer")) continue;
    std::string_view value = trim_http_ws(kv.second);
    if (!valid_header_name(kv.first) || !valid_header_value(value)) continue;
    bool replaced = false;
    for (auto& have : out.headers) {
      if (header_name_equal(have.first, kv.first)) {
        have.first = kv.first;
        have.second = std::string(value);
        replaced = true;
        break;
      }
    }
    if (!replaced) out.headers.emplace_back(kv.first, std::string(value));
  }
  if (!query_method && !find_header(out.headers, "content-type"))
    out.headers.emplace_back("content-type", "application/json");

  // Data.
  std::string url = in.url;
  ojson data;
  if (in.data_kind == DataKind::Json) {
    if (js::text_depth_exceeds(in.data, js::kMaxDepth))
      return Status::Fail("parameter error: data is nested too deeply");
    data = codec::parse_json_value(in.data);
    if (data.is_discarded()) return Status::Fail("parameter error: data is not valid JSON");
  }
  if (query_method) {
    std::string query;
    if (in.data_kind == DataKind::String) {
      query = in.data;
    } else if (in.data_kind == DataKind::Json) {
      if (data.is_object() || data.is_array()) {
        if (!form_encode(data, query)) return Status::Fail("parameter error: data is nested too deeply");
      } else if (!data.is_null()) {
        js::stringify(data, query);
      }
    }
    url = append_query(url, query);
  } else {
    switch (in.data_kind) {
      case DataKind::None: break;
      case DataKind::Binary: out.body_kind = BodyKind::Binary; break;
      case DataKind::String:
        out.body_kind = BodyKind::Text;
        out.body = in.data;
        break;
      case DataKind::Json: {
        if (data.is_null()) break;
        const std::string* ct = find_header(out.headers, "content-type");
        out.body_kind = BodyKind::Text;
        if (ct && media_type(*ct) == "application/x-www-form-urlencoded" && (data.is_object() || data.is_array())) {
          form_encode(data, out.body);
        } else {
          js::stringify(data, out.body);
        }
        break;
      }
    }
  }
  out.url = std::move(url);

  // Timeout.
  double t = in.timeout_ms;
  if (!std::isfinite(t) || t <= 0) {
    out.timeout_ms = kDefaultTimeoutMs;
  } else if (t >= static_cast<double>(kMaxTimeoutMs)) {
    out.timeout_ms = kMaxTimeoutMs;
  } else {
    out.timeout_ms = static_cast<std::uint32_t>(std::ceil(t));
  }

  // Decoding (responseType is "text" or "arraybuffer": the API table's oneOf).
  if (in.response_type == "arraybuffer") {
    out.decode = Decode::ArrayBuffer;
  } else if (in.data_type == "json") {
    out.decode = Decode::Json;
  } else {
    out.decode = Decode::Text;
  }
  return Status::Ok();
}

namespace {

// The header object's values as strings (JS String() of primitives, JSON.stringify otherwise).
Status read_headers(const ojson& o, HeaderList& out) {
  auto h = o.find("header");
  if (h == o.end() || h->is_null()) return Status::Ok();
  if (!h->is_object()) return Status::Fail(js::type_error("header", "Object", *h));
  for (auto it = h->begin(); it != h->end(); ++it) {
    std::string value;
    if (it.value().is_string()) {
      value = it.value().get_ref<const std::string&>();
    } else {
      js::stringify(it.value(), value);
    }
    out.emplace_back(it.key(), std::move(value));
  }
  return Status::Ok();
}

// timeout: a Number; absent stays not a number, which plan_request turns into the default.
Status read_timeout(const ojson& o, RequestOptions& in) {
  Status st;
  js::get_number(o, "timeout", in.timeout_ms, st);
  return st;
}

}  // namespace

Status plan_request_json(std::string_view options_json, RequestPlan& out) {
  ojson o;
  Status st = js::parse_options(options_json, o, js::kDataTooDeep);
  if (!st.ok) return st;
  RequestOptions in;
  if (!js::get_string(o, "url", true, in.url, st) || !js::get_string(o, "method", true, in.method, st) ||
      !js::get_string(o, "dataType", true, in.data_type, st) ||
      !js::get_string(o, "responseType", true, in.response_type, st))
    return st;
  if (!(st = read_timeout(o, in)).ok || !(st = read_headers(o, in.headers)).ok) return st;

  std::string kind;
  if (!js::get_string(o, "dataKind", false, kind, st)) return st;
  auto d = o.find("data");
  if (kind == "binary") {
    in.data_kind = DataKind::Binary;
  } else if (d == o.end() || d->is_null()) {
    in.data_kind = DataKind::None;
  } else if (d->is_string()) {
    in.data_kind = DataKind::String;
    in.data = d->get_ref<const std::string&>();
  } else {
    in.data_kind = DataKind::Json;
    js::stringify(*d, in.data);
  }
  return plan_request(in, out);
}

Status plan_download_json(std::string_view options_json, DownloadPlan& out) {
  out = DownloadPlan{};
  ojson o;
  Status st = js::parse_options(options_json, o, js::kOptionsTooDeep);
  if (!st.ok) return st;
  RequestOptions in;
  in.method = "GET";
  in.response_type = "arraybuffer";
  if (!js::get_string(o, "url", true, in.url, st) || !js::get_string(o, "filePath", false, out.file_path, st))
    return st;
  out.has_file_path = o.contains("filePath") && !o["filePath"].is_null();
  if (!(st = read_timeout(o, in)).ok || !(st = read_headers(o, in.headers)).ok) return st;
  return plan_request(in, out.request);
}

int clamp_status_code(double status) {
  return std::isfinite(status) && status >= 0 && status <= 999 ? static_cast<int>(status) : 0;
}

Decode decode_from_name(std::string_view name) {
  return name == "arraybuffer" ? Decode::ArrayBuffer : name == "text" ? Decode::Text : Decode::Json;
}

ResponseInfo decode_response(int status_code, const HeaderList& raw_headers, Decode decode, std::string_view body) {
  return decode_parsed_response(status_code, raw_headers, decode, decode == Decode::Json && is_json_text(body));
}

ResponseInfo decode_parsed_response(int status_code, const HeaderList& raw_headers, Decode decode, bool body_is_json) {
  ResponseInfo r;
  r.status_code = status_code;
  for (const auto& kv : raw_headers) {
    bool merged = false;
    for (auto& have : r.header) {
      if (header_name_equal(have.first, kv.first)) {
        have.second += ", ";
        have.second += kv.second;
        merged = true;
        break;
      }
    }
    if (!merged) r.header.push_back(kv);
  }
  if (decode == Decode::ArrayBuffer) {
    r.data = Decode::ArrayBuffer;
  } else if (decode == Decode::Json && body_is_json) {
    r.data = Decode::Json;
  } else {
    r.data = Decode::Text;
  }
  return r;
}

bool is_json_text(std::string_view text) {
  // accept() runs the SAX grammar check without building a DOM (iterative: no recursion limit).
  return nlohmann::ordered_json::accept(text, false);
}

HeaderList parse_header_lines(std::string_view text) {
  HeaderList out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim_http_ws(line.substr(0, colon));
    if (name.empty()) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    out.emplace_back(std::string(name), std::string(value));
  }
  return out;
}

bool parse_header_json(std::string_view json_text, HeaderList& out) {
  out.clear();
  ojson j = codec::parse_json_value(json_text);
  if (j.is_discarded()) return false;
  if (j.is_array()) {
    for (const auto& e : j) {
      if (e.is_array() && e.size() == 2 && e[0].is_string() && e[1].is_string())
        out.emplace_back(e[0].get_ref<const std::string&>(), e[1].get_ref<const std::string&>());
    }
    return true;
  }
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.value().is_string()) out.emplace_back(it.key(), it.value().get_ref<const std::string&>());
    return true;
  }
  return false;
}

const char* transport_failure_reason(std::string_view kind) {
  if (kind == "timeout") return request_reason::kTimeout;
  if (kind == "abort") return request_reason::kAbort;
  return request_reason::kNetwork;
}

}  // namespace ft

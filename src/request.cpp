#include "request.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "codec.h"
#include "url.h"

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

std::string js_number_to_string(double v) { return js::number_to_string(v); }

Status plan_request(const RequestOptions& in, RequestPlan& out) {
  out = RequestPlan{};
  if (in.url.empty()) return Status::Fail("invalid url \"\"");
  std::string scheme = url::scheme_of(in.url);
  if (!scheme.empty() && scheme != "http" && scheme != "https")
    return Status::Fail("invalid url: " + scheme + " urls can not be fetched (use http, https or a path relative to the page)");

  // Method.
  std::string method = in.method.empty() ? std::string("GET") : in.method;
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
      case DataKind::None:
        break;
      case DataKind::Binary:
        out.body_kind = BodyKind::Binary;
        break;
      case DataKind::String:
        out.body_kind = BodyKind::Text;
        out.body = in.data;
        break;
      case DataKind::Json: {
        if (data.is_null()) break;
        const std::string* ct = find_header(out.headers, "content-type");
        out.body_kind = BodyKind::Text;
        if (ct && media_type(*ct) == "application/x-www-form-urlencoded" &&
            (data.is_object() || data.is_array())) {
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

  // Decoding.
  if (in.response_type == "arraybuffer") {
    out.decode = Decode::ArrayBuffer;
  } else if (in.data_type == "json") {
    out.decode = Decode::Json;
  } else {
    out.decode = Decode::Text;
  }
  return Status::Ok();
}

Status plan_request_json(std::string_view options_json, RequestPlan& out) {
  if (js::text_depth_exceeds(options_json, js::kMaxDepth + 1))
    return Status::Fail("parameter error: data is nested too deeply");
  ojson o = codec::parse_json_value(options_json);
  if (o.is_discarded() || !o.is_object()) return Status::Fail(request_reason::kBadOptions);
  RequestOptions in;
  Status st;

  if (!js::get_string(o, "url", true, in.url, st)) return st;
  if (!js::get_string(o, "method", false, in.method, st)) return st;
  if (!js::get_string(o, "dataType", false, in.data_type, st)) return st;
  if (!js::get_string(o, "responseType", false, in.response_type, st)) return st;
  if (in.data_type.empty()) in.data_type = "json";

  auto t = o.find("timeout");
  if (t != o.end() && !t->is_null()) {
    if (!t->is_number()) return Status::Fail(js::type_error("timeout", "Number", *t));
    in.timeout_ms = t->get<double>();
  }

  auto h = o.find("header");
  if (h != o.end() && !h->is_null()) {
    if (!h->is_object()) return Status::Fail(js::type_error("header", "Object", *h));
    for (auto it = h->begin(); it != h->end(); ++it) {
      std::string value;
      if (it.value().is_string()) {
        value = it.value().get_ref<const std::string&>();
      } else {
        js::stringify(it.value(), value);
      }
      in.headers.emplace_back(it.key(), std::move(value));
    }
  }

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

std::string plan_to_json(const RequestPlan& plan) {
  ojson j = ojson::object();
  j["url"] = plan.url;
  j["method"] = plan.method;
  ojson h = ojson::object();
  for (const auto& kv : plan.headers) h[kv.first] = kv.second;
  j["header"] = std::move(h);
  ojson b = ojson::object();
  b["kind"] = plan.body_kind == BodyKind::None ? "none" : plan.body_kind == BodyKind::Text ? "text" : "binary";
  if (plan.body_kind == BodyKind::Text) b["text"] = plan.body;
  j["body"] = std::move(b);
  j["timeout"] = plan.timeout_ms;
  j["decode"] = decode_name(plan.decode);
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ResponseInfo decode_response(int status_code, const HeaderList& raw_headers, Decode decode,
                             std::string_view body) {
  return decode_parsed_response(status_code, raw_headers, decode, decode == Decode::Json && is_json_text(body));
}

ResponseInfo decode_parsed_response(int status_code, const HeaderList& raw_headers, Decode decode,
                                    bool body_is_json) {
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

namespace js {

bool text_depth_exceeds(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

void append_json_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string number_to_string(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-Infinity" : "Infinity";
  if (v == 0) return "0";  // also -0, as JS prints it
  std::string sign = v < 0 ? "-" : "";
  double a = std::fabs(v);
  // Shortest digits that read back to the same double (ECMAScript Number::toString, step 5),
  // from nlohmann's Grisu2 (already in the binary for json::dump), not printf: printf's float
  // formatting pulls musl's long-double code into the wasm.
  char buf[40];
  int len = 0, exp10 = 0;
  nlohmann::detail::dtoa_impl::grisu2(buf, len, exp10, a);
  std::string digits(buf, static_cast<std::size_t>(len));
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    ++exp10;
  }
  exp10 += static_cast<int>(digits.size()) - 1;  // as in d.ddd × 10^exp10
  const int k = static_cast<int>(digits.size());
  const int n = exp10 + 1;  // the decimal point sits after n digits
  std::string out = sign;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += (n - 1) < 0 ? '-' : '+';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

namespace {

bool stringify_at(const ojson& v, std::string& out, int depth) {
  if (depth > kMaxDepth) return false;
  switch (v.type()) {
    case ojson::value_t::null: out += "null"; return true;
    case ojson::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return true;
    case ojson::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return true;
    case ojson::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return true;
    case ojson::value_t::number_float: {
      double d = v.get<double>();
      out += std::isfinite(d) ? number_to_string(d) : "null";
      return true;
    }
    case ojson::value_t::string: append_json_string(v.get_ref<const std::string&>(), out); return true;
    case ojson::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v) {
        if (!first) out += ',';
        first = false;
        if (!stringify_at(e, out, depth + 1)) return false;
      }
      out += ']';
      return true;
    }
    case ojson::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ',';
        first = false;
        append_json_string(it.key(), out);
        out += ':';
        if (!stringify_at(it.value(), out, depth + 1)) return false;
      }
      out += '}';
      return true;
    }
    default: out += "null"; return true;  // binary / discarded: never from parse()
  }
}

}  // namespace

bool stringify(const ojson& v, std::string& out) {
  out.clear();
  return stringify_at(v, out, 0);
}

const char* type_name(const ojson& v) {
  switch (v.type()) {
    case ojson::value_t::null: return "Null";
    case ojson::value_t::boolean: return "Boolean";
    case ojson::value_t::number_integer:
    case ojson::value_t::number_unsigned:
    case ojson::value_t::number_float: return "Number";
    case ojson::value_t::string: return "String";
    case ojson::value_t::array: return "Array";
    case ojson::value_t::object: return "Object";
    default: return "Undefined";
  }
}

std::string type_error(std::string_view name, std::string_view expected, const char* actual) {
  std::string s = "parameter error: parameter.";
  s += name;
  s += " should be ";
  s += expected;
  s += " instead of ";
  s += actual;
  return s;
}

std::string type_error(std::string_view name, std::string_view expected, const ojson& got) {
  return type_error(name, expected, type_name(got));
}

bool get_string(const ojson& o, const char* key, bool required, std::string& out, Status& st) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) {
      st = Status::Fail(type_error(key, "String", it == o.end() ? "Undefined" : "Null"));
      return false;
    }
    return true;
  }
  if (!it->is_string()) {
    st = Status::Fail(type_error(key, "String", *it));
    return false;
  }
  out = it->get_ref<const std::string&>();
  return true;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
  unsigned c = at(i);
  std::size_t len;
  unsigned cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    unsigned d = at(i + k);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

}  // namespace js

}  // namespace ft

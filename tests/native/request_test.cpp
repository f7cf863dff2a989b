// ft.request planning and response decoding (behaviour.md §5.1-5.3). Expected strings for
// encodeURIComponent / Number#toString / JSON.stringify were produced by Node (V8).
#include "request.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace ft {
namespace {

// The API table's defaults for ft.request (polyfill/api-table.js), filled in where the options
// leave them out, as polyfill/validate.js does before the core sees the options.
std::string with_table_defaults(const std::string& options_json) {
  if (js::text_depth_exceeds(options_json, js::kMaxDepth + 1)) return options_json;  // fails anyway
  nlohmann::ordered_json o = nlohmann::ordered_json::parse(options_json, nullptr, false);
  if (!o.is_object()) return options_json;
  for (const auto& [key, value] :
       {std::pair<const char*, const char*>{"method", "GET"}, {"dataType", "json"}, {"responseType", "text"}})
    if (!o.contains(key)) o[key] = value;
  if (!o.contains("timeout")) o["timeout"] = 60000;
  return o.dump();
}

RequestPlan plan_ok(const std::string& options_json) {
  RequestPlan p;
  Status st = plan_request_json(with_table_defaults(options_json), p);
  EXPECT_TRUE(st.ok) << options_json << " -> " << st.reason;
  return p;
}

std::string plan_fail(const std::string& options_json) {
  RequestPlan p;
  Status st = plan_request_json(with_table_defaults(options_json), p);
  EXPECT_FALSE(st.ok) << options_json;
  return st.reason;
}

const std::string* header(const RequestPlan& p, std::string_view name) {
  for (const auto& kv : p.headers)
    if (header_name_equal(kv.first, name)) return &kv.second;
  return nullptr;
}

// ---- encodeURIComponent / number formatting ----------------------------------------------------

TEST(EncodeUriComponent, MatchesEcmaScript) {
  EXPECT_EQ(encode_uri_component("a b&c=d/\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80?#+"),
            "a%20b%26c%3Dd%2F%C3%A9%E4%B8%AD%F0%9F%98%80%3F%23%2B");
  EXPECT_EQ(encode_uri_component("-_.!~*'()AZaz09"), "-_.!~*'()AZaz09");
  EXPECT_EQ(encode_uri_component(""), "");
  EXPECT_EQ(encode_uri_component(std::string("\0", 1)), "%00");
  EXPECT_EQ(encode_uri_component("%"), "%25");
}

TEST(EncodeUriComponent, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(encode_uri_component("a\xFF"), "a%EF%BF%BD");
  EXPECT_EQ(encode_uri_component("\xC3"), "%EF%BF%BD");                            // truncated
  EXPECT_EQ(encode_uri_component("\xED\xA0\x80"), "%EF%BF%BD%EF%BF%BD%EF%BF%BD");  // surrogate
  EXPECT_EQ(encode_uri_component("\xC0\xAF"), "%EF%BF%BD%EF%BF%BD");               // overlong
}

TEST(JsNumber, MatchesNumberToString) {
  EXPECT_EQ(js::number_to_string(1), "1");
  EXPECT_EQ(js::number_to_string(0.1), "0.1");
  EXPECT_EQ(js::number_to_string(1e21), "1e+21");
  EXPECT_EQ(js::number_to_string(1e20), "100000000000000000000");
  EXPECT_EQ(js::number_to_string(1.5e-7), "1.5e-7");
  EXPECT_EQ(js::number_to_string(0.000001), "0.000001");
  EXPECT_EQ(js::number_to_string(1e-7), "1e-7");
  EXPECT_EQ(js::number_to_string(-0.0), "0");
  EXPECT_EQ(js::number_to_string(123.456), "123.456");
  EXPECT_EQ(js::number_to_string(5e-324), "5e-324");
  EXPECT_EQ(js::number_to_string(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(js::number_to_string(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(js::number_to_string(-2.5e-10), "-2.5e-10");
  EXPECT_EQ(js::number_to_string(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(js::number_to_string(4.35), "4.35");
  EXPECT_EQ(js::number_to_string(-1234.5678e10), "-12345678000000");
  EXPECT_EQ(js::number_to_string(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(js::number_to_string(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(JsStringify, EscapesLikeJsonStringify) {
  RequestPlan p =
      plan_ok(R"({"url":"https://u","method":"POST","data":{"s":"q\"\\\n\t\u0001\u007f é","n":[1e21,0.5,-0,1.0]}})");
  EXPECT_EQ(p.body, "{\"s\":\"q\\\"\\\\\\n\\t\\u0001\x7f \xC3\xA9\",\"n\":[1e+21,0.5,0,1]}");
}

// ---- method --------------------------------------------------------------------------------------

TEST(RequestMethod, DefaultsToGetAndUppercases) {
  EXPECT_EQ(plan_ok(R"({"url":"https://a.b/"})").method, "GET");
  EXPECT_EQ(plan_ok(R"({"url":"https://a.b/","method":"post"})").method, "POST");
  EXPECT_EQ(plan_ok(R"({"url":"https://a.b/","method":"dElEtE"})").method, "DELETE");
  for (const char* m : {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE"})
    EXPECT_EQ(plan_ok(std::string(R"({"url":"https://x","method":")") + m + "\"}").method, m);
}

TEST(RequestMethod, RejectsUnknownMethods) {
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":"XYZ"})"), "parameter error: invalid method \"XYZ\"");
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":"PATCH"})"), "parameter error: invalid method \"PATCH\"");
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":"G\"ET"})"), "parameter error: invalid method \"G\\\"ET\"");
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":5})"),
            "parameter error: parameter.method should be String instead of Number;");
}

TEST(RequestMethod, TraceAndConnectFailCleanly) {
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":"trace"})"), "method TRACE is not supported by the browser");
  EXPECT_EQ(plan_fail(R"({"url":"https://x","method":"CONNECT"})"), "method CONNECT is not supported by the browser");
}

// ---- url and query -------------------------------------------------------------------------------

TEST(RequestUrl, MissingUrlIsAParameterError) {
  EXPECT_EQ(plan_fail(R"({})"), "parameter error: parameter.url should be String instead of Undefined;");
  EXPECT_EQ(plan_fail(R"({"url":null})"), "parameter error: parameter.url should be String instead of Null;");
  EXPECT_EQ(plan_fail(R"({"url":42})"), "parameter error: parameter.url should be String instead of Number;");
}

TEST(RequestUrl, OnlyHttpUrlsArePlanned) {
  // §5.3: ^https?:// in any case.
  for (const char* u : {"http://a.com/x", "HTTPS://A.COM", "Http://a", "https://"}) {
    std::string options = std::string(R"({"url":)") + nlohmann::json(u).dump() + "}";
    RequestPlan p;
    Status st = plan_request_json(with_table_defaults(options), p);
    EXPECT_TRUE(st.ok) << u << " -> " << st.reason;
    EXPECT_EQ(p.check, nullptr) << u;
  }
  // Anything else, relative paths included, fails before anything is fetched, quoting the url as
  // given, with a request-url device check that says what the device does and the fix.
  for (const char* u :
       {"", " https://a.com", "ht\ttps://a.com", "/api/user", "api/x", "./x", "../x", "//cdn.example.com/x", "?q=1",
        "#f", "https:/a", "http:a", "javascript:alert(1)", "data:text/plain,hi", "blob:http://a.com/0b1c",
        "file:///etc/passwd", "ftp://a.com/f", "ws://a.com", "wxfile://tmp/a.png"}) {
    std::string options = std::string(R"({"url":)") + nlohmann::json(u).dump() + "}";
    RequestPlan p;
    Status st = plan_request_json(with_table_defaults(options), p);
    EXPECT_FALSE(st.ok) << u;
    EXPECT_EQ(st.reason, std::string("invalid url \"") + u + "\"");
    EXPECT_STREQ(p.check, kUrlCheck) << u;
  }
}

TEST(RequestUrl, GetObjectDataBecomesQuery) {
  RequestPlan p =
      plan_ok(R"({"url":"https://h/p","data":{"a":1,"b":"x y","c":{"d":[1,2]},"e":null,"f":true,"g":1.5e-7}})");
  EXPECT_EQ(p.url, "https://h/p?a=1&b=x%20y&c=%7B%22d%22%3A%5B1%2C2%5D%7D&e=null&f=true&g=1.5e-7");
  EXPECT_EQ(p.body_kind, BodyKind::None);
  EXPECT_EQ(header(p, "content-type"), nullptr);  // GET gets no default content-type
}

TEST(RequestUrl, QueryJoinsExistingQueryAndKeepsFragment) {
  EXPECT_EQ(plan_ok(R"({"url":"https://h/p?x=1#frag","data":{"a":"b"}})").url, "https://h/p?x=1&a=b#frag");
  EXPECT_EQ(plan_ok(R"({"url":"https://h/p#f?g","data":{"a":"b"}})").url, "https://h/p?a=b#f?g");
  EXPECT_EQ(plan_ok(R"({"url":"https://h/p?","data":{"a":"b"}})").url, "https://h/p?a=b");
  EXPECT_EQ(plan_ok(R"({"url":"https://h/p?x=1&","data":{"a":"b"}})").url, "https://h/p?x=1&a=b");
  EXPECT_EQ(plan_ok(R"({"url":"https://h/p?x=1","data":{}})").url, "https://h/p?x=1");
  EXPECT_EQ(plan_ok(R"({"url":"https://h/rel","data":{"a":"b"}})").url, "https://h/rel?a=b");
}

TEST(RequestUrl, UnicodeKeysAndValuesAreEncoded) {
  EXPECT_EQ(plan_ok("{\"url\":\"https://u\",\"data\":{\"\xE9\x94\xAE\":\"\xE5\x80\xBC\"}}").url,
            "https://u?%E9%94%AE=%E5%80%BC");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":{"k":"\ud83d\ude00"}})").url, "https://u?k=%F0%9F%98%80");
}

TEST(RequestUrl, KeepsObjectKeyOrder) {
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":{"z":1,"a":2,"m":3}})").url, "https://u?z=1&a=2&m=3");
}

TEST(RequestUrl, ArrayDataUsesIndexKeys) {
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":[1,"a",[2]]})").url, "https://u?0=1&1=a&2=%5B2%5D");
}

TEST(RequestUrl, StringAndPrimitiveDataAppendedAsIs) {
  EXPECT_EQ(plan_ok(R"({"url":"https://u?x=1","data":"a=1&b=2"})").url, "https://u?x=1&a=1&b=2");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":5})").url, "https://u?5");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":null})").url, "https://u");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","data":""})").url, "https://u");
}

TEST(RequestUrl, HeadAlsoUsesQueryAndBinaryOnGetIsDropped) {
  RequestPlan h = plan_ok(R"({"url":"https://u","method":"HEAD","data":{"a":1}})");
  EXPECT_EQ(h.url, "https://u?a=1");
  EXPECT_EQ(h.body_kind, BodyKind::None);
  EXPECT_EQ(header(h, "content-type"), nullptr);
  RequestPlan g = plan_ok(R"({"url":"https://u","dataKind":"binary","data":{}})");
  EXPECT_EQ(g.url, "https://u");
  EXPECT_EQ(g.body_kind, BodyKind::None);
}

TEST(RequestUrl, HugeValues) {
  std::string big(1 << 20, 'x');
  RequestPlan p = plan_ok("{\"url\":\"https://u\",\"data\":{\"k\":\"" + big + "\"}}");
  EXPECT_EQ(p.url.size(), std::string("https://u?k=").size() + big.size());
  RequestPlan q =
      plan_ok(R"({"url":"https://u","data":{"n":1e308,"m":-9223372036854775808,"u":18446744073709551615}})");
  EXPECT_EQ(q.url, "https://u?n=1e%2B308&m=-9223372036854775808&u=18446744073709551615");
}

// ---- body ----------------------------------------------------------------------------------------

TEST(RequestBody, NonGetDefaultsToJson) {
  RequestPlan p = plan_ok(R"({"url":"https://u","method":"POST","data":{"b":1,"a":0.5,"c":[true,null]}})");
  EXPECT_EQ(p.url, "https://u");
  ASSERT_EQ(p.body_kind, BodyKind::Text);
  EXPECT_EQ(p.body, R"({"b":1,"a":0.5,"c":[true,null]})");
  ASSERT_NE(header(p, "content-type"), nullptr);
  EXPECT_EQ(*header(p, "content-type"), "application/json");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","method":"PUT","data":[1,2]})").body, "[1,2]");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","method":"PUT","data":7.5})").body, "7.5");
  EXPECT_EQ(plan_ok(R"({"url":"https://u","method":"DELETE"})").body_kind, BodyKind::None);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","method":"POST","data":null})").body_kind, BodyKind::None);
  EXPECT_NE(header(plan_ok(R"({"url":"https://u","method":"OPTIONS"})"), "content-type"), nullptr);
}

TEST(RequestBody, FormUrlencoded) {
  RequestPlan p = plan_ok(
      R"({"url":"https://u","method":"POST","header":{"Content-Type":"application/x-www-form-urlencoded; charset=UTF-8"},"data":{"a":"1 2","b":[1],"c":"\u00e9&="}})");
  EXPECT_EQ(p.body, "a=1%202&b=%5B1%5D&c=%C3%A9%26%3D");
  EXPECT_EQ(*header(p, "content-type"), "application/x-www-form-urlencoded; charset=UTF-8");
  RequestPlan upper = plan_ok(
      R"({"url":"https://u","method":"POST","header":{"CONTENT-TYPE":" Application/X-WWW-Form-Urlencoded "},"data":{"a":1}})");
  EXPECT_EQ(upper.body, "a=1");
}

TEST(RequestBody, StringsAndBinaryGoAsTheyAre) {
  RequestPlan s = plan_ok(R"({"url":"https://u","method":"POST","data":"{not json"})");
  EXPECT_EQ(s.body_kind, BodyKind::Text);
  EXPECT_EQ(s.body, "{not json");
  RequestPlan f = plan_ok(
      R"({"url":"https://u","method":"POST","header":{"content-type":"application/x-www-form-urlencoded"},"data":"a b"})");
  EXPECT_EQ(f.body, "a b");
  RequestPlan b = plan_ok(R"({"url":"https://u","method":"POST","dataKind":"binary","data":{}})");
  EXPECT_EQ(b.body_kind, BodyKind::Binary);
  EXPECT_TRUE(b.body.empty());
}

TEST(RequestBody, OtherContentTypeStillJson) {
  RequestPlan p =
      plan_ok(R"({"url":"https://u","method":"POST","header":{"content-type":"text/plain"},"data":{"a":1}})");
  EXPECT_EQ(p.body, R"({"a":1})");
  EXPECT_EQ(*header(p, "content-type"), "text/plain");
}

// ---- headers -------------------------------------------------------------------------------------

TEST(RequestHeaders, CaseInsensitiveLaterWins) {
  RequestPlan p = plan_ok(
      R"({"url":"https://u","method":"POST","header":{"Content-Type":"text/plain","X-A":"1","content-type":"application/xml"}})");
  ASSERT_EQ(p.headers.size(), 2u);
  EXPECT_EQ(p.headers[0].first, "content-type");
  EXPECT_EQ(p.headers[0].second, "application/xml");
  EXPECT_EQ(p.headers[1].first, "X-A");
}

TEST(RequestHeaders, RefererDroppedInAnyCase) {
  RequestPlan p = plan_ok(R"({"url":"https://u","header":{"Referer":"a","REFERER":"b","referer":"c","X":"y"}})");
  ASSERT_EQ(p.headers.size(), 1u);
  EXPECT_EQ(p.headers[0].first, "X");
}

TEST(RequestHeaders, ValuesStringifiedLikeJs) {
  RequestPlan p = plan_ok(R"({"url":"https://u","header":{"n":1.0,"f":0.5,"b":true,"z":null,"o":{"a":1}}})");
  EXPECT_EQ(*header(p, "n"), "1");
  EXPECT_EQ(*header(p, "f"), "0.5");
  EXPECT_EQ(*header(p, "b"), "true");
  EXPECT_EQ(*header(p, "z"), "null");
  EXPECT_EQ(*header(p, "o"), R"({"a":1})");
}

TEST(RequestHeaders, WhatFetchRejectsIsDropped) {
  RequestPlan p = plan_ok(
      "{\"url\":\"https://u\",\"header\":{\"bad name\":\"1\",\"\":\"2\",\"X-NL\":\"a\\nb\",\"X-CJK\":\"\xE4\xB8\xAD\","
      "\"X-Latin1\":\"\xC3\xA9\",\"X-Trim\":\"  v  \"}}");
  EXPECT_EQ(header(p, "bad name"), nullptr);
  EXPECT_EQ(header(p, ""), nullptr);
  EXPECT_EQ(header(p, "X-NL"), nullptr);
  EXPECT_EQ(header(p, "X-CJK"), nullptr);
  ASSERT_NE(header(p, "X-Latin1"), nullptr);
  EXPECT_EQ(*header(p, "X-Trim"), "v");
}

TEST(RequestHeaders, HeaderMustBeObject) {
  EXPECT_EQ(plan_fail(R"({"url":"https://u","header":"x"})"),
            "parameter error: parameter.header should be Object instead of String;");
  EXPECT_EQ(plan_fail(R"({"url":"https://u","header":[1]})"),
            "parameter error: parameter.header should be Object instead of Array;");
}

// ---- timeout and decoding ------------------------------------------------------------------------

TEST(RequestTimeout, DefaultsAndClamps) {
  EXPECT_EQ(plan_ok(R"({"url":"https://u"})").timeout_ms, 60000u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":null})").timeout_ms, 60000u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":0})").timeout_ms, 60000u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":-5})").timeout_ms, 60000u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":1500})").timeout_ms, 1500u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":1.2})").timeout_ms, 2u);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","timeout":1e300})").timeout_ms, 2147483647u);
  EXPECT_EQ(plan_fail(R"({"url":"https://u","timeout":"5"})"),
            "parameter error: parameter.timeout should be Number instead of String;");
  RequestOptions o;
  o.url = "https://u";
  o.method = "GET";
  o.timeout_ms = std::numeric_limits<double>::quiet_NaN();
  RequestPlan p;
  ASSERT_TRUE(plan_request(o, p).ok);
  EXPECT_EQ(p.timeout_ms, 60000u);
}

TEST(RequestDecode, ChosenFromDataTypeAndResponseType) {
  EXPECT_EQ(plan_ok(R"({"url":"https://u"})").decode, Decode::Json);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","dataType":"json"})").decode, Decode::Json);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","dataType":"text"})").decode, Decode::Text);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","dataType":"other"})").decode, Decode::Text);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","responseType":"arraybuffer"})").decode, Decode::ArrayBuffer);
  EXPECT_EQ(plan_ok(R"({"url":"https://u","responseType":"text"})").decode, Decode::Json);
  EXPECT_EQ(plan_fail(R"({"url":"https://u","dataType":1})"),
            "parameter error: parameter.dataType should be String instead of Number;");
}

// ---- odd input -----------------------------------------------------------------------------------

TEST(RequestOdd, InvalidOptionsText) {
  EXPECT_EQ(plan_fail(""), request_reason::kBadOptions);
  EXPECT_EQ(plan_fail("{"), request_reason::kBadOptions);
  EXPECT_EQ(plan_fail("[]"), request_reason::kBadOptions);
  EXPECT_EQ(plan_fail("\"url\""), request_reason::kBadOptions);
  EXPECT_EQ(plan_fail("{\"url\":\"\xFF\"}"), request_reason::kBadOptions);  // invalid UTF-8
}

TEST(RequestOdd, DeepNestingFailsWithoutCrashing) {
  std::string deep = R"({"url":"https://u","data":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(plan_fail(deep), "parameter error: data is nested too deeply");
  std::string ok =
      R"({"url":"https://u","method":"POST","data":)" + std::string(200, '[') + std::string(200, ']') + "}";
  EXPECT_EQ(plan_ok(ok).body.size(), 400u);
}

TEST(RequestOdd, StructApiRejectsInvalidJsonData) {
  RequestOptions o;
  o.url = "https://u";
  o.method = "POST";
  o.data_kind = DataKind::Json;
  o.data = "{bad";
  RequestPlan p;
  Status st = plan_request(o, p);
  EXPECT_FALSE(st.ok);
  EXPECT_EQ(st.reason, "parameter error: data is not valid JSON");
}

TEST(RequestOdd, TheTableDefaultsArePreconditions) {
  // method, dataType and responseType come from the API table; the core does not default them again.
  RequestPlan p;
  EXPECT_EQ(plan_request_json(R"({"url":"https://u","dataType":"json","responseType":"text"})", p).reason,
            "parameter error: parameter.method should be String instead of Undefined;");
  EXPECT_EQ(plan_request_json(R"({"url":"https://u","method":"GET","responseType":"text"})", p).reason,
            "parameter error: parameter.dataType should be String instead of Undefined;");
  EXPECT_EQ(plan_request_json(R"({"url":"https://u","method":"GET","dataType":"json"})", p).reason,
            "parameter error: parameter.responseType should be String instead of Undefined;");
  // An absent timeout (downloadFile has no table default) is the default wait.
  ASSERT_TRUE(plan_request_json(R"({"url":"https://u","method":"GET","dataType":"text","responseType":"text"})", p).ok);
  EXPECT_EQ(p.timeout_ms, kDefaultTimeoutMs);
  EXPECT_EQ(p.decode, Decode::Text);
}

// ---- downloadFile ---------------------------------------------------------------------------------

TEST(Download, PlansAGetKeptAsBytes) {
  DownloadPlan d;
  ASSERT_TRUE(plan_download_json(R"({"url":"https://x/a.pdf","header":{"X-A":1,"Referer":"r"},"timeout":5})", d).ok);
  EXPECT_EQ(d.request.method, "GET");
  EXPECT_EQ(d.request.decode, Decode::ArrayBuffer);
  EXPECT_EQ(d.request.timeout_ms, 5u);
  ASSERT_EQ(d.request.headers.size(), 1u);
  EXPECT_EQ(d.request.headers[0], (std::pair<std::string, std::string>{"X-A", "1"}));
  EXPECT_FALSE(d.has_file_path);
  ASSERT_TRUE(
      plan_download_json(R"({"url":"https://u","filePath":"docs/a.pdf","method":"POST","data":{"a":1}})", d).ok);
  EXPECT_TRUE(d.has_file_path);
  EXPECT_EQ(d.file_path, "docs/a.pdf");
  EXPECT_EQ(d.request.method, "GET");  // downloadFile has no method nor data
  EXPECT_EQ(d.request.body_kind, BodyKind::None);
  EXPECT_EQ(d.request.timeout_ms, kDefaultTimeoutMs);
}

TEST(Download, FailsLikeARequest) {
  DownloadPlan d;
  EXPECT_EQ(plan_download_json(R"({"url":"https://u","filePath":3})", d).reason,
            "parameter error: parameter.filePath should be String instead of Number;");
  EXPECT_EQ(plan_download_json(R"({})", d).reason,
            "parameter error: parameter.url should be String instead of Undefined;");
  EXPECT_EQ(plan_download_json(R"({"url":"javascript:x"})", d).reason, "invalid url \"javascript:x\"");
  EXPECT_STREQ(d.request.check, kUrlCheck);
  EXPECT_EQ(plan_download_json(R"({"url":"/files/a.pdf"})", d).reason, "invalid url \"/files/a.pdf\"");
  EXPECT_EQ(plan_download_json(R"({"url":"https://u","timeout":"1"})", d).reason,
            "parameter error: parameter.timeout should be Number instead of String;");
  EXPECT_EQ(plan_download_json("[]", d).reason, js::kBadOptions);
  EXPECT_EQ(plan_download_json(std::string(300, '['), d).reason, js::kOptionsTooDeep);
}

TEST(Response, StatusCodesAreClamped) {
  EXPECT_EQ(clamp_status_code(200), 200);
  EXPECT_EQ(clamp_status_code(0), 0);
  EXPECT_EQ(clamp_status_code(999), 999);
  EXPECT_EQ(clamp_status_code(204.7), 204);
  EXPECT_EQ(clamp_status_code(1000), 0);
  EXPECT_EQ(clamp_status_code(-1), 0);
  EXPECT_EQ(clamp_status_code(std::numeric_limits<double>::quiet_NaN()), 0);
  EXPECT_EQ(clamp_status_code(std::numeric_limits<double>::infinity()), 0);
  EXPECT_EQ(decode_from_name("arraybuffer"), Decode::ArrayBuffer);
  EXPECT_EQ(decode_from_name("text"), Decode::Text);
  EXPECT_EQ(decode_from_name("json"), Decode::Json);
}

// ---- responses -----------------------------------------------------------------------------------

TEST(Response, ParsedByTheCallerDecidesTheSameWay) {
  EXPECT_EQ(decode_parsed_response(200, {}, Decode::Json, true).data, Decode::Json);
  EXPECT_EQ(decode_parsed_response(200, {}, Decode::Json, false).data, Decode::Text);
  EXPECT_EQ(decode_parsed_response(200, {}, Decode::Text, true).data, Decode::Text);
  EXPECT_EQ(decode_parsed_response(200, {}, Decode::ArrayBuffer, false).data, Decode::ArrayBuffer);
  EXPECT_EQ(decode_parsed_response(404, {{"A", "1"}, {"a", "2"}}, Decode::Json, true).header.at(0).second, "1, 2");
}

TEST(Response, EveryStatusIsSuccessAndJsonChecked) {
  ResponseInfo r = decode_response(500, {}, Decode::Json, R"({"error":true})");
  EXPECT_EQ(r.status_code, 500);
  EXPECT_EQ(r.data, Decode::Json);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, "not json").data, Decode::Text);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, "").data, Decode::Text);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, " \r\n[1, 2]\n ").data, Decode::Json);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, "\"s\"").data, Decode::Json);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, "{\"a\":1} x").data, Decode::Text);
  EXPECT_EQ(decode_response(200, {}, Decode::Json, "NaN").data, Decode::Text);
  EXPECT_EQ(decode_response(200, {}, Decode::Text, "{}").data, Decode::Text);
  EXPECT_EQ(decode_response(204, {}, Decode::ArrayBuffer, "{}").data, Decode::ArrayBuffer);
  std::string deep(200000, '[');
  EXPECT_EQ(decode_response(200, {}, Decode::Json, deep).data, Decode::Text);
}

TEST(Response, RepeatedHeadersJoined) {
  HeaderList raw = parse_header_lines(
      "Set-Cookie: a=1\r\nContent-Type: text/html\r\nset-cookie: b=2\r\n"
      "no colon line\r\n: empty\r\nX-Empty:\r\nX-Sp:  v \t\r\n");
  ResponseInfo r = decode_response(200, raw, Decode::Text, "");
  ASSERT_EQ(r.header.size(), 4u);
  EXPECT_EQ(r.header[0].first, "Set-Cookie");
  EXPECT_EQ(r.header[0].second, "a=1, b=2");
  EXPECT_EQ(r.header[1].second, "text/html");
  EXPECT_EQ(r.header[2].first, "X-Empty");
  EXPECT_EQ(r.header[2].second, "");
  EXPECT_EQ(r.header[3].second, "v");
}

TEST(Response, HeaderJson) {
  HeaderList h;
  ASSERT_TRUE(parse_header_json(R"([["a","1"],["A","2"],["bad"],[1,2]])", h));
  ASSERT_EQ(h.size(), 2u);
  ResponseInfo r = decode_response(200, h, Decode::Text, "");
  ASSERT_EQ(r.header.size(), 1u);
  EXPECT_EQ(r.header[0].second, "1, 2");
  ASSERT_TRUE(parse_header_json(R"({"x":"1","y":2})", h));
  EXPECT_EQ(h.size(), 1u);
  EXPECT_FALSE(parse_header_json("nope", h));
  EXPECT_FALSE(parse_header_json("5", h));
}

TEST(Response, TransportFailureReasons) {
  EXPECT_STREQ(transport_failure_reason("timeout"), "timeout");
  EXPECT_STREQ(transport_failure_reason("abort"), "abort");
  // §5.3: one text whatever the engine said (Chromium, Firefox, WebKit), never the engine's own.
  EXPECT_STREQ(transport_failure_reason("error"), "network error");
  EXPECT_STREQ(transport_failure_reason(""), "network error");
  EXPECT_STREQ(transport_failure_reason("Failed to fetch"), "network error");
}

}  // namespace
}  // namespace ft

// What the page's JS would see of a JSON value: JSON.stringify, Number#toString, the JS type names
// of the §1.5 type errors, and the readers the option parsers of the device modules share
// (request.h, files.h, geo.h). The options arrive as JSON text (JSON.stringify of the page's
// object, functions dropped); these helpers reproduce JS semantics on the parsed value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "result.h"

namespace ft::js {

// Deepest array/object nesting the core accepts in option values (deeper fails as a parameter
// error): keeps the recursive serializer's stack bounded in wasm.
inline constexpr int kMaxDepth = 256;

inline constexpr const char* kBadOptions = "parameter error: options should be Object";
inline constexpr const char* kOptionsTooDeep = "parameter error: options are nested too deeply";
inline constexpr const char* kDataTooDeep = "parameter error: data is nested too deeply";

// True when the JSON text nests arrays/objects deeper than `max_depth` (a scan, no parse).
bool text_depth_exceeds(std::string_view json_text, int max_depth);

// Parses the page's options: an object nesting at most kMaxDepth levels below it. Fails with
// `too_deep` when deeper, kBadOptions when the text is not JSON or not an object.
Status parse_options(std::string_view json_text, nlohmann::ordered_json& out, const char* too_deep = kOptionsTooDeep);

// JSON.stringify of a parsed value (numbers as JS prints them, strings escaped as JSON.stringify
// does). False (and `out` unspecified) when deeper than kMaxDepth.
bool stringify(const nlohmann::ordered_json& v, std::string& out);

// JS Number.prototype.toString() of a double ("1", "0.1", "1e+21", "1.5e-7", "NaN", "-Infinity"):
// the shortest round-trip digits of nlohmann's public dump(), laid out by ECMAScript's
// Number::toString rules (ECMA-262 §6.1.6.1.20).
std::string number_to_string(double v);

// Appends `s` as a JSON string literal (JSON.stringify's escaping).
void append_json_string(std::string_view s, std::string& out);

// The JS type name of a JSON value: String Number Boolean Object Array Null.
const char* type_name(const nlohmann::ordered_json& v);

// "parameter error: parameter.<name> should be <expected> instead of <actual>;" (§1.5).
std::string type_error(std::string_view name, std::string_view expected, const char* actual);
std::string type_error(std::string_view name, std::string_view expected, const nlohmann::ordered_json& got);

// The §1.5 text of what the JS found checking the page's arguments against the API table
// (polyfill/validate.js): "parameter error: " then one "parameter.<name> should be <expected>
// instead of <actual>;" per problem, concatenated in the order given (the interface's parameter
// order). `problems` holds one line per problem, "<name>\t<expected>\t<actual>", lines joined by
// "\n"; name "" is the options themselves ("parameter should be Object instead of <Type>;"):
//   <expected> the accepted JS type names, comma-separated ("String,Number" → "String or Number"),
//              <actual> the value's type name;
//   =<a>,<b>   a value outside the table's oneOf ("one of a, b"), <actual> the value's JSON text.
// [FC web.js 3.6.4][WX 2.8.2]
std::string param_errors_text(std::string_view problems);

// Reads o[key] as a string into `out`. Absent or null: fails with "... instead of Undefined" when
// `required`, otherwise leaves `out` unchanged. Wrong type: fails. Returns false with `st` set.
bool get_string(const nlohmann::ordered_json& o, const char* key, bool required, std::string& out, Status& st);

// Reads o[key] as a number into `out`; absent or null leaves `out` unchanged (and `present`
// false when given). Wrong type: fails "parameter.<key> should be Number instead of <Type>".
bool get_number(const nlohmann::ordered_json& o, const char* key, double& out, Status& st, bool* present = nullptr);

// Length (1-4) of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid
// (overlong, surrogate, above U+10FFFF, truncated).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace ft::js

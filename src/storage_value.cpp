#include "storage_value.h"

#include <nlohmann/json.hpp>

#include "codec.h"
#include "js_value.h"

namespace ft {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxKeyShown = 40;  // bytes of a member's key quoted in a message

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "data", "member \"tags\" in data", "item [3] in data".
std::string where_text(const Json& where) {
  if (where.is_number()) return "item [" + js::number_to_string(where.get<double>()) + "] in data";
  if (!where.is_string()) return "data";
  std::string_view key = where.get_ref<const std::string&>();
  std::string out = "member ";
  if (key.size() > kMaxKeyShown) {
    std::size_t cut = 0;
    while (cut < kMaxKeyShown) {
      const std::size_t n = js::utf8_sequence_length(key, cut);
      if (n == 0 || cut + n > kMaxKeyShown) break;
      cut += n;
    }
    js::append_json_string(key.substr(0, cut), out);
    out.insert(out.size() - 1, "...");
  } else {
    js::append_json_string(key, out);
  }
  return out + " in data";
}

bool typed_array(std::string_view what) {
  return ends_with(what, "Array") && what != "Array" &&
         (what.find("Int") != std::string_view::npos || what.find("Float") != std::string_view::npos);
}

// The device check's text for one noted value, or '' when it reads back as stored.
// `at`: 0 the value itself, 1 a member, 2 an array item.
std::string check_text(std::string_view what, int at, const Json& where, std::string_view payload) {
  std::string a, back, fix;
  const char* dropped = at == 0 ? "undefined" : at == 1 ? "nothing (the member is dropped)" : "null";
  if (what == "NaN" || what == "Infinity" || what == "-Infinity") {
    a = std::string(what), back = "null", fix = "store a finite number or the text String(n)";
  } else if (what == "undefined") {
    // A top-level undefined reads back as undefined; a dropped member reads as undefined too.
    if (at != 2) return "";
    a = "undefined", back = "null", fix = "store null or leave the item out";
  } else if (what == "symbol" || ends_with(what, "Function")) {
    a = what == "symbol" ? "a Symbol" : "a function", back = dropped, fix = "store data only (strings, numbers, objects)";
  } else if (what == "Date") {
    if (at != 0) {
      a = "a Date", back = "its ISO string (null when invalid)", fix = "turn it back with new Date(text) or store date.getTime()";
    } else if (payload == "null") {
      a = "an invalid Date", back = "new Date(0) (1970-01-01T00:00:00.000Z)", fix = "check isNaN(date.getTime()) before storing";
    } else {
      return "";
    }
  } else if (what == "Map") {
    a = "a Map", back = "{}", fix = "store [...map] or Object.fromEntries(map)";
  } else if (what == "Set") {
    a = "a Set", back = "{}", fix = "store [...set]";
  } else if (what == "ArrayBuffer" || what == "SharedArrayBuffer" || what == "DataView") {
    a = "a" + std::string(what == "ArrayBuffer" ? "n " : " ") + std::string(what), back = "{}",
    fix = "store Array.from(new Uint8Array(buffer)) or base64 text";
  } else if (what == "RegExp") {
    a = "a RegExp", back = "{}", fix = "store its source and flags";
  } else if (typed_array(what)) {
    a = "a" + std::string(what[0] == 'I' ? "n " : " ") + std::string(what);
    back = "an index object ({\"0\": ..., \"1\": ...})", fix = "store Array.from(typedArray)";
  } else if (what == "Number" || what == "String" || what == "Boolean") {
    a = "a boxed " + std::string(what), back = "the primitive", fix = "store value.valueOf()";
  } else {
    const char c = what.empty() ? 'x' : what[0];
    a = std::string(c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' ? "an " : "a ") + std::string(what);
    back = "its JSON form (its own enumerable members, or what its toJSON gives), not " + a;
    fix = "store plain data (objects, arrays, strings, finite numbers, booleans, null)";
  }
  return where_text(where) + " is " + a + ": stored as JSON, it reads back as " + back + "; " + fix;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Status not_serialisable(const std::string& why) {
  return Status::Fail("parameter error: data is not serialisable (" + why + ")");
}

}  // namespace

ValuePlan plan_stored_value(std::string_view payload, std::string_view facts) {
  ValuePlan plan;
  if (facts.empty()) return plan;
  const Json list = codec::parse_json_value(facts);
  if (!list.is_array()) {
    plan.status = Status::Fail("parameter error: invalid value facts");
    return plan;
  }
  std::size_t changed = 0;
  for (const Json& fact : list) {
    if (!fact.is_array() || fact.size() < 2 || !fact[0].is_string()) continue;
    const std::string& what = fact[0].get_ref<const std::string&>();
    const Json& where = fact[1];
    if (what == "bigint") {
      plan.status = not_serialisable(where_text(where) + " is a BigInt");
    } else if (what == "throw") {
      const std::string message = fact.size() > 2 && fact[2].is_string() ? one_line(fact[2].get_ref<const std::string&>()) : "";
      // Every engine names a cycle so: "circular structure" (V8), "cyclic object value"
      // (SpiderMonkey), "cyclic structures" (JavaScriptCore).
      const bool cycle = message.find("ircular") != std::string::npos || message.find("yclic") != std::string::npos;
      plan.status = not_serialisable(cycle ? where_text(where) + " is a cyclic reference" : message);
    }
    if (!plan.status.ok) {
      plan.check.clear();
      return plan;
    }
    const int at = where.is_number() ? 2 : where.is_string() ? 1 : 0;
    std::string text = check_text(what, at, where, payload);
    if (text.empty()) continue;
    if (++changed == 1) plan.check = std::move(text);
  }
  if (changed > 1) plan.check += " (and " + std::to_string(changed - 1) + " more value(s) that read back changed)";
  return plan;
}

std::string_view payload_for_page(std::string_view tag, std::string_view payload) {
  if (tag == "date" && payload == "NaN") return "\"NaN\"";
  return payload;
}

}  // namespace ft

#include "js_value.h"

#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "codec.h"

namespace ft::js {

using ojson = nlohmann::ordered_json;

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
  // nlohmann's dump() prints the shortest digits that read back to the same double, as
  // "d.ddd", "ddd.0" or "d.ddde[+-]XX"; read them back as digits × 10^point and lay them out as
  // ECMAScript does (not printf: its float formatting pulls musl's long-double code into wasm).
  const std::string text = ojson(std::fabs(v)).dump();
  std::string digits;
  int point = 0;  // the decimal point sits after `point` digits of `digits`
  bool seen_point = false;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      seen_point = true;
    } else if (digits.empty() && text[i] == '0') {
      if (seen_point) --point;  // a leading zero after the point moves the point left
    } else {
      digits += text[i];
      if (!seen_point) ++point;
    }
  }
  if (i < text.size()) point += std::atoi(text.c_str() + i + 1);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  // Grisu2 is shortest in nearly every case, not all (e.g. 7000.099999999999 comes out with 17
  // digits): keep a one-digit-shorter neighbour while it still reads back to the same double.
  while (digits.size() > 1) {
    std::string down = digits.substr(0, digits.size() - 1), up = down;
    std::size_t j = up.size();
    while (j > 0 && up[j - 1] == '9') up[--j] = '0';
    bool carry = j == 0;
    if (!carry) ++up[j - 1];
    std::string* pick = nullptr;
    const double a = std::fabs(v);
    auto reads_back = [a](const std::string& d, int pt) {
      std::string t = "0." + d + "e" + std::to_string(pt);
      return std::strtod(t.c_str(), nullptr) == a;
    };
    // Both may read back: ECMAScript takes the one closer to the value (the dropped digit says).
    const bool up_first = digits.back() > '5';
    const bool up_ok = carry ? reads_back("1", point + 1) : reads_back(up, point);
    if (up_first && up_ok) pick = &up;
    else if (reads_back(down, point)) pick = &down;
    else if (up_ok) pick = &up;
    if (!pick) break;
    if (pick == &up && carry) {
      digits = "1";
      ++point;
    } else {
      digits = *pick;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  }
  const int k = static_cast<int>(digits.size());
  const int n = point;
  std::string out = v < 0 ? "-" : "";
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

namespace {

// "parameter[.<name>] should be <expected> instead of <actual>;" (§1.5: each problem ends in ";").
void append_problem(std::string& s, std::string_view name, std::string_view expected, std::string_view actual) {
  s += "parameter";
  if (!name.empty()) {
    s += '.';
    s += name;
  }
  s += " should be ";
  s += expected;
  s += " instead of ";
  s += actual;
  s += ';';
}

}  // namespace

std::string type_error(std::string_view name, std::string_view expected, const char* actual) {
  std::string s = "parameter error: ";
  append_problem(s, name, expected, actual);
  return s;
}

std::string param_errors_text(std::string_view problems) {
  std::string s = "parameter error: ";
  int field = 0;  // 0 the name, 1 what is expected, 2 what was given
  bool one_of = false;
  bool line_start = true;
  for (char c : problems) {
    if (line_start) s += c == '\t' ? "parameter" : "parameter.";
    line_start = c == '\n';
    if (line_start) {
      s += ';';
      field = 0;
      one_of = false;
    } else if (c == '\t') {
      s += field++ ? " instead of " : " should be ";
    } else if (field == 1 && c == '=') {
      s += "one of ";
      one_of = true;
    } else if (field == 1 && c == ',') {
      s += one_of ? ", " : " or ";
    } else {
      s += c;
    }
  }
  if (!line_start) s += ';';
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

bool get_number(const ojson& o, const char* key, double& out, Status& st, bool* present) {
  if (present) *present = false;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (!it->is_number()) {
    st = Status::Fail(type_error(key, "Number", *it));
    return false;
  }
  out = it->get<double>();
  if (present) *present = true;
  return true;
}

Status parse_options(std::string_view text, ojson& out, const char* too_deep) {
  if (text_depth_exceeds(text, kMaxDepth + 1)) return Status::Fail(too_deep);
  out = codec::parse_json_value(text);
  if (out.is_discarded() || !out.is_object()) return Status::Fail(kBadOptions);
  return Status::Ok();
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

}  // namespace ft::js

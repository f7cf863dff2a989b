#include "storage_value.h"

namespace ft {

std::string stored_value_check(std::string_view payload, std::string_view facts) {
  using View = std::string_view;
  std::string out;
  std::size_t i = 0;
  while (out.empty() && i < facts.size()) {
    // One fact: "<what>\t<where>\n" (a line without a tab is skipped).
    const std::size_t end = facts.find('\n', i);
    const std::size_t tab = facts.find('\t', i);
    if (end == View::npos) break;
    const View what = facts.substr(i, tab - i);
    const View where = facts.substr(tab + 1, end - tab - 1);
    i = end + 1;
    if (tab > end) continue;
    // What reads back as stored: a top-level undefined, a valid top-level Date, and an undefined
    // member (dropped, it reads as undefined).
    if ((what == "undefined" && (where.empty() || where[0] == '"')) ||
        (what == "Date" && where.empty() && payload != "null"))
      continue;
    out = what;
    // " at data", " at member \"tags\"", " at item 3".
    out += where.empty() ? " at data" : where[0] == '"' ? " at member " : " at item ";
    out += where;
    out +=
        " reads back changed: the device stores JSON (NaN reads back as null, a Date as its ISO string, a Map or"
        " Set as {}, a function as nothing); store plain JSON data";
  }
  return out;
}

std::string_view payload_for_page(std::string_view tag, std::string_view payload) {
  return tag == "date" && payload == "NaN" ? "\"NaN\"" : payload;
}

}  // namespace ft

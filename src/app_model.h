// The mini-program's app.json, as far as the host needs it (behaviour.md §3.9): the page list,
// the tabBar pages, the entry page and the default navigation bar title.
//
// Accepted JSON (other fields are ignored):
//   { "pages": ["pages/index/index", ...],              required, non-empty array of strings
//     "entryPagePath": "pages/index/index",             optional string, must be in pages
//     "tabBar": { "list": [ { "pagePath": "..." }, ...] },  optional; each pagePath in pages
//     "window": { "navigationBarTitleText": "..." } }   optional
// Paths may be written with a leading slash; they are stored as routes without it, normalised
// like url::resolve_path ("/pages/a/" -> "pages/a").
//
// Unknown app (no app.json, `known == false`): every page exists, there is no tabBar (§3.9).
//
// Errors (Status::reason), all starting "invalid app.json: ":
//   "invalid app.json: not valid JSON", "invalid app.json: not an object",
//   "invalid app.json: pages should be a non-empty array of strings",
//   "invalid app.json: pages[<i>] should be a non-empty string",
//   "invalid app.json: entryPagePath should be a string", "invalid app.json: entryPagePath \"<p>\" is not in pages",
//   "invalid app.json: tabBar should be an object", "invalid app.json: tabBar.list should be an array",
//   "invalid app.json: tabBar.list[<i>].pagePath should be a string",
//   "invalid app.json: tabBar.list[<i>].pagePath \"<p>\" is not in pages",
//   "invalid app.json: window should be an object",
//   "invalid app.json: window.navigationBarTitleText should be a string"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "result.h"

namespace ft {

struct AppModel {
  bool known = false;              // false: no app.json, any page accepted, no tabBar
  std::vector<std::string> pages;  // routes, in app.json order, duplicates removed
  std::vector<std::string> tabs;   // tabBar routes, in order, duplicates removed
  std::string entry;               // entryPagePath, else pages[0]; "" when unknown
  std::string title;               // window.navigationBarTitleText, "" when absent

  bool has_page(std::string_view route) const;  // always true when !known
  bool is_tab(std::string_view route) const;    // always false when !known

  // Parses app.json text. On failure `out` is left unchanged.
  static Status parse(std::string_view text, AppModel& out);
  // Same from an already parsed value; a null value gives the unknown app.
  static Status from_json(const nlohmann::ordered_json& value, AppModel& out);
};

}  // namespace ft

#include "app_model.h"

#include <algorithm>

#include "codec.h"
#include "url.h"

namespace ft {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kPrefix = "invalid app.json: ";

Status fail(const std::string& what) { return Status::Fail(kPrefix + what); }

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string normalise(const std::string& path) { return url::resolve_path(path, ""); }

}  // namespace

bool AppModel::has_page(std::string_view route) const { return !known || contains(pages, route); }

bool AppModel::is_tab(std::string_view route) const { return known && contains(tabs, route); }

Status AppModel::parse(std::string_view text, AppModel& out) {
  json value = codec::parse_json_value(text);
  if (value.is_discarded()) return fail("not valid JSON");
  if (!value.is_object()) return fail("not an object");
  return from_json(value, out);
}

Status AppModel::from_json(const json& value, AppModel& out) {
  if (value.is_null()) {
    out = AppModel{};
    return Status::Ok();
  }
  if (!value.is_object()) return fail("not an object");
  AppModel m;
  m.known = true;

  auto pages_it = value.find("pages");
  if (pages_it == value.end() || !pages_it->is_array() || pages_it->empty()) {
    return fail("pages should be a non-empty array of strings");
  }
  std::size_t i = 0;
  for (const json& p : *pages_it) {
    std::string route = p.is_string() ? normalise(p.get_ref<const std::string&>()) : std::string();
    if (route.empty()) return fail("pages[" + std::to_string(i) + "] should be a non-empty string");
    if (!contains(m.pages, route)) m.pages.push_back(std::move(route));
    ++i;
  }

  auto entry_it = value.find("entryPagePath");
  if (entry_it != value.end() && !entry_it->is_null()) {
    if (!entry_it->is_string()) return fail("entryPagePath should be a string");
    std::string route = normalise(entry_it->get_ref<const std::string&>());
    if (!contains(m.pages, route)) {
      return fail("entryPagePath \"" + entry_it->get_ref<const std::string&>() + "\" is not in pages");
    }
    m.entry = route;
  } else {
    m.entry = m.pages.front();
  }

  auto tab_it = value.find("tabBar");
  if (tab_it != value.end() && !tab_it->is_null()) {
    if (!tab_it->is_object()) return fail("tabBar should be an object");
    auto list_it = tab_it->find("list");
    if (list_it != tab_it->end()) {
      if (!list_it->is_array()) return fail("tabBar.list should be an array");
      std::size_t k = 0;
      for (const json& item : *list_it) {
        std::string where = "tabBar.list[" + std::to_string(k) + "].pagePath";
        if (!item.is_object()) return fail(where + " should be a string");
        auto pp = item.find("pagePath");
        if (pp == item.end() || !pp->is_string()) return fail(where + " should be a string");
        std::string route = normalise(pp->get_ref<const std::string&>());
        if (!contains(m.pages, route)) {
          return fail(where + " \"" + pp->get_ref<const std::string&>() + "\" is not in pages");
        }
        if (!contains(m.tabs, route)) m.tabs.push_back(std::move(route));
        ++k;
      }
    }
  }

  auto win_it = value.find("window");
  if (win_it != value.end() && !win_it->is_null()) {
    if (!win_it->is_object()) return fail("window should be an object");
    auto t = win_it->find("navigationBarTitleText");
    if (t != win_it->end() && !t->is_null()) {
      if (!t->is_string()) return fail("window.navigationBarTitleText should be a string");
      m.title = t->get_ref<const std::string&>();
    }
  }

  out = std::move(m);
  return Status::Ok();
}

}  // namespace ft
